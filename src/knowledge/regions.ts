import type { Areas } from "./areas.ts";
import type { Bilingual, RegionsFile } from "./schema.ts";

/** An island or island group and the provinces on it (official codes). */
export interface Island {
  name: Bilingual;
  terms: string[];
  provinces: string[];
}

/** How people name regions beyond the official list (`knowledge/regions.yaml`), checked against it. */
export interface Regions {
  /** Other names of provinces and of regencies, by official code. */
  otherNames: ReadonlyMap<string, string[]>;
  islands: Island[];
  /** Where a province or regency lies, roughly: [longitude, latitude], by official code. */
  positions: ReadonlyMap<string, readonly [number, number]>;
}

/** Checks the regions file against the official list; `fail` reports the first unknown code. */
export function toRegions(
  file: RegionsFile,
  areas: Areas,
  fail: (path: string, problem: string) => never,
): Regions {
  const isProvince = (code: string) => areas.byCode.get(code)?.kind === "province";
  for (const code of Object.keys(file.province_names)) {
    if (!isProvince(code)) fail(`province_names.${code}`, `unknown province code "${code}"`);
  }
  for (const code of Object.keys(file.regency_names)) {
    if (areas.byCode.get(code)?.kind !== "regency")
      fail(`regency_names.${code}`, `unknown regency code "${code}"`);
  }
  file.islands.forEach((island, i) => {
    island.provinces.forEach((code, j) => {
      if (!isProvince(code)) fail(`islands[${i}].provinces[${j}]`, `unknown province code "${code}"`);
    });
  });
  for (const code of Object.keys(file.positions)) {
    if (!areas.byCode.has(code)) fail(`positions.${code}`, `unknown region code "${code}"`);
  }
  const otherNames = new Map(Object.entries({ ...file.province_names, ...file.regency_names }));
  return { otherNames, islands: file.islands, positions: new Map(Object.entries(file.positions)) };
}
