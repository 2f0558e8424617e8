/** What the answer engine replies with, and what it is asked with besides the text. */
import type { Lang } from "../lang.ts";
import type { Verdict } from "./claims.ts";
import type { Previous } from "./previous.ts";
import type { Subject } from "./subject.ts";
import type { Piece } from "./writer.ts";

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
  /** Whether the reply sends people to the official channels (the sources have no answer). */
  nextSteps: boolean;
  /** Whether a statement the message offered for checking holds: the reply's first line says so. */
  verdict?: Verdict | undefined;
  /** What a follow-up in the same chat can build on ("and Papua?"); none after small talk. */
  previous?: Previous | undefined;
}

export interface AskOptions {
  /** Answer in this language whatever the question's language. */
  lang?: Lang | undefined;
  /** The language when the question gives no clue (default Indonesian). */
  defaultLang?: Lang | undefined;
  /** The chat's previous question, for follow-ups. */
  previous?: Previous | undefined;
}

/**
 * The options with every field present, so that the engine's `{ ...options, lang }` copies them on
 * V8's fast path (see `extended.ts`).
 */
export const allOptions = ({ lang, defaultLang, previous }: AskOptions): AskOptions => ({
  lang,
  defaultLang,
  previous,
});

/** The kind of a reply made of these pieces: an answer if any piece answers. */
export function kindOf(pieces: readonly Piece[]): ReplyKind {
  if (pieces.some((p) => p.kind === "answer")) return "answer";
  if (pieces.some((p) => p.kind === "not_in_programme")) return "not_in_programme";
  return "fallback";
}

/** A reply's text without the verdict its first line gives ("Ya, benar."), for a reply that says it otherwise. */
export const withoutVerdict = (r: Reply): string =>
  r.verdict ? r.text.slice(r.text.indexOf("\n") + 1) : r.text;

/** `pieces` with `note` before the first one's text ("None other, as far as the sources say:"). */
export function openedWith(note: string, pieces: Piece[]): Piece[] {
  const [first, ...rest] = pieces;
  return first ? [{ ...first, text: `${note}\n${first.text}` }, ...rest] : pieces;
}
