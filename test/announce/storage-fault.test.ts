import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Broadcaster } from "../../src/announce/broadcaster.ts";
import { STORAGE_FAULTS, storageFault } from "../../src/announce/storage-pause.ts";
import type { FakeCall } from "../support/broadcast-api.ts";
import { broadcastParts } from "../support/broadcast-parts.ts";

/** The methods of the stores that write. */
const WRITES = new Set([
  "claim",
  "markSent",
  "markPinned",
  "retry",
  "putBack",
  "end",
  "defer",
  "skipChat",
  "start",
  "miss",
  "finishIfComplete",
  "setProgressMessage",
  "beginReport",
  "dropReport",
  "markReported",
]);

/** `store`, whose writes throw SQLite's "disk full" while `full()` says so. */
function fillable<T extends object>(store: T, full: () => boolean): T {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (full() && WRITES.has(String(name))) {
          throw new BetterSqlite3.SqliteError("database or disk is full", "SQLITE_FULL");
        }
        return value.apply(target, args);
      };
    },
  });
}

/** A worker over 60 groups whose database fills up when the 30th message goes out. */
function setup() {
  let full = false;
  let groupSends = 0;
  const parts = broadcastParts({
    fail: (call: FakeCall) => {
      if (call.method === "sendMessage" && call.chatId < 0 && ++groupSends === 30) full = true;
      return undefined;
    },
  });
  const isFull = () => full;
  const broadcaster = new Broadcaster({
    ...parts,
    announcements: fillable(parts.announcements, isFull),
    deliveries: fillable(parts.deliveries, isFull),
    groupApi: parts.api,
    staffApi: parts.api,
  });
  const ids = Array.from({ length: 60 }, (_, i) => -100 - i);
  const id = parts.started(ids);
  const sends = () => parts.api.calls.filter((c) => c.method === "sendMessage" && c.chatId < 0);
  const toStaff = () => parts.api.calls.filter((c) => c.method === "sendMessage" && c.chatId === 7);
  return {
    ...parts,
    broadcaster,
    id,
    ids,
    sends,
    toStaff,
    freeSpace: () => {
      full = false;
    },
  };
}

describe("a database that refuses writes during a broadcast", () => {
  it("pauses it, tells its author, and resumes by itself once writes go through: nothing lost or doubled", async () => {
    const s = setup();
    s.broadcaster.start();
    await s.broadcaster.whenIdle();
    expect(s.sends()).toHaveLength(30);
    await expect.poll(() => s.toStaff().map((c) => c.text)).toContainEqual(expect.stringContaining("dijeda"));
    const paused = s.toStaff().find((c) => c.text.includes("dijeda"));
    expect(paused?.text).toContain("Pengiriman pengumuman #1 dijeda");
    expect(paused?.text).toContain("SQLITE_FULL");

    // Still full: time passes, nothing new goes out.
    for (let i = 0; i < 5; i++) {
      s.clock.advance(5_000);
      await s.broadcaster.whenIdle();
    }
    expect(s.sends()).toHaveLength(30);

    s.freeSpace();
    for (let i = 0; i < 10 && s.announcements.get(s.id)?.reportedAt === undefined; i++) {
      s.clock.advance(30_000);
      await s.broadcaster.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await s.broadcaster.stop();
    expect(s.toStaff().map((c) => c.text)).toContainEqual(
      expect.stringContaining("Pengiriman pengumuman #1 berlanjut"),
    );
    // Every group once; those Telegram took while the disk was full are recorded as sent.
    expect(
      s
        .sends()
        .map((c) => c.chatId)
        .sort(),
    ).toEqual([...s.ids].sort());
    expect(s.deliveries.counts(s.id)).toMatchObject({ total: 60, sent: 60, unconfirmed: 0, sending: 0 });
    const report = s.toStaff().find((c) => c.text.includes("Laporan pengumuman"));
    expect(report?.text).toContain("Terkirim: 60 dari 60 grup");
  });
});

describe("the storage faults table", () => {
  for (const fault of STORAGE_FAULTS) {
    it.each(fault.examples)(`row "${fault.name}" knows %s`, (code) => {
      expect(storageFault(new BetterSqlite3.SqliteError("x", code))).toBe(code);
    });
  }

  it("takes no other error for a storage fault", () => {
    expect(storageFault(new BetterSqlite3.SqliteError("UNIQUE constraint failed", "SQLITE_CONSTRAINT"))).toBe(
      undefined,
    );
    expect(storageFault(new Error("boom"))).toBeUndefined();
  });
});
