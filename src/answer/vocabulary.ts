import { extended } from "../extended.ts";
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { capitalsAsProvinces } from "./capitals.ts";
import type { Concept, Match, Token } from "./concepts.ts";
import { withDistricts } from "./districts.ts";
import { type GoodsPhrases, goodsPhrases } from "./goods-phrases.ts";
import { type Cue, FILLER_CUES, type Lexicon, type SmallTalk, wordsOf } from "./lexicon.ts";
import { sidesOf } from "./motives.ts";
import {
  editDistance,
  englishBases,
  regionalForms,
  respelt,
  stemCandidates,
  tokenize,
  unstretched,
} from "./normalise.ts";
import { ProvinceCodes } from "./province-codes.ts";
import { type QuoteTarget, quoteTargets } from "./quotes.ts";
import { bestReading, NAME_CONCEPTS } from "./reading.ts";
import { runTogether, sentenceRunTogether } from "./run-together.ts";
import { readSpoken } from "./spoken.ts";
import { acronymsIn, correctionRank, fitsCorrection, NAME_RANK, TypoIndex, titledWords } from "./typos.ts";
import { addAreas, addCountries, addKnowledge, type Phrase, type Terms } from "./vocabulary-terms.ts";
import { WordLanguages } from "./word-languages.ts";

export type { Concept, Match, Token };

const MAX_PHRASE_WORDS = 6;
const PROPER_NAMES: ReadonlySet<Concept["type"]> = new Set(["org", "person", "province", "place", "source"]);
/** How sure a word corrected by one slip is (by two, less). */
const TYPO_CERTAINTY = 0.85;
/** What a word known only by its root costs, beside one known as it is, in a question typed as one word. */
const DERIVED_WORD_COST = 2.5;
/** Words not in the vocabulary whose reading is remembered, at most. */
const MAX_REMEMBERED_WORDS = 10_000;

/**
 * Every phrase the matcher knows, from the lexicon, the knowledge file and the official list of
 * regions, with a typo-tolerant lookup of single words (SymSpell-style deletion index).
 */
export class Vocabulary {
  private readonly phrases = new Map<string, Phrase>();
  private readonly languages = new WordLanguages();
  private readonly unknownWords = new Map<string, Token>();
  /** Districts by name, read apart from the phrases (see `districts.ts`). */
  private readonly districts = new Map<string, Concept>();
  private readonly words = new Set<string>();
  private readonly correctable = new Map<string, number>(); // word → best correction rank
  private readonly longestFrom = new Map<string, number>(); // first word → words of its longest phrase
  private readonly typos: TypoIndex;
  /** What each province's two-digit code stands for: a programme province, or a region. */
  private readonly provinceConcepts = new Map<string, Concept>();
  /** The considerations in the order the sources give them: "the third consideration" is one. */
  readonly criteria: readonly string[];
  /** The cooperation's sides by the phrases that name them ("jepang", "jica": ID or JP). */
  readonly sides: ReadonlyMap<string, string>;
  /** Goods the sources place nowhere, and products' generic words beside them ("tenun songket"). */
  readonly goodsPhrases: GoodsPhrases;

  readonly lexicon: Lexicon;
  /** The titles and names a quote in a question may name. */
  readonly quoteTargets: readonly QuoteTarget[];
  /** Which province a phrase names or lies in. */
  readonly provinceCodes: ProvinceCodes;

