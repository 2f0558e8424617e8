/**
 * The search behind inline queries (`@bot sulsel`): which programme entries a few typed words
 * point to. Pure, like the rest of `answer/`: no Telegram, no I/O after construction.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { AnswerEngine } from "./engine.ts";
import type { Cue } from "./lexicon.ts";
import { editDistance, fold } from "./normalise.ts";
import type { Token, Vocabulary } from "./vocabulary.ts";

/** One card of the results: a programme entry (Jawa Timur has two), or a region outside the programme. */
export type ProvinceHit = { kind: "entry"; province: string; entry: number } | { kind: "area"; code: string };

/**
 * How the hits were found: every entry (empty query), the vocabulary's names, products and places
 * (typos included), a region outside the programme, beginnings of words typed so far ("sula"),
 * or such beginnings misspelt ("sulwe").
 */
export type SearchMethod = "all" | "exact" | "area" | "prefix" | "fuzzy" | "none";

export interface ProvinceSearchResult {
  hits: ProvinceHit[];
  method: SearchMethod;
}

/** Telegram's limit on an inline query; longer text is cut. */
export const MAX_QUERY_CHARS = 256;
// Words read by the prefix and fuzzy searches: enough for "sulawesi selatan kota mak".
const MAX_SEARCH_WORDS = 6;
// A typo is forgiven in words of this many letters or more: "sulwe" yes, "kpo" no.
const MIN_MISSPELT = 4;
// How well a typed word matches a word of a name: whole, its beginning, its beginning misspelt.
const WHOLE = 2;
const BEGUN = 1;
const MISSPELT = 0.5;
// Cue words that ask about something other than provinces (criteria, officials, figures): the
// chat answers those, so the inline search offers the private chat instead of every province.
const SUBJECT_CUES: ReadonlySet<Cue> = new Set([
  "criteria",
  "officials",
  "quantity",
  "howto",
  "meaning",
  "who",
  "author",
]);

interface EntryDoc {
  province: string;
  entry: number;
  product: string;
  /** The group of provinces the entry belongs to ("first-phase"). */
  cohort: string;
  /** Every folded word of the entry's province, place and product names and terms, sorted. */
  words: string[];
}

/** What the words of a query name. */
interface Reading {
  /** Entries named by each phrase: a province, a place or a product. */
  groups: Array<Set<EntryDoc>>;
  /** Regions outside the programme, named exactly ("aceh") or through a corrected word. */
  areas: string[];
  guessedAreas: string[];
  /** Groups of provinces the query names, by a name, a year or "first"/"second". */
  cohorts: string[];
  /** Words that name nothing known: maybe a name being typed ("sula"). */
  words: string[];
  /** A question word last, which may be the start of a name ("maka" → Makassar). */
  trailing: string | undefined;
  /** Some word names another subject ("jica", "kriteria", "halo"). */
  other: boolean;
}

/** Finds programme entries for the words of an inline query. */
export class ProvinceSearch {
  private readonly vocabulary: Vocabulary;
  private readonly docs: EntryDoc[];
  /** Every word of every entry's names, once. */
  private readonly dictionary: string[];

  private readonly knowledge: Knowledge;
  /** Each programme province's official code, by id. */
  private readonly provinceArea: ReadonlyMap<string, string>;

  constructor(engine: AnswerEngine) {
    this.knowledge = engine.knowledge;
    this.provinceArea = new Map(engine.knowledge.provinces.map((p) => [p.id, p.area]));
    this.vocabulary = engine.vocabulary;
    this.docs = entryDocs(engine.knowledge);
    this.dictionary = [...new Set(this.docs.flatMap((d) => d.words))];
  }

