import type { Cue } from "./lexicon.ts";
import { deletions, editDistance, MAX_QUESTION_CHARS } from "./normalise.ts";
import type { Concept } from "./vocabulary.ts";

/** Room for word numbers below each key's hash in one entry: a vocabulary under a million words. */
const WORD_SLOTS = 2 ** 20;

/**
 * Typo correction over the words the matcher knows: a SymSpell-style index of every word with
 * letters deleted, and rules for which slips a person plausibly made.
 *
 * The index holds no strings: each deletion is a 32-bit hash with the number of its word, packed in
 * one sorted number (hash × {@link WORD_SLOTS} + word), some 50k of them in a Float64Array that a
 * lookup bisects. A Map of the deletions themselves cost the bot some 2.5 MB for as long as it
 * runs. Two keys sharing a hash only offer a candidate more, and every candidate's edit distance
 * is checked.
 */
export class TypoIndex {
  private readonly words: string[] = [];
  private readonly entries: Float64Array;
  /** Letters of the longest word: a longer word cannot be a misspelling of one. */
  private readonly longest: number;

  /**
   * @param ranks every correctable word, with its rank (lower is preferred: names before cue words)
   * @param nameRank the rank of region names, the only words three letters may be corrected into
   */
  constructor(
    private readonly ranks: ReadonlyMap<string, number>,
    private readonly nameRank: number,
  ) {
    let longest = 0;
    const entries: number[] = [];
    for (const word of ranks.keys()) {
      if (word.length < 3 || /\d/.test(word)) continue;
      longest = Math.max(longest, word.length);
      const number = this.words.push(word) - 1;
      for (const key of deletions(word, allowedDistance(word.length)))
        entries.push(hash(key) * WORD_SLOTS + number);
    }
    if (this.words.length > WORD_SLOTS) throw new Error(`too many words to correct: ${this.words.length}`);
    this.entries = Float64Array.from(entries).sort();
    this.longest = longest;
  }

  /** The words with a deletion whose hash is `key`'s. */
  private *candidates(key: string): Generator<string> {
    const from = hash(key) * WORD_SLOTS;
    const to = from + WORD_SLOTS;
    // The first entry at or after `from`.
    let [low, high] = [0, this.entries.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.entries[middle] as number) < from) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.entries.length && (this.entries[i] as number) < to; i++)
      yield this.words[(this.entries[i] as number) - from] as string;
  }

  /** The closest known word within the allowed edit distance, preferring names; none when unsure. */
  correct(word: string): string | undefined {
    // The cost bound: deletions grow with the square of a word's length, so a made-up word of
    // hundreds of letters would cost seconds. No word longer than any known word + 2 is a typo of one.
    if (word.length < 3 || word.length > this.longest + 2 || /\d/.test(word)) return undefined;
    const max = allowedDistance(word.length);
    let best: { word: string; distance: number; rank: number } | undefined;
    for (const key of deletions(word, max)) {
      for (const candidate of this.candidates(key)) {
        const distance = editDistance(word, candidate, max);
        if (distance > max || !this.plausible(word, candidate)) continue;
        const rank = this.ranks.get(candidate) ?? 9;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && rank < best.rank) ||
          (distance === best.distance &&
            rank === best.rank &&
            candidate[0] === word[0] &&
            best.word[0] !== word[0])
        )
          best = { word: candidate, distance, rank };
      }
    }
    return best?.word;
  }

  /** Every known word one edit from `word`, whatever the slip (a name's next word says which). */
  near(word: string): string[] {
    if (word.length < 3 || word.length > this.longest + 1 || /\d/.test(word)) return [];
    const out = new Set<string>();
    for (const key of deletions(word, 1))
      for (const candidate of this.candidates(key))
        if (editDistance(word, candidate, 1) <= 1) out.add(candidate);
    return [...out];
  }

  private plausible(word: string, candidate: string): boolean {
    // A key held too long doubles a letter: "apaa" is "apa", "ajaa" is "aja".
    if ([...word].some((c, i) => c === word[i - 1] && word.slice(0, i) + word.slice(i + 1) === candidate))
      return true;
    // A short word takes only a missing letter, or its own letters swapped: "mate" is not "make",
    // "gaji" is not "gati"; "sine" is "since", "dose" is "does".
    if (word.length <= 4 && candidate.length <= word.length && !sameLetters(word, candidate)) return false;
    // Three letters are too few to guess from: "mak" may be "make", never "dak"; "old" is not
    // "gold". Only a letter left out of a region's name is read back in: "jwa" is "jawa".
    const rank = this.ranks.get(candidate) ?? 9;
    if (word.length <= 3 && (candidate.length <= word.length || rank > this.nameRank)) return false;
    return plausibleSlips(word, candidate);
  }
}

