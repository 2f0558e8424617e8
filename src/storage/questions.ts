import { randomBytes } from "node:crypto";
import { isLang, type Lang } from "../lang.ts";
import type { Database } from "./database.ts";

/** One question as stored: anonymous, with its text only when the bot could not answer it well. */
interface QuestionRow {
  /** Milliseconds since the epoch. */
  askedAt: number;
  /** The calendar day it was asked in the bot's time zone: `2024-05-31`. */
  day: string;
  /** The reply's kind: `answer`, `not_in_programme`, `smalltalk` or `fallback`. */
  kind: string;
  lang: Lang;
  /** Telegram's chat type: `private`, `group`, `supergroup`. */
  chatType: string;
  confidence: number;
  /** References of the subjects answered ("p.papua"). */
  subjects: string[];
  /** A salted hash of the asker, to count distinct people; never the id itself. */
  userHash: string | undefined;
  /** The question's text: set for fallbacks and low-confidence answers only. */
  text: string | undefined;
  /** The subject the bot would have guessed, and how sure it was. */
  guess: string | undefined;
  guessScore: number | undefined;
}

/** A question the bot did not answer, or answered unsure of itself. */
export type UnansweredRow = QuestionRow & { text: string };

/** Questions and answered questions on one day. */
export interface DayCount {
  day: string;
  total: number;
  answered: number;
}

interface Row {
  asked_at: number;
  day: string;
  kind: string;
  lang: string;
  chat_type: string;
  confidence: number;
  subjects: string;
  user_hash: string | null;
  text: string | null;
  guess: string | null;
  guess_score: number | null;
}

const toQuestion = (row: Row): QuestionRow => ({
  askedAt: row.asked_at,
  day: row.day,
  kind: row.kind,
  lang: isLang(row.lang) ? row.lang : "id",
  chatType: row.chat_type,
  confidence: row.confidence,
  subjects: parseRefs(row.subjects),
  userHash: row.user_hash ?? undefined,
  text: row.text ?? undefined,
  guess: row.guess ?? undefined,
  guessScore: row.guess_score ?? undefined,
});

/** The subjects column (a JSON list of references); a damaged value reads as none. */
export function parseRefs(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

const SALT_KEY = "question_hash_salt";

/** The question log: every question the bot was asked, anonymously, for `/unanswered` and `/stats`. */
export class QuestionStore {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      insert: db.prepare<[Row]>(
        `INSERT INTO questions
           (asked_at, day, kind, lang, chat_type, confidence, subjects, user_hash, text, guess, guess_score)
         VALUES (@asked_at, @day, @kind, @lang, @chat_type, @confidence, @subjects, @user_hash, @text, @guess, @guess_score)`,
      ),
      purge: db.prepare<[number]>("DELETE FROM questions WHERE asked_at < ?"),
      asker: db.prepare<[number], { user_hash: string | null; chat_type: string }>(
        "SELECT user_hash, chat_type FROM questions WHERE id = ?",
      ),
      unanswered: db.prepare<[number], Row>(
        "SELECT * FROM questions WHERE text IS NOT NULL AND asked_at >= ? ORDER BY asked_at DESC, id DESC",
      ),
      perDay: db.prepare<[string], { day: string; total: number; answered: number }>(
        `SELECT day, COUNT(*) AS total, SUM(kind <> 'fallback') AS answered
         FROM questions WHERE day >= ? GROUP BY day ORDER BY day`,
      ),
      perLang: db.prepare<[string], { lang: string; count: number }>(
        "SELECT lang, COUNT(*) AS count FROM questions WHERE day >= ? GROUP BY lang ORDER BY count DESC, lang",
      ),
      perSubject: db.prepare<[string], { ref: string; count: number }>(
        `SELECT s.value AS ref, COUNT(*) AS count FROM questions AS q, json_each(q.subjects) AS s
         WHERE q.day >= ? GROUP BY s.value ORDER BY count DESC, ref`,
      ),
      people: db.prepare<[string], { count: number }>(
        "SELECT COUNT(DISTINCT user_hash) AS count FROM questions WHERE day >= ?",
      ),
      getSetting: db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?"),
      // OR IGNORE: two processes on one database keep whichever salt was written first.
      putSetting: db.prepare<[string, string]>("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)"),
    };
  }

  /** Stores one question; returns its row id (what a vote on its answer refers to). */
  add(q: QuestionRow): number {
    const result = this.statements.insert.run({
      asked_at: q.askedAt,
      day: q.day,
      kind: q.kind,
      lang: q.lang,
      chat_type: q.chatType,
      confidence: q.confidence,
      subjects: JSON.stringify(q.subjects),
      user_hash: q.userHash ?? null,
      text: q.text ?? null,
      guess: q.guess ?? null,
      guess_score: q.guessScore ?? null,
    });
    return Number(result.lastInsertRowid);
  }

  /** Who asked question `id` (their salted hash) and where; `undefined` when it is gone. */
  asker(id: number): { userHash: string | undefined; chatType: string } | undefined {
    const row = this.statements.asker.get(id);
    return row && { userHash: row.user_hash ?? undefined, chatType: row.chat_type };
  }

  /** Deletes every question asked before `before` (ms since the epoch); returns how many went. */
  purge(before: number): number {
    return this.statements.purge.run(before).changes;
  }

  /** The questions kept with their text (unanswered or answered unsure) since `since`, newest first. */
  unanswered(since: number): UnansweredRow[] {
    return this.statements.unanswered.all(since).map(toQuestion) as UnansweredRow[];
  }

  /** Questions and answered questions per day, from `fromDay` (`YYYY-MM-DD`) on; days without questions are absent. */
  perDay(fromDay: string): DayCount[] {
    return this.statements.perDay.all(fromDay).map((r) => ({ ...r, answered: r.answered ?? 0 }));
  }

  /** How many questions were asked in each language since `fromDay`, most first. */
  perLang(fromDay: string): Array<{ lang: string; count: number }> {
    return this.statements.perLang.all(fromDay);
  }

  /** How many questions were answered about each subject since `fromDay`, most first. */
  perSubject(fromDay: string): Array<{ ref: string; count: number }> {
    return this.statements.perSubject.all(fromDay);
  }

  /** How many distinct people asked since `fromDay`. */
  people(fromDay: string): number {
    return this.statements.people.get(fromDay)?.count ?? 0;
  }

  /**
   * The salt of the askers' hashes: random, made on first use and kept in the database, so
   * counts of people hold across restarts while the hashes mean nothing without it.
   */
  salt(): string {
    const s = this.statements;
    const existing = s.getSetting.get(SALT_KEY)?.value;
    if (existing) return existing;
    s.putSetting.run(SALT_KEY, randomBytes(32).toString("base64url"));
    return s.getSetting.get(SALT_KEY)?.value ?? "";
  }
}
