/**
 * Whether the sources spell out a short name: "What does UNICO stand for?" is answered by the
 * long form only when the knowledge holds one; otherwise the honest answer is that the sources
 * don't expand it. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Found } from "./found.ts";
import { fold } from "./normalise.ts";
import type { Subject } from "./subject.ts";

// Words a long form may pass over ("Ministry of Industry": MoI; "Industri Kecil dan Menengah": IKM).
const JOINING = new Set(["and", "dan", "of", "the", "for", "untuk", "in", "di"]);
// Longer short names are words, not abbreviations; longer phrases are descriptions.
const MAX_SHORT = 12;
const MAX_WORDS = 8;

/** Whether `piece` can be read from `word`: its first letter first, then letters in order. */
function within(piece: string, word: string): boolean {
  if (piece[0] !== word[0]) return false;
  let at = 1;
  for (const letter of piece.slice(1)) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function spells(short: string, words: readonly string[], i: number): boolean {
  const word = words[i];
  if (word === undefined) return short === "";
  if (JOINING.has(word) && spells(short, words, i + 1)) return true;
  for (let k = 1; k <= short.length; k++)
    if (within(short.slice(0, k), word) && spells(short.slice(k), words, i + 1)) return true;
  return false;
}

/**
 * Whether `phrase` is a long form of `short`: each of its words in turn gives a piece of the
 * short name, beginning with the word's first letter ("JICA": Japan International Cooperation
 * Agency; "Kemenperin": KEMENterian PERINdustrian; "Ditjen": DIrekTorat JENderal). A phrase that
 * holds the short name itself ("UNICO International Corporation") spells nothing out.
 */
export function spellsOut(short: string, phrase: string): boolean {
  const words = fold(phrase)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meant = words.filter((w) => !JOINING.has(w));
  if (short.length > MAX_SHORT || words.length > MAX_WORDS || meant.length < 2 || words.includes(short))
    return false;
  return spells(short, words, 0);
}

/** The names and terms the knowledge gives an organisation or a source. */
function namesOf(s: Subject, k: Knowledge): string[] {
  if (s.kind === "org") {
    const org = k.organisations.find((o) => o.id === s.id);
    return org ? [org.name, ...(org.members ?? []), ...org.terms] : [];
  }
  if (s.kind === "source") {
    const source = k.sources[s.id];
    return source ? [source.title, source.publisher, ...source.terms] : [];
  }
  return [];
}

/**
 * The short name a question asks the long form of ("What does UNICO stand for?", "KRI singkatan
 * apa?") when no name or term the knowledge gives that organisation or source spells it out, as
 * the knowledge writes it ("UNICO"); `undefined` otherwise.
 */
export function unexpandedName(found: Found, subjects: readonly Subject[], k: Knowledge): string | undefined {
  if (!found.cues.has("expansion")) return undefined;
  for (const s of subjects) {
    const names = namesOf(s, k);
    const short = found.shortNames.find((w) =>
      names.some((n) =>
        fold(n)
          .split(/[^a-z0-9]+/)
          .includes(w),
      ),
    );
    if (short === undefined || names.some((n) => spellsOut(short, n))) continue;
    const written = names.flatMap((n) => n.split(/[^\p{L}\p{N}]+/u)).find((w) => fold(w) === short);
    return written ?? short.toUpperCase();
  }
  return undefined;
}
