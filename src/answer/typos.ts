import { deletions, editDistance } from "./normalise.ts";

/**
 * Typo correction over the words the matcher knows: a SymSpell-style index of every word with
 * letters deleted, and rules for which slips a person plausibly made.
 */
export class TypoIndex {
  private readonly index = new Map<string, string[]>();
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
    for (const word of ranks.keys()) {
      if (word.length < 3 || /\d/.test(word)) continue;
      longest = Math.max(longest, word.length);
      for (const key of deletions(word, allowedDistance(word.length))) {
        const list = this.index.get(key);
        if (list) list.push(word);
        else this.index.set(key, [word]);
      }
    }
    this.longest = longest;
  }

  /** The closest known word within the allowed edit distance, preferring names; none when unsure. */
  correct(word: string): string | undefined {
    // The cost bound: deletions grow with the square of a word's length, so a made-up word of
    // hundreds of letters would cost seconds. No word longer than any known word + 2 is a typo of one.
    if (word.length < 3 || word.length > this.longest + 2 || /\d/.test(word)) return undefined;
    const max = allowedDistance(word.length);
    let best: { word: string; distance: number; rank: number } | undefined;
    for (const key of deletions(word, max)) {
      for (const candidate of this.index.get(key) ?? []) {
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

  private plausible(word: string, candidate: string): boolean {
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
 * is not "cocoa". Words of other lengths (a letter left out or doubled) always could.
 */
function plausibleSlips(word: string, candidate: string): boolean {
  if (word.length !== candidate.length || sameLetters(word, candidate)) return true;
  const differ = [...word].flatMap((c, i) => (c === candidate[i] ? [] : [i]));
  return differ.every((k) => slipPair(word[k] as string, candidate[k] as string));
}

/** Whether two words have the same letters, in any order ("papau", "papua"). */
function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join("") === [...b].sort().join("");
}
