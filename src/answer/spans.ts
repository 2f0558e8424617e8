/**
 * The knowledge's dates: every year it names, and how long lies between two dated facts
 * ("berapa bulan antara laporan JICA dan berita Bisnis?", "how old was the cooperation when the
 * Bisnis article came out?"). The dates come from the knowledge; a length is worked out, never
 * written down. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { formatDate } from "./dates.ts";
import type { Found } from "./found.ts";
import { type Subject, subjectRef } from "./subject.ts";
import { type AnswerWriter, capitalise, type Piece } from "./writer.ts";

/** A fact with a date: a source's publication, the programme's start, a group's start or end. */
export interface DatedFact {
  subject: Subject;
  edge: "on" | "start" | "end";
  /** "2013", "2016-06" or "2017-12-25": only as fine as the sources give it. */
  date: string;
  sources: string[];
  /** Of a region, the group that dates it. */
  cohort?: string;
}

/** The dated facts a subject stands for: a group with a period stands for its start and its end. */
function datedFacts(k: Knowledge, s: Subject, ended: boolean): DatedFact[] {
  const started = k.programme.started;
  const ofCohort = (id: string): DatedFact[] => {
    const c = k.cohorts.find((x) => x.id === id);
    if (!c?.year) return [];
    const start: DatedFact = {
      subject: { kind: "cohort", id },
      edge: "start",
      date: String(c.year),
      sources: c.sources,
    };
    if (!c.period) return [start];
    const end: DatedFact = { ...start, edge: "end", date: String(c.period.end), sources: c.period.sources };
    return ended ? [end] : [start, end];
  };
  switch (s.kind) {
    case "source": {
      const src = k.sources[s.id];
      return src ? [{ subject: s, edge: "on", date: src.date, sources: [s.id] }] : [];
    }
    case "topic":
    case "list": {
      const start: DatedFact = {
        subject: { kind: "topic", id: "started" },
        edge: "start",
        date: String(started.year),
        sources: started.sources,
      };
      return s.kind === "list" || s.id === "started" || s.id === "summary" ? [start] : [];
    }
    case "cohort":
      return ofCohort(s.id);
    case "province":
    case "place": {
      // A region is dated by its group (when it started, or declared it was ready), when all its
      // entries are in one.
      const p = k.provinces.find((x) => x.id === (s.kind === "place" ? s.province : s.id));
      const entries = s.kind === "place" ? [p?.entries[s.entry]] : (p?.entries ?? []);
      const cohorts = [...new Set(entries.map((e) => e?.cohort))];
      const [cohort] = cohorts;
      const [start] = cohort && cohorts.length === 1 ? ofCohort(cohort) : [];
      return start
        ? [{ ...start, subject: s, cohort, sources: entries.flatMap((e) => e?.sources ?? []) }]
        : [];
    }
    default:
      return [];
  }
}

/** Every year the knowledge names: its groups, the programme's start, its sources' dates. */
export function knownYears(k: Knowledge): ReadonlySet<number> {
  const known = yearsOf.get(k);
  if (known) return known;
  const years = new Set<number>([k.programme.started.year]);
  for (const c of k.cohorts) {
    if (c.year) years.add(c.year);
    if (c.period) years.add(c.period.end);
  }
  for (const s of Object.values(k.sources)) years.add(Number(s.date.slice(0, 4)));
  yearsOf.set(k, years);
  return years;
}
const yearsOf = new WeakMap<Knowledge, ReadonlySet<number>>();

/** The last year the knowledge names: after it, the sources cannot tell. */
export const lastKnownYear = (k: Knowledge): number => Math.max(...knownYears(k));

/**
 * The group a year dates: its year or the end of its dates, or, when `within` is allowed (see
 * `yearsWithin`), a year between them ("2014" of the first phase's 2013–2016).
 */
export function groupDated(
  k: Knowledge,
  year: number,
  within = false,
): Knowledge["cohorts"][number] | undefined {
  const inside = (c: Knowledge["cohorts"][number]) =>
    within && c.period !== undefined && year >= (c.year ?? c.period.end) && year <= c.period.end;
  return k.cohorts.find((c) => c.year === year || c.period?.end === year || inside(c));
}

/**
 * The years within a group's dates ("Tahun 2014 program ini jalan di provinsi mana?": the first
 * phase's 2013–2016): of it when its provinces, products or places are asked; what happened in
 * such a year ("What did the programme do in 2015?") the sources don't say.
 */
export function yearsWithin(k: Knowledge, f: Found): number[] {
  // (Not when joining is asked: "Which provinces joined in 2015?" — the first phase joined in 2013;
  // offered for checking, the year is checked: "The five new provinces joined in 2015, didn't they?")
  const ofGroup =
    (["provinces", "product", "where"] as const).some((c) => f.cues.has(c)) && !f.cues.has("member");
  if (!ofGroup && !f.cues.has("confirm")) return [];
  return k.cohorts.flatMap((c) => {
    const years: number[] = [];
    if (c.period) for (let y = c.year ?? c.period.end; y <= c.period.end; y++) years.push(y);
    return years;
  });
}

/**
 * The years the entries' notes are about (Papua's split in 2022): known when a note is asked
 * (`all`), or of the regions a question names ("Sejak 2022, Dogiyai masuk provinsi apa?").
 */
