import type { AnswerEngine } from "../answer/engine.ts";
import { parseSubjectRef } from "../answer/subject.ts";
import type { Lang } from "../lang.ts";
import type { DayCount, QuestionStore } from "../storage/questions.ts";
import type { VoteCount, VoteStore } from "../storage/votes.ts";
import { dayOf, daysEnding } from "./days.ts";

/** How many days `/stats` looks back over, today included. */
export const STATS_DAYS = 30;
/** How many topics and provinces `/stats` names. */
const TOP = 5;

/** A subject asked about, with its name in the staff member's language. */
export interface Counted {
  key: string;
  label: string;
  count: number;
}

/** Votes on the answers about one subject. */
export interface Voted extends VoteCount {
  key: string;
  label: string;
}

/** What `/stats` reports over the last {@link STATS_DAYS} days. */
export interface Stats {
  /** Every day of the period, oldest first, zero where nobody asked. */
  days: DayCount[];
  total: number;
  answered: number;
  people: number;
  langs: Array<{ lang: string; count: number }>;
  topics: Counted[];
  provinces: Counted[];
  groups: { active: number; subscribed: number };
  /** 👍/👎 on answers: the totals, and the subjects with a 👎, highest share of 👎 first. */
  votes: VoteCount & { subjects: Voted[] };
}

interface StatsSources {
  store: QuestionStore;
  votes: VoteStore;
  /** The engine in service, to name the subjects. */
  engine: AnswerEngine;
  timezone: string;
  now: number;
  activeGroups: number;
  /** Groups subscribed to announcements. */
  subscribedGroups: number;
}

/** Gathers the numbers of `/stats`, naming subjects in `lang`. */
export function collectStats(src: StatsSources, lang: Lang): Stats {
  const dayList = daysEnding(dayOf(src.now, src.timezone), STATS_DAYS);
  const from = dayList[0] as string;
  const counted = new Map(src.store.perDay(from).map((d) => [d.day, d]));
  const days = dayList.map((day) => counted.get(day) ?? { day, total: 0, answered: 0 });
  const topics = new Map<string, Counted>();
  const provinces = new Map<string, Counted>();
  for (const { ref, count } of src.store.perSubject(from)) {
    const named = nameSubject(src.engine, ref, lang);
    if (!named) continue;
    const into = named.province ? provinces : topics;
    const seen = into.get(named.key);
    if (seen) seen.count += count;
    else into.set(named.key, { key: named.key, label: named.label, count });
  }
  const top = (m: Map<string, Counted>) =>
    [...m.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, TOP);
  return {
    days,
    total: days.reduce((n, d) => n + d.total, 0),
    answered: days.reduce((n, d) => n + d.answered, 0),
    people: src.store.people(from),
    langs: src.store.perLang(from),
    topics: top(topics),
    provinces: top(provinces),
    groups: { active: src.activeGroups, subscribed: src.subscribedGroups },
    votes: { ...src.votes.totals(from), subjects: votedSubjects(src, from, lang) },
  };
}

/** The subjects whose answers got a 👎, named as `/stats` names them, highest share of 👎 first. */
function votedSubjects(src: StatsSources, from: string, lang: Lang): Voted[] {
  const voted = new Map<string, Voted>();
  for (const { ref, up, down } of src.votes.perSubject(from)) {
    const named = nameSubject(src.engine, ref, lang);
    if (!named) continue;
    const seen = voted.get(named.key) ?? { key: named.key, label: named.label, up: 0, down: 0 };
    seen.up += up;
    seen.down += down;
    voted.set(named.key, seen);
  }
  const share = (v: Voted) => v.down / (v.up + v.down);
  return [...voted.values()]
    .filter((v) => v.down > 0)
    .sort((a, b) => share(b) - share(a) || b.down - a.down || a.label.localeCompare(b.label))
    .slice(0, TOP);
}

/**
 * How `/stats` counts a subject: provinces (of the programme or not: places and regencies count
 * for their province) apart from topics, each under one key and name.
 */
function nameSubject(
  engine: AnswerEngine,
  ref: string,
  lang: Lang,
): { key: string; label: string; province: boolean } | undefined {
  const subject = parseSubjectRef(ref);
  if (!subject) return undefined;
  const k = engine.knowledge;
  const programmeProvince = (id: string) => {
    const p = k.provinces.find((x) => x.id === id);
    return p && { key: `p.${p.id}`, label: p.name[lang], province: true };
  };
  switch (subject.kind) {
    case "province":
      return programmeProvince(subject.id);
    case "place":
      return programmeProvince(subject.province);
    case "island":
    case "area": {
      // An island of one province ("Bali", "Lombok") counts for that province.
      const islandProvinces =
        subject.kind === "island" ? (k.regions.islands[subject.index]?.provinces ?? []) : [];
      if (subject.kind === "island" && islandProvinces.length !== 1)
        return { key: ref, label: engine.writer.label(lang, subject), province: false };
      const code = subject.kind === "island" ? (islandProvinces[0] ?? "") : subject.code.slice(0, 2);
      const inProgramme = k.provinces.find((p) => p.area === code);
      if (inProgramme) return programmeProvince(inProgramme.id);
      const area = engine.areas.byCode.get(code);
      return area && { key: `a.${code}`, label: area.name, province: true };
    }
    case "product": {
      const p = k.products.find((x) => x.id === subject.id);
      const name = p?.name[lang];
      return name
        ? { key: ref, label: name.charAt(0).toUpperCase() + name.slice(1), province: false }
        : undefined;
    }
    case "person": {
      const p = k.people.find((x) => x.id === subject.id);
      return p && { key: ref, label: p.name, province: false };
    }
    case "org": {
      const o = k.organisations.find((x) => x.id === subject.id);
      return o && { key: ref, label: o.name, province: false };
    }
    default:
      return { key: ref, label: engine.writer.label(lang, subject), province: false };
  }
}
