import type { Translate } from "../i18n/index.ts";
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Cohort, Province, ProvinceEntry } from "../knowledge/schema.ts";
import type { Lang } from "../lang.ts";
import { formatDate } from "./dates.ts";
import { joinList } from "./lists.ts";
import { provincesOf } from "./negation.ts";
import { fold } from "./normalise.ts";
import { type Subject, subjectRef } from "./subject.ts";

/** A piece of an answer: its text, the sources of exactly the facts it states, what it is about. */
export interface Piece {
  text: string;
  sources: string[];
  kind: "answer" | "not_in_programme" | "fallback";
  about: Subject[];
  /** For a list: its items in order, so that "the second one" can point to one. */
  items?: Subject[];
  /** Whether it ends sending people to the official channels (the sources have no answer). */
  nextSteps?: boolean;
}

/** The most texts a writer remembers before it starts again. */
const MAX_REMEMBERED_TEXTS = 2_000;

/**
 * Writes the texts of answers from the knowledge, in either language: the building blocks the
 * answer table (`answers.ts`) puts together. Pure: no Telegram, no I/O.
 */
export class AnswerWriter {
  private readonly provinces: Map<string, Province>;
  private readonly cohorts: Map<string, Cohort>;

  constructor(
    readonly k: Knowledge,
    readonly areas: Areas,
    readonly t: Translate,
  ) {
    this.provinces = new Map(k.provinces.map((p) => [p.id, p]));
    this.cohorts = new Map(k.cohorts.map((c) => [c.id, c]));
  }

  // The knowledge never changes under a writer (a reload builds a new engine), so a text that
  // depends only on its key is written once: i18next's lookups cost more than the matching.
  private readonly cache = new Map<string, unknown>();
  memo<T>(key: string, make: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = make();
    // Bounded: regions are written as each question named them, and questions are endless.
    if (this.cache.size >= MAX_REMEMBERED_TEXTS) this.cache.clear();
    this.cache.set(key, value);
    return value;
  }

  /** A fixed text of the answer catalogue, looked up once. */
  text(lang: Lang, key: string): string {
    return this.memo(`t:${lang}:${key}`, () => this.t(lang, key));
  }

  province(id: string): Province | undefined {
    return this.provinces.get(id);
  }

  cohort(id: string): Cohort | undefined {
    return this.cohorts.get(id);
  }

  /** A piece stating facts. */
  piece(text: string, sources: string[], about: Subject[], kind: Piece["kind"] = "answer"): Piece {
    // (Fields a piece may be given later are here from the start: see `extended.ts`.)
    return { text, sources: [...new Set(sources)], kind, about, items: undefined, nextSteps: undefined };
  }

  number(lang: Lang, n: number): string {
    return this.t(lang, `answer.number.${n}`, { defaultValue: String(n) });
  }

  productName(lang: Lang, id: string): string {
    return this.k.products.find((p) => p.id === id)?.name[lang] ?? id;
  }

  /** "Kota Palu dan kabupaten di sekitarnya", "Samosir Regency". */
  placeName(lang: Lang, e: ProvinceEntry): string {
    const name = lang === "en" ? e.place.en : e.place.name;
    return e.place.surroundings ? this.t(lang, "answer.surroundings", { place: name }) : name;
  }

  /** "first phase, since 2013", "declared ready to join in 2017". */
  cohortLabel(lang: Lang, id: string): string {
    const c = this.cohort(id);
    return c ? (c.label ?? c.name)[lang] : id;
  }

  /** "ulos weaving in Samosir Regency (first phase, since 2013)". */
  entryLine(lang: Lang, e: ProvinceEntry): string {
    return this.t(lang, "answer.entry", {
      product: this.productName(lang, e.product),
      place: this.placeName(lang, e),
      label: this.cohortLabel(lang, e.cohort),
    });
  }

  /** The sources of an entry's product and cohort, and of its place. */
  entrySources(e: ProvinceEntry): string[] {
    return [...e.sources, ...e.place.sources];
  }

