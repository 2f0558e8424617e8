import { TelegramError } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import type { BroadcastApi } from "../../src/announce/broadcast-api.ts";
import type { BroadcasterOptions } from "../../src/announce/broadcast-options.ts";
import { createAnnounceService } from "../../src/announce/service.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { type Database, openDatabase } from "../../src/storage/database.ts";
import { GroupStore } from "../../src/storage/groups.ts";
import { OutgoingLimiter } from "../../src/telegram/outgoing.ts";
import { type FakeCall, fakeBroadcastApi } from "../support/broadcast-api.ts";
import { ManualClock } from "../support/clock.ts";

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
 * A worker over an in-memory database and a stub Bot API, on a manual clock: pacing is checked
 * in clock time, without any real wait.
 */
function setup(
  groupCount: number,
  opts: {
    hold?: boolean;
    /** An error for the call to throw instead of answering (the call is recorded first). */
    fail?: (call: FakeCall) => Error | undefined;
    broadcast?: BroadcasterOptions;
  } = {},
  /** What a restarted process shares with the one before: the database, the clock; another staff API. */
  over: { db?: Database; clock?: ManualClock; staffApi?: BroadcastApi } = {},
) {
  const db = over.db ?? openDatabase(":memory:");
  if (!over.db) open.push(db);
  const clock = over.clock ?? new ManualClock(1_000_000);
  const api = fakeBroadcastApi(clock, opts);
  const groups = new GroupStore(db, () => clock.now());
  const service = createAnnounceService(
    {
      db,
      groups,
      groupApi: api,
      staffApi: over.staffApi ?? api,
      outgoing: new OutgoingLimiter(clock),
      clock,
      t: translator(createI18n()),
      logger: silentLogger,
      timezone: "Asia/Jakarta",
    },
    opts.broadcast,
  );
  const ids = Array.from({ length: groupCount }, (_, i) => -100 - i);
  for (const id of ids) {
    groups.upsert({ id, title: `G${id}`, type: "group" });
    service.subscriptions.setSubscribed(id, true);
  }
  const announce = () =>
    service.announcements.create({
      authorId: 7,
      authorLang: "id",
      texts: { id: "Halo" },
      audience: { kind: "all" },
      pin: false,
      sendAt: clock.now(),
    });
  return { db, clock, calls: api.calls, held: api.held, service, ids, announce };
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
    for (let i = 0; i < 10 && s.service.announcements.get(id)?.status !== "done"; i++) {
      await s.service.broadcaster.whenIdle();
      s.clock.advance(1_005);
    }
    await s.service.broadcaster.stop();
    const sends = s.calls.filter((c) => c.method === "sendMessage" && c.chatId < 0);
    expect(sends.map((c) => c.chatId).sort()).toEqual([...s.ids].sort());
    expect(busiest(s.calls, 1000)).toBe(30);
    // Four windows: 30 + 30 + 30 + 10.
    expect(new Set(sends.map((c) => c.at)).size).toBe(4);
    expect(s.service.deliveries.counts(id)).toMatchObject({ total: 100, sent: 100 });
  });

  it("never puts more than 20 messages a minute into one group", async () => {
    const s = setup(1);
    const ids = Array.from({ length: 25 }, () => s.announce());
    s.service.broadcaster.start();
    for (let i = 0; i < 10 && s.service.announcements.get(ids.at(-1) ?? 0)?.status !== "done"; i++) {
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
    expect(s.service.deliveries.counts(id)).toMatchObject({ sent: 3, sending: 0, unconfirmed: 0 });
  });

  it("a stop gives calls in flight a grace period, then abandons them, recorded unconfirmed", async () => {
    const s = setup(3, { hold: true, broadcast: { stopGraceMs: 50 } });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => s.held.length).toBe(4);
    // One answers within the grace period; the others never do.
    const stopped = s.service.broadcaster.stop();
    s.held[1]?.();
    const started = performance.now();
    await stopped;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(s.service.deliveries.counts(id)).toMatchObject({ sent: 1, unconfirmed: 2, sending: 0 });
    expect(s.service.deliveries.problems(id)).toMatchObject([
      { status: "unconfirmed", reason: "abandoned" },
      { status: "unconfirmed", reason: "abandoned" },
    ]);
  });

  it("a kill records nothing more: the calls in flight stay in doubt until the next start", async () => {
    const s = setup(3, { hold: true });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => s.held.length).toBe(4);
    s.service.broadcaster.kill();
    for (const release of s.held.splice(0)) release();
    await s.service.broadcaster.stop();
    expect(s.service.deliveries.counts(id)).toMatchObject({ sent: 0, sending: 3 });
    expect(s.service.deliveries.recoverInterrupted()).toBe(3);
    // Never confirmed: not counted as delivered, and not sent again by themselves.
    expect(s.service.deliveries.counts(id)).toMatchObject({ sent: 0, unconfirmed: 3, pending: 0 });
  });
});

