import { createHmac } from "node:crypto";
import type { Reply } from "../answer/engine.ts";
import { fold } from "../answer/normalise.ts";
import { subjectRef } from "../answer/subject.ts";
import type { Logger } from "../logger.ts";
import type { QuestionStore } from "../storage/questions.ts";
import { dayOf } from "./days.ts";

/** Answers less sure than this are kept with their text, beside the fallbacks, for staff to review. */
const LOW_CONFIDENCE = 0.7;

/** The longest question text kept; the matcher reads no more than this either. */
const MAX_TEXT = 500;

/** One question put to the bot and the reply it got, as `ask` sees them. */
interface AskedQuestion {
  question: string;
  reply: Reply;
  chatType: string;
  /** Only hashed, never stored. */
  userId: number | undefined;
}

/** Whether a reply is one staff should see: a fallback, or an answer the matcher was unsure of. */
function needsReview(reply: Reply): boolean {
  return reply.kind === "fallback" || (reply.kind !== "smalltalk" && reply.confidence < LOW_CONFIDENCE);
}

/**
 * The subject the bot would have answered and how sure it was: the answer's own subject, the
 * matcher's guess below its cut-off, or else the first "did you mean" choice.
 */
function bestGuess(reply: Reply): { guess: string | undefined; score: number | undefined } {
  const first = reply.subjects[0];
  if (first) return { guess: subjectRef(first), score: reply.confidence };
  if (reply.guess) return { guess: reply.guess.ref, score: reply.guess.confidence };
  return { guess: reply.suggestions[0]?.ref, score: undefined };
}

/** The most people whose hashes are remembered at once. */
const MAX_REMEMBERED_HASHES = 10_000;

/** Records every question anonymously; keeps the text of those the bot could not answer well. */
export class QuestionLog {
  private salt: string | undefined;
  private readonly hashes = new Map<number, string>();

  constructor(
    /** Where the questions go; `/unanswered` and `/stats` read them back from here. */
    readonly store: QuestionStore,
    private readonly options: { timezone: string; logger: Logger; now?: (() => number) | undefined },
  ) {}

  /** The time zone whose calendar days the questions are counted in. */
  get timezone(): string {
    return this.options.timezone;
  }

  /**
   * Records one question; returns its row id, or `undefined` when it could not be stored. Never
   * throws: a full disk must not keep an answer from the user.
   */
  record(asked: AskedQuestion): number | undefined {
    try {
      const { question, reply } = asked;
      const at = (this.options.now ?? Date.now)();
      const keepText = needsReview(reply) && fold(question) !== "";
      const { guess, score } = keepText ? bestGuess(reply) : { guess: undefined, score: undefined };
      return this.store.add({
        askedAt: at,
        day: dayOf(at, this.options.timezone),
        kind: reply.kind,
        lang: reply.lang,
        chatType: asked.chatType,
        confidence: reply.confidence,
        subjects: reply.subjects.map(subjectRef),
        userHash: asked.userId === undefined ? undefined : this.hash(asked.userId),
        text: keepText ? question.trim().slice(0, MAX_TEXT) : undefined,
        guess,
        guessScore: score,
      });
    } catch (err) {
      this.options.logger.warn({ err }, "could not record a question");
      return undefined;
    }
  }

  /** Whether question `id` was asked by `userId` in a private chat (a vote on its answer is theirs). */
  askedBy(id: number, userId: number): boolean {
    const asker = this.store.asker(id);
    return asker?.chatType === "private" && asker.userHash === this.hash(userId);
  }

  private hash(userId: number): string {
    let hash = this.hashes.get(userId);
    if (hash) return hash;
    this.salt ??= this.store.salt();
    hash = createHmac("sha256", this.salt).update(String(userId)).digest("base64url").slice(0, 16);
    // People ask again and again: a bounded memory of their hashes spares an HMAC each time.
    if (this.hashes.size >= MAX_REMEMBERED_HASHES) this.hashes.clear();
    this.hashes.set(userId, hash);
    return hash;
  }
}