  /** What the sources say about a province, or some of its entries: products, places, groups. */
  provinceCard(lang: Lang, p: Province, only?: readonly number[]): Piece {
    const indexes = p.entries.map((_, i) => i).filter((i) => !only || only.includes(i));
    const entries = indexes.map((i) => p.entries[i] as ProvinceEntry);
    const name = p.name[lang];
    const lines: string[] = [];
    const [first] = entries;
    if (first && entries.length === 1) {
      lines.push(this.t(lang, "answer.province", { province: name, entry: this.entryLine(lang, first) }));
    } else {
      lines.push(
        this.t(lang, "answer.provinceMany", { province: name, total: this.number(lang, entries.length) }),
      );
      for (const e of entries) lines.push(`• ${this.entryLine(lang, e)}`);
    }
    const sources = entries.flatMap((e) => this.entrySources(e));
    for (const e of entries) {
      if (!e.note) continue;
      lines.push(e.note.text[lang]);
      sources.push(...e.note.sources);
    }
    for (const c of this.k.cohorts) {
      if (!c.members?.includes(p.id)) continue;
      lines.push(this.cohortMembership(lang, p, c));
      sources.push(...c.sources);
    }
    const about: Subject[] =
      only && indexes.length === 1
        ? [{ kind: "place", province: p.id, entry: indexes[0] as number }]
        : [{ kind: "province", id: p.id }];
    return this.piece(lines.join("\n"), sources, about);
  }

  /** "Papua is one of the first targets of the follow-up programme (…)". */
  cohortMembership(lang: Lang, p: Province, c: Cohort): string {
    const members = (c.members ?? []).map((id) => this.province(id)?.name[lang] ?? id);
    const key = c.members?.includes(p.id) ? "answer.cohortMember" : "answer.notCohortMember";
    return this.t(lang, key, {
      province: p.name[lang],
      cohort: c.name[lang],
      members: joinList(lang, members),
      total: this.number(lang, members.length),
    });
  }

  /** Where a product is developed. */
  productCard(lang: Lang, id: string): Piece | undefined {
    const lines: string[] = [];
    const sources: string[] = [];
    const about: Subject[] = [];
    for (const p of this.k.provinces) {
      p.entries.forEach((e, entry) => {
        if (e.product !== id) return;
        lines.push(
          this.t(lang, "answer.product", {
            product: capitalise(this.productName(lang, id)),
            province: p.name[lang],
            place: this.placeName(lang, e),
            label: this.cohortLabel(lang, e.cohort),
          }),
        );
        if (e.note) {
          lines.push(e.note.text[lang]);
          sources.push(...e.note.sources);
        }
        sources.push(...this.entrySources(e));
        about.push({ kind: "place", province: p.id, entry });
      });
    }
    return lines.length ? this.piece(lines.join("\n"), sources, about) : undefined;
  }

