/**
 * What a message sets aside ("selain Sulsel, provinsi 2013 apa lagi?", "Other than footwear, what
 * does East Java make?", "Besides West Kalimantan, is East Kalimantan in?"): the things named right
 * after a word of exception. The message is read without them (considerations stay in it: see
 * `setAsideIn`), and what it asks is answered without them: the rest of a group, a province's
 * other entries, the other considerations. Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { collect, emptyFound, type Found, saysNothing } from "./found.ts";
import type { Words } from "./lexicon.ts";
import { membershipOf } from "./membership.ts";
import { provincesOf, provincesOnIsland } from "./negation.ts";
import { MAX_QUESTION_CHARS } from "./normalise.ts";
import { hasCue } from "./parts.ts";
import type { Reading } from "./read.ts";
import { isRegion, type Subject, subjectRef } from "./subject.ts";
import type { Match, Vocabulary } from "./vocabulary.ts";

/** What a message sets aside: the things it names, and the words it names them with. */
export interface SetAside {
  named: Found;
  written: string;
}

/** What reads a text: its phrases, and the lexicon's words of exception ("selain", "other than"). */
export interface SetAsideReader {
  segment: (text: string) => Match[];
  except: Words;
}

// Names a message can set aside (not sources: "other outlets besides Bisnis.com" asks for others).
const NAMES: ReadonlySet<string> = new Set([
  "province",
  "place",
  "product",
  "criterion",
  "org",
  "person",
  "role",
  "area",
  "island",
]);
const isName = (m: Match) => m.concepts.some((c) => NAMES.has(c.type));
// Words that may come between the names set aside ("Tegal dan Samosir", "the Java provinces").
const joins = (m: Match) => hasCue(m, "and") || hasCue(m, "or") || hasCue(m, "provinces") || saysNothing(m);

const MAX_EXCEPTIONS = 3;
const patterns = new WeakMap<Words, RegExp>();
function exceptPattern(except: Words): RegExp {
  let pattern = patterns.get(except);
  if (!pattern) {
    const words = [...(except.id ?? []), ...(except.en ?? []), ...(except.any ?? [])]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.split(" ").join("\\s+"));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "giu");
    patterns.set(except, pattern);
  }
  return pattern;
}

/**
 * The message without what it sets aside, and what that is; `undefined` when it sets nothing aside.
 * Only names written right after the word of exception, up to the end of the clause, are set aside
 * ("selain kalbar, kalimantan timur ikut gak?" sets West Kalimantan aside, not East Kalimantan).
 */
export function setAsideIn(
  message: string,
  reader: SetAsideReader,
): { text: string; aside: SetAside } | undefined {
  // (Bounded: a message no longer than a question, and three words of exception at most.)
  if (message.length > MAX_QUESTION_CHARS) return undefined;
  const named = emptyFound();
  const written: string[] = [];
  let text = message;
  let english = false;
  const found = [...message.matchAll(exceptPattern(reader.except))].slice(0, MAX_EXCEPTIONS).reverse();
  for (const word of found) {
    const start = word.index ?? 0;
    const after = start + word[0].length;
    const end = listEnd(message.slice(after), reader);
    // "Selain yang lima itu, tahun 2018 nambah provinsi mana?": a clause of what is set aside,
    // opening the message, frames the question after it. (Not one naming a fact of the programme,
    // which the question asks more of: "Besides spreading the cluster concept, who is placed?")
    const opens = /^[^\p{L}]*(?:\p{L}+[^\p{L}]+)?$/u.test(message.slice(0, start));
    const frame = opens ? /^([^,.;:?!\n]*),(?=.*\p{L})/su.exec(message.slice(after)) : null;
    const ofFacts = (clause: string) =>
      reader.segment(clause).some((m) => m.concepts.some((c) => c.type === "attribute" || c.type === "term"));
    if (end === undefined && frame && !ofFacts(frame[1] ?? ""))
      text = `${text.slice(0, start)} ${text.slice(after + frame[0].length)}`;
    if (end === undefined) continue;
    written.unshift(message.slice(after, after + end));
    const names = reader.segment(message.slice(after, after + end)).filter(isName);
    for (const m of names) collect(named, m);
    // (Considerations stay in the message: "Besides the state budget, where else can support come
    // from?" names one by what it holds, and asks the rest of it; see `withoutSetAside`.)
    const considerations = names.every((m) => m.concepts.every((c) => c.type === "criterion"));
    if (!considerations) text = `${text.slice(0, start)} ${text.slice(after + end)}`;
    english = (reader.except.en ?? []).includes(word[0].toLowerCase().split(/\s+/).join(" "));
  }
  if (!written.length && text === message) return undefined;
  // "selain sumut?", "and apart from Central Java?": nothing else is named; what is left of what
  // the chat just asked is asked.
  const namesMore = reader.segment(text).some((m) => !saysNothing(m) && !hasCue(m, "and"));
  // (A word that says nothing keeps the message from reading as empty.)
  const that = english ? "that" : "itu";
  return { text: namesMore ? text : `${text} ${that}`, aside: { named, written: written.join(" ") } };
}

