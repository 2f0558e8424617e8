import type { Telegram } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import { createAnnounceService } from "../../src/announce/service";
import { createI18n, translator } from "../../src/i18n";
import { silentLogger } from "../../src/logger";
import { type Database, openDatabase } from "../../src/storage/database";
import { GroupStore } from "../../src/storage/groups";
import { ManualClock } from "../support/clock";

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

interface Call {
  method: string;
  chatId: number;
  at: number;
}

/**
 * A worker over an in-memory database and a stub Bot API that answers at once (or when the test
 * releases it), on a manual clock: pacing is checked in clock time, without any real wait.
 */
function setup(groupCount: number, opts: { hold?: boolean } = {}) {
  const db = openDatabase(":memory:");
  open.push(db);
  const clock = new ManualClock(1_000_000);
  const calls: Call[] = [];
  const held: Array<() => void> = [];
  let messageId = 1;
  const api = {
    callApi: async (method: string, payload: { chat_id: number }) => {
      calls.push({ method, chatId: payload.chat_id, at: clock.now() });
      if (opts.hold) await new Promise<void>((resolve) => held.push(resolve));
      return { message_id: messageId++, date: 0, chat: { id: payload.chat_id }, text: "" };
    },
  } as unknown as Telegram;
  const groups = new GroupStore(db, () => clock.now());
  const service = createAnnounceService({
    db,
    groups,
    token: "1:test",
    t: translator(createI18n()),
    logger: silentLogger,
    timezone: "Asia/Jakarta",
    broadcast: { clock },
  });
  // Swap the HTTP clients for the stub: the worker reads them from its dependencies.
  Object.assign((service.broadcaster as unknown as { deps: object }).deps, { api, staff: api });
  const ids = Array.from({ length: groupCount }, (_, i) => -100 - i);
  for (const id of ids) {
    groups.upsert({ id, title: `G${id}`, type: "group" });
    service.subscriptions.setSubscribed(id, true);
  }
  const announce = () =>
    service.store.create({
      authorId: 7,
      authorLang: "id",
      texts: { id: "Halo" },
      audience: { kind: "all" },
      pin: false,
      sendAt: clock.now(),
    });
  return { db, clock, calls, held, service, ids, announce };
}

/** The most group messages in any window of `ms` of clock time. */
function busiest(calls: Call[], ms: number): number {
  const times = calls.filter((c) => c.method === "sendMessage" && c.chatId < 0).map((c) => c.at);
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

describe("pacing", () => {
  it("sends 100 groups at 30 a second and no faster, each once", async () => {
    const s = setup(100);
    const id = s.announce();
    s.service.broadcaster.start();
    for (let i = 0; i < 10 && s.service.store.get(id)?.status !== "done"; i++) {
      await s.service.broadcaster.whenIdle();
      s.clock.advance(1_005);
    }
    await s.service.broadcaster.stop();
    const sends = s.calls.filter((c) => c.method === "sendMessage" && c.chatId < 0);
    expect(sends.map((c) => c.chatId).sort()).toEqual([...s.ids].sort());
    expect(busiest(s.calls, 1000)).toBe(30);
    // Four windows: 30 + 30 + 30 + 10.
    expect(new Set(sends.map((c) => c.at)).size).toBe(4);
    expect(s.service.store.counts(id)).toMatchObject({ total: 100, sent: 100 });
  });

  it("never puts more than 20 messages a minute into one group", async () => {
    const s = setup(1);
    const ids = Array.from({ length: 25 }, () => s.announce());
    s.service.broadcaster.start();
    for (let i = 0; i < 10 && s.service.store.get(ids.at(-1) ?? 0)?.status !== "done"; i++) {
      await s.service.broadcaster.whenIdle();
      s.clock.advance(30_000);
    }
    await s.service.broadcaster.stop();
    const times = s.calls.filter((c) => c.method === "sendMessage" && c.chatId < 0).map((c) => c.at);
    expect(times).toHaveLength(25);
    for (const t of times)
      expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(20);
  });
});

describe("stopping", () => {
  it("a graceful stop waits for the calls in flight and records them: nothing left in doubt", async () => {
    const s = setup(3, { hold: true });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => s.held.length).toBe(4); // the progress message and three groups
    const stopped = s.service.broadcaster.stop();
    for (const release of s.held.splice(0)) release();
    await stopped;
    expect(s.service.store.counts(id)).toMatchObject({ sent: 3, sending: 0, unconfirmed: 0 });
  });

  it("a kill records nothing more: the calls in flight stay in doubt until the next start", async () => {
    const s = setup(3, { hold: true });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => s.held.length).toBe(4);
    s.service.broadcaster.kill();
    for (const release of s.held.splice(0)) release();
    await s.service.broadcaster.stop();
    expect(s.service.store.counts(id)).toMatchObject({ sent: 0, sending: 3 });
    expect(s.service.store.recoverInterrupted()).toBe(3);
    expect(s.service.store.counts(id)).toMatchObject({ sent: 3, unconfirmed: 3 });
  });
});