/** Lets settled promises run their handlers (a failed call's bookkeeping). */
const flush = () => new Promise((resolve) => setImmediate(resolve));
const tooMany = (seconds: number) =>
  new TelegramError({
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  });
const groupSends = (calls: Call[]) => calls.filter((c) => c.method === "sendMessage" && c.chatId < 0);
const staffSends = (calls: FakeCall[]) => calls.filter((c) => c.method === "sendMessage" && c.chatId === 7);

describe("a 429 from Telegram", () => {
  it("holds back only its own group after one 429", async () => {
    let refused = false;
    const s = setup(4, {
      broadcast: { concurrency: 1 },
      fail: (c) => {
        if (c.method !== "sendMessage" || c.chatId >= 0 || refused) return undefined;
        refused = true;
        return tooMany(5);
      },
    });
    const id = s.announce();
    const start = s.clock.now();
    s.service.broadcaster.start();
    await s.service.broadcaster.whenIdle();
    for (let i = 0; i < 5 && groupSends(s.calls).length < 4; i++) {
      s.clock.advance(100);
      await s.service.broadcaster.whenIdle();
    }
    // The other three went out at once; the refused group waits its 5 s.
    const first = groupSends(s.calls)[0];
    expect(
      groupSends(s.calls)
        .slice(1)
        .every((c) => c.at < start + 5_000),
    ).toBe(true);
    expect(groupSends(s.calls).filter((c) => c.chatId === first?.chatId)).toHaveLength(1);
    s.clock.advance(5_000);
    for (let i = 0; i < 5 && s.service.announcements.get(id)?.status !== "done"; i++) {
      await s.service.broadcaster.whenIdle();
      s.clock.advance(1_005);
    }
    await s.service.broadcaster.stop();
    expect(s.service.deliveries.counts(id)).toMatchObject({ total: 4, sent: 4, failed: 0 });
  });

  it("does not count toward maxAttempts: a long flood wait fails no group", async () => {
    let refusals = 0;
    const s = setup(1, {
      broadcast: { maxAttempts: 2 },
      fail: (c) => (c.method === "sendMessage" && c.chatId < 0 && ++refusals <= 4 ? tooMany(1) : undefined),
    });
    const id = s.announce();
    s.service.broadcaster.start();
    for (let i = 0; i < 10 && s.service.announcements.get(id)?.status !== "done"; i++) {
      await s.service.broadcaster.whenIdle();
      s.clock.advance(1_000);
    }
    await s.service.broadcaster.stop();
    expect(groupSends(s.calls)).toHaveLength(5);
    expect(s.service.deliveries.counts(id)).toMatchObject({ sent: 1, failed: 0 });
  });
});

