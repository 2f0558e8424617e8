import type { Translate } from "../i18n";
import type { Areas } from "../knowledge/areas";
import type { Knowledge } from "../knowledge/load";
import type { Province, ProvinceEntry } from "../knowledge/schema";
import type { Lang } from "../lang";
import { fold } from "./normalise";
import { type Subject, subjectRef } from "./subject";

/** The text of an answer about one subject, and the sources it rests on. */
export interface Composed {
  text: string;
  sources: string[];
  notInProgramme?: boolean;
}

const MONTHS: Record<Lang, string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** Writes answers from the knowledge, in either language. Pure: no Telegram, no I/O. */
export class Composer {
  constructor(
    private readonly k: Knowledge,
    private readonly areas: Areas,
    private readonly t: Translate,
  ) {}

  province(id: string): Province | undefined {
    return this.k.provinces.find((p) => p.id === id);
  }

  /** "2017 (phase 2)": how an entry's phase reads. */
  private phase(lang: Lang, e: ProvinceEntry): string {
    return this.t(lang, `answer.phase.${e.phase}`, { year: e.year, defaultValue: String(e.year) });
  }

  private productName(lang: Lang, id: string): string {
    return this.k.products.find((p) => p.id === id)?.name[lang] ?? id;
  }

  private place(lang: Lang, e: ProvinceEntry): string {
    return lang === "en" ? e.place.en : e.place.name;
  }

  private entryLine(lang: Lang, e: ProvinceEntry): string {
    return this.t(lang, "answer.entry", {
      product: this.productName(lang, e.product),
      place: this.place(lang, e),
      phase: this.phase(lang, e),
    });
  }

  private entrySources(e: ProvinceEntry): string[] {
    return [...e.sources, ...e.place.sources];
  }

  private provinceAnswer(lang: Lang, p: Province, only?: number[]): Composed {
    const entries = p.entries.filter((_, i) => !only || only.includes(i));
    const name = p.name[lang];
    const lines: string[] = [];
    if (entries.length === 1) {
      lines.push(
        this.t(lang, "answer.province", {
          province: name,
          entry: this.entryLine(lang, entries[0] as ProvinceEntry),
        }),
      );
    } else {
      lines.push(this.t(lang, "answer.provinceMany", { province: name, count: entries.length }));
      for (const e of entries) lines.push(`• ${this.entryLine(lang, e)}`);
    }
    for (const e of entries) if (e.note) lines.push(e.note[lang]);
    const sources = entries.flatMap((e) => this.entrySources(e));
    if (p.follow_up_target) {
      lines.push(this.t(lang, "answer.followUpTarget", { province: name }));
      sources.push(...(this.k.topics.find((t) => t.id === "follow-up")?.sources ?? []));
    }
    return { text: lines.join("\n"), sources };
  }

  private listAnswer(lang: Lang, phase?: number): Composed {
    const rows: string[] = [];
    const sources: string[] = [];
    for (const p of this.k.provinces) {
      p.entries.forEach((e) => {
        if (phase && e.phase !== phase) return;
        rows.push(
          `• ${this.t(lang, "answer.listLine", { province: p.name[lang], product: this.productName(lang, e.product), place: this.place(lang, e) })}${phase ? "" : ` (${e.year})`}`,
        );
        sources.push(...this.entrySources(e));
      });
    }
    const count = new Set(this.k.provinces.filter((p) => p.entries.some((e) => !phase || e.phase === phase)))
      .size;
    const intro =
      phase === 1 || phase === 2
        ? this.t(lang, `answer.listPhase${phase}`)
        : this.t(lang, "answer.listAll", { count });
    return { text: [intro, ...rows].join("\n"), sources };
  }

