import type { Database } from "./database";

/** One schema step. Versions run 1, 2, 3, … without gaps; each is applied once, in its own transaction. */
export interface Migration {
  version: number;
  /** A few words saying what the step adds, shown in errors. */
  name: string;
  /** SQL to run, or a function for steps that need to move data. */
  up: string | ((db: Database) => void);
}

/**
 * Every schema step, oldest first. Features append their steps at the end with the next
 * version number; never edit or reorder a step that has shipped, add a new one instead.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "users and groups",
    up: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        language TEXT CHECK (language IN ('id', 'en')),
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        title TEXT,
        type TEXT,
        language TEXT CHECK (language IN ('id', 'en')),
        active INTEGER NOT NULL DEFAULT 1,
        joined_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