  /** Every entry of the programme, or of one group, a line each. */
  listCard(lang: Lang, cohortId?: string): Piece | undefined {
    const cohort = cohortId ? this.cohort(cohortId) : undefined;
    if (cohortId && !cohort) return undefined;
    const rows: string[] = [];
    const sources: string[] = [];
    const provinces = new Set<string>();
    for (const p of this.inOrder(cohort)) {
      const inCohort = (e: ProvinceEntry) =>
        !cohort ||
        (cohort.members
          ? cohort.members.includes(p.id) && e.cohort === cohort.chosen_from
          : e.cohort === cohort.id);
      for (const e of p.entries.filter(inCohort)) {
        const line = this.t(lang, "answer.listLine", {
          province: p.name[lang],
          product: this.productName(lang, e.product),
          place: this.placeName(lang, e),
        });
        rows.push(`• ${line}${cohort ? "" : ` (${this.cohortLabel(lang, e.cohort)})`}`);
        sources.push(...this.entrySources(e));
        provinces.add(p.id);
      }
    }
    if (!rows.length) return undefined;
    const count = this.number(lang, provinces.size);
    const intro = cohort
      ? this.t(lang, "answer.listCohort", { cohort: capitalise(cohort.name[lang]), total: count })
      : this.t(lang, "answer.listAll", { total: count });
    const lines = [intro, ...rows];
    // The whole programme's list says how its groups add up ("lima provinsi sejak 2013 …").
    if (!cohort) {
      const groups = this.groupCounts(lang);
      lines.push(groups.text);
      sources.push(...groups.sources);
    }
    // A group the sources date from start to end says so ("… is dated 2013–2016").
    const period = cohort && this.periodCard(lang, cohort);
    if (period) {
      lines.push(period.text);
      sources.push(...period.sources);
    }
    if (cohort?.chosen_from) {
      const from = this.cohort(cohort.chosen_from);
      if (from) lines.push(this.t(lang, "answer.chosenFrom", { cohort: from.name[lang] }));
    }
    if (cohort) sources.push(...cohort.sources);
    const about: Subject[] = cohort ? [{ kind: "cohort", id: cohort.id }] : [{ kind: "list" }];
    const items = [...provinces].map((id): Subject => ({ kind: "province", id }));
    return { ...this.piece(lines.join("\n"), sources, about), items };
  }

  /**
   * "Per kelompok: tahap pertama (sejak 2013): lima provinsi; …": how many provinces each group the
   * sources name has (groups chosen from another are within it), with the groups' sources.
   */
  groupCounts(lang: Lang): { text: string; sources: string[] } {
    const groups = this.k.cohorts.filter((c) => !c.chosen_from);
    const counts = groups.map((c) =>
      this.t(lang, "answer.groupCount", {
        cohort: c.name[lang],
        total: this.number(lang, this.cohortProvinces(c.id).length),
      }),
    );
    // East Java is in both groups: that is why their counts add up to more than the whole.
    const both = this.inSeveralGroups();
    const names = joinList(
      lang,
      both.map((p) => p.name[lang]),
    );
    return {
      text: this.t(lang, "answer.groupCounts", {
        groups: counts.join("; "),
        both: both.length ? this.t(lang, "answer.groupsBoth", { names }) : "",
      }),
      sources: groups.flatMap((c) => c.sources),
    };
  }

  /** "Which province is in both groups?": the provinces with entries in more than one. */
  severalGroupsCard(lang: Lang): Piece | undefined {
    const provinces = this.inSeveralGroups();
    const cards = provinces.map((p) => this.provinceCard(lang, p));
    if (!cards.length) return undefined;
    const about = provinces.map((p): Subject => ({ kind: "province", id: p.id }));
    return this.piece(
      cards.map((c) => c.text).join("\n\n"),
      cards.flatMap((c) => c.sources),
      about,
    );
  }

  /** The provinces whose entries are in more than one group. */
  private inSeveralGroups(): Province[] {
    return this.k.provinces.filter((p) => new Set(p.entries.map((e) => e.cohort)).size > 1);
  }

  /** The provinces in the order the sources list a group's (its members', or the file's order). */
  private inOrder(cohort: Cohort | undefined): Province[] {
    const order = cohort?.order ?? cohort?.members;
    if (!order) return this.k.provinces;
    const rank = (p: Province) => (order.includes(p.id) ? order.indexOf(p.id) : order.length);
    return [...this.k.provinces].sort((a, b) => rank(a) - rank(b));
  }

  /** The provinces of a group, or of the whole programme. */
  cohortProvinces(cohortId?: string): Province[] {
    return provincesOf(this.k, cohortId);
  }

  /** "The first phase (since 2013) is dated 2013–2016.", where the sources date a group so. */
  periodCard(lang: Lang, c: Cohort): Piece | undefined {
    if (!c.period) return undefined;
    const text = this.t(lang, "answer.cohortPeriod", { cohort: c.name[lang], period: c.period.text[lang] });
    return this.piece(capitalise(text), c.period.sources, [{ kind: "cohort", id: c.id }]);
  }