/**
 * Where the names right after a word of exception end: those of its clause, and of the clauses
 * after it when they are a list closed by "and" ("Except North Sumatra, Central Java and East
 * Java, which …"; not "selain Jateng, Jatim?", which asks about East Java).
 */
function listEnd(rest: string, reader: SetAsideReader): number | undefined {
  const clauses = rest.split(/(?=[,.;:?!\n])/);
  const [first = ""] = clauses;
  const end = namesEnd(first, reader);
  if (end === undefined) return undefined;
  let at = first.length;
  let listed: number | undefined;
  for (const clause of clauses.slice(1)) {
    const next = clause.slice(1);
    const names = clause.startsWith(",") ? namesEnd(next, reader) : undefined;
    if (names === undefined || next.slice(names).trim() || first.slice(end).trim()) break;
    if (/(?<![\p{L}])(?:and|dan|or|atau|serta)(?![\p{L}])|&/iu.test(next)) listed = at + 1 + names;
    at += clause.length;
  }
  return listed ?? end;
}

/**
 * Where the names right at the start of a clause end (a character offset), if it starts with names
 * joined by "and", "dan", "/" and followed by nothing the matcher doesn't know.
 */
function namesEnd(clause: string, reader: SetAsideReader): number | undefined {
  const matches = reader.segment(clause);
  let last = -1;
  for (const [i, m] of matches.entries()) {
    if (isName(m)) last = i;
    else if (!joins(m)) break;
  }
  // ("Apart from the ministry's site, …": a name followed by a word it doesn't know is not one.)
  const next = matches[last + 1];
  if (last < 0 || (next && next.concepts.length === 0)) return undefined;
  // Where the last name's last word ends in the clause as written.
  const lower = clause.toLowerCase();
  let at = 0;
  for (const m of matches.slice(0, last + 1))
    for (const t of m.tokens)
      for (const w of t.original.split(" ").filter(Boolean)) {
        const i = lower.indexOf(w, at);
        if (i < 0) return undefined;
        at = i + w.length;
      }
  return at;
}

/** `read` of the message without what it sets aside, each part holding that as `setAside`. */
export function readSettingAside(
  message: string,
  vocabulary: Vocabulary,
  read: (text: string) => Reading,
): Reading {
  const { except } = vocabulary.lexicon.cues;
  const segment = (text: string) => vocabulary.segment(vocabulary.tokens(text));
  const aside = setAsideIn(message, { segment, except });
  const reading = read(aside?.text ?? message);
  if (aside) for (const f of [reading.whole, ...reading.parts]) f.setAside = aside.aside;
  return reading;
}

/** An entry of a province: the province's id and the entry's index. */
type Entry = `${string}#${number}`;

/**
 * `subjects` without what was set aside: a group, a province or the whole list loses the entries
 * set aside, the considerations lose those named. When nothing is left of what was asked
 * ("Provinsi 2013 di Sulawesi selain Sulteng ada lagi?"), the subjects are kept to say so: `none`;
 * or, where the sources leave the rest unnamed ("selain Palu, kabupaten mana lagi?") or the
 * question asks what they don't know of it (`unknown`: "besides footwear, what did Mojokerto
 * export?"), `absent`.
 */
