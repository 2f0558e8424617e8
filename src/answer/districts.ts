/**
 * Districts (kecamatan, distrik) by name: "Pangururan ikut program?", "Kecamatan Adiwerna produknya
 * apa?". The sources name none; a district stands for its regency, which the answer names first.
 * A district is read only as written, never as a root or a slip of another word ("kemerdekaan" is
 * no "Merdeka"), and only as a name: capitalised, or after "kecamatan" ("anggrek" is an orchid,
 * "Anggrek" a district of Gorontalo Utara). Pure.
 */
import type { Concept } from "./concepts.ts";
import type { Match } from "./vocabulary.ts";

// Words that name a district before it ("Kecamatan Harian"), or after it ("Harian district").
const DISTRICT_WORDS: ReadonlySet<string> = new Set(["kecamatan", "kec", "distrik"]);
const DISTRICT_AFTER = "district";
// The most words of a district's name ("Prajurit Kulon", "Pangkalan Koto Baru").
const MAX_WORDS = 3;
// A name alone is read as a district only when it has this many letters: shorter ones are words
// too often ("Harian", daily, is a district of Samosir; "Lede" one of Pulau Taliabu).
const MIN_LETTERS_ALONE = 7;

const written = (ms: readonly Match[]) => ms.flatMap((m) => m.tokens.map((t) => t.original)).join(" ");
const unread = (m: Match) => m.concepts.length === 0 && m.tokens.every((t) => t.text === t.original);

/** `matches` with the districts of `districts` (name as the matcher keys it → its regency's concept) they spell. */
export function withDistricts(matches: Match[], districts: ReadonlyMap<string, Concept>): Match[] {
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
        span[0]?.tokens[0]?.capitalised === true;
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
  return out;
}
