/**
 * Answers about regions of Indonesia: whether one is part of the programme (by its official
 * code), several outside it at once, and the programme's provinces on an island.
 */

import type { ProvinceEntry } from "../knowledge/schema.ts";
import type { Lang } from "../lang.ts";
import { joinList } from "./lists.ts";
import { isOutside, type Membership, membershipOf } from "./membership.ts";
import { fold } from "./normalise.ts";
import type { Subject } from "./subject.ts";
import { type AnswerWriter, type Piece, shownAs } from "./writer.ts";

/** The most regions named in one sentence; more are counted. */
const MAX_NAMED = 10;
/** The most islands a reply about regions outside the programme points to the programme on. */
const MAX_ISLAND_LINES = 3;

/** A region by its code: in the programme, holding a programme place, or outside it. */
export function membershipCard(w: AnswerWriter, lang: Lang, code: string, asked?: string): Piece | undefined {
  const m = membershipOf(code, w.k, w.areas);
  return m && writeMembership(w, lang, m, asked);
}

function writeMembership(w: AnswerWriter, lang: Lang, m: Membership, asked?: string): Piece {
  const named = (name: string) => shownAs(name, asked);
  switch (m.status) {
    case "province": {
      const card = w.provinceCard(lang, m.province);
      const yes = w.t(lang, "answer.yesProvince", { province: m.province.name[lang] });
      return { ...card, text: `${yes}\n${card.text}` };
    }
    case "place": {
      const card = w.provinceCard(lang, m.province, [m.entry]);
      const e = m.province.entries[m.entry] as ProvinceEntry;
      const yes = w.t(lang, "answer.yesPlace", {
        place: w.placeName(lang, e),
        province: m.province.name[lang],
      });
      return { ...card, text: `${yes}\n${card.text}` };
    }
    case "holds": {
      const card = w.provinceCard(lang, m.province, [m.entry]);
      const e = m.province.entries[m.entry] as ProvinceEntry;
      const lead = w.t(lang, "answer.holds", {
        area: named(m.area.name),
        place: w.placeName(lang, e),
        province: m.province.name[lang],
        year: w.cohort(e.cohort)?.year ?? "",
      });
      return { ...card, text: `${lead}\n${card.text}` };
    }
    case "surroundings": {
      const e = m.province.entries[m.entry] as ProvinceEntry;
      const text = w.t(lang, "answer.surroundingsUnknown", {
        place: lang === "en" ? e.place.en : e.place.name,
        area: named(m.area.name),
      });
      return w.piece(text, e.place.sources, [{ kind: "area", code: m.area.code }], "fallback");
    }
    case "unnamed": {
      const places = m.province.entries.map(
        (e) => `${w.placeName(lang, e)} (${w.productName(lang, e.product)})`,
      );
      const text = w.t(lang, "answer.unnamed", {
        area: named(m.area.name),
        province: m.province.name[lang],
        places: joinList(lang, places),
      });
      const sources = m.province.entries.flatMap((e) => w.entrySources(e));
      return w.piece(text, sources, [{ kind: "area", code: m.area.code }], "not_in_programme");
    }
    case "outside":
      return outsideCard(w, lang, [
        { subject: { kind: "area", code: m.area.code }, name: named(m.area.name) },
      ]);
  }
}

/** A region outside the programme, or an island with none of its provinces, as the reply names it. */
export interface Outside {
  subject: Subject;
  name: string;
}

