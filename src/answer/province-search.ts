/**
 * The search behind inline queries (`@bot sulsel`): which programme entries a few typed words
 * point to. Pure, like the rest of `answer/`: no Telegram, no I/O after construction.
 */
import Fuse from "fuse.js";
import type { Knowledge } from "../knowledge/load";
import type { AnswerEngine } from "./engine";
import type { Cue } from "./lexicon";
import { fold } from "./normalise";
import type { Token, Vocabulary } from "./vocabulary";

/** One card of the results: a programme entry (Jawa Timur has two), or a region outside the programme. */
export type ProvinceHit = { kind: "entry"; province: string; entry: number } | { kind: "area"; code: string };

/**
 * How the hits were found: every entry (empty query), the vocabulary's names, products and places
 * (typos included), a region outside the programme, word beginnings typed so far, fuzzy search.
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
// Fuse.js's bitap matcher reads at most 32 characters of a pattern.
const MAX_FUZZY_WORD = 32;
/** How close (0 exact … 1 anything) a fuzzy match must be to be shown. */
const FUZZY_CUTOFF = 0.25;
// Cue words that ask about something other than provinces (criteria, officials, figures): the
// chat answers those, so the inline search offers the private chat instead of every province.
const SUBJECT_CUES: ReadonlySet<Cue> = new Set([
  "criteria",
  "follow-up",
  "officials",
  "quantity",
  "howto",
  "meaning",
  "who",
]);

interface EntryDoc {
  province: string;
  entry: number;
  product: string;
  year: number;
  phase: number;
  /** Every folded word of the entry's province, place and product names and terms, sorted. */
  words: string[];
  names: string[];
  places: string[];
  products: string[];
}

/** What the words of a query name. */
interface Reading {
  /** Entries named by each phrase: a province, a place or a product. */
  groups: Array<Set<EntryDoc>>;
  /** Regions outside the programme, named exactly ("aceh") or through a corrected word. */
  areas: string[];
  guessedAreas: string[];
  years: number[];
  phases: number[];
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
  private readonly fuse: Fuse<EntryDoc>;

  constructor(engine: AnswerEngine) {
    this.vocabulary = engine.vocabulary;
    this.docs = entryDocs(engine.knowledge);
    this.fuse = new Fuse(this.docs, {
      keys: ["names", "places", "products"],
      useTokenSearch: true,
      // Every word typed must match somewhere: adding a word narrows the results.
      tokenMatch: "all",
      ignoreLocation: true,
      includeScore: true,
      threshold: 0.3,
      // Never `useExtendedSearch`: user text must not be read as search operators.
      useExtendedSearch: false,
    });
  }

  /** The cards for `query`, best first; every entry for an empty query. Never throws. */
  search(query: string): ProvinceSearchResult {
    const r = this.read(this.vocabulary.tokens(query.slice(0, MAX_QUERY_CHARS)));
    // "jatim 2013", "tahap kedua": a year or phase narrows the entries, unless none is left.
    const narrow = (docs: EntryDoc[]) => {
      const kept = docs.filter(
        (d) =>
          (!r.years.length || r.years.includes(d.year)) && (!r.phases.length || r.phases.includes(d.phase)),
      );
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
      const started = r.trailing ? this.prefix([r.trailing], true) : [];
      return started.length ? found("prefix", started) : found("all", this.docs);
    }
    const prefixed = this.prefix(r.words);
    if (prefixed.length) return found("prefix", prefixed);
    const fuzzy = this.fuzzy(r.words);
    if (fuzzy.length) return found("fuzzy", fuzzy);
    if (r.guessedAreas.length) return found("area", [], r.guessedAreas);
    return none;
  }

  /** Sorts the query's phrases into entries named, regions, years and phases, and words left over. */
  private read(tokens: Token[]): Reading {
    const r: Reading = {
      groups: [],
      areas: [],
      guessedAreas: [],
      years: [],
      phases: [],
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
      if (entries.size) {
        r.groups.push(entries);
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
        r.years.push(Number(m.text));
        continue;
      }
      const cues = m.concepts.flatMap((c) => (c.type === "cue" ? [c.cue] : []));
      if (m.concepts.length && cues.length === m.concepts.length && !cues.some((c) => SUBJECT_CUES.has(c))) {
        // Question words ("produk", "apa", "where") say nothing about which province.
        if (cues.includes("first")) r.phases.push(1);
        if (cues.includes("second")) r.phases.push(2);
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
   * Entries where every word is a whole word or the start of one ("sula", "kalim"), whole words
   * first; with `startsOnly`, a whole word does not count ("produk" is a word, not a name begun).
   */
  private prefix(words: string[], startsOnly = false): EntryDoc[] {
    const scored: Array<{ doc: EntryDoc; score: number }> = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const w of words) {
        const begun = doc.words.some((x) => x.length > w.length && x.startsWith(w));
        const s = !startsOnly && doc.words.includes(w) ? 2 : begun ? 1 : 0;
        if (s === 0) {
          score = 0;
          break;
        }
        score += s;
      }
      if (score > 0) scored.push({ doc, score });
    }
    // Array.prototype.sort is stable: equal scores keep the knowledge file's order.
    return scored.sort((a, b) => b.score - a.score).map((s) => s.doc);
  }

  /** Fuse.js for a word misspelt before it was finished ("sulwe", "kalimantn"). */
  private fuzzy(words: string[]): EntryDoc[] {
    if (!words.some((w) => w.length >= 3)) return [];
    const pattern = words.map((w) => w.slice(0, MAX_FUZZY_WORD)).join(" ");
    return this.fuse
      .search(pattern)
      .filter((r) => (r.score ?? 1) <= FUZZY_CUTOFF)
      .map((r) => r.item);
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

/** Entries every phrase names ("jatim kapal" → the ship entry); when none, those any names. */
function combine(groups: Array<Set<EntryDoc>>, order: EntryDoc[]): EntryDoc[] {
  const all = order.filter((d) => groups.every((g) => g.has(d)));
  return all.length ? all : order.filter((d) => groups.some((g) => g.has(d)));
}

function entryDocs(k: Knowledge): EntryDoc[] {
  return k.provinces.flatMap((p) =>
    p.entries.map((e, entry) => {
      const product = k.products.find((x) => x.id === e.product);
      const names = [p.name.id, p.name.en, ...p.terms];
      const places = [e.place.name, e.place.en];
      const products = product
        ? [product.name.id, product.name.en, ...product.terms.id, ...product.terms.en]
        : [e.product];
      const words = new Set([...names, ...places, ...products].flatMap((text) => fold(text).split(" ")));
      words.delete("");
      return {
        province: p.id,
        entry,
        product: e.product,
        year: e.year,
        phase: e.phase,
        words: [...words].sort(),
        names,
        places,
        products,
      };
    }),
  );
}
