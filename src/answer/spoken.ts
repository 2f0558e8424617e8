/**
 * What a phone makes of speech typed out (voice notes): numbers said in words ("dua ribu tujuh
 * belas", "twenty seventeen"), letters said by their names ("i ka em", "ji ai si ei") and names
 * heard as two words ("dogi yai", "ponti anak"). Each is read back to the written form the
 * vocabulary knows. Pure.
 */

/** The spoken forms of numbers and letters, from the lexicon. */
export interface Spoken {
  /** Number words and their values ("tujuh": 7, "twenty": 20, "seribu": 1000). */
  values: ReadonlyMap<string, number>;
  /** Words that multiply what comes before them ("puluh": 10, "ribu": 1000, "thousand"). */
  scales: ReadonlyMap<string, number>;
  /** Words that add ten to the unit before them ("tujuh belas"). */
  teens: ReadonlySet<string>;
  /** Words that join parts of one number ("two thousand and sixteen"). */
  joins: ReadonlySet<string>;
  /** The letters each spoken letter name may be ("ji": g or j). */
  letters: ReadonlyMap<string, string>;
}

// The longest run of letter names read as one word ("u m k m"), and the spellings tried for it.
const MAX_SPELLED = 6;
const MAX_SPELLINGS = 32;
// A name heard as two words is joined only into a word this long: short joins are chance.
const MIN_JOINED = 5;

/** The words of a question with what speech-to-text wrote read back: numbers, spelled words, split names. */
export function readSpoken(
  words: string[],
  spoken: Spoken,
  vocabulary: ReadonlySet<string>,
  isPhrase: (text: string) => boolean,
): string[] {
  const known = (word: string) => vocabulary.has(word);
  return joinedNames(spelledWords(spokenNumbers(words, spoken, isPhrase), spoken.letters, known), known);
}

type Last = "unit" | "tens" | "teen" | "hundred" | "thousand" | undefined;

/** A number said in two or more words from `start`: its value and where it ends. */
function numberAt(words: string[], start: number, s: Spoken): { value: number; end: number } | undefined {
  let total = 0;
  let current = 0;
  let last: Last;
  let end = start;
  for (let i = start; i < words.length; i++) {
    const w = words[i] as string;
    const value = s.values.get(w);
    const scale = s.scales.get(w);
    if (value === 1000 || (scale === 1000 && last !== undefined && last !== "thousand")) {
      total += (scale ? current || 1 : 1) * 1000;
      current = 0;
      last = "thousand";
    } else if (value === 100 || (scale === 100 && (last === "unit" || last === "teen"))) {
      current = (scale ? current : 1) * 100;
      last = "hundred";
    } else if (scale === 10 && last === "unit") {
      current *= 10;
      last = "tens";
    } else if (s.teens.has(w) && last === "unit") {
      current += 10;
      last = "teen";
    } else if (value !== undefined && (last === undefined || last === "thousand" || last === "hundred")) {
      current += value;
      last = kindOf(value);
    } else if (value !== undefined && value < 10 && last === "tens") {
      current += value;
      last = "unit";
    } else if (value !== undefined && value >= 10 && (last === "tens" || last === "teen") && current < 100) {
      // "twenty seventeen", "nineteen ninety": a year said in two halves.
      total += current * 100;
      current = value;
      last = kindOf(value);
    } else if (
      s.joins.has(w) &&
      (last === "thousand" || last === "hundred") &&
      s.values.has(words[i + 1] ?? "")
    ) {
      continue;
    } else break;
    end = i + 1;
  }
  return end - start >= 2 ? { value: total + current, end } : undefined;
}

const kindOf = (value: number): Last => (value < 10 ? "unit" : value < 20 || value % 10 ? "teen" : "tens");

/** "dua ribu tujuh belas" → "2017"; a number word alone stays ("lima provinsi"), and so does a name. */
function spokenNumbers(words: string[], s: Spoken, isPhrase: (text: string) => boolean): string[] {
  if (!words.some((w) => s.values.has(w))) return words;
  const out: string[] = [];
  // (Number words that begin a name stay words: "Kabupaten Lima Puluh Kota".)
  const named = (from: number, end: number) =>
    [0, 1, 2].some((more) => isPhrase(words.slice(from, end + more).join(" ")));
  for (let i = 0; i < words.length; i++) {
    const found = s.values.has(words[i] as string) ? numberAt(words, i, s) : undefined;
    const number = found && !named(i, found.end) ? found : undefined;
    if (number) {
      out.push(String(number.value));
      i = number.end - 1;
    } else out.push(words[i] as string);
  }
  return out;
}

/** "i ka em" → "ikm": letter names in a row that spell a word of three letters or more the vocabulary knows. */
function spelledWords(
  words: string[],
  letters: ReadonlyMap<string, string>,
  known: (w: string) => boolean,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let run = 0;
    while (run < MAX_SPELLED && letters.has(words[i + run] ?? "")) run++;
    let spelled: { word: string; length: number } | undefined;
    for (let length = run; length >= 2 && !spelled; length--) {
      const word = spellings(words.slice(i, i + length), letters).find((w) => w.length >= 3 && known(w));
      if (word) spelled = { word, length };
    }
    if (spelled) {
      out.push(spelled.word);
      i += spelled.length - 1;
    } else out.push(words[i] as string);
  }
  return out;
}

/** Every way the letter names can be written, up to a bound. */
function spellings(names: string[], letters: ReadonlyMap<string, string>): string[] {
  let words = [""];
  for (const name of names) {
    const options = [...(letters.get(name) ?? "")];
    words = words.flatMap((w) => options.map((letter) => w + letter)).slice(0, MAX_SPELLINGS);
  }
  return words;
}

/** "dogi yai" → "dogiyai": two words, one of them unknown, that together are a known word. */
function joinedNames(words: string[], known: (w: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [a, b] = [words[i] as string, words[i + 1]];
    const joined = b === undefined ? "" : a + b;
    if (joined.length >= MIN_JOINED && !(known(a) && known(b as string)) && known(joined)) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out;
}