/** "Aceh, Bali and Jambi are not part of the programme …": regions outside it, in one sentence. */
export function outsideCard(w: AnswerWriter, lang: Lang, regions: Outside[]): Piece {
  const names = withProvinceOnce(
    lang,
    regions.slice(0, MAX_NAMED).map((r) => r.name),
  );
  if (regions.length > MAX_NAMED)
    names.push(w.t(lang, "answer.andOthers", { total: regions.length - MAX_NAMED }));
  const text = w.t(lang, regions.length > 1 ? "answer.outsideMany" : "answer.outside", {
    area: joinList(lang, names),
    provinces: joinList(
      lang,
      w.k.provinces.map((p) => p.name[lang]),
    ),
  });
  const sources = w.k.provinces.flatMap((p) => p.entries.flatMap((e) => e.sources));
  const about = regions.map((r) => r.subject);
  // Where the programme works on each one's island, once an island ("Aceh dan Bali": Sumatra's;
  // "Gorontalo" the province and the regency share one line).
  const islands = new Map<string, { text: string; sources: string[] }>();
  for (const r of regions) {
    const near = r.subject.kind === "area" ? sameIsland(w, lang, r.subject.code) : undefined;
    if (near && islands.size < MAX_ISLAND_LINES) islands.set(near.text, near);
  }
  const lines = [...islands.values()];
  return w.piece(
    [text, ...lines.map((l) => l.text)].join("\n"),
    [...sources, ...lines.flatMap((l) => l.sources)],
    about,
    "not_in_programme",
  );
}

/**
 * "Lombok (Nusa Tenggara Barat) dan Sumbawa (Nusa Tenggara Barat)" → "Lombok dan Sumbawa (Nusa
 * Tenggara Barat)": names that all end with the same province in brackets say it once.
 */
function withProvinceOnce(lang: Lang, names: string[]): string[] {
  const bracketed = names.map((name) => /\s\(([^()]+)\)$/.exec(name));
  const province = bracketed[0]?.[1];
  if (names.length < 2 || bracketed.some((m) => m?.[1] === undefined || m[1] !== province)) return names;
  const bare = names.map((name, i) => name.slice(0, bracketed[i]?.index));
  return [`${joinList(lang, bare)} (${province})`];
}

/**
 * "Kaltara ikut?": where the programme works on the island of a region outside it ("On
 * Kalimantan, the programme works in Pontianak City, West Kalimantan …"): the asker's next step.
 */
function sameIsland(
  w: AnswerWriter,
  lang: Lang,
  code: string,
): { text: string; sources: string[] } | undefined {
  const province = code.slice(0, 2);
  const island = w.k.regions.islands.find(
    (i) => i.provinces.includes(province) && w.k.provinces.some((p) => i.provinces.includes(p.area)),
  );
  if (!island) return undefined;
  const entries = w.k.provinces
    .filter((p) => island.provinces.includes(p.area))
    .flatMap((p) => p.entries.map((e) => ({ province: p, entry: e })));
  // (The product may hold brackets of its own: "produk agro (cokelat/kakao dan rotan)".)
  const places = entries.map(({ province, entry }) =>
    w.t(lang, "answer.sameIslandPlace", {
      place: w.placeName(lang, entry),
      province: province.name[lang],
      product: w.productName(lang, entry.product),
    }),
  );
  return {
    text: w.t(lang, "answer.sameIsland", { island: island.name[lang], places: joinList(lang, places) }),
    sources: entries.flatMap(({ entry }) => w.entrySources(entry)),
  };
}

/** The programme's provinces on an island, or that it has none there. */
export function islandCard(
  w: AnswerWriter,
  lang: Lang,
  index: number,
  only = false,
  asked?: string,
): Piece | undefined {
  const found = w.k.regions.islands[index];
  if (!found) return undefined;
  const here = w.k.provinces.filter((p) => found.provinces.includes(p.area));
  const name = islandName(w, lang, index, asked);
  if (!here.length) {
    const text = w.t(lang, "answer.islandNone", {
      island: name,
      provinces: joinList(
        lang,
        w.k.provinces.map((p) => p.name[lang]),
      ),
    });
    const sources = w.k.provinces.flatMap((p) => p.entries.flatMap((e) => e.sources));
    return w.piece(text, sources, [{ kind: "island", index }], "not_in_programme");
  }
  const lead = w.t(lang, "answer.island", {
    island: name,
    provinces: joinList(
      lang,
      here.map((p) => p.name[lang]),
    ),
  });
  const about: Subject[] = [
    { kind: "island", index },
    ...here.map((p): Subject => ({ kind: "province", id: p.id })),
  ];
  // "Only on Java?": no, and the whole list says where else.
  const all = only && here.length < w.k.provinces.length ? w.listCard(lang) : undefined;
  if (all) {
    const no = w.t(lang, "answer.notOnly", {
      island: name,
      total: w.number(lang, w.k.provinces.length),
    });
    return w.piece([no, lead, all.text].join("\n"), all.sources, about);
  }
  const cards = here.map((p) => w.provinceCard(lang, p));
  return w.piece(
    [lead, ...cards.map((c) => c.text)].join("\n"),
    cards.flatMap((c) => c.sources),
    about,
  );
}

