/**
 * A disagreement put to the bot: "Teman saya bilang ulos itu dari Sumut, saya bilang dari Sulsel,
 * siapa yang benar?", "Tofu and tempeh: South Konawe (me) or Dogiyai (my friend)?". Who holds each
 * claim is not asked about ("bilang" asks no one who said it); the claims are what is checked, each
 * the message with one of the things it disagrees on. Pure.
 */
import { type Concept, wordsAt, writtenWords } from "./concepts.ts";
import { alternatives } from "./letters.ts";
import type { DisagreementWords } from "./lexicon.ts";
import { fold, MAX_QUESTION_CHARS } from "./normalise.ts";
import { type Reply, withoutVerdict } from "./reply.ts";
import type { Match } from "./vocabulary.ts";

/** One side of a disagreement: what to check, and what it says differently, as the asker wrote it. */
export interface Claim {
  text: string;
  alternative: string | undefined;
}

export interface Disagreement {
  /** Each side's claim (one when the sides disagree on whether a statement holds). */
  claims: Claim[];
  /** What the claims answer, without what they disagree on ("ulos itu dari"). */
  asked: string;
}

// The most words that say who holds a claim ("teman kantor saya"), and the most sides weighed.
const MAX_HOLDER_WORDS = 4;
const MAX_CLAIMS = 3;
// "(me)", "(my friend's)": a bracket that may hold only who holds the claim before it.
const BRACKET = /\(([^()]{1,40})\)/gu;

/** A disagreement in `message` (read by `read`), or `undefined` when it is none. */
export function disagreementIn(
  message: string,
  read: (text: string) => Match[],
  words: DisagreementWords,
): Disagreement | undefined {
  // (Most messages hold no voice, no question of who is right and no bracket: not read again.)
  if (message.length > MAX_QUESTION_CHARS || !(takesSides(message, words) || message.includes("(")))
    return undefined;
  let voices = 0;
  const text = message.replace(BRACKET, (all, inside: string) => {
    const held = read(inside);
    if (!held.length || held.length > MAX_HOLDER_WORDS || !held.every((m) => holds(m, words))) return all;
    voices++;
    return " , ";
  });
  const matches = read(text);
  const removed = new Set<number>();
  const settles = markPhrases(matches, words.questions, removed);
  // Where each voice stands, by the matches it takes.
  const spans: number[][] = [];
  matches.forEach((m, at) => {
    if (removed.has(at) || !words.voices.has(writtenWords(m))) return;
    const holders =
      holdersBeside(matches, at, -1, words, removed) ?? holdersBeside(matches, at, 1, words, removed);
    if (!holders) return;
    voices++;
    spans.push([at, ...holders]);
    for (const h of [at, ...holders]) removed.add(h);
  });
  // ("JICA atau JETRO? Teman saya bilang JETRO.": one side holds one choice, the asker the other.)
  const offersChoice = matches.some((m, at) => !removed.has(at) && words.choices.has(writtenWords(m)));
  if (!settles && voices < 2 && !(voices === 1 && offersChoice)) return undefined;
  const kept = matches.filter((_, at) => !removed.has(at));
  const slot = contestedSlot(kept);
  // (One voice beside a choice holds one of its sides only when it names one: not "My teacher says
  // JICA is Japanese. Is Papua or Maluku in?")
  const holdsChoice = (span: number[]) =>
    span.some((at) =>
      [1, 2, -1, -2].some((d) => slot && slotValue(matches[at + d], slot.name) !== undefined),
    );
  if (!settles && voices < 2 && !(slot && spans.some(holdsChoice))) return undefined;
  const textOf = (ms: readonly Match[]) => ms.map(writtenWords).join(" ");
  // What the sides disagree on is one thing, one value a side: lists, or sides that differ in two
  // things ("ulos dari Sumut tahun 2013, … kopi dari Papua tahun 2017"), are answered plainly.
  const plain = !slot || slot.values.length > Math.min(Math.max(2, voices), MAX_CLAIMS) || slot.others;
  // (Asked plainly, without what the sides name for it: "ulos dari …?" is where ulos is from; words
  // the sources never name stay: "JICA kasih hibah, saya bilang pinjaman" asks what they don't say.)
  const asked = textOf(slot ? kept.filter((m) => !sameSlot(m, slot.name)) : kept);
  if (plain)
    return settles && !voices
      ? undefined
      : { claims: [{ text: textOf(kept), alternative: undefined }], asked };
  const claims = slot.values.slice(0, MAX_CLAIMS).map((value) => ({
    text: textOf(kept.filter((m) => !sameSlot(m, slot.name) || slotValue(m, slot.name) === value)),
    alternative: asWritten(message, kept.find((m) => slotValue(m, slot.name) === value) as Match),
  }));
  return { claims, asked };
}

