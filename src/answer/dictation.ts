/**
 * Messages dictated to a phone: voice typing writes punctuation out as words ("sulsel produknya apa
 * tanda tanya", "produk nya apa koma kotanya apa"). Read as typed with the marks. Pure.
 */

// Marks said aloud that mean nothing else.
const SPOKEN_MARKS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\p{L}\d])(?:tanda tanya|question mark)(?![\p{L}\d])/giu, "?"],
  [/(?<![\p{L}\d])(?:tanda seru|exclamation mark)(?![\p{L}\d])/giu, "!"],
];
// Marks said aloud that are words too ("pasien koma", "titik koma"): a mark only right after a
// question word ("produk nya apa koma kotanya apa", "kabupaten apa titik dogi apa").
// (Read forward, word then mark: a look back over a long run of spaces would cost its square.)
const SPOKEN_BREAKS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\p{L}\d])(\p{L}+)(\s+)(?:koma|comma)(?![\p{L}\d])/giu, ","],
  [/(?<![\p{L}\d])(\p{L}+)(\s+)(?:titik|full stop)(?![\p{L}\d])/giu, "."],
];
const MARKS = /[.,?!;:]/;

/**
 * The message with the marks its dictation spelt out, in a message with no marks of its own.
 * `asks`: whether a word asks a question ("apa", "where").
 */
export function asTyped(message: string, asks: (word: string) => boolean): string {
  if (MARKS.test(message)) return message;
  let text = message;
  for (const [spoken, mark] of SPOKEN_MARKS) text = text.replace(spoken, mark);
  for (const [spoken, mark] of SPOKEN_BREAKS)
    text = text.replace(spoken, (said, before: string, space: string) =>
      asks(before.toLowerCase()) ? `${before}${space}${mark}` : said,
    );
  return text;
}
