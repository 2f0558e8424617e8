import type { Concept, Match } from "./vocabulary.ts";

/** Concepts that name a thing a question can ask about (a reading with more words in them wins). */
export const NAME_CONCEPTS: ReadonlySet<Concept["type"]> = new Set<Concept["type"]>([
  "province",
  "place",
  "product",
  "criterion",
  "person",
  "role",
  "org",
  "source",
  "area",
  "island",
  "cohort",
  "term",
]);
/**
 * The best way to read a message as phrases, given the phrases that begin at each word (longest
 * first, the word alone last): the reading with the fewest phrases, then with the most words read
 * as names, then the longer phrase first. "work | on the ground", not "work on | the | ground";
 * "nomor | laporan JICA" (a name of two words), not "nomor laporan | JICA".
 */
export function bestReading(options: readonly Match[][]): Match[] {
  const fewest: number[] = new Array(options.length + 1).fill(0);
  const names: number[] = new Array(options.length + 1).fill(0);
  const chosen: Match[] = [];
  for (let i = options.length - 1; i >= 0; i--) {
    let best: Match | undefined;
    for (const match of options[i] ?? []) {
      const next = i + match.tokens.length;
      const count = 1 + (fewest[next] as number);
      const named =
        (names[next] as number) +
        (match.concepts.some((c) => NAME_CONCEPTS.has(c.type)) ? match.tokens.length : 0);
      if (!best || count < (fewest[i] as number) || (count === fewest[i] && named > (names[i] as number))) {
        best = match;
        fewest[i] = count;
        names[i] = named;
      }
    }
    chosen[i] = best as Match;
  }
  const out: Match[] = [];
  for (let i = 0; i < options.length; i += (chosen[i] as Match).tokens.length) out.push(chosen[i] as Match);
  return out;
}
