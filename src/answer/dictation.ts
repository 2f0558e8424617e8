/**
 * Messages dictated to a phone: voice typing writes punctuation out as words ("sulsel produknya apa
 * tanda tanya", "produk nya apa koma kotanya apa") and numbers a list's items without marks ("1
 * sulteng produk apa 2 kotanya dmn 3 sejak kpn"). Read as typed with the marks. Pure.
 */

// Punctuation said aloud, in either language: only in a message that has no marks of its own, where
// "koma" or "titik" cannot be the words that mean a coma or a point.
const SPOKEN_MARKS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\p{L}\d])(?:tanda tanya|question mark)(?![\p{L}\d])/giu, "?"],
  [/(?<![\p{L}\d])(?:tanda seru|exclamation mark)(?![\p{L}\d])/giu, "!"],
  [/(?<![\p{L}\d])(?:koma|comma)(?![\p{L}\d])/giu, ","],
  [/(?<![\p{L}\d])(?:titik|full stop)(?![\p{L}\d])/giu, "."],
];
const MARKS = /[.,?!;:]/;
// A lone number between words: an item's number, when they run 1, 2 (, 3) with words between.
const LONE_NUMBER = /(?<=^|\s)(\d)(?=\s+\p{L})/gu;
// The fewest words an item holds: "Jatim ada 1 atau 2 lokasi" counts, it lists nothing.
const MIN_ITEM_WORDS = 2;

/** The message with the marks its dictation spelt out, and its items numbered as a list is. */
export function asTyped(message: string): string {
  if (MARKS.test(message)) return message;
  let text = message;
  for (const [spoken, mark] of SPOKEN_MARKS) text = text.replace(spoken, mark);
  return numberedItems(text);
}

/** "1 produk apa 2 kotanya dmn" → "1) produk apa 2) kotanya dmn": items numbered from 1 in order. */
function numberedItems(text: string): string {
  const numbers = [...text.matchAll(LONE_NUMBER)];
  const items: number[] = [];
  for (const m of numbers) {
    const n = Number(m[1]);
    if (n !== items.length + 1) continue;
    const previous = numbers.find((p) => p.index === items[items.length - 1]);
    const between = previous
      ? text
          .slice((previous.index ?? 0) + 1, m.index)
          .trim()
          .split(/\s+/)
      : [];
    if (previous && between.length < MIN_ITEM_WORDS) return text;
    items.push(m.index ?? 0);
  }
  if (items.length < 2) return text;
  // (From the last, so the positions before it stay where they were.)
  let out = text;
  for (const at of [...items].reverse()) out = `${out.slice(0, at + 1)})${out.slice(at + 1)}`;
  return out;
}
