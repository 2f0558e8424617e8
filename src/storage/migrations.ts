import type { Database } from "./database.ts";

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
  {
    // Issue 13: a group's language set by its admins (chosen) apart from one taken from the admin
    // who subscribed it (a default staff should check before sending).
    version: 5,
    name: "group language chosen",
    up: `
      ALTER TABLE groups ADD COLUMN language_chosen INTEGER NOT NULL DEFAULT 0;
      UPDATE groups SET language_chosen = 1 WHERE language IS NOT NULL;
    `,
  },
  {
    // Issue 13: 👍/👎 on answers, one per question (so one per person per answer). No user id: the
    // question's row holds the asker's salted hash. Deleted with their question.
    version: 6,
    name: "answer votes",
    up: `
      CREATE TABLE votes (
        question_id INTEGER PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
        up INTEGER NOT NULL CHECK (up IN (0, 1)),
        voted_at INTEGER NOT NULL,
        question TEXT,
        answer TEXT
      );
      CREATE INDEX votes_voted_at ON votes (voted_at);
    `,
  },
  {
    // Issue 13: questions a person asked staff to answer (STAFF_CHAT_ID). The asker's id is kept
    // only to deliver the answer; never their name.
    version: 7,
    name: "questions for staff",
    up: `
      CREATE TABLE staff_questions (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
        question TEXT NOT NULL,
        guess TEXT,
        guess_score REAL,
        status TEXT NOT NULL CHECK (status IN ('offered', 'forwarded', 'answered', 'undeliverable')),
        staff_chat_id INTEGER,
        staff_message_id INTEGER,
        created_at INTEGER NOT NULL,
        forwarded_at INTEGER,
        answered_at INTEGER
      );
      CREATE INDEX staff_questions_message ON staff_questions (staff_chat_id, staff_message_id);
      CREATE INDEX staff_questions_status ON staff_questions (status, created_at);
    `,
  },
  {
    // Issue 11 (faults): `unconfirmed` becomes a status of its own (it was `sent` with error
    // `unconfirmed`, though Telegram never confirmed those); a delivery remembers that an earlier
    // attempt may have reached its group (`maybe_delivered`); an announcement records that its
    // report is being sent (`report_started_at`), so a crash during that call never sends it twice.
    version: 8,
    name: "unconfirmed deliveries, reports being sent",
    up: `
      CREATE TABLE deliveries_rebuilt (
        id INTEGER PRIMARY KEY,
        announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
        status TEXT NOT NULL
          CHECK (status IN ('pending', 'sending', 'sent', 'unconfirmed', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        message_id INTEGER,
        pinned INTEGER NOT NULL DEFAULT 0,
        maybe_delivered INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        detail TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (announcement_id, chat_id)
      );
      INSERT INTO deliveries_rebuilt
          (id, announcement_id, chat_id, lang, status, attempts, next_at, message_id, pinned, error, detail,
           updated_at)
        SELECT id, announcement_id, chat_id, lang,
          CASE WHEN status = 'sent' AND error = 'unconfirmed' THEN 'unconfirmed' ELSE status END,
          attempts, next_at, message_id, pinned,
          CASE WHEN status = 'sent' AND error = 'unconfirmed' THEN 'interrupted' ELSE error END,
          detail, updated_at
        FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_rebuilt RENAME TO deliveries;
      CREATE INDEX deliveries_due ON deliveries (status, next_at);
      CREATE INDEX deliveries_chat ON deliveries (chat_id, status);
      CREATE INDEX deliveries_updated ON deliveries (updated_at);
      ALTER TABLE announcements ADD COLUMN report_started_at INTEGER;
    `,
  },
  {
    version: 9,
    name: "an announcement once per draft",
    // An update delivered again after a crash (the draft's session not yet saved) submits the same
    // draft twice: the second submission finds the first announcement instead of making another.
    up: `
      ALTER TABLE announcements ADD COLUMN draft_id TEXT;
      CREATE UNIQUE INDEX announcements_draft ON announcements (draft_id) WHERE draft_id IS NOT NULL;
    `,
  },
];