/**
 * Whether a message asks who is right or holds a claim in its own words ("Saya bilang dua. Mana yg
 * bener?"); `voiced`: whether it holds one ("Teman bilang Jatim cuma satu lokasi.").
 */
export function takesSides(message: string, words: DisagreementWords, voiced = false): boolean {
  const folded = ` ${fold(message)} `;
  return [...(voiced ? [] : words.questions), ...words.voices].some((w) => folded.includes(` ${w} `));
}

/** Marks the matches that spell any of `phrases`; whether there was one. */
function markPhrases(matches: readonly Match[], phrases: readonly string[], removed: Set<number>): boolean {
  const words = wordsAt(matches);
  let found = false;
  for (const phrase of phrases) {
    const wanted = phrase.split(" ");
    for (let i = 0; i + wanted.length <= words.length; i++) {
      if (!wanted.every((w, k) => words[i + k]?.word === w)) continue;
      found = true;
      for (let k = 0; k < wanted.length; k++) removed.add((words[i + k] as { at: number }).at);
    }
  }
  return found;
}

/** Whether a match can say who holds a claim: a word for people, or a word that names nothing ("saya", "my"). */
function holds(m: Match, words: DisagreementWords): boolean {
  return (
    m.tokens.every((t) => words.people.has(t.original)) ||
    (m.concepts.length > 0 && m.concepts.every((c) => c.type === "cue" && c.cue === "stop"))
  );
}

/**
 * The matches beside the voice at `at`, going `step`, that say who holds the claim ("teman kantor
 * saya" before "bilang"; "saya" after "kata"), up to the furthest word for people or pronoun; words
 * that name nothing may come between ("as my friend says").
 */
function holdersBeside(
  matches: readonly Match[],
  at: number,
  step: 1 | -1,
  words: DisagreementWords,
  removed: ReadonlySet<number>,
): number[] | undefined {
  const run: number[] = [];
  let held = 0;
  for (let i = at + step; i >= 0 && i < matches.length && run.length < MAX_HOLDER_WORDS; i += step) {
    const m = matches[i] as Match;
    const word = writtenWords(m);
    if (removed.has(i)) break;
    if (words.people.has(word) || words.pronouns.has(word)) held = run.push(i);
    // (Digits are what is claimed: "… in 2013, my colleague says 2017".)
    else if (holds(m, words) || (m.concepts.length === 0 && /^\p{L}+$/u.test(word))) run.push(i);
    else break;
  }
  return held ? run.slice(0, held) : undefined;
}

/** The kinds of thing two sides may disagree on, in the order one is taken to be the one disputed. */
const SLOTS = [
  "province",
  "place",
  "product",
  "year",
  "org",
  "person",
  "criterion",
  "cohort",
  "number",
] as const;
type Slot = (typeof SLOTS)[number];

/** What a match names in a slot ("p:sumut" for a province), or `undefined`. */
function slotValue(m: Match | undefined, slot: Slot): string | undefined {
  if (!m) return undefined;
  if (slot === "year") return /^\d{4}$/.test(m.text) ? m.text : undefined;
  if (slot === "number") {
    const n = m.concepts.find((c) => c.type === "number");
    return n?.type === "number" ? String(n.value) : /^\d{1,3}$/.test(m.text) ? m.text : undefined;
  }
  const c = m.concepts.find((x) => slotOfConcept(x) === slot);
  return c && JSON.stringify(c);
}

