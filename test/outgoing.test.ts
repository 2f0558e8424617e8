import { Telegraf, TelegramError } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import { installRetry } from "../src/telegram/api-retry.ts";
import {
  countedAfter,
  countingOf,
  limitedChat,
  OUTGOING_CALLS,
  OutgoingLimitError,
  OutgoingLimiter,
} from "../src/telegram/outgoing.ts";
import { ManualClock } from "./support/clock.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";

const LIMITS = { global: { count: 3, windowMs: 1000 }, perChat: { count: 2, windowMs: 60_000 }, marginMs: 0 };
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("which calls count against Telegram's limits", () => {
  for (const kind of OUTGOING_CALLS) {
    it.each(kind.examples)(`row "${kind.name}" takes %s`, (method) => {
      expect(countingOf(method)).toBe(kind.counts);
    });
  }

  it("counts a message into a group against that group, a message to a person against none", () => {
    expect(limitedChat("sendMessage", { chat_id: -1001 })).toBe(-1001);
    expect(limitedChat("sendMessage", { chat_id: 42 })).toBeUndefined();
    expect(limitedChat("editMessageText", { chat_id: -1001 })).toBeUndefined();
  });

  it("gives the slot of a refused call back, and keeps that of a 429 or an unanswered call", () => {
    expect(countedAfter(new TelegramError({ error_code: 400, description: "Bad Request" }))).toBe(false);
    expect(countedAfter(new TelegramError({ error_code: 429, description: "Too Many Requests" }))).toBe(true);
    expect(countedAfter(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe(true);
    expect(countedAfter(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(false);
  });
});

describe("one limiter for replies and broadcasts", () => {
  it("lets a waiting reply go before the broadcast's next message", async () => {
    const clock = new ManualClock(0);
    const limiter = new OutgoingLimiter(clock, LIMITS);
    const answered = (chatId: number) => limiter.settle(limiter.take(chatId, clock.now()), true);
    answered(-1);
    clock.advance(500);
    answered(-2);
    answered(-3);
    expect(limiter.delay(-4, 500, "broadcast")).toEqual({ ms: 500, cause: "global" });
    let replied = false;
    const reply = limiter.acquire(undefined, "reply").then(() => {
      replied = true;
    });
    await flush();
    clock.advance(500);
    // At 1000 one slot is free, and the waiting reply has it: the broadcast waits for the next.
    expect(limiter.delay(-4, 1000, "broadcast").ms).toBe(500);
    await reply;
    expect(replied).toBe(true);
    expect(limiter.delay(-4, 1500, "broadcast").ms).toBe(0);
  });

  it("holds a group's reply for the group's own limit, briefly; too long a wait fails rather than hold the update", async () => {
    const clock = new ManualClock(0);
    const limiter = new OutgoingLimiter(clock, { ...LIMITS, perChat: { count: 2, windowMs: 5_000 } });
    limiter.take(-9, 0);
    limiter.take(-9, 0);
    const later = limiter.acquire(-9, "reply");
    await flush();
    // Waiting for its group does not hold the broadcasts to other groups back.
    expect(limiter.delay(-8, 0, "broadcast").ms).toBe(0);
    clock.advance(5_000);
    await expect(later).resolves.toMatchObject({ chatId: -9, at: 5_000 });

    const slow = new OutgoingLimiter(clock, LIMITS);
    slow.take(-7, 5_000);
    slow.take(-7, 5_000);
    await expect(slow.acquire(-7, "reply")).rejects.toBeInstanceOf(OutgoingLimitError);
  });

  it("stops waiting when the call is aborted", async () => {
    const clock = new ManualClock(0);
    const limiter = new OutgoingLimiter(clock, LIMITS);
    for (const chat of [-1, -2, -3]) limiter.take(chat, 0);
    const abort = new AbortController();
    const waiting = limiter.acquire(undefined, "broadcast", abort.signal);
    abort.abort(new Error("stopped"));
    await expect(waiting).rejects.toThrow("stopped");
  });
});

describe("the API layer's hook", () => {
  let fake: FakeBotApi | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("makes every counted call wait its turn; reads do not", async () => {
    fake = await FakeBotApi.start();
    const clock = new ManualClock(0);
    const limiter = new OutgoingLimiter(clock, LIMITS);
    const bot = new Telegraf("123:abc", { telegram: { apiRoot: fake.apiRoot } });
    installRetry(bot.telegram, { outgoing: { limiter, priority: "reply" } });
    const sent = Promise.all(Array.from({ length: 5 }, (_, i) => bot.telegram.sendMessage(100 + i, "halo")));
    await bot.telegram.getMe();
    await expect.poll(() => fake?.calls("sendMessage").length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.calls("sendMessage")).toHaveLength(3);
    clock.advance(1000);
    await sent;
    expect(fake.calls("sendMessage")).toHaveLength(5);
  });
});
