/**
 * Words typed without the spaces between them: "produksulsel", "Jatengproduknya", or a whole
 * question at once ("sultraproduknyaapa", "whichprovincemakesulos?", "siapadirjenIKMdiartikel2017").
 */

/** The longest run-together word read: a longer one is left as it is (the split costs its length squared). */
const MAX_LETTERS = 60;
/** The longest single word looked for inside one (the longest names are shorter). */
const MAX_PIECE = 24;

/**
 * A word typed without the space between two words ("produksulsel", "Jatengproduknya",
 * "programlanjutan"): the two known words it is made of, the first as long as can be; `undefined`
 * when it is not two known words of four letters or more ("dialokasikan" is no "dia lokasikan").
 */
export function runTogether(word: string, known: (part: string) => boolean): [string, string] | undefined {
  for (let at = word.length - 4; at >= 4; at--) {
    const [first, rest] = [word.slice(0, at), word.slice(at)];
    if (known(first) && known(rest)) return [first, rest];
  }
  return undefined;
}

// An Indonesian word made with a prefix and a suffix ("ketenagakerjaan", "penyebarluasan"): one word
// the vocabulary lacks, not a question typed as one ("ke tenaga kerja an").
const AFFIXED = /^(?:ke|se|di|ber|ter|per|pe[nmr]?|pen[gy]|me[nm]?|men[gy])\p{L}{4,}(?:an|kan|nya)$/u;

/** The fewest letters of a whole question typed as one word, and of its words. */
const MIN_SENTENCE = { letters: 12, words: 3 };

/**
 * "sultraproduknyaapa", "whatdoespapuamake": a word that means nothing as it is, read as a whole
 * question typed without spaces: the fewest words `known` that make it up (two letters or more,
 * and digits), when they are three or more, and one of them, of four letters or more, `names`
 * something or asks. (The vocabulary's many short words make up most long words: "memperhitungkan" is no
 * "per hi itu kan", "penggantinya" no "peng gan tin ya".)
 */
export function sentenceRunTogether(
  word: string,
  cost: (part: string) => number | undefined,
  names: (part: string) => boolean,
): string[] | undefined {
  if (word.length < MIN_SENTENCE.letters || word.length > MAX_LETTERS || AFFIXED.test(word)) return undefined;
  const pieces = cheapestWords(word, cost);
  if (!pieces || pieces.length < MIN_SENTENCE.words) return undefined;
  return pieces.some((p) => p.length >= 4 && names(p)) ? pieces : undefined;
}

/**
 * The words (or runs of digits) that make up `word` at the least `cost` (each known word's; a run
 * of digits costs 1), or `undefined` (dynamic programming over where each word ends; of splits that
 * cost the same, the one whose words are the most even, "sulsel produk apa" before "sul selproduk apa").
 */
function cheapestWords(word: string, cost: (part: string) => number | undefined): string[] | undefined {
  // best[i]: the cheapest words that make up word.slice(0, i), and the spread of their lengths.
  const best: Array<{ cost: number; squares: number; from: number } | undefined> = [
    { cost: 0, squares: 0, from: -1 },
  ];
  const digitAt = (i: number) => /\d/.test(word[i] ?? "");
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const piece = word.slice(start, end);
      // (Digits make one word with all the digits beside them: "2017", not "20" "17".)
      const own = /^\d+$/.test(piece)
        ? digitAt(start - 1) || digitAt(end)
          ? undefined
          : 1
        : piece.length < 2 || /\d/.test(piece)
          ? undefined
          : cost(piece);
      if (own === undefined) continue;
      const total = before.cost + own;
      const squares = before.squares + piece.length * piece.length;
      const now = best[end];
      if (!now || total < now.cost || (total === now.cost && squares < now.squares))
        best[end] = { cost: total, squares, from: start };
    }
  }
  if (!best[word.length]) return undefined;
  const pieces: string[] = [];
  for (let end = word.length; end > 0; end = (best[end] as { from: number }).from)
    pieces.unshift(word.slice((best[end] as { from: number }).from, end));
  return pieces;
}