describe("a scheduled announcement found late", () => {
  const MINUTE = 60_000;

  function scheduledAgo(s: ReturnType<typeof setup>, ms: number): number {
    return s.service.announcements.create({
      authorId: 7,
      authorLang: "en",
      texts: { id: "Rapat <b>besok</b>", en: "Meeting <b>tomorrow</b>" },
      audience: { kind: "all" },
      pin: false,
      sendAt: s.clock.now() - ms,
    });
  }

  it("more than 30 minutes after its time is not sent: it is missed, and its author is told once", async () => {
    const s = setup(2);
    const id = scheduledAgo(s, 31 * MINUTE);
    s.service.broadcaster.start();
    await s.service.broadcaster.whenIdle();
    s.clock.advance(1_000);
    await s.service.broadcaster.whenIdle();
    await s.service.broadcaster.stop();
    expect(groupSends(s.calls)).toHaveLength(0);
    const a = s.service.announcements.get(id);
    expect(a?.status).toBe("missed");
    expect(a?.reportedAt).toBeDefined();
    expect(s.service.announcements.recent().map((r) => r.status)).toEqual(["missed"]);
    expect(staffSends(s.calls)).toHaveLength(1);
    const notice = staffSends(s.calls)[0]?.text;
    expect(notice).toContain(`Announcement #${id} was not sent`);
    expect(notice).toContain("31 min late");
    expect(notice).toContain("Meeting tomorrow");
  });

  it("within 30 minutes of its time still goes out", async () => {
    const s = setup(2);
    const id = scheduledAgo(s, 29 * MINUTE);
    s.service.broadcaster.start();
    await s.service.broadcaster.whenIdle();
    await s.service.broadcaster.stop();
    expect(groupSends(s.calls)).toHaveLength(2);
    expect(s.service.announcements.get(id)?.status).toBe("done");
  });
});

describe("the final report", () => {
  it("is tried again when it cannot be sent, a bounded number of times", async () => {
    let reportTries = 0;
    const s = setup(1, {
      broadcast: { reportRetryMs: 10_000, maxReportAttempts: 3 },
      fail: (c) => {
        if (c.chatId !== 7 || !c.text.includes("Laporan")) return undefined;
        reportTries++;
        return new TelegramError({ error_code: 502, description: "Bad Gateway" });
      },
    });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => reportTries).toBe(1);
    // Backoff 10 s, then 20 s; then it gives up (until the next start).
    await flush();
    await s.service.broadcaster.whenIdle();
    s.clock.advance(9_999);
    await s.service.broadcaster.whenIdle();
    expect(reportTries).toBe(1);
    s.clock.advance(1);
    await expect.poll(() => reportTries).toBe(2);
    await flush();
    await s.service.broadcaster.whenIdle();
    s.clock.advance(20_000);
    await expect.poll(() => reportTries).toBe(3);
    await flush();
    await s.service.broadcaster.whenIdle();
    s.clock.advance(600_000);
    await s.service.broadcaster.whenIdle();
    await flush();
    expect(reportTries).toBe(3);
    await s.service.broadcaster.stop();
    expect(s.service.announcements.get(id)?.reportedAt).toBeUndefined();
  });

  it("sent after a failed try is marked reported and not sent again", async () => {
    let failed = false;
    const s = setup(1, {
      broadcast: { reportRetryMs: 1_000 },
      fail: (c) => {
        if (c.chatId !== 7 || !c.text.includes("Laporan") || failed) return undefined;
        failed = true;
        return new Error("socket hang up");
      },
    });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => failed).toBe(true);
    await flush();
    await s.service.broadcaster.whenIdle();
    s.clock.advance(1_000);
    await expect.poll(() => s.service.announcements.get(id)?.reportedAt).toBeDefined();
    s.clock.advance(60_000);
    await s.service.broadcaster.whenIdle();
    await s.service.broadcaster.stop();
    const reports = s.calls.filter((c) => c.chatId === 7 && c.method === "sendMessage").length;
    // The progress message, the failed report, the report.
    expect(reports).toBe(3);
  });
});

