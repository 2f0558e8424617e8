import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Database,
  DatabaseError,
  migrate,
  openDatabase,
  schemaVersion,
} from "../src/storage/database.ts";
import { GroupStore } from "../src/storage/groups.ts";
import { type Migration, migrations } from "../src/storage/migrations.ts";
import { UserStore } from "../src/storage/users.ts";

const folders: string[] = [];
const open: Database[] = [];

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A database file in a fresh temp folder, with a clock the test moves by hand. */
function setup() {
  const folder = mkdtempSync(join(tmpdir(), "tanya-ikm-"));
  folders.push(folder);
  const path = join(folder, "nested", "bot.sqlite");
  const clock = { now: 1_000 };
  const reopen = (list: readonly Migration[] = migrations) => {
    const db = openDatabase(path, list);
    open.push(db);
    return db;
  };
  return { path, clock, now: () => clock.now, reopen, db: reopen() };
}

describe("opening a new database", () => {
  it("creates the missing folder and the file", () => {
    const { path } = setup();
    expect(existsSync(path)).toBe(true);
  });

  it("turns on WAL, foreign keys and a busy timeout", () => {
    const { db } = setup();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
  });

  it("applies every migration", () => {
    const { db } = setup();
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["users", "groups"]));
  });

  it("works in memory", () => {
    const db = openDatabase(":memory:");
    open.push(db);
    expect(schemaVersion(db)).toBe(migrations.length);
  });
});

describe("a database file that cannot be used is refused with what to do", () => {
  /** The error `openDatabase(path)` throws. */
  function refusal(path: string): DatabaseError {
    try {
      open.push(openDatabase(path));
    } catch (err) {
      expect(err).toBeInstanceOf(DatabaseError);
      return err as DatabaseError;
    }
    throw new Error(`${path} opened`);
  }

  it("a path that cannot be written (its folder is a file)", () => {
    const { path } = setup();
    const inside = join(path, "bot.sqlite");
    const error = refusal(inside);
    expect(error.reason).toBe("not writable");
    expect(error.message).toContain(
      `Cannot write the database file ${inside} (a file stands where its folder should be, EEXIST)`,
    );
    expect(error.message).toContain("Set DATABASE_PATH in .env");
  });

  it("a file that is not a database", () => {
    const { path, db } = setup();
    db.close();
    writeFileSync(path, "this is not a database, it is a note about one ".repeat(100));
    rmSync(`${path}-wal`, { force: true });
    const error = refusal(path);
    expect(error.reason).toBe("damaged");
    expect(error.message).toMatch(
      new RegExp(`^The database file ${path} is damaged \\(file is not a database\\)`),
    );
    expect(error.message).toContain("keep a copy of the file; then restore a backup");
  });

  // Damage that opening and migrating do not notice (the bot used to start on it, then fail on
  // the first read of the damaged table): only PRAGMA quick_check, which reads every page, does.
  it.each([
    [
      "a page overwritten with garbage",
      (_root: number, last: number) => [last, 0, Buffer.alloc(4096, 0xa5)] as const,
    ],
    ["a page header that lies about its content", (root: number) => [root, 5, Buffer.from([1, 1])] as const],
  ])("a database with %s", (_, damage) => {
    const { path, db, now } = setup();
    const groups = new GroupStore(db, now);
    for (let i = 1; i <= 400; i++)
      groups.upsert({ id: -1000 - i, title: `Grup IKM nomor ${i} `.repeat(5), type: "group" });
    const root = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'groups'")
      .pluck()
      .get() as number;
    db.close();
    const pageSize = 4096;
    const [page, offset, bytes] = damage(root, statSync(path).size / pageSize);
    const fd = openSync(path, "r+");
    writeSync(fd, bytes, 0, bytes.length, (page - 1) * pageSize + offset);
    closeSync(fd);

    const unchecked = new BetterSqlite3(path);
    expect(unchecked.pragma("user_version", { simple: true })).toBe(migrations.length);
    unchecked.close();
    const error = refusal(path);
    expect(error.reason).toBe("damaged");
    expect(error.message).toContain(`The database file ${path} is damaged (`);
  });
});

describe("reopening after a restart", () => {
  it("does not apply migrations twice", () => {
    const { db, reopen } = setup();
    db.close();
    const again = reopen();
    expect(schemaVersion(again)).toBe(migrations.length);
  });

  it("keeps a user's language", () => {
    const { db, reopen, now } = setup();
    new UserStore(db, now).setLanguage(42, "en");
    db.close();
    expect(new UserStore(reopen(), now).getLanguage(42)).toBe("en");
  });

  it("keeps a group's language and state", () => {
    const { db, reopen, now } = setup();
    const groups = new GroupStore(db, now);
    groups.upsert({ id: -100, title: "IKM Jabar", type: "supergroup" });
    groups.setLanguage(-100, "id");
    db.close();
    expect(new GroupStore(reopen(), now).get(-100)).toMatchObject({ language: "id", active: true });
  });
});

describe("adding a migration later", () => {
  it("applies only the new step, once", () => {
    const { db, reopen } = setup();
    db.close();
    let runs = 0;
    const extended: Migration[] = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: "notes",
        up: (d) => {
          runs += 1;
          d.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        },
      },
    ];
    reopen(extended).close();
    const last = reopen(extended);
    expect(runs).toBe(1);
    expect(schemaVersion(last)).toBe(migrations.length + 1);
  });

  it("rolls a failing step back and keeps the previous version", () => {
    const { db } = setup();
    const broken: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: "broken", up: "CREATE TABLE half (id INTEGER); NOT SQL" },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it("refuses versions out of order", () => {
    const { db } = setup();
    const gap: Migration[] = [...migrations, { version: migrations.length + 2, name: "gap", up: "" }];
    expect(() => migrate(db, gap)).toThrow(/expected/);
  });

  it("refuses a database from a newer build", () => {
    const { db } = setup();
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer version/);
  });
});

