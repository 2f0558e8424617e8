/**
 * What the matcher reads a question as: the things its phrases can stand for (concepts), its words
 * as read (tokens) and the phrases found in it (matches).
 */
import type { ProgrammeAttribute } from "../knowledge/schema.ts";
import type { Cue, SmallTalk } from "./lexicon.ts";

/** A thing a phrase of the question can stand for. */
export type Concept =
  | { type: "programme" }
  | { type: "attribute"; id: ProgrammeAttribute }
  | { type: "term"; id: string }
  | { type: "cohort"; id: string }
  | { type: "selection" }
  | { type: "province"; id: string }
  | { type: "place"; province: string; entry: number }
  | { type: "product"; id: string }
  | { type: "criterion"; id: string }
  | { type: "person"; id: string }
  /** A person named by role ("dirjen", "journalist"). */
  | { type: "role"; id: string }
  | { type: "org"; id: string }
  | { type: "source"; id: string }
  /** A region; `byCapital` when named by its capital city ("provinsi beribu kota Bandung"). */
  | { type: "area"; code: string; byCapital?: true; district?: string }
  | { type: "island"; index: number }
  /** A word that points to an item of the previous answer's list: its position (-1: the last). */
  | { type: "ordinal"; position: number }
  /** A month's name: with a day before it, a date ("24 Des 2017"). */
  | { type: "month"; month: number }
  /** A word that asks for what an entry's note says ("pemekaran" of Dogiyai's). */
  | { type: "note"; province: string; entry: number }
  /** A number written as a word ("tujuh", "seven"): in a statement, a count to check. */
  | { type: "number"; value: number }
  /** A country other than the cooperation's. */
  | { type: "country"; code: string }
  | { type: "cue"; cue: Cue }
  | { type: "smalltalk"; kind: SmallTalk };

/** How sure the matcher is of a token it changed: 1 for an exact word. */
export interface Token {
  text: string;
  original: string;
  certainty: number;
  known: boolean;
  /** Written with a capital ("Pangururan"): a name, where a word the vocabulary lacks may be one. */
  capitalised?: boolean;
}

/** A phrase of the question and what it stands for. */
export interface Match {
  text: string;
  concepts: Concept[];
  certainty: number;
  /** The words it was read from. */
  tokens: Token[];
}

/** A match's words as the asker wrote them (spelling and case folded): "wong", not "wrong" it was read as. */
export const writtenWords = (m: Match | undefined): string =>
  m?.tokens.map((t) => t.original).join(" ") ?? "";

/** Each word the matches were written with, and the index of its match. */
export const wordsAt = (matches: readonly Match[]): Array<{ word: string; at: number }> =>
  matches.flatMap((m, at) =>
    m.tokens.flatMap((t) =>
      t.original
        .split(" ")
        .filter(Boolean)
        .map((word) => ({ word, at })),
    ),
  );
