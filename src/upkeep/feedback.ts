import type { Logger } from "../logger.ts";
import type { VoteStore } from "../storage/votes.ts";
import type { QuestionLog } from "./question-log.ts";

/** Questions kept in memory for a 👎 soon after their answer: the log itself keeps no text of answered ones. */
const REMEMBERED = 2_000;
const REMEMBER_MS = 60 * 60 * 1000;
/** The longest start of an answer kept with a 👎. */
const ANSWER_EXCERPT = 300;

/** What became of a tap on 👍 or 👎. */
export type VoteOutcome = "counted" | "already" | "unknown";

/**
 * 👍/👎 on answers: one vote a question, only by the person who asked it (checked against the
 * question log's salted hash, so votes stay as anonymous as the log). A 👎 keeps the question's
 * text when it is still in memory, and the start of the answer, for staff to review.
 */
export class Feedback {
  /** Question texts by row id, oldest first (a Map keeps insertion order). */
  private readonly recent = new Map<number, { text: string; at: number }>();

  constructor(
    private readonly log: QuestionLog,
    readonly votes: VoteStore,
    private readonly options: { now: () => number; logger: Logger },
  ) {}

  /** Remembers the text of question `id`, whose answer was sent with vote buttons, for an hour. */
  offered(id: number, question: string): void {
    const now = this.options.now();
    this.recent.set(id, { text: question.trim().slice(0, 500), at: now });
    for (const [key, entry] of this.recent) {
      if (this.recent.size <= REMEMBERED && entry.at > now - REMEMBER_MS) break;
      this.recent.delete(key);
    }
  }

  /** Counts `userId`'s vote on the answer to question `id`; `answer` is the answer's text as shown. */
  vote(id: number, userId: number, up: boolean, answer: string): VoteOutcome {
    try {
      if (!this.log.askedBy(id, userId)) return "unknown";
      const now = this.options.now();
      const remembered = this.recent.get(id);
      const question = remembered && remembered.at > now - REMEMBER_MS ? remembered.text : undefined;
      const counted = this.votes.add(id, {
        up,
        at: now,
        question: up ? undefined : question,
        answer: up ? undefined : answer.slice(0, ANSWER_EXCERPT),
      });
      this.recent.delete(id);
      return counted ? "counted" : "already";
    } catch (err) {
      this.options.logger.warn({ err }, "could not record a vote");
      return "unknown";
    }
  }
}
