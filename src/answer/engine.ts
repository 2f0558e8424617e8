import type { Translate } from "../i18n";
import type { Areas } from "../knowledge/areas";
import type { Knowledge } from "../knowledge/load";
import type { Lang } from "../lang";
import { Composer } from "./compose";
import { parseSubjectRef, type Subject, subjectRef } from "./subject";
import { SuggestionIndex } from "./suggest";
import { ANSWER_CUTOFF, analyse, decide } from "./understand";
import { Vocabulary } from "./vocabulary";

export type ReplyKind = "answer" | "not_in_programme" | "smalltalk" | "fallback";

/** A button the bot can offer: its label and the subject it answers. */
export interface Suggestion {
  label: string;
  ref: string;
}

/** The bot's reply to one question, ready to be rendered as text or HTML. */
export interface Reply {
  kind: ReplyKind;
  lang: Lang;
  /** The answer, plain text (no markup). */
  text: string;
  /** "Sumber: …" / "Source: …", or empty. */
  sourceLine: string;
  sources: string[];
  confidence: number;
  subjects: Subject[];
  /** "Did you mean" choices for a low-confidence question; related follow-ups for an answer. */
  suggestions: Suggestion[];
  /** For a fallback: what the matcher would have answered below its cut-off, and how sure it was. */
  guess?: { ref: string; confidence: number } | undefined;
}

export interface AskOptions {
  /** Answer in this language whatever the question's language. */
  lang?: Lang | undefined;
  /** The language when the question gives no clue (default Indonesian). */
  defaultLang?: Lang | undefined;
}

const MAX_SUGGESTIONS = 3;

/**
 * The question-answering core: understands a question and composes the reply from the
 * knowledge. Pure: no Telegram, no I/O after construction.
 */
export class AnswerEngine {
  readonly vocabulary: Vocabulary;
  readonly composer: Composer;
  private readonly suggestions: SuggestionIndex;

  constructor(
    readonly knowledge: Knowledge,
    readonly areas: Areas,
    t: Translate,
  ) {
    this.vocabulary = new Vocabulary(knowledge, areas);
    this.composer = new Composer(knowledge, areas, t);
    this.suggestions = new SuggestionIndex(knowledge);
  }

  /** Answers one question. Never throws for any text. */
  ask(question: string, options: AskOptions = {}): Reply {
    const analysis = analyse(question, this.vocabulary);
    const lang = options.lang ?? analysis.lang ?? options.defaultLang ?? "id";
    if (analysis.empty) return this.fallback(lang, "answer.empty", []);
    const decision = decide(analysis, this.knowledge);

    if (decision.kind === "smalltalk") {
      return this.reply(
        lang,
        "smalltalk",
        this.composer.text(lang, `answer.smalltalk.${decision.smalltalk}`),
        [],
        decision.confidence,
      );
    }
    if (decision.kind === "fallback" || decision.confidence < ANSWER_CUTOFF) {
      const guesses = decision.kind === "fallback" ? [] : decision.subjects;
      const suggestions = analysis.offTopic ? [] : this.suggest(lang, analysis.unknown, guesses);
      const reply = this.fallback(
        lang,
        suggestions.length ? "answer.didYouMean" : "answer.fallback",
        suggestions,
      );
      const best = guesses[0];
      if (best)
        reply.guess = { ref: subjectRef(best), confidence: Math.round(decision.confidence * 1000) / 1000 };
      return reply;
    }
    const reply = this.answerSubjects(lang, decision.subjects, decision.confidence);
    if (reply && decision.kind === "not_in_programme") reply.kind = "not_in_programme";
    return reply ?? this.fallback(lang, "answer.fallback", []);
  }

  /** Answers a subject reference from a button or deep link ("p.papua"); `undefined` when stale or forged. */
  answerRef(ref: string, lang: Lang): Reply | undefined {
    const subject = parseSubjectRef(ref);
    return subject && this.answerSubjects(lang, [subject], 1);
  }

  private answerSubjects(lang: Lang, subjects: Subject[], confidence: number): Reply | undefined {
    const parts = subjects.map((s) => this.composer.compose(lang, s)).filter((c) => c !== undefined);
    if (!parts.length) return undefined;
    const onlyOutside = parts.every((p) => p.notInProgramme);
    const reply = this.reply(
      lang,
      onlyOutside ? "not_in_programme" : "answer",
      parts.map((p) => p.text).join("\n\n"),
      parts.flatMap((p) => p.sources),
      confidence,
    );
    reply.subjects = subjects;
    reply.suggestions = this.related(lang, subjects);
    return reply;
  }

  private reply(lang: Lang, kind: ReplyKind, text: string, sources: string[], confidence: number): Reply {
    const unique = [...new Set(sources)];
    return {
      kind,
      lang,
      text,
      sourceLine: this.composer.sourceLine(lang, unique),
      sources: unique,
      confidence: Math.round(confidence * 1000) / 1000,
      subjects: [],
      suggestions: [],
    };
  }

  private fallback(lang: Lang, key: string, suggestions: Suggestion[]): Reply {
    const reply = this.reply(lang, "fallback", this.composer.text(lang, key), [], 0);
    reply.suggestions = suggestions;
    return reply;
  }

  /** Up to three "did you mean" choices: the matcher's own guesses first, then Fuse.js's. */
  private suggest(lang: Lang, unknownWords: readonly string[], guesses: Subject[]): Suggestion[] {
    const refs = [...guesses.map(subjectRef), ...this.suggestions.search(unknownWords, MAX_SUGGESTIONS)];
    return [...new Set(refs)].slice(0, MAX_SUGGESTIONS).flatMap((ref) => {
      const subject = parseSubjectRef(ref);
      return subject ? [{ ref, label: this.composer.label(lang, subject) }] : [];
    });
  }

  /** Follow-up buttons under an answer: for a province, the other provinces and the criteria. */
  related(lang: Lang, subjects: Subject[]): Suggestion[] {
    const first = subjects[0];
    if (!first) return [];
    const out: Subject[] = [];
    switch (first.kind) {
      case "province":
      case "place":
      case "product":
      case "area":
        out.push({ kind: "list" }, { kind: "criteria" });
        break;
      case "criteria":
      case "criterion":
        out.push({ kind: "topic", id: "follow-up" }, { kind: "list" });
        break;
      case "list":
        out.push({ kind: "criteria" }, { kind: "topic", id: "follow-up" });
        break;
      default:
        out.push({ kind: "list" }, { kind: "topic", id: "aim" });
    }
    return out
      .filter((s) => this.composer.compose(lang, s) !== undefined)
      .map((s) => ({ ref: subjectRef(s), label: this.composer.label(lang, s) }));
  }
}
