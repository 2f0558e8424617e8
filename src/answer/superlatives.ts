/**
 * Questions of the one that stands out among what the sources list: furthest one way on the map
 * ("paling timur", `furthest.ts`) or with the most or fewest, counted ("paling banyak lokasinya",
 * `rankings.ts`). Pure.
 */
import type { Lang } from "../lang.ts";
import type { Found } from "./found.ts";
import { type Furthest, furthestAsked, furthestCard } from "./furthest.ts";
import { isOutside } from "./membership.ts";
import { type Ranking, rankingAsked, rankingCard } from "./rankings.ts";
import type { Subject } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

export type Superlative = Furthest | Ranking;

/** The superlative a question asks, if any. */
export const superlativeAsked = (f: Found): Superlative | undefined => furthestAsked(f) ?? rankingAsked(f);

/** The answer to a superlative of the subjects in view; `undefined` when nothing in view compares. */
export function superlativeCard(
  w: AnswerWriter,
  lang: Lang,
  s: Superlative,
  subjects: readonly Subject[],
): Piece | undefined {
  // ("Does Lampung, the southernmost province of Sumatra, take part?": a superlative said of a
  // region outside the programme describes it; that region is what is asked about.)
  if (subjects.some((x) => x.kind === "area" && isOutside(x.code, w.k, w.areas))) return undefined;
  return "direction" in s ? furthestCard(w, lang, s, subjects) : rankingCard(w, lang, s, subjects);
}