  /** The name a subject goes by in a sentence: "Kota Mojokerto", "the programme". */
  nameOf(lang: Lang, s: Subject): string {
    const k = this.k;
    switch (s.kind) {
      case "topic":
      case "list":
        return this.text(lang, "answer.programme");
      case "criteria":
        return this.text(lang, "answer.selection");
      case "term":
        return k.glossary.find((g) => g.id === s.id)?.term ?? s.id;
      case "cohort":
        return this.cohort(s.id)?.name[lang] ?? s.id;
      case "criterion":
        return k.selection.criteria.find((c) => c.id === s.id)?.name[lang] ?? s.id;
      case "province":
        return this.province(s.id)?.name[lang] ?? s.id;
      case "place": {
        const e = this.province(s.province)?.entries[s.entry];
        return e ? (lang === "en" ? e.place.en : e.place.name) : s.province;
      }
      case "product":
        return this.productName(lang, s.id);
      case "person":
        return k.people.find((p) => p.id === s.id)?.name ?? s.id;
      case "org":
        return k.organisations.find((o) => o.id === s.id)?.name ?? s.id;
      case "source":
        return k.sources[s.id]?.publisher ?? s.id;
      case "officials":
        return this.text(lang, "answer.suggestion.officials");
      case "area":
        return shownAs(this.areas.byCode.get(s.code)?.name ?? s.code, s.asked);
      case "island":
        return shownAs(k.regions.islands[s.index]?.name[lang] ?? String(s.index), s.asked);
    }
  }

  /** "Sumber: Bisnis.com (25 Desember 2017); JICA … (Juni 2016)". */
  sourceLine(lang: Lang, keys: readonly string[]): string {
    return this.memo(`s:${lang}:${keys.join(",")}`, () => {
      const cited = [...new Set(keys)].flatMap((key) => this.citation(lang, key) ?? []);
      return cited.length ? this.t(lang, "answer.source", { sources: cited.join("; ") }) : "";
    });
  }

  /** "Bisnis.com (25 Desember 2017)": one source as an answer cites it. */
  citation(lang: Lang, key: string): string | undefined {
    const s = this.k.sources[key];
    return s && `${s.publisher} (${formatDate(lang, s.date)})`;
  }

  /** "Kementerian Perindustrian (https://kemenperin.go.id), JICA (…)": where to ask next. */
  nextSteps(lang: Lang): string {
    return this.memo(`n:${lang}`, () =>
      this.t(lang, "answer.nextSteps", { channels: this.channelList(lang) }),
    );
  }

  /** "Kementerian Perindustrian (https://kemenperin.go.id) dan JICA (https://www.jica.go.jp)". */
  channelList(lang: Lang): string {
    return joinList(
      lang,
      this.k.channels.map((c) => `${c.name[lang]} (${c.url})`),
    );
  }

  /** The label of a suggestion button for a subject. */
  label(lang: Lang, s: Subject): string {
    return this.memo(`l:${lang}:${subjectRef(s)}`, () => {
      const name = this.nameOf(lang, s);
      switch (s.kind) {
        case "topic":
          return this.t(lang, `answer.suggestion.topic.${s.id}`);
        case "place":
        case "area":
        case "island":
          return name;
        default:
          return this.t(lang, `answer.suggestion.${s.kind}`, { name: capitalise(name) });
      }
    });
  }
}

/** "Nusa Tenggara Timur" asked as "flores" reads "Flores (Nusa Tenggara Timur)". */
export function shownAs(name: string, asked: string | undefined): string {
  if (!asked || fold(name).includes(fold(asked))) return name;
  // A short word alone is an abbreviation ("ntt": "NTT"); beside others it is a word ("Kab Bogor").
  const title = /^\p{L}{1,3}$/u.test(asked)
    ? asked.toUpperCase()
    : asked.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return `${title} (${name})`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
