import type { SyncSessionStore } from "telegraf/session";
import { type Database, prepareAll, type Statements } from "./database.ts";

const SQL = Object.freeze({
  get: "SELECT value, updated_at AS updatedAt FROM sessions WHERE key = ?",
  set: `INSERT INTO sessions (key, value, updated_at) VALUES (@key, @value, @now)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  delete: "DELETE FROM sessions WHERE key = ?",
  prune: "DELETE FROM sessions WHERE updated_at < ?",
});

/**
 * Telegraf sessions in the bot's own SQLite database, as JSON a key (Telegraf's session
 * middleware takes any store with `get`, `set` and `delete`).
 *
 * Why not `@telegraf/session/sqlite`: it runs on Kysely (one more dependency), creates its own
 * table outside our versioned migrations, and declares `better-sqlite3` ^9 and
 * `@types/better-sqlite3` ^7 as peers, so `npm install` refuses it beside our v12 (ERESOLVE).
 * This store is the same three statements over the database the bot already has.
 */
export class SqliteSessionStore<T> implements SyncSessionStore<T> {
  private readonly sql: Statements<typeof SQL>;

  constructor(
    db: Database,
    private readonly options: {
      /** A session untouched this long is forgotten. */
      maxAgeMs: number;
      now: () => number;
    },
  ) {
    this.sql = prepareAll(db, SQL);
  }

  get(key: string): T | undefined {
    const row = this.sql.get.get(key) as { value: string; updatedAt: number } | undefined;
    if (!row) return undefined;
    if (row.updatedAt < this.options.now() - this.options.maxAgeMs) {
      this.sql.prune.run(this.options.now() - this.options.maxAgeMs);
      return undefined;
    }
    return JSON.parse(row.value) as T;
  }

  set(key: string, value: T): void {
    this.sql.set.run({ key, value: JSON.stringify(value), now: this.options.now() });
  }

  delete(key: string): void {
    this.sql.delete.run(key);
  }
}
