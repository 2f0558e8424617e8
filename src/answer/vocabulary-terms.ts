/**
 * The phrases the knowledge file, the official list of regions and the world's countries give the
 * vocabulary: each name, term and word of the programme with what it names.
 */
import { type Areas, placeTerms } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { ProgrammeAttribute } from "../knowledge/schema.ts";
import type { Lang } from "../lang.ts";
import type { Concept } from "./concepts.ts";
import { countryNames } from "./countries.ts";
import { fold } from "./normalise.ts";
import { markLanguages, type WordLanguages } from "./word-languages.ts";

/** A phrase the matcher knows: what it names. */
export interface Phrase {
  concepts: Concept[];
  /** Set when the phrase belongs to one language only. */
  lang?: Lang | undefined;
}

/** What adding terms needs of the vocabulary being built. */
export interface Terms {
  add(text: string, concept: Concept, lang?: Lang): void;
  /** The text's words as the matcher reads them, joined: the key of its phrase. */
  key(text: string): string;
  phrase(key: string): Phrase | undefined;
  /** A district's name, as `key` gives it: read only as written, as a name (see `districts.ts`). */
  addDistrict(key: string, concept: Concept): void;
  /** Whether a word is a word of any phrase known so far. */
  knows(word: string): boolean;
  languages: WordLanguages;
  /** Each province's concept by its region code: the programme's provinces as such, the others as areas. */
  provinceConcepts: Map<string, Concept>;
}

/** The knowledge file's names and terms: the programme, its attributes, groups, provinces and places, products, people, organisations and sources. */
export function addKnowledge(terms: Terms, k: Knowledge): void {
  const byLang = (words: { id: string[]; en: string[] }, concept: Concept) => {
    for (const w of words.id) terms.add(w, concept, "id");
    for (const w of words.en) terms.add(w, concept, "en");
  };
  byLang(k.programme.terms, { type: "programme" });
  for (const [id, attribute] of Object.entries(k.programme)) {
    if (id !== "terms" && "terms" in attribute)
      byLang(attribute.terms, { type: "attribute", id: id as ProgrammeAttribute });
  }
  for (const g of k.glossary) byLang(g.terms, { type: "term", id: g.id });
  for (const c of k.cohorts) byLang(c.terms, { type: "cohort", id: c.id });
  byLang(k.selection.terms, { type: "selection" });
  for (const p of k.provinces) {
    // People also write two-word names the other way round: "sulawesi south".
    const reversed = [p.name.id, p.name.en].flatMap((n) => {
      const words = fold(n).split(" ");
      return words.length === 2 ? [`${words[1]} ${words[0]}`] : [];
    });
    for (const w of [p.name.id, p.name.en, ...p.terms, ...reversed])
      terms.add(w, { type: "province", id: p.id });
    p.entries.forEach((e, entry) => {
      const concept: Concept = { type: "place", province: p.id, entry };
      for (const w of placeTerms(e.place.name, e.place.en)) terms.add(w, concept);
      const note: Concept = { type: "note", province: p.id, entry };
      for (const lang of ["id", "en"] as const)
        for (const w of e.note?.terms[lang] ?? []) terms.add(w, note, lang);
    });
  }
  for (const p of k.products) {
    const concept: Concept = { type: "product", id: p.id };
    for (const w of [p.name.id, ...p.terms.id]) terms.add(w, concept, "id");
    for (const w of [p.name.en, ...p.terms.en]) terms.add(w, concept, "en");
  }
  for (const c of k.selection.criteria) {
    byLang(
      { id: [c.name.id, ...c.terms.id], en: [c.name.en, ...c.terms.en] },
      { type: "criterion", id: c.id },
    );
  }
  for (const p of k.people) {
    for (const w of [p.name, ...p.terms]) terms.add(w, { type: "person", id: p.id });
    for (const w of p.role_terms) terms.add(w, { type: "role", id: p.id });
  }
  for (const o of k.organisations)
    for (const w of [o.name, ...o.terms]) terms.add(w, { type: "org", id: o.id });
  for (const [id, s] of Object.entries(k.sources))
    for (const w of s.terms) terms.add(w, { type: "source", id });
  markLanguages(
    terms.languages,
    k,
    (text) => terms.key(text).split(" "),
    (word) => {
      // Text words only mark a language when the lexicon has not said otherwise.
      const phrase = terms.phrase(word);
      return (
        phrase !== undefined && phrase.lang === undefined && phrase.concepts.some((c) => c.type !== "cue")
      );
    },
  );
}

/** The islands, then every province and regency by its official and other names (a name taken already keeps its meaning). */
export function addAreas(terms: Terms, k: Knowledge, areas: Areas): void {
  // Islands first: "bangka" is an island here, not the regency of Bangka.
  k.regions.islands.forEach((island, index) => {
    for (const term of island.terms) addRegion(terms, term, { type: "island", index });
  });
  for (const area of areas.provinces)
    terms.provinceConcepts.set(area.code, { type: "area", code: area.code });
  for (const p of k.provinces) terms.provinceConcepts.set(p.area, { type: "province", id: p.id });
  for (const area of [...areas.provinces, ...areas.regencies]) {
    const names = [...area.terms, ...(k.regions.otherNames.get(area.code) ?? [])];
    for (const term of names) addRegion(terms, term, { type: "area", code: area.code });
  }
  // Last, apart from the phrases: a district's name is read only where the words are no phrase
  // (see `districts.ts`), and one made only of words already known ("Kota Tengah", "Kota Selatan")
  // is those words ("di kota mana?" after Sulteng).
  // Nor is a name read as a district that a village of a programme place also has: "Kebasen" may be
  // the district of Banyumas or the village of Kabupaten Tegal, and the programme is in one of them.
  const places = new Set(k.provinces.flatMap((p) => p.entries.map((e) => e.place.area)));
  for (const d of areas.districts) {
    const key = terms.key(d.name);
    if (key.split(" ").every(terms.knows)) continue;
    if (d.villagesElsewhere.some((code) => places.has(code))) continue;
    terms.addDistrict(key, { type: "area", code: d.regencyCode, district: d.name });
  }
}

/** Every other country, by its names in both languages ("Jerman", "South Korea"). */
export function addCountries(terms: Terms, k: Knowledge): void {
  for (const [code, names] of countryNames()) {
    if (k.programme.countries.includes(code)) continue;
    // "Korea, Republic of" is "Korea" in speech too.
    for (const name of names.flatMap((n) => (n.includes(", ") ? [n, n.split(", ")[0] as string] : [n]))) {
      const key = terms.key(name);
      // A name already known (a province, "Papua"; an island, "Timor") keeps its meaning.
      if (key.length >= 4 && terms.phrase(key) === undefined) terms.add(name, { type: "country", code });
    }
  }
}

function addRegion(terms: Terms, term: string, concept: Extract<Concept, { type: "area" | "island" }>): void {
  const key = terms.key(term);
  const existing = terms.phrase(key);
  // A programme name, an island or a common word wins over a region of the same name, and a
  // bare name shared by a regency and a city of one province ("malang") stands for one region.
  // Small talk shares it: "mks" is thanks alone, Makassar in a question.
  const taken = existing?.concepts.some(
    (c) =>
      c.type !== "smalltalk" &&
      (!(c.type === "area" && concept.type === "area") ||
        (c.code.includes(".") && sameProvinceRegency(c.code, concept.code))),
  );
  if (!taken) terms.add(term, concept);
}

const sameProvinceRegency = (a: string, b: string) => b.includes(".") && a.slice(0, 2) === b.slice(0, 2);
