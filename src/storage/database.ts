import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { migrations as allMigrations, type Migration } from "./migrations.ts";

export type Database = BetterSqlite3.Database;

/** Prepared statements by name, for a table of SQL by name. */
export type Statements<T extends Record<string, string>> = { [K in keyof T]: BetterSqlite3.Statement };

const BUSY_TIMEOUT_MS = 5_000;

/** Why a database file cannot be used, in words that say what to do; the file is named. */
export const DATABASE_MESSAGES = {
  notWritable: (file: string, reason: string) =>
    `Cannot write the database file ${file} (${reason}).\n` +
    "Set DATABASE_PATH in .env to a file in a folder the bot may write to, or give the bot's user write access to that folder.",
  damaged: (file: string, detail: string) =>
    `The database file ${file} is damaged (${detail}).\n` +
    `Stop the bot and keep a copy of the file; then restore a backup, or try sqlite3 ${file} ".recover", ` +
    "or move the file aside to start empty (settings, subscriptions and queued announcements in it would be lost).",
} as const;

/** The database file cannot be used: it is damaged, or it cannot be written. */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
  constructor(
    readonly file: string,
    readonly reason: "damaged" | "not writable",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// The system's and SQLite's codes that mean the file or its folder cannot be written, in words;
// SQLite's extended codes (SQLITE_IOERR_WRITE …) are read by the code they start with.
const NOT_WRITABLE: ReadonlyArray<[code: RegExp, words: string]> = [
  [/^(EACCES|EPERM|SQLITE_PERM)/, "permission denied"],
  [/^(EROFS|SQLITE_READONLY)/, "read-only"],
  [/^(ENOTDIR|EEXIST)/, "a file stands where its folder should be"],
  [/^(ENOSPC|SQLITE_FULL)/, "the disk is full"],
  [/^SQLITE_CANTOPEN/, "it cannot be opened"],
  [/^SQLITE_IOERR/, "a read or write failed"],
];
const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;

/**
 * Opens (creating when missing) the SQLite database at `path`, checks it is sound (`PRAGMA
 * quick_check`) and brings its schema up to date. A file that cannot be written or is damaged
 * throws a `DatabaseError` that says what to do. `:memory:` works too, for tests.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = allMigrations): Database {
  let db: Database | undefined;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new BetterSqlite3(path);
    db.pragma("journal_mode = WAL");
    // WAL keeps the database consistent after a crash with NORMAL; FULL only adds durability of the last commit.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const faults = soundnessFaults(db);
    if (faults.length) {
      throw new DatabaseError(
        path,
        "damaged",
        DATABASE_MESSAGES.damaged(path, faults.slice(0, 3).join("; ")),
      );
    }
    migrate(db, migrations);
  } catch (error) {
    db?.close();
    throw asDatabaseError(path, error);
  }
  return db;
}

/** What `PRAGMA quick_check` finds wrong (nothing when it answers "ok"); it reads every page once. */
function soundnessFaults(db: Database): string[] {
  const rows = db.pragma("quick_check") as Array<{ quick_check: string }>;
  return rows.map((row) => row.quick_check).filter((fault) => fault !== "ok");
}

/** An error from opening or checking the file, told as what to do when it is one we know. */
function asDatabaseError(path: string, error: unknown): unknown {
  if (error instanceof DatabaseError) return error;
  const code = String((error as { code?: unknown }).code ?? "");
  const words = error instanceof Error ? error.message : String(error);
  if (DAMAGED.test(code)) {
    return new DatabaseError(path, "damaged", DATABASE_MESSAGES.damaged(path, words), { cause: error });
  }
  const plain = NOT_WRITABLE.find(([pattern]) => pattern.test(code))?.[1];
  if (plain) {
    const reason = `${plain}, ${code}`;
    return new DatabaseError(path, "not writable", DATABASE_MESSAGES.notWritable(path, reason), {
      cause: error,
    });
  }
  return error;
}

/** The schema version the database is at: the number of the last migration applied. */
export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Applies, in order, each migration newer than the database's `user_version`.
 * Each step and its version bump commit together, so a failed step leaves the previous version.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}: ` +
          "versions must run 1, 2, 3, … in array order.",
      );
    }
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `The database is at schema version ${current}, but this build knows only ${migrations.length}. ` +
        "It was written by a newer version of the bot; upgrade the bot or restore an older database.",
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      if (typeof migration.up === "string") db.exec(migration.up);
      else migration.up(db);
      // PRAGMA takes no bound parameters; the version is a checked integer.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** Prepares each statement of a table of SQL by name, once: a store's statements read as data. */
export function prepareAll<T extends Record<string, string>>(db: Database, sql: T): Statements<T> {
  return Object.fromEntries(
    Object.entries(sql).map(([name, text]) => [name, db.prepare(text)]),
  ) as Statements<T>;
}