export function withoutSetAside(
  subjects: readonly Subject[],
  { named, written }: SetAside,
  k: Knowledge,
  areas: Areas,
  cohort: string | undefined,
  unknown: boolean,
  where: boolean,
): { subjects: Subject[]; none: boolean; absent: boolean } {
  // Provinces set aside whole: named, named as regions, or on an island named.
  const regions = named.areas.map((code) => membershipOf(code, k, areas));
  const provinces = new Set([
    ...named.provinces,
    ...regions.flatMap((m) => (m?.status === "province" ? [m.province.id] : [])),
    ...named.islands.flatMap((i) => provincesOnIsland(k, i).map((p) => p.id)),
  ]);
  const places = new Set<string>([
    ...named.places.map((p) => `${p.province}#${p.entry}`),
    ...regions.flatMap((m) => (m && "entry" in m ? [`${m.province.id}#${m.entry}`] : [])),
  ]);
  const words = new Set(written.toLowerCase().split(/[^\p{L}]+/u));
  const products = named.products.filter((id) => wholly(k.products.find((p) => p.id === id)?.name, words));
  const aside = new Set<Entry>(
    k.provinces.flatMap((p) =>
      p.entries.flatMap((e, i): Entry[] =>
        provinces.has(p.id) || places.has(`${p.id}#${i}`) || products.includes(e.product)
          ? [`${p.id}#${i}`]
          : [],
      ),
    ),
  );
  const asideRefs = new Set([
    ...[...provinces].map((id) => `p.${id}`),
    // (A consideration by its name, not by what it holds: "besides the state budget" asks the rest of it.)
    ...named.criteria.flatMap((id) =>
      byName(k.selection.criteria.find((c) => c.id === id)?.name, words) ? [`c.${id}`] : [],
    ),
    ...named.orgs.map((id) => `o.${id}`),
    ...[...named.people, ...named.roles].map((id) => `ps.${id}`),
  ]);
  // (A place the sources name with the regencies around it, set aside, leaves those unnamed:
  // "Selain Palu, kabupaten mana lagi?")
  const unnamed = k.provinces.some((p) =>
    p.entries.some((e, i) => e.place.surroundings && places.has(`${p.id}#${i}`)),
  );
  if (unnamed && where) return { subjects: [...subjects], none: false, absent: true };
  let kept = subjects.flatMap((s) => remaining(s, aside, places, asideRefs, k, cohort));
  // "kalau selain Sulteng?" after "Sulteng ikut sejak 2013?": the rest of its group.
  // ("which are outside Java?" after "Is the programme only in Java?": the rest of the programme.)
  const setAsideWhole = (s: Subject) =>
    s.kind === "province"
      ? provinces.has(s.id)
      : s.kind === "place"
        ? provinces.has(s.province)
        : s.kind === "island" && named.islands.includes(s.index);
  const whole = !kept.length && subjects.length > 0 && subjects.every(setAsideWhole);
  const group = whole ? (cohort ?? groupOf(subjects, k)) : undefined;
  const rest: Subject | undefined = group
    ? { kind: "cohort", id: group }
    : whole
      ? { kind: "list" }
      : undefined;
  if (rest) kept = remaining(rest, aside, places, asideRefs, k, group);
  // ("Pertimbangan selain sumber dukungan apa saja?": the other considerations.)
  const criteria = subjects.length > 0 && subjects.every((s) => s.kind === "criterion");
  if (!kept.length && criteria) kept = remaining({ kind: "criteria" }, aside, places, asideRefs, k, cohort);
  const changed = kept.length !== subjects.length || kept.some((s, i) => s !== subjects[i]);
  if (kept.length || !changed) return { subjects: kept, none: false, absent: false };
  return { subjects: [...subjects], none: !unnamed && !unknown, absent: unnamed || unknown };
}

/**
 * Whether words set a product aside whole: a product of two things ("tahu dan tempe") only when
 * they name both ("selain tahu tempe"; "selain tahu" leaves tempeh).
 */
function wholly(name: { id: string; en: string } | undefined, words: ReadonlySet<string>): boolean {
  const covered = (text: string) =>
    text
      .toLowerCase()
      .split(/\s(?:dan|and)\s/)
      .every((side) => side.split(/[^\p{L}]+/u).some((w) => w.length > 2 && words.has(w)));
  const twoThings = (text: string) => /\s(?:dan|and)\s/.test(text);
  return !name || !twoThings(name.en) || covered(name.id) || covered(name.en);
}

