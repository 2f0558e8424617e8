/**
 * Districts (kecamatan, distrik) by name: "Pangururan ikut program?", "Kecamatan Adiwerna produknya
 * apa?". The sources name none; a district stands for its regency, which the answer names first.
 * A district is read only as written, never as a root or a slip of another word ("kemerdekaan" is
 * no "Merdeka"), and only as a name: capitalised, or after "kecamatan" ("anggrek" is an orchid,
 * "Anggrek" a district of Gorontalo Utara). Pure.
 */
import { type Concept, writtenWords } from "./concepts.ts";
import type { Match } from "./vocabulary.ts";

// Words that name a district before it ("Kecamatan Harian"), or after it ("Harian district").
const DISTRICT_WORDS: ReadonlySet<string> = new Set(["kecamatan", "kec", "distrik"]);
const DISTRICT_AFTER = "district";
// The most words of a district's name ("Prajurit Kulon", "Pangkalan Koto Baru").
const MAX_WORDS = 3;
// A name alone is read as a district only when it has this many letters: shorter ones are words
// too often ("Harian", daily, is a district of Samosir; "Lede" one of Pulau Taliabu).
const MIN_LETTERS_ALONE = 7;
// (An island says too little to tell: "Tanjung Pandan on Belitung".)
const REGION_TYPES: ReadonlySet<string> = new Set(["area", "place", "province"]);

const written = (ms: readonly Match[]) => ms.map(writtenWords).join(" ");
const unread = (m: Match) => m.concepts.length === 0 && m.tokens.every((t) => t.text === t.original);
// A name written beside it ("Bank Permata", "Indonesia Merdeka", "Siantan Hulu"): the district's
// name is then a word of a longer one. (A capitalised word of the language that opens the clause is
// no name: "Kalau Pangururan?")
const nameBeside = (ms: readonly Match[], i: number) => {
  const m = ms[i];
  if (m?.tokens[0]?.capitalised !== true) return false;
  return i > 0 || m.concepts.length === 0 || m.concepts.some((c) => c.type !== "cue");
};
const isDistrict = (m: Match) => m.concepts.some((c) => c.type === "area" && c.district !== undefined);

/**
 * `matches` with the districts of `districts` (name as the matcher keys it → its regency's concept)
 * they spell. None where the words also name a region of another province ("Siantan di Pontianak
 * Utara": Siantan is a district of the Anambas islands, and a part of Pontianak too): the region
 * named is what is meant, and the district's name a word of some other place's.
 */
export function withDistricts(
  matches: Match[],
  districts: ReadonlyMap<string, Concept>,
  /** Whether two regions lie in one province. */
  sameProvince: (a: Match, b: Match) => boolean,
): Match[] {
  if (!districts.size || !matches.some(unread)) return matches;
  const out: Match[] = [];
  for (let i = 0; i < matches.length; i++) {
    const before = DISTRICT_WORDS.has(written(matches.slice(i, i + 1)));
    const from = before ? i + 1 : i;
    let found: Match | undefined;
    for (let n = Math.min(MAX_WORDS, matches.length - from); n >= 1 && !found; n--) {
      const span = matches.slice(from, from + n);
      const name = written(span);
      const after = written(matches.slice(from + n, from + n + 1)) === DISTRICT_AFTER;
      const alone =
        name.replace(/ /g, "").length >= MIN_LETTERS_ALONE &&
        span.every(unread) &&
        span[0]?.tokens[0]?.capitalised === true &&
        !nameBeside(matches, from - 1) &&
        !nameBeside(matches, from + n);
      const concept = before || after || alone ? districts.get(name) : undefined;
      if (concept) {
        const end = from + n + (after && !before ? 1 : 0);
        const tokens = matches.slice(i, end).flatMap((m) => m.tokens);
        found = { text: name, concepts: [concept], certainty: 1, tokens };
        i = end - 1;
      }
    }
    out.push(found ?? (matches[i] as Match));
  }
  const regions = out.filter((m) => !isDistrict(m) && m.concepts.some((c) => REGION_TYPES.has(c.type)));
  const elsewhere = out.some((d) => isDistrict(d) && regions.some((r) => !sameProvince(d, r)));
  return elsewhere ? matches : out;
}