/** FNV-1a over the text's UTF-16 units: a 32-bit hash, as an unsigned number. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function allowedDistance(length: number): number {
  return length >= 8 ? 2 : 1;
}

// Keys next to each other on a keyboard, and letters that sound alike in Indonesian spelling.
const KEY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const SOUND_ALIKE = ["iy", "uw", "ck", "cs", "fp", "fv", "jz"];
const VOWELS = "aeiou";

function slipPair(a: string, b: string): boolean {
  if (VOWELS.includes(a) && VOWELS.includes(b)) return true;
  if (SOUND_ALIKE.some((p) => p === a + b || p === b + a)) return true;
  const row = (c: string) => KEY_ROWS.findIndex((r) => r.includes(c));
  const [ra, rb] = [row(a), row(b)];
  if (ra < 0 || rb < 0) return false;
  const [ia, ib] = [(KEY_ROWS[ra] as string).indexOf(a), (KEY_ROWS[rb] as string).indexOf(b)];
  return Math.abs(ra - rb) <= 1 && Math.abs(ia - ib) <= 1;
}

/**
 * Whether a word of the same length could be `candidate` mistyped: every letter that differs is a
 * neighbouring key, a vowel for a vowel or a letter that sounds alike ("kalimantam", "kriterea",
 * "regensy"), or its letters are the candidate's in another order ("papau", "footware"); "cocok"
 * is not "cocoa". Words of other lengths (a letter left out or doubled) could, unless the first
 * letter is the one left out or added: people rarely slip there, and "order" is not "border".
 */
function plausibleSlips(word: string, candidate: string): boolean {
  // In a short word, an extra vowel makes another word more often than a slip: "kuota" is not
  // "kota" (a doubled one is a slip: "tahuu").
  const extraVowel = [...word].some(
    (c, i) =>
      VOWELS.includes(c) &&
      c !== word[i - 1] &&
      c !== word[i + 1] &&
      word.slice(0, i) + word.slice(i + 1) === candidate,
  );
  if (word.length <= 5 && word.length === candidate.length + 1 && extraVowel) return false;
  if (word.length === candidate.length + 1 || word.length + 1 === candidate.length) {
    // A letter left out or added, and perhaps one slip besides: the rest must be a plausible slip
    // ("calories" is not "carries": once "l" is out, "o" for "r" is no neighbouring key).
    const [long, short] = word.length > candidate.length ? [word, candidate] : [candidate, word];
    const slipAfterOne = [...long].some((_, i) => {
      const rest = long.slice(0, i) + long.slice(i + 1);
      return rest === short || sameLengthSlips(rest, short);
    });
    return word[0] === candidate[0] && slipAfterOne;
  }
  if (word.length !== candidate.length) return word[0] === candidate[0];
  return sameLengthSlips(word, candidate);
}

/** Whether a word of the same length could be `candidate` mistyped, letter for letter. */
function sameLengthSlips(word: string, candidate: string): boolean {
  if (sameLetters(word, candidate)) return true;
  const differ = [...word].flatMap((c, i) => (c === candidate[i] ? [] : [i]));
  // In a short word, another vowel makes another word more often than a slip: "ports" is not "parts".
  const vowelSwap = (k: number) =>
    VOWELS.includes(word[k] as string) && VOWELS.includes(candidate[k] as string);
  if (word.length < 6 && differ.some(vowelSwap)) return false;
  return differ.every((k) => slipPair(word[k] as string, candidate[k] as string));
}

