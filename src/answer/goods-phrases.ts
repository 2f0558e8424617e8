/**
 * Goods named in more than one word: "kelapa sawit", "tenun songket", "leather crafts". A kind of
 * goods the sources place nowhere (the lexicon's `goods`, some of them phrases) is read as one
 * unknown phrase, and so is a product's generic word beside it ("tenun", "crafts"): "tenun
 * songket" is weaving of another kind than the programme's "tenun ulos", not ulos; so are words
 * the vocabulary doesn't know beside it ("fish cracker"). Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Match } from "./vocabulary.ts";

/** Where a product's generic word stands beside the word that says which kind. */
type Side = "before" | "after";

/** The kinds of goods the sources place nowhere, read over as many words as each is named in. */
export interface GoodsPhrases {
  /** The lexicon's goods, each as the matcher's words ("kelapa sawit"). */
  goods: ReadonlySet<string>;
  /** The most words one of them is named in. */
  longest: number;
  /** Products' generic words and on which side of the word of a kind they stand. */
  heads: ReadonlyMap<string, ReadonlySet<Side>>;
}

/** The goods phrases of the knowledge, worked out once with the vocabulary. */
export function goodsPhrases(k: Knowledge, key: (text: string) => string): GoodsPhrases {
  const { goods } = k.lexicon;
  const longest = Math.max(0, ...[...goods].map((g) => g.split(" ").length));
  return { goods, longest, heads: productHeads(k, key) };
}

/**
 * A product's generic words: a term another of its terms or names makes specific, in Indonesian
 * by words after it ("tenun" of "tenun ulos"), in English by words before it ("weaving" of "ulos
 * weaving"). "sepatu" is no such word of footwear: "sepatu kulit" is still footwear.
 */
function productHeads(k: Knowledge, key: (text: string) => string): ReadonlyMap<string, Set<Side>> {
  const heads = new Map<string, Set<Side>>();
  const mark = (word: string, side: Side) => heads.set(word, (heads.get(word) ?? new Set()).add(side));
  for (const p of k.products) {
    const byLang = { id: [p.name.id, ...p.terms.id].map(key), en: [p.name.en, ...p.terms.en].map(key) };
    for (const t of byLang.id) if (byLang.id.some((o) => o.startsWith(`${t} `))) mark(t, "before");
    for (const t of byLang.en) if (byLang.en.some((o) => o.endsWith(` ${t}`))) mark(t, "after");
  }
  return heads;
}

/** Whether a phrase read as one names a kind of goods the sources place nowhere, or holds one. */
export function namesGoods(text: string, goods: ReadonlySet<string>): boolean {
  const words = text.split(" ");
  for (let from = 0; from < words.length; from++)
    for (let to = from + 1; to <= words.length; to++)
      if (goods.has(words.slice(from, to).join(" "))) return true;
  return false;
}

/**
 * `matches` with each kind of goods, in as many words as the lexicon gives it ("kelapa sawit"), and
 * the generic product words beside it read as one unknown phrase: the goods named, no product.
 */
export function withGoodsPhrases(matches: Match[], { goods, longest, heads }: GoodsPhrases): Match[] {
  // The words of goods from `at`, the most the lexicon names together; 0 when none.
  const goodsAt = (at: number) => {
    for (let n = Math.min(longest, matches.length - at); n > 0; n--) {
      const run = matches.slice(at, at + n);
      if ((n > 1 || !run[0]?.concepts.length) && goods.has(run.map((m) => m.text).join(" "))) return n;
    }
    return 0;
  };
  const headOn = (m: Match | undefined, side: Side): boolean =>
    m?.concepts.some((c) => c.type === "product") === true &&
    // (A word of products in general too: "crafts".)
    m.concepts.every((c) => c.type === "product" || (c.type === "cue" && c.cue === "product")) &&
    (heads.get(m.text)?.has(side) ?? false);
  const out: Match[] = [];
  for (let i = 0; i < matches.length; i++) {
    const n = goodsAt(i);
    if (n === 0) {
      out.push(matches[i] as Match);
      continue;
    }
    let start = i;
    while (headOn(out.at(-1), "before")) {
      out.pop();
      start--;
    }
    let end = i + n;
    for (let more = goodsAt(end); more > 0 || headOn(matches[end], "after") || unread(matches[end]); ) {
      end += Math.max(1, more);
      more = goodsAt(end);
    }
    const run = matches.slice(start, end);
    out.push(run.length === 1 ? (run[0] as Match) : joined(run));
    i = end - 1;
  }
  return out;
}

/**
 * A word the vocabulary doesn't know, right after goods, says which goods: "fish cracker",
 * "leather bags" are one kind, as "kerupuk ikan" (goods after goods) is. (Not one before: an
 * everyday word the vocabulary lacks, "kaya keripik", is no kind of goods.)
 */
function unread(m: Match | undefined): boolean {
  // (Not a year or a number; not a word the bot knows, "batik mahal", "batik solo".)
  return m !== undefined && m.concepts.length === 0 && m.tokens.every((t) => !t.known) && !/\d/.test(m.text);
}

function joined(run: Match[]): Match {
  return {
    text: run.map((m) => m.text).join(" "),
    concepts: [],
    certainty: Math.min(...run.map((m) => m.certainty)),
    tokens: run.flatMap((m) => m.tokens),
  };
}
