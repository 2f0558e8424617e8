/**
 * What an open question takes for granted, checked as a statement would be: "Kenapa Makassar
 * fokusnya ke tenun ulos?" assumes Makassar's part is ulos weaving, "Why was Bangka Belitung
 * chosen as a first target of the follow-up?" that it was one, "Kenapa program baru mulai tahun
 * 2015?" that it began then. The sources say otherwise, so the honest answer corrects the
 * assumption with what they do say, instead of "the sources don't say why". Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { cohortClaim, negated, productsPlaced, type Verdict } from "./claims.ts";
import { leftClaim, yearClaim } from "./dated-claims.ts";
import type { Found } from "./found.ts";
import { namesNothing } from "./intents.ts";
import type { Cue } from "./lexicon.ts";
import { membershipOf } from "./membership.ts";
import { productsAndRegions } from "./named-subjects.ts";
import type { Reading } from "./read.ts";
import type { Subject } from "./subject.ts";
import type { Piece } from "./writer.ts";

/**
 * The pieces correcting an open question's premise, the first opening with `no` ("Not quite.
 * What the sources say:"): the regions and products it names, each as the sources give them.
 * `undefined` when it takes nothing for granted that the facts contradict (a yes-or-no question
 * or a statement is checked as a claim instead; a negation assumes the opposite, but a why of one
 * assumes it). `unanswered`: the question's own answer says the sources don't say.
 */
export function correctedPremise(
  { whole: f, parts }: Reading,
  unanswered: boolean,
  k: Knowledge,
  areas: Areas,
  describe: (s: Subject) => Piece | undefined,
  no: string,
): Piece[] | undefined {
  const why = f.cues.has("why");
  // (Of a question left unanswered, or of a why answered with a card. Not of goods asked of a place
  // by a word that may name another's: "Pasuruan bikin komponen apa?" asks of its components.)
  if (!unanswered && !why) return undefined;
  // ("Kenapa Jatim gak ikut gelombang 2017?": a why of a denial assumes the denial.)
  const denies = why && f.negated;
  if (f.cues.has("confirm") || (!why && (f.yesNo || yesOrNo(f))) || (f.cues.has("not") && !denies))
    return undefined;
  // Only of words read as written ("palsu" is no Palu), of a message of one question (beside
  // others, and after the asker's "Saya dari Samosir.", their answers stand), and of the
  // programme's own regions unless it asks why: "kapal dari Kupang ke Ende" is about ferries, not
  // ship components; "Kenapa klaster ulos ditaruh di Medan?" assumes it is there.
  if (f.certainty < 0.9 || parts.length > 1) return undefined;
  const subjects = premiseSubjects(f, k, areas);
  // (A region outside the programme is answered as such: "Kenapa Lampung dapet klaster kopi?")
  const outside = f.areas.some((code) => membershipOf(code, k, areas)?.status === "outside");
  if (outside || (!why && subjects.some((s) => s.kind === "area"))) return undefined;
  const pieces = subjects.flatMap((s) => describe(s) ?? []);
  const [first, ...rest] = pieces;
  if (!first || premiseVerdict(f, k, areas, pieces.map((p) => p.text).join("\n")) !== "no") return undefined;
  return [{ ...first, text: `${no}\n${first.text}` }, ...rest];
}

