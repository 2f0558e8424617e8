import type { Database } from "./database.ts";
import { parseRefs } from "./questions.ts";

/** 👍 and 👎 counted together. */
export interface VoteCount {
  up: number;
  down: number;
}

/** An answer someone found wrong, for `/unanswered`. */
export interface DownVote {
  votedAt: number;
  lang: string;
  /** References of the subjects the answer was about ("p.papua"). */
  subjects: string[];
  /** The question, when it was still known at the vote. */
  question: string | undefined;
  /** The start of the answer. */
  answer: string | undefined;
}

interface DownVoteRow {
  voted_at: number;
  lang: string;
  subjects: string;
  question: string | null;
  answer: string | null;
}

/**
 * Votes on answers: one a question (its row in the question log), so one per person per answer.
 * Anonymous like the log: who voted is the question's salted hash, nothing more.
 */
export class VoteStore {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      insert: db.prepare<[number, number, number, string | null, string | null]>(
        `INSERT OR IGNORE INTO votes (question_id, up, voted_at, question, answer) VALUES (?, ?, ?, ?, ?)`,
      ),
      totals: db.prepare<[string], { up: number | null; down: number | null }>(
        `SELECT SUM(v.up) AS up, SUM(1 - v.up) AS down
         FROM votes v JOIN questions q ON q.id = v.question_id WHERE q.day >= ?`,
      ),
      perSubject: db.prepare<[string], { ref: string; up: number; down: number }>(
        `SELECT s.value AS ref, SUM(v.up) AS up, SUM(1 - v.up) AS down
         FROM votes v JOIN questions q ON q.id = v.question_id, json_each(q.subjects) AS s
         WHERE q.day >= ? GROUP BY s.value ORDER BY down DESC, ref`,
      ),
      down: db.prepare<[number], DownVoteRow>(
        `SELECT v.voted_at, q.lang, q.subjects, v.question, v.answer
         FROM votes v JOIN questions q ON q.id = v.question_id
         WHERE v.up = 0 AND v.voted_at >= ? ORDER BY v.voted_at DESC`,
      ),
    };
  }

  /** Records a vote on question `questionId`'s answer; false when it already has one. */
  add(
    questionId: number,
    vote: { up: boolean; at: number; question?: string | undefined; answer?: string | undefined },
  ): boolean {
    const { up, at, question, answer } = vote;
    return (
      this.statements.insert.run(questionId, up ? 1 : 0, at, question ?? null, answer ?? null).changes > 0
    );
  }

  /** Votes on the answers to questions asked since `fromDay` (`YYYY-MM-DD`). */
  totals(fromDay: string): VoteCount {
    const row = this.statements.totals.get(fromDay);
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }

  /** Votes per subject answered, since `fromDay`, most 👎 first. */
  perSubject(fromDay: string): Array<VoteCount & { ref: string }> {
    return this.statements.perSubject.all(fromDay);
  }

  /** The 👎 votes cast since `since` (ms), newest first. */
  downVotes(since: number): DownVote[] {
    return this.statements.down.all(since).map((row) => ({
      votedAt: row.voted_at,
      lang: row.lang,
      subjects: parseRefs(row.subjects),
      question: row.question ?? undefined,
      answer: row.answer ?? undefined,
    }));
  }
}
