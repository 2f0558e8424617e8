import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { getProvinces, getRegencies } from "idn-area-data";
import { fold } from "../answer/normalise.ts";

/** An Indonesian province or regency/city from the official list of regions. */
export interface Area {
  code: string;
  /** Display name, e.g. "Kabupaten Dogiyai", "DKI Jakarta". */
  name: string;
  kind: "province" | "regency";
  /** The province code, for regencies. */
  provinceCode?: string;
  /** Lower-case names people use for it: "dogiyai", "kabupaten dogiyai", "kab dogiyai". */
  terms: string[];
}

/**
 * A district (kecamatan, distrik) whose name no other district has: "Pangururan" is in Kabupaten
 * Samosir. The sources name none; a district stands for its regency.
 */
export interface District {
  /** As the official list writes it: "Pangururan", "Prajurit Kulon". */
  name: string;
  regencyCode: string;
  /** The other regencies with a village of the same name: "Kebasen" is a district of Banyumas and a village of Tegal. */
  villagesElsewhere: string[];
}

/** Indonesia's 38 provinces and their regencies and cities, and the districts told apart by name. */
export interface Areas {
  provinces: Area[];
  regencies: Area[];
  districts: District[];
  byCode: Map<string, Area>;
}

/** The districts whose name is theirs alone. */
async function uniqueDistricts(): Promise<District[]> {
  const raw: Array<{ name: string; regencyCode: string }> = [];
  // Each line: "12.17.08,12.17,Pangururan" (district code, regency code, name), after a header.
  for (const line of (await readList("districts.csv")).split(/\r?\n/).slice(1)) {
    const [, regencyCode, name] = line.split(",");
    if (regencyCode && name) raw.push({ name, regencyCode });
  }
  const count = new Map<string, number>();
  for (const d of raw) count.set(fold(d.name), (count.get(fold(d.name)) ?? 0) + 1);
  const unique = raw.filter((d) => count.get(fold(d.name)) === 1);
  const villages = await villageRegencies(new Set(unique.map((d) => d.name)));
  return unique.map((d) => ({
    ...d,
    villagesElsewhere: [...(villages.get(d.name) ?? [])].filter((code) => code !== d.regencyCode),
  }));
}

/** The text of one of the `idn-area-data` package's lists. */
async function readList(list: string): Promise<string> {
  return readFile(createRequire(import.meta.url).resolve(`idn-area-data/data/${list}`), "utf8");
}

/**
 * The regencies with a village of each of `names`. The package's own loader keeps all 80,000
 * villages as objects; here a village's name is taken out of the file's text only when its length
 * and first and last letters are those of one of `names`.
 */
async function villageRegencies(names: ReadonlySet<string>): Promise<Map<string, Set<string>>> {
  const sign = (text: string, from: number, to: number) =>
    (to - from) * 0x10000 + text.charCodeAt(from) * 0x100 + (text.charCodeAt(to - 1) & 0xff);
  const signs = new Set([...names].map((n) => sign(n, 0, n.length)));
  const text = await readList("villages.csv");
  const found = new Map<string, Set<string>>();
  // Each line: "11.01.01.2001,11.01.01,Keude Bakongan" (village code, district code, name); the
  // regency's code begins it.
  for (let start = 0, end = 0; start < text.length; start = end + 1) {
    end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const to = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const from = text.lastIndexOf(",", to) + 1;
    if (!signs.has(sign(text, from, to))) continue;
    const name = text.slice(from, to);
    if (names.has(name))
      found.set(name, (found.get(name) ?? new Set<string>()).add(text.slice(start, start + 5)));
  }
  return found;
}

const KEEP_UPPER = new Set(["DKI", "DI"]);

function titleCase(upper: string): string {
  return upper
    .split(" ")
    .map((w) => (KEEP_UPPER.has(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(" ");
}

// Compass words of regency names, in English: "Lombok Timur" is East Lombok in English.
const COMPASS: ReadonlyArray<[string, string]> = [
  ["barat daya", "southwest"],
  ["barat laut", "northwest"],
  ["timur laut", "northeast"],
  ["tenggara", "southeast"],
  ["utara", "north"],
  ["selatan", "south"],
  ["timur", "east"],
  ["barat", "west"],
  ["tengah", "central"],
];

/** The names a regency or city goes by: official, bare, abbreviated, and in English. */
export function regencyTerms(name: string): string[] {
  const lower = name.toLowerCase();
  const bare = lower.replace(/^(kabupaten|kota)\s+/, "");
  const compass = COMPASS.find(([id]) => bare.endsWith(` ${id}`));
  const english = compass ? `${compass[1]} ${bare.slice(0, -compass[0].length - 1)}` : undefined;
  const terms = [lower, bare, ...(english ? [english] : [])];
  // "Pangkalpinang", "Tanjungpinang": a name of two words is often written as one.
  if (!compass && /^\p{L}+ \p{L}+$/u.test(bare)) terms.push(bare.replace(" ", ""));
  if (lower.startsWith("kabupaten "))
    terms.push(`kab ${bare}`, `${bare} regency`, ...(english ? [`${english} regency`] : []));
  if (lower.startsWith("kota ")) terms.push(`${bare} city`, ...(english ? [`${english} city`] : []));
  return terms;
}

// Other names of provinces (abbreviations, English) are in knowledge/regions.yaml.
function provinceTerms(name: string): string[] {
  const lower = name.toLowerCase();
  const bare = lower.replace(/^(dki|daerah istimewa|kepulauan)\s+/, "");
  return [lower, bare, `provinsi ${lower}`, `provinsi ${bare}`, `${bare} province`];
}

/** Loads Indonesia's provinces, regencies/cities and districts from the maintained `idn-area-data` package. */
export async function loadAreas(): Promise<Areas> {
  const [rawProvinces, rawRegencies, districts] = await Promise.all([
    getProvinces(),
    getRegencies(),
    uniqueDistricts(),
  ]);
  const provinces: Area[] = rawProvinces.map((p) => {
    const name = p.name === "DAERAH ISTIMEWA YOGYAKARTA" ? "DI Yogyakarta" : titleCase(p.name);
    return { code: p.code, name, kind: "province", terms: [...new Set(provinceTerms(p.name))] };
  });
  const regencies: Area[] = rawRegencies.map((r) => ({
    code: r.code,
    name: titleCase(r.name),
    kind: "regency",
    provinceCode: r.province_code,
    terms: [...new Set(regencyTerms(r.name))],
  }));
  const byCode = new Map<string, Area>();
  for (const a of [...provinces, ...regencies]) byCode.set(a.code, a);
  return { provinces, regencies, districts, byCode };
}

/**
 * Names a programme place goes by, as any regency or city does ("Kabupaten Dogiyai" → "dogiyai",
 * "kab dogiyai", "dogiyai regency"), and its English name. Only the form the place really has: Kota
 * Pasuruan is a programme place, Kabupaten Pasuruan is not.
 */
export function placeTerms(name: string, en: string): string[] {
  // "Kota Palu dan kabupaten di sekitarnya" is named as Palu.
  const own = fold(name).replace(/\s+dan\s+.*$/, "");
  const enBare = fold(en)
    .replace(/\s+and\s+.*$/, "")
    .replace(/\s+(regency|city)$/, "");
  return [name, en, enBare, ...regencyTerms(own)];
}