  /** The cards for `query`, best first; every entry for an empty query. Never throws. */
  search(query: string): ProvinceSearchResult {
    const r = this.read(this.vocabulary.tokens(query.slice(0, MAX_QUERY_CHARS)));
    // "jatim 2013", "tahap kedua": a year or group narrows the entries, unless none is left.
    const narrow = (docs: EntryDoc[]) => {
      const kept = docs.filter((d) => !r.cohorts.length || r.cohorts.some((c) => this.inCohort(d, c)));
      return kept.length ? kept : docs;
    };
    const found = (method: SearchMethod, docs: EntryDoc[], areas: string[] = []): ProvinceSearchResult => ({
      method,
      hits: [
        ...narrow(docs).map((d): ProvinceHit => ({ kind: "entry", province: d.province, entry: d.entry })),
        ...areas.map((code): ProvinceHit => ({ kind: "area", code })),
      ],
    });
    const none: ProvinceSearchResult = { method: "none", hits: [] };

    if (r.groups.length) return found("exact", combine(r.groups, this.docs), r.areas);
    if (r.areas.length) return found("area", [], r.areas);
    if (r.words.length === 0) {
      if (r.other) return none;
      const started = r.trailing ? this.byWords([r.trailing], true).docs : [];
      return started.length ? found("prefix", started) : found("all", this.docs);
    }
    const { docs, misspelt } = this.byWords(r.words);
    if (docs.length) return found(misspelt ? "fuzzy" : "prefix", docs);
    if (r.guessedAreas.length) return found("area", [], r.guessedAreas);
    return none;
  }

  /** Whether an entry belongs to a group: its own, or one chosen among its group's provinces. */
  private inCohort(d: EntryDoc, id: string): boolean {
    const cohort = this.knowledge.cohorts.find((c) => c.id === id);
    if (!cohort?.members) return d.cohort === id;
    return cohort.members.includes(d.province) && d.cohort === cohort.chosen_from;
  }

  /** Sorts the query's phrases into entries named, regions, years and phases, and words left over. */
  private read(tokens: Token[]): Reading {
    const r: Reading = {
      groups: [],
      areas: [],
      guessedAreas: [],
      cohorts: [],
      words: [],
      trailing: undefined,
      other: false,
    };
    let i = 0;
    for (const m of this.vocabulary.segment(tokens)) {
      const span = tokens.slice(i, i + m.text.split(" ").length);
      i += span.length;
      r.trailing = undefined;
      const entries = new Set<EntryDoc>();
      for (const c of m.concepts) {
        for (const d of this.docs) {
          if (
            (c.type === "province" && d.province === c.id) ||
            (c.type === "place" && d.province === c.province && d.entry === c.entry) ||
            (c.type === "product" && d.product === c.id)
          )
            entries.add(d);
        }
      }
      // An island stands for the programme's provinces on it, or for its provinces outside it.
      const island = m.concepts.find((c) => c.type === "island");
      const provinces = island ? (this.knowledge.regions.islands[island.index]?.provinces ?? []) : [];
      for (const d of this.docs)
        if (provinces.includes(this.provinceArea.get(d.province) ?? "")) entries.add(d);
      if (entries.size) {
        r.groups.push(entries);
        continue;
      }
      if (island) {
        for (const code of provinces) if (!r.areas.includes(code)) r.areas.push(code);
        continue;
      }
      // "Bandung" is a regency and a city: one card for the phrase is enough.
      const area = m.concepts.find((c) => c.type === "area");
      if (area) {
        // A corrected word is only a guess: "kalim" is more likely Kalimantan Barat being typed than Kaltim.
        const list = m.certainty === 1 ? r.areas : r.guessedAreas;
        if (!list.includes(area.code)) list.push(area.code);
        r.words.push(...span.map((t) => t.original));
        continue;
      }
      if (/^\d{4}$/.test(m.text)) {
        const year = Number(m.text);
        const cohort = this.knowledge.cohorts.find((c) => c.year === year || c.period?.end === year);
        if (cohort) r.cohorts.push(cohort.id);
        continue;
      }
      const cohort = m.concepts.find((c) => c.type === "cohort");
      if (cohort) {
        r.cohorts.push(cohort.id);
        continue;
      }
      const cues = m.concepts.flatMap((c) => (c.type === "cue" ? [c.cue] : []));
      const onlyCues = m.concepts.length > 0 && cues.length === m.concepts.length;
      // A word corrected into a question word was more likely a name being typed: "sams" → Samosir.
      if (onlyCues && m.certainty < 1) {
        r.words.push(...span.map((t) => t.original));
        continue;
      }
      if (onlyCues && !cues.some((c) => SUBJECT_CUES.has(c))) {
        // Question words ("produk", "apa", "where") say nothing about which province.
        for (const ordinal of [cues.includes("first") ? 1 : 0, cues.includes("second") ? 2 : 0]) {
          const c = this.knowledge.cohorts.find((x) => ordinal && x.ordinal === ordinal);
          if (c) r.cohorts.push(c.id);
        }
        r.trailing = span.at(-1)?.original;
        continue;
      }
      // Other subjects ("jica", "halo", "kriteria") are the chat's to answer, not province names.
      if (m.concepts.length) r.other = true;
      else r.words.push(...span.map((t) => t.original));
    }
    r.words = r.words.slice(0, MAX_SEARCH_WORDS);
    return r;
  }

