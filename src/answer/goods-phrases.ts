/**
 * Goods named in more than one word: "kelapa sawit", "palm oil". A kind of goods the sources place
 * nowhere (the lexicon's `goods`, some of them phrases) is read as one unknown phrase. Pure.
 */
import type { Match } from "./vocabulary.ts";

/** Whether a phrase read as one names a kind of goods the sources place nowhere, or holds one. */
export function namesGoods(text: string, goods: ReadonlySet<string>): boolean {
  const words = text.split(" ");
  return words.some((_, from) => words.some((__, to) => goods.has(words.slice(from, to + 1).join(" "))));
}

/**
 * `matches` with each kind of goods, in as many words as the lexicon gives it ("kelapa sawit"),
 * read as one unknown phrase.
 */
export function withGoodsPhrases(matches: Match[], goods: ReadonlySet<string>): Match[] {
  const longest = Math.max(...[...goods].map((g) => g.split(" ").length));
  // The words of goods from `at`, the most the lexicon names together; 0 when none.
  const goodsAt = (at: number) => {
    for (let n = Math.min(longest, matches.length - at); n > 0; n--) {
      const run = matches.slice(at, at + n);
      if ((n > 1 || !run[0]?.concepts.length) && goods.has(run.map((m) => m.text).join(" "))) return n;
    }
    return 0;
  };
  const out: Match[] = [];
  for (let i = 0; i < matches.length; i++) {
    const n = goodsAt(i);
    const run = matches.slice(i, i + Math.max(n, 1));
    out.push(run.length === 1 ? (run[0] as Match) : joined(run));
    i += run.length - 1;
  }
  return out;
}

function joined(run: Match[]): Match {
  return {
    text: run.map((m) => m.text).join(" "),
    concepts: [],
    certainty: Math.min(...run.map((m) => m.certainty)),
    tokens: run.flatMap((m) => m.tokens),
  };
}
