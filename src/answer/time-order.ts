/**
 * Before and after: "After the first phase, which provinces declared they were ready?", "Sebelum
 * Pasuruan, Jatim kegiatannya di kota mana?", "and before that?". What is named right after the
 * word of time (a group, a year of one, a place) anchors it, or else what the chat's last answer
 * was about; the answer is the group, or the province's entry, that comes before or after it. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import { writtenWords } from "./concepts.ts";
import { type Found, isFiller, pastFillers, YEAR } from "./found.ts";
import { asksWh } from "./intents.ts";
import { hasCue } from "./parts.ts";
import type { Previous } from "./previous.ts";
import { groupDated } from "./spans.ts";
import type { Subject } from "./subject.ts";
import type { Match } from "./vocabulary.ts";

/** A word of time and what is named right after it: a group (by id or year), a place or a province. */
export interface TimeAnchor {
  direction: "before" | "after";
  named: Subject | undefined;
  year: number | undefined;
  /** Anchored to what the chat's last answer was about ("before that", "sesudahnya"). */
  back: boolean;
}

/** The first "before" or "after" of a message, and the thing named right after it (fillers between). */
export function timeAnchorIn(matches: readonly Match[]): TimeAnchor | undefined {
  // ("Maaf sebelumnya, …": "beforehand" asks pardon, it anchors nothing.)
  const at = matches.findIndex(
    (m) => hasCue(m, "after") || (hasCue(m, "before") && !/nya$/.test(writtenWords(m))),
  );
  const word = matches[at];
  if (!word) return undefined;
  const direction = hasCue(word, "before") ? "before" : "after";
  // ("sebelum itu", "before that", "sesudahnya": what the chat's last answer was about.)
  if (/(itu|that|nya)$/.test(writtenWords(word)))
    return { direction, named: undefined, year: undefined, back: true };
  // (Past fillers and the words of a group: "sebelum tahap 2017", "after the 2017 additions".)
  const passes = (m: Match) => isFiller(m) || hasCue(m, "phase") || hasCue(m, "provinces");
  const next = matches[pastFillers(matches, at, 1, passes)];
  const year = next && YEAR.test(next.text) ? Number(next.text) : undefined;
  const named = next?.concepts.flatMap((c): Subject[] =>
    c.type === "cohort"
      ? [{ kind: "cohort", id: c.id }]
      : c.type === "place"
        ? [{ kind: "place", province: c.province, entry: c.entry }]
        : c.type === "province"
          ? [{ kind: "province", id: c.id }]
          : c.type === "person"
            ? [{ kind: "person", id: c.id }]
            : [],
  )[0];
  // ("dicek dulu sebelum on air": before something the sources don't know anchors nothing of theirs.)
  if (!named && year === undefined && next && next.concepts.length === 0) return undefined;
  return { direction, named, year, back: false };
}

/**
 * What comes before or after the anchor: the group before or after a group (by year), or a
 * province's entry of an earlier or later group than the place named; `none` when the sources name
 * nothing then ("Sebelum Sumut, provinsi mana yang ikut?": nothing before 2013), with the anchor as
 * the subject. `undefined` when nothing is anchored, or the time frames a question of something else.
 */
export function shiftedInTime(
  f: Found,
  subjects: readonly Subject[],
  previous: Previous | undefined,
  k: Knowledge,
  cohort: string | undefined,
): { subjects: Subject[]; none: boolean } | undefined {
  const anchor = f.timeAnchor;
  // ("Which is the only source dated before 2017?" asks of the sources' dates; "after Papua was
  // split" dates what an entry's note says.)
  if (!anchor || f.cues.has("source") || f.sources.length || f.noted) return undefined;
  // (A group named by its words, "after phase one ended", is the group the question narrows to.)
  const byYear = anchor.year ? groupDated(k, anchor.year) : k.cohorts.find((c) => c.id === cohort);
  // ("and before that?": what the last answer was about.)
  const last = previous?.subjects.find((s) => s.kind === "cohort" || s.kind === "place");
  const from: Subject | undefined = anchor.back
    ? last
    : (anchor.named ?? (byYear ? { kind: "cohort", id: byYear.id } : f.meaningful <= 2 ? last : undefined));
  if (!from) return undefined;
  // ("Before Gati, who was Director General?": the sources name no one before or after anyone.)
  if (from.kind === "person") return { subjects: [from], none: true };
  // ("Did productivity go up in Mojokerto after phase 1?": the time frames a question of something else.)
  const province = from.kind === "place" || from.kind === "province" ? provinceOf(from) : undefined;
  const ofAnchor = (s: Subject) =>
    s.kind === "cohort" ||
    (province !== undefined && (s.kind === "place" || s.kind === "province") && provinceOf(s) === province);
  if (!subjects.every(ofAnchor)) return undefined;
  // (Asked yes or no, nothing then is for the plain reading to answer: "Sebelum Makassar masuk, Sulsel
  // udah pernah ikut di tahap pertama?")
  const none = asksWh(f) || f.cues.has("what") ? { subjects: [from], none: true } : undefined;
  const yearOf = (cohort: string) => k.cohorts.find((c) => c.id === cohort)?.year ?? 0;
  const later = (a: number, b: number) => (anchor.direction === "after" ? a > b : a < b);
  const entries = province ? (k.provinces.find((p) => p.id === province)?.entries ?? []) : [];
  // (A province is as early as its first entry, as late as its last.)
  const years = entries.map((e) => yearOf(e.cohort));
  const year =
    from.kind === "cohort"
      ? yearOf(from.id)
      : from.kind === "place"
        ? yearOf(entries[from.entry]?.cohort ?? "")
        : anchor.direction === "after"
          ? Math.max(...years)
          : Math.min(...years);
  if (from.kind === "place") {
    const others = entries.flatMap((e, entry): Subject[] =>
      later(yearOf(e.cohort), year) ? [{ kind: "place", province: from.province, entry }] : [],
    );
    return others.length ? { subjects: others, none: false } : none;
  }
  // (The nearest group that way, of those that list provinces by entry: not the first targets.)
  const groups = k.cohorts.filter((c) => !c.members && c.year && later(c.year, year));
  const direction = anchor.direction === "after" ? 1 : -1;
  const next = groups.sort((a, b) => direction * ((a.year ?? 0) - (b.year ?? 0)))[0];
  return next ? { subjects: [{ kind: "cohort", id: next.id }], none: false } : none;
}

const provinceOf = (s: Subject): string | undefined =>
  s.kind === "place" ? s.province : s.kind === "province" ? s.id : undefined;