  /**
   * Entries where every word is a whole word or the start of one ("sula", "kalim") or, failing
   * that, the start of one misspelt ("sulwe", "kalimantn"); best matches first. With
   * `startsOnly`, only a beginning counts ("produk" is a word, not a name begun).
   */
  private byWords(words: string[], startsOnly = false): { docs: EntryDoc[]; misspelt: boolean } {
    const unique = [...new Set(words)];
    const docs = this.rank(unique.map((w) => this.wordScores(w, startsOnly, false)));
    if (docs.length || startsOnly) return { docs, misspelt: false };
    return { docs: this.rank(unique.map((w) => this.wordScores(w, false, true))), misspelt: true };
  }

  /** How well `w` matches each word of the dictionary it matches at all. */
  private wordScores(w: string, startsOnly: boolean, misspelt: boolean): Map<string, number> {
    const out = new Map<string, number>();
    for (const x of this.dictionary) {
      if (x === w) {
        if (!startsOnly) out.set(x, WHOLE);
      } else if (x.startsWith(w)) out.set(x, BEGUN);
      // People seldom mistype the first letter; checking it first keeps the scan cheap.
      else if (misspelt && w.length >= MIN_MISSPELT && x[0] === w[0] && begunMisspelt(w, x))
        out.set(x, MISSPELT);
    }
    return out;
  }

  /** Entries matching every typed word, best total score first. */
  private rank(scores: Array<Map<string, number>>): EntryDoc[] {
    const scored: Array<{ doc: EntryDoc; score: number }> = [];
    for (const doc of this.docs) {
      let total = 0;
      for (const byWord of scores) {
        let best = 0;
        for (const x of doc.words) {
          best = Math.max(best, byWord.get(x) ?? 0);
        }
        if (best === 0) {
          total = 0;
          break;
        }
        total += best;
      }
      if (total > 0) scored.push({ doc, score: total });
    }
    // Array.prototype.sort is stable: equal scores keep the knowledge file's order.
    return scored.sort((a, b) => b.score - a.score).map((s) => s.doc);
  }
}

const searches = new WeakMap<AnswerEngine, ProvinceSearch>();

/** The search over an engine's knowledge, built once per engine (a reload brings a new one). */
export function provinceSearch(engine: AnswerEngine): ProvinceSearch {
  let search = searches.get(engine);
  if (!search) {
    search = new ProvinceSearch(engine);
    searches.set(engine, search);
  }
  return search;
}

/** Whether `w` is the beginning of `x` with a typo or two: "sulwe" of "sulawesi". */
function begunMisspelt(w: string, x: string): boolean {
  const allowed = w.length >= 8 ? 2 : 1;
  const longest = Math.min(x.length, w.length + allowed);
  for (let n = Math.max(1, w.length - allowed); n <= longest; n++) {
    if (editDistance(w, x.slice(0, n), allowed) <= allowed) return true;
  }
  return false;
}

/** Entries every phrase names ("jatim kapal" → the ship entry); when none, those any names. */
function combine(groups: Array<Set<EntryDoc>>, order: EntryDoc[]): EntryDoc[] {
  const all = order.filter((d) => groups.every((g) => g.has(d)));
  return all.length ? all : order.filter((d) => groups.some((g) => g.has(d)));
}

function entryDocs(k: Knowledge): EntryDoc[] {
  return k.provinces.flatMap((p) =>
    p.entries.map((e, entry) => {
      const product = k.products.find((x) => x.id === e.product);
      const texts = [
        p.name.id,
        p.name.en,
        ...p.terms,
        e.place.name,
        e.place.en,
        ...(product ? [product.name.id, product.name.en, ...product.terms.id, ...product.terms.en] : []),
      ];
      const words = new Set(texts.flatMap((text) => fold(text).split(" ")));
      words.delete("");
      return {
        province: p.id,
        entry,
        product: e.product,
        cohort: e.cohort,
        words: [...words].sort(),
      };
    }),
  );
}
