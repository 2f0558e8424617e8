import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { QUOTED } from "./quotes.ts";
import type { Token, Vocabulary } from "./vocabulary.ts";

/** The language each word marks, when only one: what the language of a question is read from. */
export class WordLanguages {
  private readonly byWord = new Map<string, Lang | null>();
  private readonly neutral = new Set<string>();
  /** How often each run of three letters occurs in the words seen in each language. */
  private readonly letters = { id: new Map<string, number>(), en: new Map<string, number>() };
  private readonly totals = { id: 0, en: 0 };

  /** A word seen in `lang`; a word seen in both languages marks neither. */
  mark(word: string, lang: Lang): void {
    for (const run of letterRuns(word)) {
      this.letters[lang].set(run, (this.letters[lang].get(run) ?? 0) + 1);
      this.totals[lang] += 1;
    }
    const seen = this.byWord.get(word);
    if (seen === undefined) this.byWord.set(word, lang);
    else if (seen !== lang) this.byWord.set(word, null);
  }

  /** A word the lexicon lists for both languages ("ikm", "jica"): it never marks one. */
  markNeutral(word: string): void {
    this.neutral.add(word);
  }

  /** The language a word marks, if only one. */
  of(word: string): Lang | undefined {
    return this.neutral.has(word) ? undefined : (this.byWord.get(word) ?? undefined);
  }

  /**
   * How much more English than Indonesian words look, by their runs of letters (above 0: English),
   * for words no text marks ("weather tomorrow", "cuaca besok"): a log-likelihood ratio.
   */
  looksEnglish(words: readonly string[]): number {
    let score = 0;
    for (const word of words)
      for (const run of letterRuns(word)) {
        const p = (lang: Lang) => ((this.letters[lang].get(run) ?? 0) + 1) / (this.totals[lang] + 1);
        score += Math.log(p("en") / p("id"));
      }
    return score;
  }
}

/** A word's runs of three letters, with its start and end marked ("_we", "wea", …, "er_"). */
function letterRuns(word: string): string[] {
  const padded = `_${word}_`;
  const runs: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) runs.push(padded.slice(i, i + 3));
  return runs;
}

/**
 * Marks the languages the knowledge's words speak: the words of its bilingual texts ("coffee" is
 * English), unless `bilingualName` says the word names something in both; and names that exist in
 * one language only ("North Sumatra" and "South Konawe" are English, "Konawe Selatan" Indonesian,
 * "Papua" is both).
 */
export function markLanguages(
  languages: WordLanguages,
  k: Knowledge,
  words: (text: string) => string[],
  bilingualName: (word: string) => boolean,
): void {
  const counts = (word: string) => word.length >= 3 && !/\d/.test(word);
  // Quoted titles are in whatever language they were published in: they mark nothing.
  const unquoted = (text: string) => text.replace(/"[^"]*"/g, " ");
  const texts = (b: { id: string; en: string }) => {
    for (const lang of ["id", "en"] as const) {
      for (const w of words(unquoted(b[lang]))) if (counts(w) && !bilingualName(w)) languages.mark(w, lang);
    }
  };
  for (const [id, attribute] of Object.entries(k.programme))
    if (id !== "terms" && "text" in attribute) texts(attribute.text);
  const names = { id: new Set<string>(), en: new Set<string>() };
  const named = (b: { id: string; en: string }) => {
    for (const lang of ["id", "en"] as const)
      for (const w of words(b[lang])) if (counts(w)) names[lang].add(w);
  };
  for (const p of k.provinces) {
    named(p.name);
    for (const e of p.entries) named({ id: e.place.name, en: e.place.en });
  }
  for (const x of [...k.products, ...k.selection.criteria]) named(x.name);
  for (const w of names.id) if (!names.en.has(w)) languages.mark(w, "id");
  for (const w of names.en) if (!names.id.has(w)) languages.mark(w, "en");
  for (const p of k.products) texts(p.name);
  for (const c of k.selection.criteria) {
    texts(c.name);
    texts(c.meaning);
  }
  for (const p of k.people) texts(p.role);
}

// Three or more capitalised words in a row, joined by at most small words: a title, a name in its
// own language ("apa itu The Project of Small and Medium Industry Development …?").
// (Tried only where a word begins: inside a long run of letters it would cost their square.)
export const TITLE =
  /(?<![\p{L}\d])\p{Lu}[\p{L}\d]*(?:\s+(?:(?:of|and|on|in|for|the|dan|di)\s+)*\p{Lu}[\p{L}\d]*){2,}/gu;

/**
 * The language a message is in: the one more of its words mark; neither when as many words mark
 * each ("and Konawe Selatan?"). Quoted words are the other language's as often as not ("What is
 * 'olahan lidah buaya'?"), and so are titles: the rest of the message decides, when it marks anything.
 */
export function messageLanguage(
  question: string,
  tokens: readonly Token[],
  vocabulary: Pick<Vocabulary, "tokens" | "languageOf" | "looksEnglish">,
): Lang | undefined {
  const votes = (words: readonly Token[]) => {
    let [id, en] = [0, 0];
    for (const t of words) {
      const lang = vocabulary.languageOf(t.text) ?? vocabulary.languageOf(t.original);
      if (lang === "id") id++;
      else if (lang === "en") en++;
    }
    return { id, en };
  };
  // ("WHICH CITY IS IT IN THOUGH??? lol": a message shouted in capitals sets no title apart.)
  const withoutQuotes = question.replace(QUOTED, " ");
  const named = shouted(withoutQuotes) ? withoutQuotes : withoutQuotes.replace(TITLE, " ");
  const unquoted = named.length < question.length ? votes(vocabulary.tokens(named)) : undefined;
  const { id, en } = unquoted && unquoted.id + unquoted.en > 0 ? unquoted : votes(tokens);
  if (en !== id) return en > id ? "en" : "id";
  // No word marks a language ("weather tomorrow?"): the words the knowledge doesn't hold, by how
  // their letters look, when they look clearly one way.
  const unmarked = tokens.filter((t) => !t.known && t.text.length >= 3 && /^\p{L}+$/u.test(t.text));
  const looks = vocabulary.looksEnglish(unmarked.map((t) => t.text));
  return looks > CLEARLY ? "en" : looks < -CLEARLY ? "id" : undefined;
}

/** Whether most of a text's letters are capitals: shouted, not names written as names. */
function shouted(text: string): boolean {
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= MIN_SHOUTED && capitals > SHOUTED_RATIO * (text.match(/\p{Ll}/gu)?.length ?? 0);
}
const MIN_SHOUTED = 8;
const SHOUTED_RATIO = 3;

// A log-likelihood ratio past which words look clearly of one language (about e^3, twenty, to one).
const CLEARLY = 3;
