/**
 * The group of provinces a question narrows to ("first phase", "sejak 2013", "one of them"), and
 * what a chat's earlier answers say of groups. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import { countsOnlyProvinces } from "./counting.ts";
import { type Found, YEAR } from "./found.ts";
import type { Cue } from "./lexicon.ts";
import { withoutExcluded } from "./negation.ts";
import { hasCue } from "./parts.ts";
import type { Previous } from "./previous.ts";
import { groupDated, yearsWithin } from "./spans.ts";
import { isRegion, type Subject } from "./subject.ts";
import type { Match } from "./vocabulary.ts";

/**
 * The group a question narrows to: the one it names or points to, the one the previous answer
 * listed ("is Central Sulawesi one of them?"), or, asked again of another region ("Sultra juga?"
 * after "Sulsel termasuk target awal?"), the group the previous question was narrowed to.
 */
export function groupAsked(
  found: Found,
  knowledge: Knowledge,
  previous: Previous | undefined,
  askedAgain: boolean,
): string | undefined {
  const region = found.provinces.length + found.places.length + found.areas.length > 0;
  const sameGroup = region && askedAgain ? previous?.cohort : undefined;
  return (
    cohortOf(withoutExcluded(atThatTime(found, previous)), knowledge) ??
    listedCohort(found, previous) ??
    sameGroup
  );
}

/**
 * "Sejak kapan …?" – "Waktu itu di berapa provinsi?": "then" is the time the previous question
 * asked; after the programme's start, a count of provinces counts at the start.
 */
function atThatTime(found: Found, previous: Previous | undefined): Found {
  const askedStart =
    previous?.intent === "when" && previous.subjects.some((s) => s.kind === "topic" && s.id === "started");
  return found.cues.has("then") && askedStart && countsOnlyProvinces(found)
    ? { ...found, attributes: [...found.attributes, "started"] }
    : found;
}

/** The group of provinces a question narrows to: named, or by "first"/"second" or a year. */
function cohortOf(f: Found, k: Knowledge): string | undefined {
  if (pairedGroups(f, k).length) return undefined;
  if (f.cohorts[0]) return f.cohorts[0];
  const phaseWords = f.cues.has("phase") || f.cues.has("provinces");
  if (phaseWords && !(f.cues.has("first") && f.cues.has("second"))) {
    const ordinal = f.cues.has("first") ? 1 : f.cues.has("second") ? 2 : undefined;
    const byOrdinal = k.cohorts.find((c) => ordinal !== undefined && c.ordinal === ordinal);
    if (byOrdinal) return byOrdinal.id;
  }
  // "How many provinces were in at the start?": the group the programme began with.
  if (
    f.cues.has("provinces") &&
    f.attributes.includes("started") &&
    f.years.length === 0 &&
    f.cues.has("quantity")
  ) {
    const first = k.cohorts.find((c) => c.year === k.programme.started.year);
    if (first) return first.id;
  }
  // A start year offered for checking or asked yes or no ("mulai 2017 kan?", "did it start in
  // 2017?") is the claim, not a group; of a region, the region's group answers it.
  const region = f.provinces.length + f.places.length + f.areas.length > 0;
  const askedStart = f.yesNo && !region && f.attributes.includes("started");
  // So is the year a region is said to have joined in ("Sumut ikut 2017 kan?"), or guessed at
  // asking when ("Sejak kapan Tegal ikut program, 2017 ya?").
  // (Not where a group is named too, or set aside, or a reason asked: "Kenapa Jatim baru masuk 2017?")
  const claimedJoin =
    (f.cues.has("confirm") || f.yesNo || f.cues.has("when")) &&
    region &&
    f.cues.has("member") &&
    !f.excludedCohort &&
    !f.cues.has("why");
  const claimedStart =
    ((f.cues.has("confirm") && f.cues.has("since")) || askedStart || claimedJoin) && !phaseWords;
  // ("Tahun 2014 … provinsi mana?": a year within a group's dates, where it is of the group.)
  const within = yearsWithin(k, f).length > 0;
  for (const year of claimedStart ? [] : f.years) {
    const c = groupDated(k, year, within);
    if (c) return c.id;
  }
  return undefined;
}

/**
 * "the difference between the 2013 phase and the 2017 expansion", "Jatim yg 2013 sama yg 2017":
 * the groups named, by name or year, when two are compared or asked of a region (which then
 * narrows to neither). ("Of the 2017 provinces, which were chosen as first targets?" names one
 * group and its parent; "when did the first phase end, compared with …?" asks of each in turn.)
 */