  constructor(knowledge: Knowledge, areas: Areas) {
    this.lexicon = knowledge.lexicon;
    this.quoteTargets = quoteTargets(knowledge);
    this.provinceCodes = new ProvinceCodes(knowledge);
    this.criteria = knowledge.selection.criteria.map((c) => c.id);
    this.sides = sidesOf(knowledge, (text) => this.words_(text).join(" "));
    this.goodsPhrases = goodsPhrases(knowledge, (text) => this.words_(text).join(" "));
    for (const [cue, words] of Object.entries(this.lexicon.cues) as Array<[Cue, Lexicon["cues"][Cue]]>) {
      for (const [w, lang] of wordsOf(words)) {
        this.add(w, { type: "cue", cue }, lang);
        // (Where goods sell is what the aim names, markets at home and abroad: of the programme,
        // "is it about exports?", its aim answers; see `settle.ts` for a place's or a product's.)
        if (cue === "trade") this.add(w, { type: "attribute", id: "aim" }, lang);
        // Words the lexicon lists for both languages ("ikm", "jica") never mark one.
        if (lang === undefined) for (const word of this.words_(w)) this.languages.markNeutral(word);
      }
    }
    // Words of address ("Mrs", "Pak") say nothing of what is asked; whom they address, `asides.ts` reads.
    for (const w of this.lexicon.address) this.add(w, { type: "cue", cue: "stop" }, undefined);
    for (const [kind, words] of Object.entries(this.lexicon.smallTalk) as Array<
      [SmallTalk, Lexicon["smallTalk"][SmallTalk]]
    >) {
      for (const [w, lang] of wordsOf(words)) this.add(w, { type: "smalltalk", kind }, lang);
    }
    for (const lang of ["id", "en"] as const) {
      for (const [word, position] of this.lexicon.ordinals[lang])
        this.add(word, { type: "ordinal", position }, lang);
      for (const [word, month] of this.lexicon.months[lang]) this.add(word, { type: "month", month }, lang);
      for (const [word, value] of this.lexicon.numbers[lang]) this.add(word, { type: "number", value }, lang);
    }
    const terms: Terms = {
      add: (text, concept, lang) => this.add(text, concept, lang),
      key: (text) => this.words_(text).join(" "),
      phrase: (key) => this.phrases.get(key),
      knows: (word) => this.words.has(word),
      addDistrict: (key, concept) => this.districts.set(key, concept),
      languages: this.languages,
      provinceConcepts: this.provinceConcepts,
    };
    addKnowledge(terms, knowledge);
    addAreas(terms, knowledge, areas);
    addCountries(terms, knowledge);
    this.addSpellings();
    this.typos = new TypoIndex(this.correctable, NAME_RANK);
  }

  /** The words of a text as the matcher reads them (informal spellings replaced). */
  private words_(text: string): string[] {
    return tokenize(text, this.lexicon);
  }

  private add(text: string, concept: Concept, lang?: Lang): void {
    const key = this.words_(text).join(" ");
    if (!key) return;
    const phrase = this.phrases.get(key) ?? { concepts: [], lang };
    if (!this.phrases.has(key)) this.phrases.set(key, phrase);
    else if (phrase.lang !== lang) phrase.lang = undefined;
    if (!phrase.concepts.some((c) => sameConcept(c, concept))) phrase.concepts.push(concept);
    const words = key.split(" ");
    const first = words[0] as string;
    this.longestFrom.set(
      first,
      Math.max(this.longestFrom.get(first) ?? 1, Math.min(words.length, MAX_PHRASE_WORDS)),
    );
    for (const word of key.split(" ")) {
      this.words.add(word);
      if (lang) this.languages.mark(word, lang);
      const rank = correctionRank(concept, word);
      if (rank !== undefined) this.correctable.set(word, Math.min(rank, this.correctable.get(word) ?? rank));
    }
  }

  /** Chat spellings are words to correct into too ("bkin" is "bikin", which is "buat"). */
  private addSpellings(): void {
    for (const [informal, standard] of this.lexicon.spelling) {
      const rank = this.correctable.get(standard);
      if (rank !== undefined && informal.length >= 4 && !this.correctable.has(informal))
        this.correctable.set(informal, rank);
    }
  }

  /** How much more English than Indonesian `words` look, by their letters (above 0: English). */
  looksEnglish(words: readonly string[]): number {
    return this.languages.looksEnglish(words);
  }

  /** The language a word marks, if only one. */
  languageOf(word: string): Lang | undefined {
    return this.languages.of(word);
  }

  /** Whether `word` is part of some known phrase. */
  knows(word: string): boolean {
    return this.words.has(word);
  }

  /** Whether a word alone carries the cue `cue` ("apa": what). */
  cues(word: string, cue: Cue): boolean {
    return this.phrases.get(word)?.concepts.some((c) => c.type === "cue" && c.cue === cue) ?? false;
  }

  /** Whether a phrase is the proper name of an organisation, a person or a region ("jica"). */
  private properName(phrase: string): boolean {
    return this.phrases.get(phrase)?.concepts.some((c) => PROPER_NAMES.has(c.type)) ?? false;
  }

  /** Whether a phrase names something (a product, a region …). */
  private names(phrase: string): boolean {
    return this.phrases.get(phrase)?.concepts.some((c) => NAME_CONCEPTS.has(c.type)) ?? false;
  }

  /** The closest known word a misspelt one could be, preferring names (see `TypoIndex`). */
  correct(word: string): string | undefined {
    return this.typos.correct(word);
  }