/** Whether two words have the same letters, in any order ("papau", "papua"). */
function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join("") === [...b].sort().join("");
}

// Rank of concept kinds when a misspelt word could be corrected to several words.
// Cue words too short or too common to correct a typo into.
const UNCORRECTED_CUES: ReadonlySet<Cue> = new Set<Cue>([
  "stop",
  "task",
  "dispute",
  "condition",
  "domain",
  "and",
  "opener",
  "tag",
]);
const CORRECTION_RANK: Record<Concept["type"], number> = {
  province: 0,
  place: 0,
  island: 0,
  country: 4,
  ordinal: 3,
  month: 3,
  number: 3,
  note: 2,
  product: 1,
  criterion: 1,
  person: 1,
  role: 1,
  org: 1,
  source: 1,
  cohort: 1,
  term: 1,
  programme: 2,
  attribute: 2,
  selection: 2,
  cue: 2,
  smalltalk: 3,
  area: 4,
};
/** The rank of region names, the only words three letters may be corrected into. */
export const NAME_RANK = CORRECTION_RANK.province;

/**
 * The rank of a word of a phrase as a correction (lower is preferred: names before cue words), or
 * `undefined` when a misspelt word is never "corrected" into it: a regency name, a short small-talk
 * word or a word that only fills a sentence ("bantu" is not Bantul, "joke" is not "oke", "teman"
 * is not "tema").
 */
export function correctionRank(concept: Concept, word: string): number | undefined {
  const isRegency = (concept.type === "area" && concept.code.includes(".")) || concept.type === "country";
  const risky = concept.type === "smalltalk" && word.length < 5;
  const filler = concept.type === "cue" && UNCORRECTED_CUES.has(concept.cue);
  return isRegency || risky || filler ? undefined : CORRECTION_RANK[concept.type];
}

/**
 * Whether a misspelt word may be read as `corrected`, whose meanings alone are `concepts`
 * (`undefined` when it is only a word of longer phrases). It must mean something alone: "kalo" is
 * no stop word's typo, "batik" no "baik" (a short word of small talk, ranked only as part of "lebih
 * baik"). A word written in capitals is a name ("USAID"), read only as another name ("JIKA" is
 * JICA), never as a common word ("usai", an end).
 */
export function fitsCorrection(
  concepts: Concept[] | undefined,
  corrected: string,
  acronym: boolean,
): boolean {
  if (acronym)
    return (
      concepts?.some((c) => (correctionRank(c, corrected) ?? CORRECTION_RANK.cue) < CORRECTION_RANK.cue) ??
      false
    );
  const filler =
    concepts?.every(
      (c) => c.type === "cue" && (c.cue === "stop" || c.cue === "and" || c.cue === "condition"),
    ) || concepts?.every((c) => c.type === "smalltalk" && correctionRank(c, corrected) === undefined);
  return !filler;
}

/**
 * The words a text writes in capitals, folded ("usaid" of "Is USAID a partner?"): names. Not when
 * most of its letters are capitals, which is a caps lock, not names.
 */
export function acronymsIn(text: string): ReadonlySet<string> {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals * 2 > letters) return new Set();
  return new Set(text.match(/(?<![\p{L}\d])\p{Lu}{3,}(?![\p{L}\d])/gu)?.map((w) => w.toLowerCase()) ?? []);
}

/** The words a text capitalises mid-sentence ("Jika" of "laporan Jika terbit kapan"), folded. */
export function titledWords(text: string): ReadonlySet<string> {
  const words = text.slice(0, MAX_QUESTION_CHARS).matchAll(/(?<=[\p{Ll},]\s+)\p{Lu}\p{Ll}+/gu);
  return new Set([...words].map((m) => m[0].toLowerCase()));
}
