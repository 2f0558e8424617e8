/**
 * Who an announcement goes to, and in which language each group reads it. Pure.
 */
import { fold } from "../answer/normalise.ts";
import type { Translate } from "../i18n/index.ts";
import type { Province } from "../knowledge/schema.ts";
import { isLang, type Lang } from "../lang.ts";

/** All subscribed groups, those tied to some provinces, or those of one language. */
export type Audience =
  | { kind: "all" }
  | { kind: "provinces"; provinces: readonly string[] }
  | { kind: "lang"; lang: Lang };

/** An announcement's texts, as Telegram HTML: at least one of the two. */
export type Texts = Partial<Record<Lang, string>>;

/** A subscribed group as the audience sees it. */
export interface Subscriber {
  chatId: number;
  title?: string | undefined;
  /** The group's language setting, or `undefined` when it has none. */
  language: Lang | undefined;
  /** Whether its admins chose the language (false: the subscribing admin's, or none). */
  languageChosen?: boolean | undefined;
  provinces: string[];
}

/** The language a group reads: its setting, Indonesian when it has none. */
export function groupLang(language: Lang | undefined): Lang {
  return language ?? "id";
}

/** Whether `group` is in `audience`. */
export function inAudience(audience: Audience, group: Subscriber): boolean {
  switch (audience.kind) {
    case "all":
      return true;
    case "provinces":
      return group.provinces.some((p) => audience.provinces.includes(p));
    case "lang":
      return groupLang(group.language) === audience.lang;
  }
}

/** The version a group gets: the one in its language, else the only one there is. */
export function textLang(texts: Texts, language: Lang | undefined): Lang {
  const wanted = groupLang(language);
  if (texts[wanted] !== undefined) return wanted;
  return wanted === "id" ? "en" : "id";
}

/** Reads an audience stored as JSON; `undefined` when it is not one. */
export function parseAudience(json: string): Audience | undefined {
  try {
    const value = JSON.parse(json) as { kind?: unknown; provinces?: unknown; lang?: unknown };
    if (value.kind === "all") return { kind: "all" };
    if (value.kind === "lang" && isLang(value.lang)) return { kind: "lang", lang: value.lang };
    if (value.kind === "provinces" && Array.isArray(value.provinces))
      return { kind: "provinces", provinces: value.provinces.map(String) };
  } catch {
    // fall through
  }
  return undefined;
}

/** How an audience reads in a sentence: "all subscribed groups", "groups of Papua". */
export function describeAudience(
  t: Translate,
  lang: Lang,
  audience: Audience,
  provinces: readonly Province[],
): string {
  switch (audience.kind) {
    case "all":
      return t(lang, "announce.audience.all");
    case "lang":
      return t(lang, "announce.audience.lang", { lang: t(lang, `announce.langNames.${audience.lang}`) });
    case "provinces": {
      const names = audience.provinces.map((id) => provinces.find((p) => p.id === id)?.name[lang] ?? id);
      return t(lang, "announce.audience.provinces", { names: names.join(", ") });
    }
  }
}

/** The result of reading province names typed after `/province`. */
interface ProvinceMatch {
  /** Programme province ids found, in the order typed, without repeats. */
  ids: string[];
  /** Parts that name no programme province. */
  unknown: string[];
}

/**
 * Finds the programme provinces named in `input` ("Papua, Jawa Timur", "sulsel dan jatim"): each
 * part is compared, folded, with the province's names, id and terms.
 */
export function matchProvinces(input: string, provinces: readonly Province[]): ProvinceMatch {
  const names = new Map<string, string>();
  for (const p of provinces) {
    for (const name of [p.id, p.name.id, p.name.en, ...p.terms]) {
      const key = fold(name);
      if (key) names.set(key, p.id);
      if (key) names.set(`provinsi ${key}`, p.id);
      if (key) names.set(`${key} province`, p.id);
    }
  }
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const part of input.split(/[,;\n]|\s+(?:dan|and|&)\s+/i)) {
    const key = fold(part);
    if (!key) continue;
    const id = names.get(key);
    if (id === undefined) unknown.push(part.trim());
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}