  /** The question's words, read: known, else a root, else a correction. */
  tokens(question: string): Token[] {
    const words = readSpoken(this.words_(question), this.lexicon.spoken, this.words, (p) =>
      this.phrases.has(p),
    );
    const acronyms = acronymsIn(question);
    const known = (part: string) =>
      this.phrases.has(part) || stemCandidates(part).some((s) => this.phrases.has(s));
    // (Any word the vocabulary knows, of a name too: "whatdoeseastjavamake"; one known by its root
    // costs more than two known as they are: "cityis" is "city is".)
    const wordCost = (part: string) =>
      this.knows(part) || this.lexicon.spelling.has(part)
        ? 1
        : known(part) || englishBases(part).some(known)
          ? DERIVED_WORD_COST
          : undefined;
    const names = (part: string) =>
      this.phrases.get(part)?.concepts.some((c) => c.type !== "cue" || c.cue !== "stop") ?? false;
    const spaced = words.flatMap((w) => {
      if (w.length < 8 || known(w) || this.knows(w)) return [w];
      const sentence = () =>
        this.normaliseWord(w, acronyms.has(w)).known ? undefined : sentenceRunTogether(w, wordCost, names);
      return (
        (runTogether(w, known) ?? sentence())?.flatMap((p) =>
          (this.lexicon.spelling.get(p) ?? p).split(" "),
        ) ?? [w]
      );
    });
    // "laporan Jika terbit kapan": a filler word written as a name mid-sentence is the name it is
    // one slip from (a phone's autocorrect wrote "Jika" for JICA).
    const titled = titledWords(question);
    const read = spaced.map((w) => {
      const filler =
        titled.has(w) &&
        w.length > 3 &&
        this.phrases.get(w)?.concepts.every((c) => c.type === "cue" && FILLER_CUES.has(c.cue));
      const name = filler ? this.typos.near(w).find((n) => this.properName(n)) : undefined;
      return name
        ? { text: name, original: w, certainty: 0.85, known: true }
        : this.normaliseWord(w, acronyms.has(w));
    });
    // (Words written with a capital: a district is read only as a name, see `districts.ts`.)
    const capitalised = new Set((question.match(/\p{Lu}\p{L}+/gu) ?? []).map((w) => w.toLowerCase()));
    // (New tokens: a word's reading is remembered, its capital is this question's.)
    const cased = read.map((t) => (capitalised.has(t.original) ? extended(t, { capitalised: true }) : t));
    // "lidah biaya", "West Jave": a word the matcher doesn't know, right after a word of a name, is
    // the name's next word when one slip apart (any letter: the name says which).
    return cased.map((t, i) => {
      const before = cased[i - 1]?.text;
      const next =
        t.known || !before ? undefined : this.typos.near(t.text).find((w) => this.names(`${before} ${w}`));
      return next ? { text: next, original: t.original, certainty: 0.85, known: true } : t;
    });
  }

  /**
   * One word as the matcher reads it. Roots and corrections cost far more than a lookup and the
   * same words come back again and again, so they are remembered (a bounded map: the vocabulary
   * never changes under it, a reload builds a new one).
   */
  private normaliseWord(original: string, acronym: boolean): Token {
    if (this.phrases.has(original) || /^\d+$/.test(original))
      return { text: original, original, certainty: 1, known: true };
    const key = acronym ? `${original}\u0000` : original;
    const seen = this.unknownWords.get(key);
    if (seen) return seen;
    if (this.unknownWords.size >= MAX_REMEMBERED_WORDS) this.unknownWords.clear();
    const token = this.interpret(original, acronym);
    this.unknownWords.set(key, token);
    return token;
  }

