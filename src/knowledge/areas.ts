import { getProvinces, getRegencies } from "idn-area-data";

/** An Indonesian province or regency/city from the official list of regions. */
interface Area {
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

// Common abbreviations and English names of provinces. The dataset has only the official names;
// these are how people write them (language, not facts about the programme).
const PROVINCE_ALIASES: Record<string, string[]> = {
  "11": ["nad", "nanggroe aceh darussalam"],
  "12": ["sumut", "north sumatra", "north sumatera", "sumatra utara"],
  "13": ["sumbar", "west sumatra", "west sumatera", "sumatra barat"],
  "14": ["riau province"],
  "16": ["sumsel", "south sumatra", "south sumatera", "sumatra selatan"],
  "18": ["lampung province"],
  "19": ["babel", "bangka belitung", "bangka belitung islands"],
  "21": ["kepri", "riau islands"],
  "31": ["jakarta", "dki", "jakarta special capital region"],
  "32": ["jabar", "west java"],
  "33": ["jateng", "central java"],
  "34": ["diy", "yogyakarta", "jogja", "jogjakarta", "yogya"],
  "35": ["jatim", "east java"],
  "51": ["bali province"],
  "52": ["ntb", "west nusa tenggara", "lombok", "sumbawa"],
  "53": ["ntt", "east nusa tenggara", "flores", "sumba", "timor"],
  "61": ["kalbar", "west kalimantan", "west borneo"],
  "62": ["kalteng", "central kalimantan"],
  "63": ["kalsel", "south kalimantan"],
  "64": ["kaltim", "east kalimantan"],
  "65": ["kaltara", "north kalimantan"],
  "71": ["sulut", "north sulawesi"],
  "72": ["sulteng", "central sulawesi"],
  "73": ["sulsel", "south sulawesi"],
  "74": ["sultra", "southeast sulawesi"],
  "76": ["sulbar", "west sulawesi"],
  "81": ["maluku province", "moluccas"],
  "82": ["malut", "north maluku"],
  "92": ["pabar", "west papua"],
  "93": ["south papua"],
  "94": ["central papua"],
  "95": ["highland papua", "papua highlands"],
  "96": ["southwest papua", "papua barat daya"],
};

const KEEP_UPPER = new Set(["DKI", "DI"]);

function titleCase(upper: string): string {
  return upper
    .split(" ")
    .map((w) => (KEEP_UPPER.has(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(" ");
}

function regencyTerms(name: string): string[] {
  const lower = name.toLowerCase();
  const bare = lower.replace(/^(kabupaten|kota)\s+/, "");
  const terms = [lower, bare];
  if (lower.startsWith("kabupaten ")) terms.push(`kab ${bare}`, `${bare} regency`);
  if (lower.startsWith("kota ")) terms.push(`${bare} city`);
  return terms;
}

function provinceTerms(code: string, name: string): string[] {
  const lower = name.toLowerCase();
  const terms = [lower, lower.replace(/^(dki|daerah istimewa|kepulauan)\s+/, ""), `provinsi ${lower}`];
  return [...terms, ...(PROVINCE_ALIASES[code] ?? [])];
}

/** Loads Indonesia's provinces and regencies/cities from the maintained `idn-area-data` package. */
export async function loadAreas(): Promise<Areas> {
  const [rawProvinces, rawRegencies] = await Promise.all([getProvinces(), getRegencies()]);
  const provinces: Area[] = rawProvinces.map((p) => {
    const name = p.name === "DAERAH ISTIMEWA YOGYAKARTA" ? "DI Yogyakarta" : titleCase(p.name);
    return { code: p.code, name, kind: "province", terms: [...new Set(provinceTerms(p.code, p.name))] };
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