/**
 * An island as a reply names it: the way the question named it when that differs ("Batam (the
 * Riau Islands)"), and with its province when it has only one: "Flores (Nusa Tenggara Timur)".
 */
function islandName(w: AnswerWriter, lang: Lang, index: number, asked: string | undefined): string {
  const found = w.k.regions.islands[index];
  if (!found) return "";
  const [sole] = found.provinces;
  const province = found.provinces.length === 1 && sole ? w.areas.byCode.get(sole)?.name : undefined;
  const name = found.name[lang];
  const asAsked = shownAs(name, asked);
  const same = !province || asAsked.includes("(") || fold(province).includes(fold(name));
  return same ? asAsked : `${asAsked} (${province})`;
}

/** The subjects, with two or more regions outside the programme gathered into one answer. */
export function outsideTogether(
  w: AnswerWriter,
  subjects: Subject[],
  lang: Lang,
): Array<Subject | Outside[]> {
  // ("Bali dan Lombok ikut?": islands with none of its provinces are outside it too.)
  const outside = subjects.flatMap((s): Outside[] => {
    if (s.kind === "area" && isOutside(s.code, w.k, w.areas))
      return [{ subject: s, name: w.nameOf(lang, s) }];
    const island = s.kind === "island" ? w.k.regions.islands[s.index] : undefined;
    if (s.kind !== "island" || !island || w.k.provinces.some((p) => island.provinces.includes(p.area)))
      return [];
    return [{ subject: s, name: islandName(w, lang, s.index, s.asked) }];
  });
  // ("Nusa Tenggara Barat, misalnya Lombok?": an island of a province named outside is left to it.)
  const named = new Set(outside.flatMap((o) => (o.subject.kind === "area" ? [o.subject.code] : [])));
  const said = (s: Subject) =>
    s.kind === "island" && (w.k.regions.islands[s.index]?.provinces.every((p) => named.has(p)) ?? false);
  const grouped = outside.filter((o) => !said(o.subject));
  const kept = subjects.filter((s) => !said(s));
  if (grouped.length < 2) return kept;
  return [grouped, ...kept.filter((s) => !grouped.some((o) => o.subject === s))];
}

/**
 * "Pangururan ada di Kabupaten Samosir.": where each district (name, regency code) lies, said
 * before the first piece about its regency; `first`, the lines of those no piece is about, to open the reply.
 */
export function withDistricts(
  w: AnswerWriter,
  districts: Iterable<[string, string]>,
  lang: Lang,
  pieces: Piece[],
): { pieces: Piece[]; first: string | undefined } {
  const lines = new Map<number, string[]>();
  for (const [district, code] of districts) {
    const regency = w.areas.byCode.get(code)?.name;
    if (!regency) continue;
    const at = pieces.findIndex((p) => p.about.some((s) => inRegency(w, s, code)));
    lines.set(at, [...(lines.get(at) ?? []), w.t(lang, "answer.district", { district, regency })]);
  }
  const placed = pieces.map((p, i) => {
    const before = lines.get(i);
    return before ? { ...p, text: `${before.join(" ")}\n${p.text}` } : p;
  });
  return { pieces: placed, first: lines.get(-1)?.join(" ") };
}

/** Whether a subject is the regency of `code`, a programme place in it, or the province holding it. */
function inRegency(w: AnswerWriter, s: Subject, code: string): boolean {
  if (s.kind === "area") return s.code === code;
  const province = w.province(s.kind === "place" ? s.province : s.kind === "province" ? s.id : "");
  if (s.kind === "place") return province?.entries[s.entry]?.place.area === code;
  return province !== undefined && code.startsWith(`${province.area}.`);
}