/** The verdict on what a question assumes: where its products are, its regions' group, its years. */
function premiseVerdict(f: Found, k: Knowledge, areas: Areas, facts: string): Verdict | undefined {
  const taken: Found = { ...f, cues: new Set<Cue>([...f.cues, "confirm"]) };
  // A group or a year is assumed by asking why of it ("Why was Bangka Belitung chosen as a first
  // target?"); asked of otherwise, it may only narrow the question ("target omzet" is no group).
  const why = f.cues.has("why");
  // (A why of a denial assumes a region is outside a group it is in: "Kenapa Sulteng tidak termasuk
  // tahap pertama?"; a denied product is a contrast: "kenapa kopi, bukan sagu?".)
  // (Of provinces: a group of provinces says nothing of a city's own place, "Kenapa Mojokerto tidak
  // jadi target awal?".)
  if (f.negated) return negated(why && f.places.length === 0 ? cohortClaim(taken, k) : undefined);
  // (A word may name several products, "logam" two: the premise is wrong when none is there.)
  const placed = f.products.map((id) =>
    productsPlaced({ ...f, products: [id], cohorts: why ? f.cohorts : [] }, k, areas),
  );
  // ("Kenapa program baru mulai tahun 2015?": why it began then assumes it did.)
  // ("Kenapa Dirjen IKM waktu itu dijabat Airlangga?": the office is put on a name the sources
  // don't know; they name who held it.)
  const verdicts = [
    leftClaim(f, k),
    why && f.roles.length && f.unknownNames.length ? "no" : undefined,
    placed.length && placed.every((v) => v === "no") ? "no" : undefined,
    why ? cohortClaim(taken, k) : undefined,
    // ("tahun" alone is a cue of starting: only a question it fully accounts for claims a start.)
    // (Not of a year said to be when it left: "Kenapa Gati mundur dari program tahun 2017?")
    why &&
    !f.cues.has("left") &&
    (f.attributes.includes("started") || (f.cues.has("since") && f.unknown.length === 0))
      ? yearClaim(taken, k, facts, false)
      : undefined,
  ];
  return verdicts.includes("no") ? "no" : undefined;
}

/** What a premise is about: the products it names, then its regions (a region outside, as such). */
function premiseSubjects(f: Found, k: Knowledge, areas: Areas): Subject[] {
  // (A region the programme names no place in is its own card: "Kota Medan is not one of …".)
  const people = f.roles.map((id): Subject => ({ kind: "person", id }));
  const cohorts = f.cohorts.map((id): Subject => ({ kind: "cohort", id }));
  const named = [...people, ...productsAndRegions(f, k, areas), ...(f.products.length ? [] : cohorts)];
  // ("Kenapa program baru mulai tahun 2015?": of the programme, its start.)
  return named.length ? named : [{ kind: "topic", id: "started" }];
}

// Words that ask an open question: with none, "Apakah nanti … ditambah untuk kopi?" asks yes or no.
const OPEN_CUES: readonly Cue[] = ["what", "why", "how", "where", "who", "when", "quantity", "plural"];
const yesOrNo = (f: Found) => f.cues.has("opener") && !OPEN_CUES.some((c) => f.cues.has(c));

/*
 * "Program ini kan sejak 2013, total anggarannya berapa?", "Papua joined for coffee; how many
 * tonnes does Dogiyai export?": statements before a question are what it builds on, true ones
 * here, and no question of their own.
 */
// Words that make a part a statement of something: "is", "ikut", "sejak", "ended", "kan", "said".
const STATING_CUES: ReadonlySet<string> = new Set([
  "opener",
  "member",
  "since",
  "end",
  "confirm",
  "tag",
  "said",
]);

/** The pieces of a question left unanswered after statements it builds on, or `undefined`. */
export function unansweredAfterStatements(
  answered: ReadonlyArray<{ part: Found; written: Piece[] }>,
): Piece[] | undefined {
  // ("Kenapa Papua ikut, …?" asks by "why": the open question words of this file, and "meaning".)
  const byAWord = (f: Found) => f.cues.has("meaning") || OPEN_CUES.some((c) => f.cues.has(c));
  const asks = (f: Found) => f.yesNo || f.cues.has("task") || byAWord(f);
  // A statement says something of what it names ("JICA is the partner", "Papua ikut buat kopi"):
  // a list's item ("- South Sulawesi's product") or a question of its own ("Start year?") is none.
  const states = (f: Found) =>
    !asks(f) &&
    !f.endsAsked &&
    !namesNothing(f) &&
    (f.attributes.includes("started") || [...f.cues].some((c) => STATING_CUES.has(c)));
  // (The question asks by a word: "Mohon koreksinya bila keliru" after a statement asks it checked.)
  const byWord = (f: Found) => !f.cues.has("confirm") && byAWord(f);
  const [question, ...others] = [...answered].reverse();
  if (!question || !others.length || !byWord(question.part) || !others.every((a) => states(a.part)))
    return undefined;
  return question.written.every((p) => p.kind === "fallback") ? question.written : undefined;
}
