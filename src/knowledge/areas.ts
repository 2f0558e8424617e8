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

/** Indonesia's 38 provinces and their regencies and cities. */
export interface Areas {
  provinces: Area[];
  regencies: Area[];
  byCode: Map<string, Area>;
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

/** Loads Indonesia's provinces and regencies/cities from the maintained `idn-area-data` package. */
export async function loadAreas(): Promise<Areas> {
  const [rawProvinces, rawRegencies] = await Promise.all([getProvinces(), getRegencies()]);
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
  return { provinces, regencies, byCode };
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
