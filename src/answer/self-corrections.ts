/**
 * Slips the asker corrects in the same message: "Sulfur produknya apa?\n*Sulsel", "Tegel dapet
 * program apa? Tegal maksudnya", "Sultan produknya apa? sorry Sulteng", "Makan sar dapet apa?
 * Makassar", "Sulfur bikin apa, Pasukan bikin apa? (Sulsel, Pasuruan)". A phone's autocorrect
 * writes real words for names, so the slip cannot be read back by spelling alone; the correction
 * says what was meant, and takes the place of the words it resembles most. Pure.
 */
import { editDistance, MAX_QUESTION_CHARS } from "./normalise.ts";

/** A correction and whether it was marked as one ("*", "maksudnya") or only follows a question. */
interface Correction {
  text: string;
  marked: boolean;
}

// The most corrections one message makes (each costs a pass over its words).
const MAX_CORRECTIONS = 3;
// The most words one correction holds, and its longest text: a correction names one thing.
const MAX_CORRECTION_WORDS = 3;
const MAX_CORRECTION_CHARS = 40;
// The most words of the message a correction may replace ("Kemenangan perin" for Kemenperin).
const MAX_SPAN_WORDS = 3;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
// "*Sulsel", "*Samosir *Tegal": to the end of the line, the next mark or punctuation.
const STARRED = /(?<=^|\s)\*\s?([^*\n?!.,;:()]+)/gu;
// What follows the last question mark or line: a short afterthought.
const AFTER_QUESTION = /[?\n]([^?\n]*)$/u;

/**
 * The message as the asker meant it: each correction in the place of the words it resembles most,
 * the corrections themselves taken out. Unchanged unless every correction finds its place.
 *
 * @param markers phrases that say a correction follows or precedes ("maksudnya", "I mean")
 * @param words what the matcher knows: whether a text names things and nothing else (a correction
 *   does: "Maaf, saya orang asing." is none), and whether it knows no word like this one (only such
 *   words are replaced by a name that merely follows a question: "Makassar" after "Makan sar
 *   dapet apa?")
 */
export function withSelfCorrections(
  message: string,
  markers: readonly string[],
  words: { names: (text: string) => boolean; unknown: (word: string) => boolean },
): string {
  // (A slip corrected in a long message is rare, and the search's cost grows with its words.)
  const found = message.length <= MAX_QUESTION_CHARS ? corrections(message, markers) : undefined;
  if (!found || found.corrections.length > MAX_CORRECTIONS) return message;
  if (!found.corrections.every((c) => words.names(c.text))) return message;
  const written = [...found.rest.matchAll(WORD)].map((m) => ({ text: m[0], at: m.index }));
  const used = new Set<number>();
  const replacements: Array<{ from: number; to: number; text: string }> = [];
  for (const correction of found.corrections) {
    const place = bestPlace(written, correction, used, words.unknown);
    if (!place) return message;
    if (place.to < 0) continue; // already written right
    for (let i = place.from; i <= place.to; i++) used.add(i);
    const [first, last] = [written[place.from], written[place.to]];
    if (!first || !last) return message;
    replacements.push({ from: first.at, to: last.at + last.text.length, text: correction.text });
  }
  let out = found.rest;
  for (const r of replacements.sort((a, b) => b.from - a.from))
    out = out.slice(0, r.from) + r.text + out.slice(r.to);
  return out;
}

/** The corrections a message makes and the message without them, or `undefined` when none. */
function corrections(
  message: string,
  markers: readonly string[],
): { corrections: Correction[]; rest: string } | undefined {
  // ("*tebal* …" is bold in a chat app, not a correction.)
  const starred = (
    /\*[^*\s](?:[^*\n]*[^*\s])?\*/u.test(message) ? [] : [...message.matchAll(STARRED)]
  ).flatMap((m) => {
    const text = withoutMarkers(m[1] ?? "", markers);
    return text ? [{ text, marked: true }] : [];
  });
  if (starred.length) return { corrections: starred, rest: message.replace(STARRED, " ") };
  const after = AFTER_QUESTION.exec(message.trimEnd());
  const tail = after?.[1]?.trim() ?? "";
  if (!after || !tail) return undefined;
  const head = message.slice(0, after.index + 1);
  // "… ? (Sulsel, Pasuruan)": names in brackets, one a slip each.
  const bracketed = /^\(([^()]+)\)$/u.exec(tail);
  const marked = !bracketed && withoutMarkers(tail, markers) !== tail;
  const parts = (bracketed ? (bracketed[1] ?? "").split(",") : [withoutMarkers(tail, markers)])
    .map((p) => p.trim())
    .filter(Boolean);
  // Only names: a short afterthought, no sentence ("Makassar", not "kalau Jatim gimana").
  const short = (p: string) => (p.match(WORD)?.length ?? 0) <= (marked ? MAX_CORRECTION_WORDS : 2);
  if (!parts.length || !parts.every(short)) return undefined;
  return { corrections: parts.map((text) => ({ text, marked })), rest: head };
}

/** The text without the marker phrases in it, or the text itself when it holds none. */
function withoutMarkers(text: string, markers: readonly string[]): string {
  let out = ` ${text.trim()} `;
  for (const marker of markers) out = out.replace(new RegExp(`\\s${marker}(?=[\\s,:])`, "giu"), " ");
  return out.trim().replace(/^[,:\s]+|[,:\s]+$/gu, "");
}

/**
 * The words of the message a correction replaces: the run most like it in spelling. `to` is -1
 * when the message already has it; `undefined` when nothing is alike enough.
 */
function bestPlace(
  words: ReadonlyArray<{ text: string }>,
  correction: Correction,
  used: ReadonlySet<number>,
  unknown: (word: string) => boolean,
): { from: number; to: number } | undefined {
  const target = correction.text.toLowerCase().replace(/\s+/gu, "");
  if (
    !target ||
    target.length > MAX_CORRECTION_CHARS ||
    (correction.text.match(WORD)?.length ?? 0) > MAX_CORRECTION_WORDS
  )
    return undefined;
  const joined = (from: number, to: number) =>
    words
      .slice(from, to + 1)
      .map((w) => w.text.toLowerCase())
      .join("");
  let best: { from: number; to: number; likeness: number } | undefined;
  for (let from = 0; from < words.length; from++) {
    for (let to = from; to < Math.min(words.length, from + MAX_SPAN_WORDS); to++) {
      if (used.has(to)) break;
      const text = joined(from, to);
      if (text === target) return { from, to: -1 };
      if (text.length > target.length * 2) break;
      // A name after a question only stands for words the matcher doesn't know ("Sulsel apa?
      // Sultra" asks of both).
      if (!correction.marked && !unknown(words[to]?.text ?? "")) break;
      const distance = editDistance(text, target, Math.ceil(target.length / 2));
      const likeness = 1 - distance / Math.max(text.length, target.length);
      const alike = likeness >= 0.65 || (likeness >= 0.5 && text[0] === target[0]);
      if (alike && (!best || likeness > best.likeness)) best = { from, to, likeness };
    }
  }
  return best;
}