  /** `stretched`: whether a letter written twice may be one written once ("produknyaa"). */
  private interpret(original: string, acronym: boolean, stretched = true): Token {
    // A word's informal spelling is standard under a particle too ("jepunnya" → "jepun" → "jepang");
    // not under a prefix ("merek" is no "me-rek") nor a suffix that makes another word ("bikinin").
    const particle = (s: string) =>
      /^(nya|lah|kah|pun)$/.test(original.slice(s.length)) && original.startsWith(s);
    const spelled = (s: string) => (particle(s) ? (this.lexicon.spelling.get(s) ?? s) : s);
    const roots = stemCandidates(original).map(spelled);
    const root = roots.find((s) => this.phrases.has(s));
    if (root) return { text: root, original, certainty: 0.95, known: true };
    // A word of a longer phrase only ("cara mengolah"): kept as it is, for that phrase; so is its
    // root ("laporannya" → "laporan", of "laporan JICA").
    if (this.knows(original)) return { text: original, original, certainty: 1, known: true };
    const phraseRoot = roots.find((s) => this.knows(s));
    if (phraseRoot) return { text: phraseRoot, original, certainty: 0.95, known: true };
    // A plural is its singular within a phrase too ("governments" of "local government").
    const plural = original.endsWith("s") ? original.slice(0, -1) : undefined;
    const base =
      englishBases(original).find((s) => this.phrases.has(s)) ??
      (plural && this.knows(plural) ? plural : undefined);
    if (base) return { text: base, original, certainty: 0.95, known: true };
    // Only for an Indonesian word: "note" is no regional "nota", nor "not".
    const regional = regionalForms(original).find(
      (s) => (this.phrases.has(s) || this.knows(s)) && this.languageOf(s) !== "en",
    );
    if (regional) return { text: regional, original, certainty: 0.9, known: true };
    // "Pasoeroean", "Atjeh", "Djawa Tengah": a name in the spelling of before 1972.
    const today = respelt(original);
    if (today && (this.phrases.has(today) || this.knows(today)) && this.languageOf(today) !== "en")
      return { text: today, original, certainty: 0.9, known: true };
    // "produknyaa apaa", "pleasee": a word stretched by one letter is the word (longer runs are
    // squeezed as the text is split).
    if (!stretched) return { text: original, original, certainty: 1, known: false };
    for (const w of unstretched(original)) {
      const plain = this.interpret(w, acronym, false);
      if (plain.known && plain.certainty >= 0.9) return { ...plain, original };
    }
    // (A word of office or a kind of goods is no misspelling: "governor" is no "governed".)
    if (this.lexicon.titles.has(original) || this.lexicon.goods.has(original))
      return { text: original, original, certainty: 1, known: false };
    const typo = this.correct(original);
    const corrected = typo && (this.lexicon.spelling.get(typo) ?? typo);
    if (typo && corrected && fitsCorrection(this.phrases.get(corrected)?.concepts, corrected, acronym)) {
      const distance = editDistance(original, typo, 2);
      return { text: corrected, original, certainty: distance === 1 ? TYPO_CERTAINTY : 0.7, known: true };
    }
    return { text: original, original, certainty: 1, known: false };
  }

  /** Splits tokens into the longest known phrases; unknown words come back with no concepts. */
  segment(tokens: Token[]): Match[] {
    const read = capitalsAsProvinces(
      bestReading(tokens.map((_, i) => this.phrasesAt(tokens, i))),
      (code) => this.provinceConcepts.get(code),
      (words) =>
        this.phrases.get(words)?.concepts.some((c) => c.type === "cue" && c.cue === "capital") ?? false,
    );
    return withDistricts(read, this.districts, (a, b) => this.provinceCodes.sameProvince(a, b)).map(
      uncorrectedIfMeaningless,
    );
  }

  /** The phrases that begin at `tokens[i]`, longest first, ending with the word alone. */
  private phrasesAt(tokens: Token[], i: number): Match[] {
    const first = tokens[i] as Token;
    // Only as many words as the longest phrase that starts with this one, read as normalised
    // ("olah") or as written ("cara mengolah").
    // "JICA's report" is the JICA report: after a name, a possessive inside a phrase joins its words.
    const owned =
      tokens[i + 1]?.text === "s" &&
      (this.phrases.get(first.text)?.concepts.some((c) => NAME_CONCEPTS.has(c.type)) ?? false);
    const longest =
      Math.max(this.longestFrom.get(first.text) ?? 1, this.longestFrom.get(first.original) ?? 1) +
      (owned ? 1 : 0);
    const out: Match[] = [];
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
      const span = n === 1 ? [first] : tokens.slice(i, i + n);
      // (The possessive's "s" itself is left out of the words looked up.)
      const words = owned && n > 2 ? [first, ...span.slice(2)] : span;
      const text = words.map((t) => t.text).join(" ");
      const written = span.map((t) => t.original).join(" ");
      const phrase = this.phrases.get(text) ?? (n > 1 ? this.phrases.get(written) : undefined);
      if (phrase) {
        const certainty = Math.min(...span.map((t) => t.certainty));
        out.push({
          text: this.phrases.has(text) ? text : written,
          concepts: phrase.concepts,
          certainty,
          tokens: span,
        });
      } else if (n === 1)
        out.push({ text: first.text, concepts: [], certainty: first.certainty, tokens: [first] });
    }
    return out;
  }
}

const sameConcept = (a: Concept, b: Concept) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A misspelling corrected into a word that, read, stands for nothing ("bags" into "bagus", a word
 * only of "lebih bagus") was no misspelling of it: the word stays the unknown word written.
 */
function uncorrectedIfMeaningless(m: Match): Match {
  const token = m.tokens[0];
  if (m.concepts.length || m.tokens.length !== 1 || !token || token.certainty > TYPO_CERTAINTY) return m;
  const { original, capitalised } = token;
  const written: Token = { text: original, original, certainty: 1, known: false, capitalised };
  return { text: written.text, concepts: m.concepts, certainty: 1, tokens: [written] };
}
