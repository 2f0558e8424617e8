/**
 * Negation. "Which of the 2017 provinces aren't first targets?", "provinsi mana yang bukan tahap
 * pertama?": a question that asks which are not in a group is answered with the provinces of its
 * scope (another group it names, else the whole programme) outside that group; and "Rattan isn't
 * from South Sulawesi, is it?": a statement that denies what it says. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { KnowledgeFile, Province } from "../knowledge/schema.ts";
import { type Found, pastFillers, saysNothing } from "./found.ts";
import { hasCue } from "./parts.ts";
import type { Subject } from "./subject.ts";
import type { Match } from "./vocabulary.ts";

/** The provinces of a group (a cohort id), or every programme province when none is given. */
export function provincesOf(k: KnowledgeFile, cohortId: string | undefined): Province[] {
  const cohort = cohortId ? k.cohorts.find((c) => c.id === cohortId) : undefined;
  if (!cohort) return k.provinces;
  if (cohort.members) return cohort.members.flatMap((id) => k.provinces.find((p) => p.id === id) ?? []);
  return k.provinces.filter((p) => p.entries.some((e) => e.cohort === cohort.id));
}

/** The programme's provinces on an island (by the island's index in the regions file). */
export function provincesOnIsland(k: Knowledge, index: number): Province[] {
  const on = k.regions.islands[index]?.provinces ?? [];
  return k.provinces.filter((p) => on.includes(p.area));
}

/** What a question reads once the group it excludes is set apart: its other groups are its scope. */
export function withoutExcluded(f: Found): Found {
  return f.excludedCohort ? { ...f, cohorts: f.cohorts.filter((c) => c !== f.excludedCohort) } : f;
}

/**
 * The provinces of a question's scope (a group, else the provinces the chat just gave, else the
 * whole programme) but those it sets aside: a group ("mana yang bukan target awal?"), islands or
 * provinces ("yang bukan di Jawa", "kecuali Jatim"). `undefined` when it sets none aside.
 */
export function outsideSetAside(
  f: Found,
  k: Knowledge,
  scope: string | undefined,
  previous: readonly Subject[],
): Subject[] | undefined {
  const { islands, provinces } = f.excludedRegions;
  const cohort = f.excludedCohort !== scope ? f.excludedCohort : undefined;
  if (!cohort && !islands.length && !provinces.length) return undefined;
  const on = new Set(islands.flatMap((i) => k.regions.islands[i]?.provinces ?? []));
  const excluded = new Set([...provinces, ...(cohort ? provincesOf(k, cohort).map((p) => p.id) : [])]);
  const given = previous.flatMap((s) => (s.kind === "province" ? [s.id] : []));
  const among =
    cohort || scope || !given.length
      ? provincesOf(k, scope)
      : k.provinces.filter((p) => given.includes(p.id));
  const rest = among.filter((p) => !on.has(p.area) && !excluded.has(p.id));
  return rest.length ? rest.map((p): Subject => ({ kind: "province", id: p.id })) : undefined;
}

/**
 * "Rattan isn't from South Sulawesi, is it?", "Bukan 2017 kan?": whether a statement denies what
 * it says. A leading "Isn't …?" asks to confirm what follows (as "Bukankah …?" does); "or not"
 * offers a choice, and so does a "not" that nothing named follows ("NTT ada ga?"), or one right
 * after what is said to exist ("Sulsel ada gak produk perak?", "ada provinsi baru ga yg ikut?");
 * "not only" says there is more, and "if not" sets a condition.
 */
export function deniesItself(matches: readonly Match[]): boolean {
  // (One pass: a "not" denies only when something named comes after it.)
  const lastNamed = matches.findLastIndex(namesSomething);
  const exists = matches.findIndex((m) => hasCue(m, "exists"));
  return matches.some(
    (m, i) =>
      i < lastNamed &&
      hasCue(m, "negation") &&
      !(i === 0 && hasCue(m, "opener")) &&
      !hasCue(matches[i - 1], "or") &&
      !hasCue(matches[i - 1], "condition") &&
      !hasCue(matches[i + 1], "only") &&
      !askedToExist(matches, exists, i),
  );
}

/**
 * Whether the "not" at `i` asks whether what `exists` says there is: right after "ada" ("ada ga
 * …?"), or after a thing named when no other thing follows it ("ada provinsi baru ga yg ikut?").
 * ("Babel ada timah bukan emas?" sets tin against gold; "ada provinsi yang tidak ikut?" and
 * "ada ulos tidak ada kopi?" deny.)
 */
function askedToExist(matches: readonly Match[], exists: number, i: number): boolean {
  const before = matches[i - 1];
  if (exists < 0 || exists >= i || before === undefined) return false;
  if (i - 1 === exists) return true;
  const next = matches[pastFillers(matches, i, 1)];
  const thing =
    next !== undefined && (next.concepts.length === 0 || next.concepts.some((c) => c.type !== "cue"));
  return !saysNothing(before) && !thing;
}

/** Whether a phrase names something: a thing the matcher knows, a year, or a word it doesn't know. */
const namesSomething = (m: Match): boolean =>
  m.concepts.length === 0 ? /[\p{L}\d]{3}/u.test(m.text) : !saysNothing(m);
