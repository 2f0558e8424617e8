import { createHmac } from "node:crypto";
import type { AnswerEngine, Reply } from "../answer/engine";
import { fold } from "../answer/normalise";
import { subjectRef } from "../answer/subject";
import { analyse, decide } from "../answer/understand";
import type { Logger } from "../logger";
import type { QuestionStore } from "../storage/questions";
import { dayOf } from "./days";

/** Answers less sure than this are kept with their text, beside the fallbacks, for staff to review. */
export const LOW_CONFIDENCE = 0.7;

/** The longest question text kept; the matcher reads no more than this either. */
const MAX_TEXT = 500;

/** One question put to the bot and the reply it got, as `ask` sees them. */
export interface AskedQuestion {
  question: string;
  reply: Reply;
  /** The engine that answered: the best guess must come from the same knowledge. */
  engine: AnswerEngine;
  chatType: string;
  /** Only hashed, never stored. */
  userId: number | undefined;
}

/** Whether a reply is one staff should see: a fallback, or an answer the matcher was unsure of. */
export function needsReview(reply: Reply): boolean {
  return reply.kind === "fallback" || (reply.kind !== "smalltalk" && reply.confidence < LOW_CONFIDENCE);
}

/**
 * The subject the bot would have answered and how sure it was. A fallback's reply carries no
 * score, so the question is analysed again; failing that, the first "did you mean" choice.
 */
export function bestGuess(
  question: string,
  reply: Reply,
  engine: AnswerEngine,
): { guess: string | undefined; score: number | undefined } {
  const first = reply.subjects[0];
  if (first) return { guess: subjectRef(first), score: reply.confidence };
  const decision = decide(analyse(question, engine.vocabulary), engine.knowledge);
  const guessed = decision.subjects[0];
  if (guessed) return { guess: subjectRef(guessed), score: Math.round(decision.confidence * 1000) / 1000 };
  return { guess: reply.suggestions[0]?.ref, score: undefined };
}

/** Records every question anonymously; keeps the text of those the bot could not answer well. */
export class QuestionLog {
  private salt: string | undefined;

  constructor(
    /** Where the questions go; `/unanswered` and `/stats` read them back from here. */
    readonly store: QuestionStore,
    private readonly options: { timezone: string; logger: Logger; now?: (() => number) | undefined },
  ) {}

  /** The time zone whose calendar days the questions are counted in. */
  get timezone(): string {
    return this.options.timezone;
  }

  /** Records one question. Never throws: a full disk must not keep an answer from the user. */
  record(asked: AskedQuestion): void {
    try {
      const { question, reply } = asked;
      const at = (this.options.now ?? Date.now)();
      const keepText = needsReview(reply) && fold(question) !== "";
      const { guess, score } = keepText
        ? bestGuess(question, reply, asked.engine)
        : { guess: undefined, score: undefined };
      this.store.add({
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
    }
  }

  private hash(userId: number): string {
    this.salt ??= this.store.salt();
    return createHmac("sha256", this.salt).update(String(userId)).digest("base64url").slice(0, 16);
  }
}