export function pairedGroups(f: Found, k: Knowledge): string[] {
  // (A year of a group named dates that group, and a group chosen from another is of that one's
  // year: "program lanjutan 2017" is one group, the follow-up targets.)
  const ofNamed = (year: number) => {
    const id = groupDated(k, year, true)?.id;
    return f.cohorts.some(
      (named) => named === id || k.cohorts.find((c) => c.id === named)?.chosen_from === id,
    );
  };
  const dated = f.years.flatMap((year) => (ofNamed(year) ? [] : (groupDated(k, year)?.id ?? [])));
  const region = f.provinces.length + f.places.length + f.areas.length > 0;
  const compared = f.cues.has("compare") && !f.cues.has("when") && !f.cues.has("end");
  // (In the knowledge's order, the earlier group first.)
  const named = k.cohorts.flatMap((c) => (f.cohorts.includes(c.id) || dated.includes(c.id) ? [c.id] : []));
  return (compared || region) && named.length > 1 ? named : [];
}

/** "Is Central Sulawesi one of them?": the group the previous answer listed. */
function listedCohort(f: Found, previous: Previous | undefined): string | undefined {
  const listed = f.cues.has("among") ? previous?.subjects.find((s) => s.kind === "cohort") : undefined;
  return listed?.kind === "cohort" ? listed.id : undefined;
}

/** Whether the chat has listed one group of provinces and no other, just now. */
export function ofOneGroup(previous: Previous | undefined): boolean {
  const groups = new Set(previous?.named.flatMap((s) => (s.kind === "cohort" ? [s.id] : [])));
  return groups.size === 1 && previous?.subjects.every((s) => s.kind === "cohort") === true;
}

// Cues of a question that lists or counts a group's provinces, or asks their products.
const LIST_CUES: readonly Cue[] = ["plural", "quantity", "product"];

/**
 * The regions whose group a question asks: "Sulawesi Tengah ikut tahap yang mana, awal atau
 * lanjutan?"; or, naming no region, of the one the chat was about: "Itu tahap awal atau program
 * lanjutan?", "Was it a phase-1 province?". Their entries say which group each is in.
 */
export function regionsGroupAsked(
  found: Found,
  subjects: Subject[],
  previous: Previous | undefined,
  k: Knowledge,
): Subject[] | undefined {
  const which = found.cues.has("phase") && (found.cues.has("what") || found.cues.has("where"));
  // Groups named, by name or by order ("tahap awal atau program lanjutan").
  const ordinals = [found.cues.has("first") ? 1 : 0, found.cues.has("second") ? 2 : 0];
  const byOrder = k.cohorts.filter((c) => c.ordinal !== undefined && ordinals.includes(c.ordinal));
  const choice = found.cues.has("or") && new Set([...found.cohorts, ...byOrder.map((c) => c.id)]).size >= 2;
  // Nothing to list or count of them ("Jatim di tahap pertama produknya apa, lalu di 2017 apa?").
  const lists = LIST_CUES.some((c) => found.cues.has(c));
  const regions = subjects.filter(isRegion);
  if (regions.length && regions.length === subjects.length)
    return (which || choice) && !lists && !found.cues.has("and") ? regions : undefined;
  // Naming only groups, of the region before: a choice, or "was it …?" ("which of the 2017 group …"
  // asks among the group, "the 2013 group, same city?" asks the question again).
  const onlyGroups = subjects.length > 0 && subjects.every((s) => s.kind === "cohort");
  const before = previous?.subjects.filter(isRegion) ?? [];
  const asks =
    !found.cues.has("what") &&
    (choice || (found.cues.has("opener") && found.yesNo && found.cohorts.length === 1));
  return onlyGroups && !lists && before.length > 0 && asks ? before : undefined;
}

const isYear = (m: Match | undefined) => m !== undefined && YEAR.test(m.text);

/**
 * "tahap 2013 sampai 2016", "the 2013 to 2016 project", "periode 2013–2016": two years, the first
 * earlier, apart by nothing or a word of ending, are a span that names a period, not a question of
 * when something ended.
 */
export function namesSpan(matches: readonly Match[]): boolean {
  return matches.some((m, i) => {
    const between = matches[i + 1];
    const joined = isYear(between)
      ? between
      : hasCue(between, "end") || between?.text === "to"
        ? matches[i + 2]
        : undefined;
    return isYear(m) && isYear(joined) && Number(m.text) < Number(joined?.text);
  });
}