function slotOfConcept(c: Concept): Slot | undefined {
  switch (c.type) {
    case "province":
      return "province";
    case "place":
      return "place";
    case "area":
      // (A regency's code holds a dot: "73.71".)
      return c.code.includes(".") ? "place" : "province";
    // ("… saya bilang dari Bali": an island is a region a side may name.)
    case "island":
      return "province";
    case "product":
    case "org":
    case "person":
    case "criterion":
    case "cohort":
      return c.type;
    default:
      return undefined;
  }
}

const sameSlot = (m: Match, slot: Slot) => slotValue(m, slot) !== undefined;

/**
 * The first slot in which the matches name two or more different things, those things, and whether
 * another slot does too.
 */
function contestedSlot(
  matches: readonly Match[],
): { name: Slot; values: string[]; others: boolean } | undefined {
  const contested = SLOTS.map((name) => ({
    name,
    values: [...new Set(matches.flatMap((m) => slotValue(m, name) ?? []))],
  })).filter((s) => s.values.length >= 2);
  const [first] = contested;
  return first && { ...first, others: contested.length > 1 };
}

/** How the asker wrote a match ("Sumut", "North Sumatra"), found in the message. */
function asWritten(message: string, m: Match): string {
  const words = writtenWords(m);
  const pattern = new RegExp(
    `(?<![\\p{L}\\d])(?:${alternatives([words], "[^\\p{L}\\d]+")})(?![\\p{L}\\d])`,
    "iu",
  );
  return pattern.exec(message)?.[0] ?? words;
}

/** How a disagreement's reply is written: what checks a claim, asks plainly, and opens the reply. */
export interface DisagreementWriter {
  /** The reply to a claim offered for checking (its `verdict` set when the facts decide it). */
  check: (claim: string) => Reply;
  /** The reply to a text asked, never checked. */
  ask: (text: string) => Reply;
  opening: (key: "one" | "all" | "none", alternative?: string) => string;
  sourceLine: (sources: readonly string[]) => string;
}

/**
 * The reply to a disagreement: which side the facts bear out ("Yang sesuai sumber: Sumut.") and
 * those facts; that all do, or none (then what the sources say of what was disputed). When the
 * facts decide no side, or the sources say nothing of any, what was disputed, asked plainly.
 */
export function disagreementReply(d: Disagreement, w: DisagreementWriter): Reply {
  // ("Ada yg bilang Maluku ikut, ada yg bilang tidak": whether it holds, the facts say.)
  if (d.claims.length === 1) return w.ask(d.asked);
  const checked = d.claims.map((c) => ({ ...c, reply: w.check(c.text) }));
  const right = checked.filter((c) => c.reply.verdict === "yes");
  const wrong = checked.filter(
    (c) => c.reply.verdict === "no" || c.reply.verdict === "outside" || c.reply.kind === "fallback",
  );
  const opened = (opening: string, replies: Reply[]): Reply => {
    // (A reply's verdict is its first line: the opening says it now.)
    const bodies = [...new Set(replies.map(withoutVerdict))];
    const sources = [...new Set(replies.flatMap((r) => r.sources))];
    const first = replies[0] as Reply;
    return {
      ...first,
      text: `${opening}\n${bodies.join("\n\n")}`,
      sources,
      sourceLine: w.sourceLine(sources),
      verdict: undefined,
    };
  };
  const [one] = right;
  if (one && right.length === 1 && wrong.length === checked.length - 1)
    return opened(w.opening("one", one.alternative), [one.reply]);
  if (right.length === checked.length)
    return opened(
      w.opening("all"),
      right.map((c) => c.reply),
    );
  const facts = w.ask(d.asked);
  const refuted = wrong.length === checked.length && wrong.some((c) => c.reply.kind !== "fallback");
  return refuted && facts.kind !== "fallback" ? opened(w.opening("none"), [facts]) : facts;
}
