import { isLang, type Lang } from "../lang.ts";
import type { Database } from "./database.ts";

/** Where a question for staff stands. */
export type StaffQuestionStatus = "offered" | "forwarded" | "answered" | "undeliverable";

/** A question a person may send, or sent, to programme staff. Times are ms since the epoch. */
export interface StaffQuestion {
  id: number;
  /** The asker: their private chat with the bot, where the answer goes. Never shown to staff. */
  userId: number;
  lang: Lang;
  question: string;
  /** The subject the bot would have answered, and how sure it was. */
  guess: string | undefined;
  guessScore: number | undefined;
  status: StaffQuestionStatus;
  /** The forwarded message in the staff group: staff answer by replying to it. */
  staffMessageId: number | undefined;
  createdAt: number;
  forwardedAt: number | undefined;
  answeredAt: number | undefined;
}

interface Row {
  id: number;
  user_id: number;
  lang: string;
  question: string;
  guess: string | null;
  guess_score: number | null;
  status: StaffQuestionStatus;
  staff_message_id: number | null;
  created_at: number;
  forwarded_at: number | null;
  answered_at: number | null;
}

const toQuestion = (row: Row): StaffQuestion => ({
  id: row.id,
  userId: row.user_id,
  lang: isLang(row.lang) ? row.lang : "id",
  question: row.question,
  guess: row.guess ?? undefined,
  guessScore: row.guess_score ?? undefined,
  status: row.status,
  staffMessageId: row.staff_message_id ?? undefined,
  createdAt: row.created_at,
  forwardedAt: row.forwarded_at ?? undefined,
  answeredAt: row.answered_at ?? undefined,
});

/** What a new offer holds. */
type NewStaffQuestion = Pick<StaffQuestion, "userId" | "lang" | "question" | "guess" | "guessScore">;

/**
 * Questions for programme staff: offered with the bot's reply ("Ask staff"), forwarded to the staff
 * group when the person agrees, answered when a staff member's reply reaches them.
 */
export class StaffQuestionStore {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      insert: db.prepare<[number, string, string, string | null, number | null, number]>(
        `INSERT INTO staff_questions (user_id, lang, question, guess, guess_score, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'offered', ?)`,
      ),
      select: db.prepare<[number], Row>("SELECT * FROM staff_questions WHERE id = ?"),
      byMessage: db.prepare<[number, number], Row>(
        "SELECT * FROM staff_questions WHERE staff_chat_id = ? AND staff_message_id = ?",
      ),
      forwarded: db.prepare<[number, number, number, number]>(
        `UPDATE staff_questions SET status = 'forwarded', staff_chat_id = ?, staff_message_id = ?, forwarded_at = ?
         WHERE id = ? AND status = 'offered'`,
      ),
      settle: db.prepare<[StaffQuestionStatus, number, number]>(
        "UPDATE staff_questions SET status = ?, answered_at = ? WHERE id = ? AND status <> 'offered'",
      ),
      since: db.prepare<[number], Row>(
        `SELECT * FROM staff_questions WHERE status <> 'offered' AND forwarded_at >= ?
         ORDER BY status = 'forwarded' DESC, forwarded_at DESC`,
      ),
      purgeOffers: db.prepare<[number]>(
        "DELETE FROM staff_questions WHERE status = 'offered' AND created_at < ?",
      ),
      purge: db.prepare<[number]>("DELETE FROM staff_questions WHERE created_at < ?"),
    };
  }

  /** Stores an offer to ask staff; returns its id (carried by the button). */
  offer(q: NewStaffQuestion, at: number): number {
    const { userId, lang, question, guess, guessScore } = q;
    const result = this.statements.insert.run(userId, lang, question, guess ?? null, guessScore ?? null, at);
    return Number(result.lastInsertRowid);
  }

  get(id: number): StaffQuestion | undefined {
    const row = this.statements.select.get(id);
    return row && toQuestion(row);
  }

  /** The question whose forwarded message is `messageId` in the staff chat `chatId`. */
  byStaffMessage(chatId: number, messageId: number): StaffQuestion | undefined {
    const row = this.statements.byMessage.get(chatId, messageId);
    return row && toQuestion(row);
  }

  /** Marks an offer forwarded as message `messageId` of `chatId`; false when it was not an open offer. */
  markForwarded(id: number, chatId: number, messageId: number, at: number): boolean {
    return this.statements.forwarded.run(chatId, messageId, at, id).changes > 0;
  }

  /** Records the outcome of a staff reply: delivered (`answered`) or not (`undeliverable`). */
  settle(id: number, status: "answered" | "undeliverable", at: number): void {
    this.statements.settle.run(status, at, id);
  }

  /** Questions forwarded since `since` (ms): those still waiting first, then newest first. */
  forwardedSince(since: number): StaffQuestion[] {
    return this.statements.since.all(since).map(toQuestion);
  }

  /**
   * Deletes offers nobody took up before `offersBefore`, and every question asked before
   * `before`; returns how many went.
   */
  purge(offersBefore: number, before: number): number {
    return this.statements.purgeOffers.run(offersBefore).changes + this.statements.purge.run(before).changes;
  }
}