describe("user languages", () => {
  it("are unset until chosen, then follow the last choice", () => {
    const { db, clock, now } = setup();
    const users = new UserStore(db, now);
    expect(users.getLanguage(7)).toBeUndefined();
    users.setLanguage(7, "id");
    clock.now = 2_000;
    users.setLanguage(7, "en");
    expect(users.getLanguage(7)).toBe("en");
    expect(db.prepare("SELECT updated_at FROM users WHERE id = 7").pluck().get()).toBe(2_000);
  });
});

describe("groups", () => {
  it("are recorded active on first sight and refreshed later", () => {
    const { db, clock, now } = setup();
    const groups = new GroupStore(db, now);
    groups.upsert({ id: -1, title: "Old title", type: "group" });
    clock.now = 5_000;
    groups.upsert({ id: -1, title: "New title", type: "group" });
    expect(groups.get(-1)).toEqual({
      id: -1,
      title: "New title",
      type: "group",
      language: undefined,
      languageChosen: false,
      active: true,
      joinedAt: 1_000,
      updatedAt: 5_000,
    });
  });

  it("leave the active list when the bot is removed, and the upsert does not bring them back", () => {
    const { db, clock, now } = setup();
    const groups = new GroupStore(db, now);
    groups.upsert({ id: -1, title: "A", type: "group" });
    clock.now = 2_000;
    groups.upsert({ id: -2, title: "B", type: "supergroup" });
    expect(groups.setActive(-1, false)).toBe(true);
    groups.upsert({ id: -1, title: "A", type: "group" });
    expect(groups.listActive().map((g) => g.id)).toEqual([-2]);
    groups.setActive(-1, true);
    expect(groups.listActive().map((g) => g.id)).toEqual([-1, -2]);
  });

  it("report unknown ids", () => {
    const { db, now } = setup();
    const groups = new GroupStore(db, now);
    expect(groups.get(-9)).toBeUndefined();
    expect(groups.setLanguage(-9, "en")).toBe(false);
    expect(groups.setActive(-9, false)).toBe(false);
  });

  it("can clear their language", () => {
    const { db, now } = setup();
    const groups = new GroupStore(db, now);
    groups.upsert({ id: -1, title: "A", type: "group" });
    groups.setLanguage(-1, "en");
    groups.setLanguage(-1, undefined);
    expect(groups.get(-1)?.language).toBeUndefined();
  });
});

describe("a group upgraded to a supergroup", () => {
  it("moves the record to the new id", () => {
    const { db, clock, now } = setup();
    const groups = new GroupStore(db, now);
    groups.upsert({ id: -1, title: "IKM", type: "group" });
    groups.setLanguage(-1, "en");
    clock.now = 9_000;
    expect(groups.migrate(-1, -1001)).toBe(true);
    expect(groups.get(-1)).toBeUndefined();
    expect(groups.get(-1001)).toEqual({
      id: -1001,
      title: "IKM",
      type: "supergroup",
      language: "en",
      languageChosen: true,
      active: true,
      joinedAt: 1_000,
      updatedAt: 9_000,
    });
  });

  it("merges into a record the new id already has", () => {
    const { db, clock, now } = setup();
    const groups = new GroupStore(db, now);
    groups.upsert({ id: -1, title: "IKM", type: "group" });
    groups.setLanguage(-1, "id");
    clock.now = 2_000;
    groups.upsert({ id: -1001, title: "IKM (super)", type: "supergroup" });
    groups.setActive(-1001, false);
    groups.migrate(-1, -1001);
    expect(groups.get(-1)).toBeUndefined();
    expect(groups.get(-1001)).toMatchObject({
      title: "IKM (super)",
      language: "id",
      active: true,
      joinedAt: 1_000,
    });
  });

  it("does nothing for an unknown old id", () => {
    const { db, now } = setup();
    const groups = new GroupStore(db, now);
    expect(groups.migrate(-1, -1001)).toBe(false);
    expect(groups.get(-1001)).toBeUndefined();
  });

  it("lets other stores move their rows in the same transaction", () => {
    const { db, now } = setup();
    db.exec("CREATE TABLE group_notes (group_id INTEGER NOT NULL REFERENCES groups (id), note TEXT)");
    const groups = new GroupStore(db, now);
    groups.onMigrate((oldId, newId) => {
      db.prepare("UPDATE group_notes SET group_id = ? WHERE group_id = ?").run(newId, oldId);
    });
    groups.upsert({ id: -1, title: "IKM", type: "group" });
    db.prepare("INSERT INTO group_notes VALUES (-1, 'news')").run();
    groups.migrate(-1, -1001);
    expect(db.prepare("SELECT group_id FROM group_notes").pluck().all()).toEqual([-1001]);
  });

  it("rolls everything back when a hook fails", () => {
    const { db, now } = setup();
    const groups = new GroupStore(db, now);
    groups.onMigrate(() => {
      throw new Error("hook failed");
    });
    groups.upsert({ id: -1, title: "IKM", type: "group" });
    expect(() => groups.migrate(-1, -1001)).toThrow("hook failed");
    expect(groups.get(-1)).toBeDefined();
    expect(groups.get(-1001)).toBeUndefined();
  });
});
