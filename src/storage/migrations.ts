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
  {
    // Issue 5 (group announcements): see storage/subscriptions.ts and storage/announcements.ts.
    version: 2,
    name: "subscriptions, announcements and their delivery queue",
    up: `
      CREATE TABLE subscriptions (
        group_id INTEGER PRIMARY KEY,
        subscribed INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE subscription_provinces (
        group_id INTEGER NOT NULL,
        province TEXT NOT NULL,
        PRIMARY KEY (group_id, province)
      ) WITHOUT ROWID;
      CREATE TABLE announcements (
        id INTEGER PRIMARY KEY,
        author_id INTEGER NOT NULL,
        author_lang TEXT NOT NULL CHECK (author_lang IN ('id', 'en')),
        text_id TEXT,
        text_en TEXT,
        audience TEXT NOT NULL,
        pin INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'done', 'cancelled')),
        send_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER,
        progress_message_id INTEGER,
        reported_at INTEGER,
        CHECK (text_id IS NOT NULL OR text_en IS NOT NULL)
      );
      CREATE INDEX announcements_status ON announcements (status, send_at);
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        message_id INTEGER,
        pinned INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        detail TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (announcement_id, chat_id)
      );
      CREATE INDEX deliveries_due ON deliveries (status, next_at);
      CREATE INDEX deliveries_chat ON deliveries (chat_id, status);
      CREATE INDEX deliveries_updated ON deliveries (updated_at);
    `,
  },
  {
    // Issue 6 (knowledge upkeep), after the announcements step (2).
    version: 3,
    name: "settings and question log",
    up: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      -- One row a question. No user id or name: a salted hash only, to count distinct people.
      -- text, guess and guess_score are kept only for fallbacks and low-confidence answers.
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        asked_at INTEGER NOT NULL,
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
        chat_type TEXT NOT NULL,
        confidence REAL NOT NULL,
        subjects TEXT NOT NULL DEFAULT '[]',
        user_hash TEXT,
        text TEXT,
        guess TEXT,
        guess_score REAL
      );
      CREATE INDEX questions_asked_at ON questions (asked_at);
      CREATE INDEX questions_day ON questions (day);
    `,
  },
  {
    // Issue 14: Telegraf sessions (the announcement wizard's drafts), so a draft survives a restart.
    version: 4,
    name: "sessions",
    up: `
      CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
