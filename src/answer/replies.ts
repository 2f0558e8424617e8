/**
 * How the engine's replies are put together: an answer from its pieces (with the follow-up buttons
 * under it), the plain fallback, and the "did you mean" choices for a question the matcher could not
 * answer. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { cardOf } from "./cards.ts";
import type { Found } from "./found.ts";
import { uniqueSubjects } from "./previous.ts";
import { relatedSubjects } from "./related.ts";
import type { Reply, ReplyKind, Suggestion } from "./reply.ts";
import { parseSubjectRef, type Subject, subjectRef } from "./subject.ts";
import type { SuggestionIndex } from "./suggest.ts";
import type { Understood } from "./understand.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/** Below this confidence the bot offers "did you mean" instead of answering. */
export const ANSWER_CUTOFF = 0.45;
const MAX_SUGGESTIONS = 3;

/** The replies one engine writes, over its knowledge and its index of "did you mean" choices. */
export class Replies {
  constructor(
    private readonly writer: AnswerWriter,
    private readonly knowledge: Knowledge,
    private readonly suggestions: SuggestionIndex,
  ) {}

  /** The reply made of `pieces`, each text once, citing each source once. */
  reply(lang: Lang, kind: ReplyKind, pieces: Piece[]): Reply {
    const texts = [...new Set(pieces.map((p) => p.text))];
    const sources = [...new Set(pieces.flatMap((p) => p.sources))];
    const subjects = uniqueSubjects(pieces.flatMap((p) => p.about));
    return {
      kind,
      lang,
      text: texts.join("\n\n"),
      sourceLine: this.writer.sourceLine(lang, sources),
      sources,
      confidence: 1,
      subjects,
      suggestions: kind === "answer" || kind === "not_in_programme" ? this.related(lang, subjects) : [],
      nextSteps: pieces.some((p) => p.nextSteps),
      // (Fields the engine sets later are here from the start: see `extended.ts`.)
      previous: undefined,
      verdict: undefined,
      guess: undefined,
    };
  }

  /** The reply that answers nothing: the text of `key` (the plain fallback points to the official channels). */
  fallback(lang: Lang, key: string, suggestions: Suggestion[]): Reply {
    const text =
      key === "answer.fallback"
        ? `${this.writer.text(lang, key)}\n${this.writer.nextSteps(lang)}`
        : this.writer.text(lang, key);
    const piece = { ...this.writer.piece(text, [], []), nextSteps: key === "answer.fallback" };
    const reply = this.reply(lang, "fallback", [piece]);
    return { ...reply, confidence: 0, suggestions };
  }

  /** Whether any of `words` looks like a misspelt name the knowledge has ("tngh sulawsi"). */
  misspelt(words: readonly string[]): boolean {
    return words.some((w) => this.suggestions.resembles(w));
  }

  /** A question the matcher could not answer: "did you mean" choices, or the plain fallback. */
  didYouMean(lang: Lang, whole: Found, u: Understood | undefined): Reply {
    const unsure = u !== undefined && (u.confidence < ANSWER_CUTOFF || u.unexplained.length > 0);
    const guesses = unsure ? u.subjects : [];
    const refs = [...guesses.map(subjectRef), ...this.suggestions.search(whole.unknown, MAX_SUGGESTIONS)];
    const suggestions = [...new Set(refs)].slice(0, MAX_SUGGESTIONS).flatMap((ref) => {
      const subject = parseSubjectRef(ref);
      return subject ? [{ ref, label: this.writer.label(lang, subject) }] : [];
    });
    const reply = this.fallback(
      lang,
      suggestions.length ? "answer.didYouMean" : "answer.fallback",
      suggestions,
    );
    const best = guesses[0];
    if (best && u)
      reply.guess = { ref: subjectRef(best), confidence: Math.round(u.confidence * 1000) / 1000 };
    return reply;
  }

  /** Follow-up buttons under an answer, never the subject just answered. */
  related(lang: Lang, subjects: Subject[]): Suggestion[] {
    const answered = new Set(subjects.map(subjectRef));
    return relatedSubjects(subjects, this.knowledge)
      .filter((s) => !answered.has(subjectRef(s)) && cardOf(this.writer, s, lang))
      .map((s) => ({ ref: subjectRef(s), label: this.writer.label(lang, s) }));
  }
}
