/**
 * The bot under load and faults, over HTTP against the fake Bot API, on the real clock: its
 * replies and a broadcast share Telegram's limits; a stop with slow sends in flight is prompt.
 */
import type { User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { countingOf } from "../../src/telegram/outgoing.ts";
import { TELEGRAM_LIMITS } from "../../src/telegram/rate-limit.ts";
import { STAFF } from "../support/announce.ts";
import { setup } from "../support/app.ts";
import type { FakeBotApi, RecordedCall } from "../support/fake-bot-api.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
const running: Ctx[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.close();
});

async function start(fakeOptions: Parameters<typeof setup>[2] = {}): Promise<Ctx> {
  const c = await setup({ adminIds: [STAFF.id] }, {}, fakeOptions);
  running.push(c);
  return c;
}

/** `count` subscribed groups, and an announcement to all of them, due now; returns its id. */
function broadcastTo(c: Ctx, count: number): { id: number; groups: number[] } {
  const groups = Array.from({ length: count }, (_, i) => -5000 - i);
  const { announce } = c.app.deps;
  for (const group of groups) {
    c.app.deps.groups.upsert({ id: group, title: `Grup ${group}`, type: "group" });
    announce.subscriptions.setSubscribed(group, true);
  }
  const id = announce.announcements.create({
    authorId: STAFF.id,
    authorLang: "id",
    texts: { id: "Pelatihan ekspor dibuka." },
    audience: { kind: "all" },
    pin: false,
    sendAt: Date.now(),
  });
  announce.broadcaster.wake();
  return { id, groups };
}

/** The most calls counted against Telegram's overall limit that the fake got in any second. */
function busiestSecond(fake: FakeBotApi): number {
  const times = fake
    .delivered()
    .filter((call) => countingOf(call.method) !== "free")
    .map((call) => call.at)
    .sort((a, b) => a - b);
  let best = 0;
  for (let end = 0, begin = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[begin] ?? 0) >= TELEGRAM_LIMITS.global.windowMs) begin++;
    best = Math.max(best, end - begin + 1);
  }
  return best;
}

const person = (i: number): User => ({
  id: 20_000 + i,
  is_bot: false,
  first_name: `Warga ${i}`,
  language_code: "id",
});
const toChat = (chatId: number) => (call: RecordedCall) => call.params.chat_id === chatId;

describe("the bot's replies during a broadcast", () => {
  it("share Telegram's 30 a second with it: never more at the fake, no 429, replies first", async () => {
    const c = await start({ rateLimit: TELEGRAM_LIMITS });
    const { id, groups } = broadcastTo(c, 60);
    const people = Array.from({ length: 30 }, (_, i) => person(i));
    for (const from of people) c.fake.message({ text: "produk apa di Papua?", from });

    await expect
      .poll(() => c.app.deps.announce.announcements.get(id)?.reportedAt, { timeout: 15_000 })
      .toBeDefined();
    for (const from of people) await c.fake.waitFor("sendMessage", toChat(from.id), 10_000);

    expect(busiestSecond(c.fake)).toBeLessThanOrEqual(TELEGRAM_LIMITS.global.count);
    expect(c.fake.rateLimited).toBe(0);
    for (const group of groups) expect(c.fake.delivered("sendMessage").filter(toChat(group))).toHaveLength(1);
    // Every person had an answer before the broadcast's last message went out.
    const lastGroupMessage = Math.max(
      ...c.fake
        .delivered("sendMessage")
        .filter((call) => Number(call.params.chat_id) < 0)
        .map((call) => call.at),
    );
    for (const from of people) {
      expect(c.fake.delivered("sendMessage").find(toChat(from.id))?.at).toBeLessThanOrEqual(lastGroupMessage);
    }
  }, 30_000);
});

describe("a stop with slow sends in flight", () => {
  it("ends within 8 s; the sends it gave up on are unconfirmed, and reported so after a restart", async () => {
    const c = await start();
    // Telegram takes 30 s to answer each message to a group.
    let messageId = 70_000;
    c.fake.respond("sendMessage", async (params) => {
      const chatId = Number(params.chat_id);
      if (chatId < 0) await new Promise((resolve) => setTimeout(resolve, 30_000).unref());
      return { message_id: messageId++, date: 1, chat: { id: chatId, type: "group" }, text: params.text };
    });
    broadcastTo(c, 10);
    await expect.poll(() => c.fake.calls().length, { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => c.app.deps.announce.deliveries.counts(1).sending, { timeout: 5000 }).toBe(10);

    const started = performance.now();
    await c.app.stop("SIGTERM");
    expect(performance.now() - started).toBeLessThan(8000);

    c.fake.respond("sendMessage", (params) => ({
      message_id: messageId++,
      date: 1,
      chat: { id: Number(params.chat_id), type: "private" },
      text: params.text,
    }));
    await c.restart();
    const report = await c.fake.waitFor(
      "sendMessage",
      (call) => call.params.chat_id === STAFF.id && String(call.params.text).includes("Laporan"),
    );
    expect(String(report.params.text)).toContain("Terkirim: 0 dari 10 grup");
    expect(String(report.params.text)).toContain("Tidak terkonfirmasi: 10");
    expect(String(report.params.text)).toContain("bot dihentikan sebelum Telegram menjawab");
  }, 30_000);
});
