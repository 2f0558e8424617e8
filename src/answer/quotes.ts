/**
 * Quoted titles and names: "which outlet ran 'RI-Japan Establish Cooperation …'?" names the source
 * whose title it quotes, and "the official name is 'SMI Development Based on …', correct?" the
 * programme's name. Read as words, a title's own words would ask other things ("based on" asks
 * how regions are chosen). A quote that matches nothing is read like the rest of the message.
 */
import type { Knowledge } from "../knowledge/load.ts";
import { fold } from "./normalise.ts";

/** What a quote may name: the words of its text, and a phrase of the knowledge that names it. */
export interface QuoteTarget {
  words: ReadonlySet<string>;
  phrase: string;
}

// Words in quotes: opened after a space (not the apostrophe of "what's"), closed before one.
// Guillemets («…») and low-high quotes („…“) too, as phones and newspapers type them.
export const QUOTED = /(?<=^|\s)["“'‘«„][^"”'’»“]+["”'’»“](?=$|[\s?.,!:;—–-])/gu;
/** Whether a message may hold a quote: the cheap test before `QUOTED`. */
export const mayQuote = (text: string) => /["“'‘«„]/u.test(text);
// A quote names a title when most of its words are the title's, and it has a few.
const SHARE = 0.7;
const MIN_WORDS = 3;

const wordsOf = (text: string) => fold(text).split(" ").filter(Boolean);
/** The term of most words: the one least likely to mean anything else. */
const longest = (terms: readonly string[]) =>
  terms.reduce((best, t) => (wordsOf(t).length > wordsOf(best).length ? t : best), terms[0] ?? "");

/**
 * The programme's names and the sources' titles, each with the phrase the matcher reads for it.
 * The names come first: a quote of the name is as much in the report's title, which holds it.
 */
export function quoteTargets(k: Knowledge): QuoteTarget[] {
  const sources = Object.values(k.sources).map((s) => ({
    words: new Set(wordsOf(s.title)),
    phrase: longest(s.terms),
  }));
  const name = k.programme.name;
  return [
    { words: new Set(wordsOf(`${name.text.id} ${name.text.en}`)), phrase: longest(name.terms.en) },
    ...sources,
  ].filter((t) => t.phrase);
}

/** The message with each quote of a title or name replaced by the phrase that names it. */
export function nameQuotes(question: string, targets: readonly QuoteTarget[]): string {
  if (!mayQuote(question)) return question;
  return question.replace(QUOTED, (quote) => {
    const words = wordsOf(quote);
    if (words.length < MIN_WORDS) return quote;
    let best: QuoteTarget | undefined;
    let bestShare = 0;
    for (const target of targets) {
      const share = words.filter((w) => target.words.has(w)).length / words.length;
      if (share >= SHARE && share > bestShare) [best, bestShare] = [target, share];
    }
    return best ? ` ${best.phrase} ` : quote;
  });
}
