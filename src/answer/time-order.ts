/**
 * Before and after: "After the first phase, which provinces declared they were ready?", "Sebelum
 * Pasuruan, Jatim kegiatannya di kota mana?", "and before that?". What is named right after the
 * word of time (a group, a year of one, a place) anchors it, or else what the chat's last answer
 * was about; the answer is the group, or the province's entry, that comes before or after it. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import { type Found, saysNothing, YEAR } from "./found.ts";
import { hasCue } from "./parts.ts";
import type { Previous } from "./previous.ts";
import type { Subject } from "./subject.ts";
import type { Match } from "./vocabulary.ts";

/** A word of time and what is named right after it: a group (by id or year), a place or a province. */
export interface TimeAnchor {
  direction: "before" | "after";
  named: Subject | undefined;
  year: number | undefined;
}

/** The first "before" or "after" of a message, and the thing named right after it (fillers between). */
export function timeAnchorIn(matches: readonly Match[]): TimeAnchor | undefined {
  const at = matches.findIndex((m) => hasCue(m, "before") || hasCue(m, "after"));
  const word = matches[at];
  if (!word) return undefined;
  let i = at + 1;
  while (matches[i] && saysNothing(matches[i] as Match) && (matches[i] as Match).concepts.length) i++;
  const next = matches[i];
  const year = next && YEAR.test(next.text) ? Number(next.text) : undefined;
  const named = next?.concepts.flatMap((c): Subject[] =>
    c.type === "cohort"
      ? [{ kind: "cohort", id: c.id }]
      : c.type === "place"
        ? [{ kind: "place", province: c.province, entry: c.entry }]
        : c.type === "province"
          ? [{ kind: "province", id: c.id }]
          : [],
  )[0];
  return { direction: hasCue(word, "before") ? "before" : "after", named, year };
}

/**
 * What comes before or after the anchor: the group before or after a group (by year), or a
 * province's entry of an earlier or later group than the place named. `undefined` when nothing is
 * anchored, or nothing the sources give comes then.
 */
export function shiftedInTime(
  f: Found,
  subjects: readonly Subject[],
  previous: Previous | undefined,
  k: Knowledge,
): Subject[] | undefined {
  const anchor = f.timeAnchor;
  if (!anchor) return undefined;
  const byYear = anchor.year
    ? k.cohorts.find((c) => c.year === anchor.year || c.period?.end === anchor.year)
    : undefined;
  // ("and before that?": what the last answer was about.)
  const last = previous?.subjects.find((s) => s.kind === "cohort" || s.kind === "place");
  const from: Subject | undefined =
    anchor.named ?? (byYear ? { kind: "cohort", id: byYear.id } : f.meaningful <= 2 ? last : undefined);
  // ("Did productivity go up in Mojokerto after phase 1?": the time frames a question of something else.)
  const province = from?.kind === "place" ? from.province : undefined;
  const ofAnchor = (s: Subject) =>
    s.kind === "cohort" ||
    (province !== undefined && (s.kind === "place" || s.kind === "province") && provinceOf(s) === province);
  if (!subjects.every(ofAnchor)) return undefined;
  const yearOf = (cohort: string) => k.cohorts.find((c) => c.id === cohort)?.year ?? 0;
  const later = (a: number, b: number) => (anchor.direction === "after" ? a > b : a < b);
  if (from?.kind === "cohort") {
    const year = yearOf(from.id);
    // (The nearest group that way, of those that only list provinces by entry: not the first targets.)
    const groups = k.cohorts.filter((c) => !c.members && c.year && later(c.year, year));
    const next = groups.sort(
      (a, b) => (anchor.direction === "after" ? 1 : -1) * ((a.year ?? 0) - (b.year ?? 0)),
    )[0];
    return next ? [{ kind: "cohort", id: next.id }] : undefined;
  }
  if (from?.kind === "place") {
    const entries = k.provinces.find((p) => p.id === from.province)?.entries ?? [];
    const year = yearOf(entries[from.entry]?.cohort ?? "");
    const others = entries.flatMap((e, entry): Subject[] =>
      later(yearOf(e.cohort), year) ? [{ kind: "place", province: from.province, entry }] : [],
    );
    return others.length ? others : undefined;
  }
  return undefined;
}

const provinceOf = (s: Subject): string | undefined =>
  s.kind === "place" ? s.province : s.kind === "province" ? s.id : undefined;
