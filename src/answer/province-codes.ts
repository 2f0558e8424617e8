/**
 * Which province a phrase names or lies in, by its two-digit code ("Pemalang" and "Jawa Tengah"
 * are both 33): a province said beside a region of it only says where that region is. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Match } from "./vocabulary.ts";

export class ProvinceCodes {
  /** Each programme province's two-digit code, by its id. */
  private readonly byId = new Map<string, string>();
  /** Provinces with a place "and the surrounding regencies", which the sources don't name. */
  private readonly unnamedAround = new Set<string>();

  constructor(k: Knowledge) {
    for (const p of k.provinces) {
      this.byId.set(p.id, p.area);
      if (p.entries.some((e) => e.place.surroundings)) this.unnamedAround.add(p.area);
    }
  }

  /**
   * Whether a phrase names a region that lies in the province another names, one the sources say
   * is in the programme or not: not a regency of a province whose place they give "with the
   * surrounding regencies" (around Palu), which they don't name.
   */
  liesIn(region: Match, province: Match): boolean {
    const within = this.codeOf(region);
    return within !== undefined && within === this.codeOf(province) && !this.unnamedAround.has(within);
  }

  /** Whether two regions lie in one province. */
  sameProvince(a: Match, b: Match): boolean {
    const code = this.codeOf(a);
    return code !== undefined && code === this.codeOf(b);
  }

  private codeOf(m: Match): string | undefined {
    for (const c of m.concepts) {
      if (c.type === "area") return c.code.split(".")[0];
      if (c.type === "province") return this.byId.get(c.id);
      if (c.type === "place") return this.byId.get(c.province);
    }
    return undefined;
  }
}