describe("a connection dropped after the request left", () => {
  const hangUp = () => Object.assign(new Error("socket hang up"), { name: "FetchError", code: "ECONNRESET" });

  it("is retried, and the group is reported as perhaps having it twice", async () => {
    let dropped = false;
    const s = setup(2, {
      broadcast: { backoffMs: 1000 },
      fail: (c) => {
        if (c.method !== "sendMessage" || c.chatId !== -100 || dropped) return undefined;
        dropped = true;
        return hangUp();
      },
    });
    const id = s.announce();
    s.service.broadcaster.start();
    for (let i = 0; i < 5 && s.service.announcements.get(id)?.reportedAt === undefined; i++) {
      await s.service.broadcaster.whenIdle();
      await flush();
      s.clock.advance(1_000);
    }
    await s.service.broadcaster.stop();
    expect(groupSends(s.calls).filter((c) => c.chatId === -100)).toHaveLength(2);
    expect(s.service.deliveries.counts(id)).toMatchObject({ sent: 2, maybeTwice: 1 });
    const report = staffSends(s.calls).find((c) => c.text.includes("Laporan"))?.text;
    expect(report).toContain("Terkirim: 2 dari 2 grup");
    expect(report).toContain("Mungkin diterima dua kali: 1");
    expect(report).toContain("2× <b>mungkin diterima dua kali</b> (1): G-100");
  });

  it("every time, until the attempts are used up, leaves the group unconfirmed rather than failed", async () => {
    const s = setup(1, {
      broadcast: { backoffMs: 1000, maxAttempts: 3 },
      fail: (c) => (c.method === "sendMessage" && c.chatId < 0 ? hangUp() : undefined),
    });
    const id = s.announce();
    s.service.broadcaster.start();
    for (let i = 0; i < 10 && s.service.announcements.get(id)?.reportedAt === undefined; i++) {
      await s.service.broadcaster.whenIdle();
      await flush();
      s.clock.advance(2_000);
    }
    await s.service.broadcaster.stop();
    expect(groupSends(s.calls)).toHaveLength(3);
    expect(s.service.deliveries.problems(id)).toMatchObject([
      { chatId: -100, status: "unconfirmed", reason: "no_answer", detail: "socket hang up" },
    ]);
    const report = staffSends(s.calls).find((c) => c.text.includes("Laporan"))?.text;
    expect(report).toContain("Terkirim: 0 dari 1 grup");
    expect(report).toContain("Tidak terkonfirmasi: 1");
  });
});

describe("a report being sent when the process died", () => {
  it("is not sent again at the next start: it may have arrived", async () => {
    let held = false;
    const db = openDatabase(":memory:");
    open.push(db);
    const clock = new ManualClock(1_000_000);
    const api = fakeBroadcastApi(clock, {});
    const holdingApi = {
      ...api,
      // The report's call never answers: the process dies during it.
      sendMessage: async (chatId: number, html: string, signal: AbortSignal) => {
        if (chatId === 7 && html.includes("Laporan")) {
          held = true;
          await new Promise<void>((_, reject) =>
            signal.addEventListener("abort", () => reject(signal.reason)),
          );
        }
        return api.sendMessage(chatId, html, signal);
      },
    };
    const s = setup(2, {}, { db, clock, staffApi: holdingApi });
    const id = s.announce();
    s.service.broadcaster.start();
    await expect.poll(() => held).toBe(true);
    s.service.broadcaster.kill();
    await s.service.broadcaster.stop();

    const restarted = setup(2, {}, { db, clock, staffApi: api });
    restarted.service.broadcaster.start();
    await restarted.service.broadcaster.whenIdle();
    s.clock.advance(600_000);
    await restarted.service.broadcaster.whenIdle();
    await restarted.service.broadcaster.stop();
    expect(api.calls.filter((c) => c.chatId === 7 && c.text.includes("Laporan"))).toHaveLength(0);
    expect(restarted.service.announcements.reportsInDoubt()).toEqual([id]);
  });
});
