/**
 * A change of mind in one message: "produk Jatim apa, eh maksudnya Jateng", "What does Pasuruan
 * make — no wait, what does Makassar make?", "Kalbar ikut kan? eh maksud sy Kaltim", "eh bukan
 * Kalbar, Kalteng". The words before the marker are asked no more; what follows is what the asker
 * means, read as a follow-up to them: "Jateng" asks what "produk Jatim apa" asked, of Central
 * Java, and "kepanjangannya apa" after "IKM singkatan dari… eh maksud sy" still asks of IKM.
 * (A slip corrected by spelling, "Tegel dapet apa? Tegal maksudnya", is `self-corrections.ts`.) Pure.
 */
import type { Concept } from "./concepts.ts";
import { YEAR } from "./found.ts";
import { alternatives } from "./letters.ts";
import { isQuestionWord } from "./parts.ts";
import type { Match } from "./vocabulary.ts";

export interface ChangeOfMind {
  /** What the asker no longer asks ("produk Jatim apa,"), possibly empty. */
  abandoned: string;
  /** What they ask instead ("Jateng"): asked, never a statement offered for checking. */
  meant: string;
  /**
   * Whether it is dropped only if the sources can't answer it ("Is Sumut in? if not, what does
   * Papua make?" asks both when Sumut is in).
   */
  conditional: boolean;
  /** Whether what follows is stated for checking ("Correction: the programme started in 2012."). */
  stated: boolean;
}

// Markers that open a correction of the facts, stated for checking rather than asked.
const STATING = /^(?:correction|koreksi)$/iu;

