import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/storage/database.ts";
import { GroupStore } from "../src/storage/groups.ts";
import { SqliteSessionStore } from "../src/storage/sessions.ts";
import { tempDir } from "./support/app.ts";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Draft {
  step: number;
  text: string;
}

describe("sessions in the bot's SQLite file", () => {
  it("round-trip through the same database the other stores use, and survive a reopen", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, "bot.sqlite");
    const clock = { now: 1_000 };
    const options = { maxAgeMs: 60_000, now: () => clock.now };
    let db = openDatabase(path);
    new GroupStore(db).upsert({ id: -1, title: "G", type: "group" });
    new SqliteSessionStore<Draft>(db, options).set("7:7", { step: 3, text: "Halo 🎉 <b>semua</b>" });
    db.close();

    db = openDatabase(path);
    cleanups.push(() => db.close());
    const store = new SqliteSessionStore<Draft>(db, options);
    expect(store.get("7:7")).toEqual({ step: 3, text: "Halo 🎉 <b>semua</b>" });
    expect(new GroupStore(db).get(-1)?.title).toBe("G");
    expect(store.get("8:8")).toBeUndefined();
    store.delete("7:7");
    expect(store.get("7:7")).toBeUndefined();
  });

  it("forget a session left alone longer than their age limit", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, "bot.sqlite"));
    cleanups.push(() => db.close());
    const clock = { now: 1_000 };
    const store = new SqliteSessionStore<Draft>(db, { maxAgeMs: 60_000, now: () => clock.now });
    store.set("1:1", { step: 1, text: "a" });
    clock.now += 60_000;
    expect(store.get("1:1")).toEqual({ step: 1, text: "a" });
    clock.now += 1;
    expect(store.get("1:1")).toBeUndefined();
    expect(db.prepare("SELECT COUNT(*) AS n FROM sessions").get()).toEqual({ n: 0 });
  });
});
