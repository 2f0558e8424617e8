/**
 * Statements that date something, checked against the sources' dates: the years things began,
 * joined, ended or were published ("began in 2015, right?"), and the months only the sources
 * themselves are dated by ("terbit Desember 2017 kan?"). Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Verdict } from "./claims.ts";
import { type Found, offersClaim } from "./found.ts";
import type { Cue } from "./lexicon.ts";
import { lastKnownYear } from "./spans.ts";
import { isRegion, isSource, type Subject } from "./subject.ts";

/** Words that date what they say: a year beside them is when it happened ("ended in 2018"). */
const DATING_CUES: readonly Cue[] = ["end", "published"];

/**
 * Whether the facts check a message's years (`claimsYears`), the sources knowing `years`. Of a
 * year and a thing the sources never name ("phase two got an extension in 2020, hoax?"), or a
 * year after them ("tahun 2020 ada provinsi baru ga?"), there is nothing to check; a year beside
 * one they know dates what they date ("2013 sampai 2018"), and so does one of a region, a source
 * or a note ("Sulsel announced in 2019", "the report is from 2018", "split in 2019"), and so does
 * one of a group, a product or a person.
 */
export function checksYears(
  f: Found,
  subjects: readonly Subject[],
  years: ReadonlySet<number>,
  k: Knowledge,
): boolean {
  const ofSource = subjects.some(isSource);
  const claims = claimsYears(f, ofSource);
  if (!claims || datesFact(f)) return claims;
  // (A group, a product or a person is dated too, "the coffee one joined in 2018?", unless the year
  // is asked whether something was there then: "tahun 2020 ada provinsi baru?".)
  const datedThing = (s: Subject) => s.kind === "cohort" || s.kind === "product" || s.kind === "person";
  const dates =
    f.noted ||
    ofSource ||
    subjects.some(isRegion) ||
    f.years.some((y) => years.has(y)) ||
    (subjects.some(datedThing) && !f.cues.has("exists"));
  const last = lastKnownYear(k);
  return !f.years.some((y) => !years.has(y) && (f.unknown.length > 0 || (!dates && y > last)));
}

/**
 * Whether a message offers its years for checking: a statement to confirm ("began in 2015,
 * right?"), or a yes-or-no question that dates something ("did it start in 2015?", "apakah
 * dimulai tahun 2015?") or asks of a source ("was the report published in 2018?": it has one date).
 */
export function claimsYears(f: Found, ofSource: boolean): boolean {
  if (f.years.length === 0) return false;
  return f.cues.has("confirm") || (f.yesNo && (ofSource || datesFact(f)));
}

/** Whether a message dates something the sources date: a start, a joining, an end, a publication. */
export const datesFact = (f: Found): boolean =>
  f.attributes.includes("started") || joinedIn(f) || DATING_CUES.some((c) => f.cues.has(c));

/**
 * Whether a question gives the year a region joined ("Did Central Java join in 2015?"); a year
 * that names a group ("the 2017 group") is the group's.
 */
export const joinedIn = (f: Found): boolean =>
  f.cues.has("member") &&
  f.years.length === 1 &&
  f.cohorts.length === 0 &&
  f.provinces.length + f.places.length > 0;

/**
 * Years a statement gives, checked against the answer's text: "began in 2015, right?" → "no". A
 * year said to start something is checked against the years things started, not any year the
 * answer gives: "it started in 2016" is wrong, though the first phase ran until 2016.
 */
export function yearClaim(f: Found, k: Knowledge, answer: string, ofSource: boolean): Verdict | undefined {
  if (!claimsYears(f, ofSource)) return undefined;
  // "Jatim cuma ikut 2017 ya?", "So East Java only joined in 2017?": the only year it took part
  // in (East Java's Mojokerto was in the first phase, 2013).
  if (joinedIn(f) && f.cues.has("only")) {
    const years = new Set(
      regionEntries(f, k).flatMap((e) => k.cohorts.find((c) => c.id === e.cohort)?.year ?? []),
    );
    return years.size === 1 && f.years.every((y) => years.has(y)) ? "yes" : "no";
  }
  // "Gati said the programme ended in 2016, right?": the sources give the programme no end; 2016
  // is when its first phase is dated to, and five provinces declared they were ready in 2017.
  const named = f.cohorts.length + f.provinces.length + f.places.length > 0 || f.cues.has("phase");
  if (f.cues.has("end") && !named) return "no";
  const startsOnly =
    f.attributes.includes("started") && !joinedIn(f) && !DATING_CUES.some((c) => f.cues.has(c));
  const starts = startYears(f, k);
  const said = (y: number) => (startsOnly ? starts.has(y) : answer.includes(String(y)));
  return f.years.every(said) ? "yes" : "no";
}

/**
 * The years the sources say what a statement names started: the groups its regions' entries are
 * in, when they began (a group that only declared it was ready began at no year the sources give),
 * else the programme and its groups.
 */
function startYears(f: Found, k: Knowledge): Set<number> {
  const started = (cohort: string | undefined) => {
    const c = k.cohorts.find((x) => x.id === cohort);
    return c?.year !== undefined && c.year_means === "started" ? [c.year] : [];
  };
  const entries = regionEntries(f, k);
  if (entries.length) return new Set(entries.flatMap((e) => started(e.cohort)));
  return new Set([k.programme.started.year, ...k.cohorts.flatMap((c) => started(c.id))]);
}

/**
 * Months a statement dates a source by, checked against its date: "terbit Desember 2017 kan?" →
 * "yes", "November 2017" → "no". (Nothing else has a month in the sources: that is said instead.)
 */
export function monthClaim(f: Found, sourceDates: readonly string[]): Verdict | undefined {
  if (!offersClaim(f) || f.months.length === 0 || sourceDates.length === 0) return undefined;
  const dated = (m: string) =>
    sourceDates.some((d) => (m.length > 2 ? d.startsWith(m) : d.slice(5, 7) === m));
  return f.months.every(dated) ? "yes" : "no";
}

/**
 * "Why did Papua drop out in 2017?", "Kenapa JICA mundur tahun 2013?": said to have left in the
 * year the sources have it join (its group's year; a partner, the programme's start) is refuted
 * ("no"). Of other years the sources say nothing either way.
 */
export function leftClaim(f: Found, k: Knowledge): Verdict | undefined {
  if (!f.cues.has("left") || f.years.length !== 1) return undefined;
  const entries = regionEntries(f, k);
  const partner = f.orgs.some((id) => k.organisations.find((o) => o.id === id)?.runs_programme);
  const joined = new Set([
    ...entries.flatMap((e) => k.cohorts.find((c) => c.id === e.cohort)?.year ?? []),
    ...(partner && !entries.length ? [k.programme.started.year] : []),
  ]);
  return f.years.every((y) => joined.has(y)) && joined.size ? "no" : undefined;
}

/** The entries of the regions a statement names: each province's, and each place's own. */
function regionEntries(f: Found, k: Knowledge) {
  return [
    ...f.provinces.flatMap((id) => k.provinces.find((p) => p.id === id)?.entries ?? []),
    ...f.places.flatMap((p) => k.provinces.find((x) => x.id === p.province)?.entries[p.entry] ?? []),
  ];
}
