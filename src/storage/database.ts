import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { migrations as allMigrations, type Migration } from "./migrations.ts";

export type Database = BetterSqlite3.Database;

/** Prepared statements by name, for a table of SQL by name. */
export type Statements<T extends Record<string, string>> = { [K in keyof T]: BetterSqlite3.Statement };

const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when missing) the SQLite database at `path` and brings its schema up to date.
 * `:memory:` works too, for tests.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = allMigrations): Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    db.pragma("journal_mode = WAL");
    // WAL keeps the database consistent after a crash with NORMAL; FULL only adds durability of the last commit.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
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