/** Whether words name a thing by a word of its own name ("tema afirmatif"; not "border regions"). */
function byName(name: { id: string; en: string } | undefined, words: ReadonlySet<string>): boolean {
  const GENERIC = new Set([
    "tema",
    "theme",
    "themes",
    "pengembangan",
    "development",
    "sumber",
    "source",
    "sources",
  ]);
  return `${name?.id ?? ""} ${name?.en ?? ""}`
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => w.length > 3 && !GENERIC.has(w) && words.has(w));
}

/** What is left of one subject once the entries and things set aside are taken out. */
function remaining(
  s: Subject,
  aside: ReadonlySet<Entry>,
  placesAside: ReadonlySet<string>,
  asideRefs: ReadonlySet<string>,
  k: Knowledge,
  cohort: string | undefined,
): Subject[] {
  if (asideRefs.has(subjectRef(s))) return [];
  // ("Selain Bu Gati, siapa pejabat …?": the officials but those set aside, if any.)
  if (s.kind === "officials")
    return k.people.filter((p) => p.official).every((p) => asideRefs.has(`ps.${p.id}`)) ? [] : [s];
  // ("Per the JICA report, what does Tegal make besides metalwork?": a place the question names
  // stays, whatever product is set aside; only naming it sets it aside.)
  if (s.kind === "place")
    return placesAside.has(`${s.province}#${s.entry}`) || asideRefs.has(`p.${s.province}`) ? [] : [s];
  if (s.kind === "criteria" && [...asideRefs].some((r) => r.startsWith("c.")))
    return k.selection.criteria.flatMap((c) =>
      asideRefs.has(`c.${c.id}`) ? [] : [{ kind: "criterion", id: c.id } as Subject],
    );
  const scope = entriesOf(s, k, cohort);
  if (!scope?.some((e) => aside.has(e))) return [s];
  const left = scope.filter((e) => !aside.has(e));
  if (left.length === 0 && s.kind === "province" && !scope.some((e) => placesAside.has(e))) return [s];
  const provinces = [...new Set(left.map((e) => e.split("#")[0] ?? ""))];
  return provinces.flatMap((id): Subject[] => {
    const ofProvince = scope.filter((e) => e.startsWith(`${id}#`));
    const kept = left.filter((e) => e.startsWith(`${id}#`));
    if (kept.length === ofProvince.length) return [{ kind: "province", id }];
    return kept.map((e) => ({ kind: "place", province: id, entry: Number(e.split("#")[1]) }));
  });
}

/** The one group the regions of `subjects` are in, if they are all provinces or places of one. */
export function groupOf(subjects: readonly Subject[], k: Knowledge): string | undefined {
  const entries = subjects.flatMap((s) => {
    const p = k.provinces.find(
      (p) => p.id === (s.kind === "place" ? s.province : s.kind === "province" ? s.id : ""),
    );
    return s.kind === "place" ? (p?.entries[s.entry] ?? []) : (p?.entries ?? []);
  });
  const groups = new Set(entries.map((e) => e.cohort));
  return subjects.every(isRegion) && groups.size === 1 ? [...groups][0] : undefined;
}

/** The entries a subject stands for, in the sources' order; `undefined` for one that is no group of them. */
function entriesOf(s: Subject, k: Knowledge, cohort: string | undefined): Entry[] | undefined {
  const group = s.kind === "cohort" ? s.id : cohort;
  const provinces =
    s.kind === "province"
      ? k.provinces.filter((p) => p.id === s.id)
      : s.kind === "island"
        ? provincesOnIsland(k, s.index).filter((p) => provincesOf(k, group).includes(p))
        : s.kind === "cohort" || s.kind === "list" || (s.kind === "topic" && s.id === "summary")
          ? provincesOf(k, group)
          : undefined;
  if (!provinces) return undefined;
  // (A group that lists its provinces, the first targets, holds them whole.)
  const byEntry = group !== undefined && !k.cohorts.find((c) => c.id === group)?.members;
  return provinces.flatMap((p) =>
    p.entries.flatMap((e, i): Entry[] => (!byEntry || e.cohort === group ? [`${p.id}#${i}`] : [])),
  );
}