export function noteYears(k: Knowledge, named: Subject[] | "all"): number[] {
  const asked = (province: string, entry: number) =>
    named === "all" ||
    named.some(
      (s) =>
        (s.kind === "province" && s.id === province) ||
        (s.kind === "place" && s.province === province && s.entry === entry),
    );
  return k.provinces.flatMap((p) =>
    p.entries.flatMap((e, i) => (e.note?.year && asked(p.id, i) ? [e.note.year] : [])),
  );
}

/**
 * The two dated facts a question of "how long between" asks about: those it names, the
 * programme's start when it names the programme, then the ones the chat last named ("jadi berapa
 * tahun jaraknya?"), earlier first. Fewer than two: as many as there are.
 */
export function spanAsked(
  found: Found,
  subjects: Subject[],
  k: Knowledge,
  chatNamed: readonly Subject[],
): DatedFact[] {
  const ended = found.cues.has("end");
  const facts: DatedFact[] = [];
  const key = (f: DatedFact) => `${subjectRef(f.subject)}:${f.edge}`;
  // One fact a subject, beside another ("between the first phase and the Bisnis article": its
  // start); a group alone stands for its start and its end ("how long did the first phase last?").
  const add = (dated: DatedFact[], alone: boolean) => {
    const own = dated.filter((f) => !facts.some((g) => key(g) === key(f)));
    facts.push(...(alone ? own : own.slice(0, 1)));
  };
  const named = subjects.map((s) => datedFacts(k, s, ended)).filter((dated) => dated.length > 0);
  for (const dated of named) add(dated, named.length === 1);
  if (facts.length < 2 && (found.programme || found.cues.has("domain")))
    add(datedFacts(k, { kind: "topic", id: "started" }, false), false);
  for (const s of [...chatNamed].reverse()) if (facts.length < 2) add(datedFacts(k, s, ended), false);
  return facts.slice(0, 2).sort((x, y) => x.date.localeCompare(y.date));
}

/** The subjects with the groups a question names ("antara tahap pertama dan …"): dated things too. */
export function withGroup(subjects: Subject[], cohorts: readonly string[]): Subject[] {
  const named = cohorts.filter((id) => !subjects.some((s) => s.kind === "cohort" && s.id === id));
  return [...named.map((id): Subject => ({ kind: "cohort", id })), ...subjects];
}

/** The length between two dates, in the unit their precision allows. */
export function lengthBetween(
  from: string,
  to: string,
): { unit: "years" | "months" | "days"; count: number; about: boolean } {
  const [a, b] = [from.split("-").map(Number), to.split("-").map(Number)];
  const precision = Math.min(a.length, b.length);
  // A date given as a year only: the length is about so many years (of days, exact).
  const about = a.length !== b.length || a.length === 1;
  const [ya = 0, ma = 1, da = 1] = a;
  const [yb = 0, mb = 1, db = 1] = b;
  if (precision === 1) return { unit: "years", count: yb - ya, about };
  const days = Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
  if (precision === 3 && days < 62) return { unit: "days", count: days, about };
  return { unit: "months", count: (yb - ya) * 12 + (mb - ma), about: about || precision === 3 };
}

/** "Dari Tempo.co (24 Desember 2017) sampai Bisnis.com (25 Desember 2017) berselang satu hari." */
export function spanCard(w: AnswerWriter, lang: Lang, [a, b]: [DatedFact, DatedFact]): Piece {
  const length = lengthBetween(a.date, b.date);
  const name = (f: DatedFact) => {
    const date = formatDate(lang, f.date);
    if (f.subject.kind === "topic") return w.t(lang, "answer.span.programmeStart", { date });
    const named = w.nameOf(lang, f.subject);
    if (f.cohort) return `${named} (${w.cohortLabel(lang, f.cohort)})`;
    // ("… the first phase (since 2013), dated 2013–2016": the end states its period.)
    const period = f.subject.kind === "cohort" ? w.cohort(f.subject.id)?.period?.text[lang] : undefined;
    if (f.edge === "end") return w.t(lang, "answer.span.endOf", { name: named, period: period ?? date });
    // (A group's name may hold its year: "the provinces that declared in 2017 …".)
    return named.includes(date) ? named : `${named} (${date})`;
  };
  const count = w.number(lang, length.count);
  // "18 bulan (sekitar 1,5 tahun)": a length in months of a year or more, in years too.
  // (Written by hand: a number format would load the locales' data for one decimal mark.)
  const halves = Math.round((length.count / 12) * 2) / 2;
  const years = String(halves).replace(".", lang === "id" ? "," : ".");
  const inYears =
    length.unit === "months" && length.count >= 12
      ? w.t(lang, "answer.span.inYears", { years, count: halves })
      : "";
  const lengthText = `${length.about ? w.text(lang, "answer.span.about") : ""}${w.t(lang, `answer.span.${length.unit}`, { count: length.count, number: count })}${inYears}`;
  // "How long did the first phase last?": a group's own start and end.
  const period =
    a.subject.kind === "cohort" && b.edge === "end" && subjectRef(a.subject) === subjectRef(b.subject);
  const c = period && a.subject.kind === "cohort" ? w.cohort(a.subject.id) : undefined;
  if (c?.period) {
    const text = w.t(lang, "answer.span.period", {
      name: c.name[lang],
      period: c.period.text[lang],
      length: lengthText,
    });
    return w.piece(capitalise(text), c.period.sources, [a.subject]);
  }
  const text = length.count
    ? w.t(lang, "answer.span.between", {
        from: name(a),
        to: name(b),
        length: lengthText,
      })
    : w.t(lang, "answer.span.same", { from: name(a), to: name(b) });
  return w.piece(capitalise(text), [...a.sources, ...b.sources], [a.subject, b.subject]);
}