  private notInProgramme(lang: Lang, code: string, asked?: string): Composed | undefined {
    const found = this.areas.byCode.get(code);
    if (!found) return undefined;
    // Named the way the question named it when that differs: "Flores (Nusa Tenggara Timur)".
    const area = { ...found, name: shownAs(found.name, asked) };
    const provinceCode = area.provinceCode ?? area.code;
    // A region that now holds a programme place (Dogiyai lies in Papua Tengah since 2022).
    for (const p of this.k.provinces) {
      const i = p.entries.findIndex(
        (e) => e.place.area === code || e.place.area.startsWith(`${provinceCode}.`),
      );
      const e = p.entries[i];
      if (e && area.kind === "province" && p.area !== provinceCode) {
        const answer = this.provinceAnswer(lang, p, [i]);
        const lead = this.t(lang, "answer.areaHoldsPlace", { area: area.name, place: this.place(lang, e) });
        return { text: `${lead}\n${answer.text}`, sources: answer.sources };
      }
    }
    const sources = ["bisnis-2017"].filter((s) => s in this.k.sources);
    const home = this.k.provinces.find((p) => p.area === provinceCode);
    if (area.kind === "regency" && home) {
      const places = home.entries.map((e) => `${this.place(lang, e)} (${this.productName(lang, e.product)})`);
      return {
        text: this.t(lang, "answer.regencyNotInProgramme", {
          area: area.name,
          province: home.name[lang],
          places: joinList(lang, places),
        }),
        sources,
        notInProgramme: true,
      };
    }
    const provinces = joinList(
      lang,
      this.k.provinces.map((p) => p.name[lang]),
    );
    return {
      text: this.t(lang, "answer.notInProgramme", { area: area.name, provinces }),
      sources,
      notInProgramme: true,
    };
  }

  /** The answer about one subject, or `undefined` when the knowledge no longer holds it. */
  compose(lang: Lang, s: Subject): Composed | undefined {
    const asked = s.kind === "area" && s.asked ? `:${s.asked}` : "";
    return this.memo(`c:${lang}:${subjectRef(s)}${asked}`, () => this.write(lang, s));
  }

  // The knowledge never changes under a Composer (a reload builds a new engine), so every text
  // is written once: i18next's lookups cost far more than the matching itself.
  private readonly cache = new Map<string, unknown>();
  private memo<T>(key: string, make: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = make();
    this.cache.set(key, value);
    return value;
  }

  /** A fixed text of the answer catalogue (small talk, fallback), looked up once. */
  text(lang: Lang, key: string): string {
    return this.memo(`t:${lang}:${key}`, () => this.t(lang, key));
  }

  private write(lang: Lang, s: Subject): Composed | undefined {
    const k = this.k;
    switch (s.kind) {
      case "province": {
        const p = this.province(s.id);
        return p && this.provinceAnswer(lang, p);
      }
      case "place": {
        const p = this.province(s.province);
        const e = p?.entries[s.entry];
        if (!p || !e) return undefined;
        const answer = this.provinceAnswer(lang, p, [s.entry]);
        return answer;
      }
      case "product": {
        const product = k.products.find((x) => x.id === s.id);
        if (!product) return undefined;
        const lines: string[] = [];
        const sources: string[] = [];
        for (const p of k.provinces) {
          for (const e of p.entries) {
            if (e.product !== s.id) continue;
            lines.push(
              this.t(lang, "answer.product", {
                product: capitalise(product.name[lang]),
                province: p.name[lang],
                place: this.place(lang, e),
                phase: this.phase(lang, e),
              }),
            );
            if (e.note) lines.push(e.note[lang]);
            sources.push(...this.entrySources(e));
          }
        }
        return lines.length ? { text: lines.join("\n"), sources } : undefined;
      }
      case "criteria": {
        const lines = [this.t(lang, "answer.criteriaIntro")];
        k.criteria.forEach((c, i) => {
          lines.push(
            `${i + 1}. ${this.t(lang, "answer.criterion", { name: c.name[lang], meaning: c.meaning[lang] })}`,
          );
        });
        return { text: lines.join("\n"), sources: k.criteria.flatMap((c) => c.sources) };
      }
      case "criterion": {
        const c = k.criteria.find((x) => x.id === s.id);
        return (
          c && {
            text: this.t(lang, "answer.criterion", {
              name: c.name[lang],
              meaning: capitalise(c.meaning[lang]),
            }),
            sources: c.sources,
          }
        );
      }
      case "person": {
        const p = k.people.find((x) => x.id === s.id);
        return (
          p && {
            text: this.t(lang, "answer.person", { name: p.name, role: p.role[lang], about: p.about[lang] }),
            sources: p.sources,
          }
        );
      }
      case "org": {
        const o = k.organisations.find((x) => x.id === s.id);
        return (
          o && {
            text: this.t(lang, "answer.organisation", { name: o.name, about: o.about[lang] }),
            sources: o.sources,
          }
        );
      }
      case "officials": {
        const lines = [this.t(lang, "answer.officialsIntro")];
        for (const p of k.people.filter((x) => x.official)) lines.push(`• ${p.name} — ${p.role[lang]}`);
        for (const o of k.organisations) lines.push(`• ${o.name}: ${o.about[lang]}`);
        return {
          text: lines.join("\n"),
          sources: [...k.people, ...k.organisations].flatMap((x) => x.sources),
        };
      }
      case "topic": {
        const t = k.topics.find((x) => x.id === s.id);
        return t && { text: t.answer[lang], sources: t.sources };
      }
      case "list": {
        const list = this.listAnswer(lang, s.phase);
        // A phase the programme does not have (a forged "l9" button) has nothing to list.
        return list.sources.length ? list : undefined;
      }
      case "area":
        return this.notInProgramme(lang, s.code, s.asked);
    }
  }