// Sounds said before a change of mind ("eh, maksudnya", "no wait", "sorry, I mean").
const INTERJECTIONS = String.raw`(?:(?:eh+|oh|no|nope|sorry|sori|sory|maaf|hmm+|err|oops|ah|actually|wkwk\p{L}*)[\s,]+)*`;
// Where a change of mind can begin: the message's start, or after punctuation ("…, eh maksudnya",
// "— no wait", "? ralat"), so "Is it actually true …?" changes nothing.
const BEFORE = String.raw`(^|[,.;:!?…—–(]|\s-)\s*`;
// "maksudnya apa?" asks what something means, "maksud saya begini" explains: no change of mind.
const MEANING = /^\s*(?:apa|apaan|gimana|bagaimana|begini|gini)(?![\p{L}\d])/iu;
// A marker that denies ("eh bukan", "wait no"): the words right after it, up to a comma, are what it denies.
const DENIAL = /(?:bukan|not|no)$/iu;
const DENIED = /^(?:[\p{L}\d.'’-]+\s+){0,3}[\p{L}\d.'’-]+\s*[,—–:]\s*(?=\S)/u;
// ", not Papua.", ", bukan Sumut ya": a last clause saying what the asker does not mean.
const NOT_MEANT = /[,;]\s*(?:not|bukan)\s+[^,.;!?]{1,40}[.!?]*\s*$/iu;
// The most changes of mind one message makes that are followed (each costs an answer of what it
// abandons), and the most markers looked at for one (each costs two readings).
export const MAX_CHANGES = 3;
const MAX_CANDIDATES = 4;
// A change of mind is looked for only in a message this long (the reader reads no further).
const MAX_CHANGE_CHARS = 500;

/** The markers of a change of mind ("maksudnya", "scratch that"): where one begins, and one ending a text. */
export interface ChangeMarkers {
  at: RegExp;
  end: RegExp;
  /** The markers that drop what came before outright ("gak usah", "skip"), as the lexicon writes them. */
  dropping: ReadonlySet<string>;
  /** Of those, the ones that drop it only if it can't be answered ("if not", "kalo gak ada"). */
  conditional: ReadonlySet<string>;
  /** Markers that change the question only inside a sentence ("— actually, …"). */
  midSentence: ReadonlySet<string>;
}

/** The patterns of the markers of a change of mind, or none when there are no markers. */
export function changeMarkers(words: {
  correcting: readonly string[];
  dropping?: readonly string[];
  conditional?: readonly string[];
  midSentence?: readonly string[];
}): ChangeMarkers | undefined {
  const { correcting, dropping = [], conditional = [], midSentence = [] } = words;
  const markers = [...correcting, ...dropping, ...conditional, ...midSentence];
  if (!markers.length) return undefined;
  const longestFirst = markers.sort((a, b) => b.length - a.length);
  const any = alternatives(longestFirst, String.raw`[\s,]+`);
  return {
    at: new RegExp(`${BEFORE}${INTERJECTIONS}(${any})(?![\\p{L}\\d])`, "giu"),
    // ("yg perak dan emas maksudnya": a marker after what is meant says nothing more.)
    end: new RegExp(`(?<![\\p{L}\\d])(?:${any})[\\s.!?]*$`, "iu"),
    dropping: new Set([...dropping, ...conditional]),
    conditional: new Set(conditional),
    midSentence: new Set(midSentence),
  };
}

/**
 * The first change of mind in `message`, or `undefined` when it makes none. What follows the marker
 * changes the question when it names something of a kind the words before it name too ("Jatim …
 * maksudnya Jateng", "method — no wait, … the aim?"), or asks by a question word of its own after
 * words that name something ("IKM singkatan dari… maksud sy kepanjangannya apa"). Otherwise it
 * explains the question, which is read whole: "Jatim produknya apa? maksudnya dua-duanya ya, fase 1
 * dan yg 2017", "Ada pelatihan online gak? maksudnya buat IKM yg mau ikut". At the start of a
 * message, a marker changes the chat's last question: what follows is read as a follow-up to it.
 *
 * @param read the phrases the matcher reads in a text
 */
export function changeOfMind(
  message: string,
  markers: ChangeMarkers | undefined,
  read: (text: string) => Match[],
): ChangeOfMind | undefined {
  if (!markers || message.length > MAX_CHANGE_CHARS) return undefined;
  // (matchAll works on a copy of the shared pattern: its place in the text is its own.)
  for (const found of [...message.matchAll(markers.at)].slice(0, MAX_CANDIDATES)) {
    const marker = found[2] ?? "";
    const written = marker.toLowerCase().replace(/[\s,]+/gu, " ");
    if (markers.midSentence.has(written) && /[.?!]/u.test(found[1] ?? "")) continue;
    const rest = message.slice(found.index + found[0].length);
    if (/^maksud/iu.test(marker) && MEANING.test(rest)) continue;
    let abandoned = message.slice(0, found.index + (found[1]?.length ?? 0));
    let meant = rest.replace(/^[\s,.:;!?…—–-]+/u, "");
    // "eh bukan Kalbar, Kalteng": what the denial names is abandoned too ("eh bukan, Jatim, …" denies
    // what came before).
    const denied = DENIAL.test(marker) && /^\s+\S/u.test(rest) ? DENIED.exec(meant) : null;
    if (denied) {
      abandoned = `${abandoned} ${denied[0]}`;
      meant = meant.slice(denied[0].length);
    }
    // ("I mean Papua Barat, not Papua.": what is not meant is no question, nor a denial to check.)
    meant = meant.replace(markers.end, "").replace(NOT_MEANT, "").trim();
    const before = kindsNamed(read(abandoned));
    const after = read(meant);
    const kinds = kindsNamed(after);
    const replaces = [...kinds].some((k) => before.has(k));
    const asksAnew = after.some(isQuestionWord) && (kinds.size > 0 || before.size > 0);
    // ("bukan itu, yang tahun 2017", "eh typo, Sulteng": at the start, what it changes was the
    // chat's last question, which the follow-up is read against.)
    const opens = !/[\p{L}\d]/u.test(abandoned) && (kinds.size > 0 || after.some(isQuestionWord));
    // ("berapa anggarannya? eh gak usah, tahun mulainya aja": dropped, whatever it named.)
    const drops = markers.dropping.has(written) && (kinds.size > 0 || after.some(isQuestionWord));
    if (replaces || asksAnew || opens || drops)
      return {
        abandoned: abandoned.trim(),
        meant,
        conditional: markers.conditional.has(written),
        stated: opens && STATING.test(written),
      };
  }
  return undefined;
}

// Kinds of things one name can stand in for another of: a region for a region, a group for a group.
const KIND_OF: Partial<Record<Concept["type"], string>> = {
  province: "region",
  place: "region",
  area: "region",
  island: "region",
  country: "region",
  cohort: "group",
  number: "group",
  role: "person",
  selection: "criterion",
};

/** The kinds of things `matches` name (not words of asking or small talk). */
function kindsNamed(matches: readonly Match[]): Set<string> {
  const kinds = new Set<string>();
  // (A year is read apart from the phrases, and stands for its group: "yang tahun 2017".)
  if (matches.some((m) => YEAR.test(m.text))) kinds.add("group");
  for (const m of matches)
    for (const c of m.concepts)
      if (c.type !== "cue" && c.type !== "smalltalk") kinds.add(KIND_OF[c.type] ?? c.type);
  return kinds;
}