  /** "Sumber: Bisnis.com (25 Desember 2017); JICA … (Juni 2016)". */
  sourceLine(lang: Lang, keys: string[]): string {
    return this.memo(`s:${lang}:${keys.join(",")}`, () => this.writeSourceLine(lang, keys));
  }

  private writeSourceLine(lang: Lang, keys: string[]): string {
    const unique = [...new Set(keys)].filter((key) => key in this.k.sources);
    if (!unique.length) return "";
    const cited = unique.map((key) => {
      const s = this.k.sources[key];
      return s ? `${s.publisher} (${formatDate(lang, s.date)})` : key;
    });
    return this.t(lang, "answer.source", { sources: cited.join("; ") });
  }

  /** The label of a suggestion button for a subject. */
  label(lang: Lang, s: Subject): string {
    return this.memo(`l:${lang}:${subjectRef(s)}`, () => this.writeLabel(lang, s));
  }

  private writeLabel(lang: Lang, s: Subject): string {
    const k = this.k;
    switch (s.kind) {
      case "province":
        return this.t(lang, "answer.suggestion.province", { name: this.province(s.id)?.name[lang] ?? s.id });
      case "place": {
        const e = this.province(s.province)?.entries[s.entry];
        return e ? this.place(lang, e) : s.province;
      }
      case "product":
        return this.t(lang, "answer.suggestion.product", {
          name: k.products.find((p) => p.id === s.id)?.name[lang] ?? s.id,
        });
      case "criteria":
        return this.t(lang, "answer.suggestion.criteria");
      case "criterion":
        return k.criteria.find((c) => c.id === s.id)?.name[lang] ?? s.id;
      case "person":
        return this.t(lang, "answer.suggestion.person", {
          name: k.people.find((p) => p.id === s.id)?.name ?? s.id,
        });
      case "org":
        return this.t(lang, "answer.suggestion.org", {
          name: k.organisations.find((o) => o.id === s.id)?.name ?? s.id,
        });
      case "topic":
        return this.t(lang, `answer.suggestion.topic.${s.id}`, { defaultValue: s.id });
      case "list":
        return s.phase
          ? this.t(lang, "answer.suggestion.listPhase", { phase: s.phase })
          : this.t(lang, "answer.suggestion.list");
      case "officials":
        return this.t(lang, "answer.suggestion.officials");
      case "area":
        return this.areas.byCode.get(s.code)?.name ?? s.code;
    }
  }
}

/** "Nusa Tenggara Timur" asked as "flores" reads "Flores (Nusa Tenggara Timur)". */
function shownAs(name: string, asked: string | undefined): string {
  if (!asked || fold(name).includes(fold(asked))) return name;
  const title = asked.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return `${title} (${name})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b dan c" / "a, b and c". */
export function joinList(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "id" ? " dan " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

/** "2017-12-25" → "25 Desember 2017"; "2016-06" → "Juni 2016". */
export function formatDate(lang: Lang, date: string): string {
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[lang][Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}
