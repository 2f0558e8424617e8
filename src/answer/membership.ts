/**
 * Whether a region of Indonesia is part of the programme: one truth, by official region code,
 * whatever words named the region ("Kota Makassar", "Makassar City", "Provinsi Jawa Timur").
 */
import type { Area, Areas } from "../knowledge/areas.ts";
import type { KnowledgeFile, Province } from "../knowledge/schema.ts";
import type { Subject } from "./subject.ts";

export type Membership =
  /** A programme province. */
  | { status: "province"; province: Province }
  /** A programme place (its regency or city). */
  | { status: "place"; province: Province; entry: number }
  /** A province that is not the programme's but now holds one of its places (Papua Tengah). */
  | { status: "holds"; area: Area; province: Province; entry: number }
  /** A regency of a province whose place the sources name "with the surrounding regencies". */
  | { status: "surroundings"; area: Area; province: Province; entry: number }
  /** Another regency or city of a programme province. */
  | { status: "unnamed"; area: Area; province: Province }
  | { status: "outside"; area: Area };

/** Where a region stands; `undefined` for a code that is not in the official list. */
export function membershipOf(code: string, k: KnowledgeFile, areas: Areas): Membership | undefined {
  const area = areas.byCode.get(code);
  if (!area) return undefined;
  for (const province of k.provinces) {
    if (province.area === code) return { status: "province", province };
    const entry = province.entries.findIndex((e) => e.place.area === code);
    if (entry >= 0) return { status: "place", province, entry };
  }
  if (area.kind === "province") {
    for (const province of k.provinces) {
      const entry = province.entries.findIndex((e) => e.place.area.startsWith(`${code}.`));
      if (entry >= 0) return { status: "holds", area, province, entry };
    }
    return { status: "outside", area };
  }
  const home = k.provinces.find((p) => p.area === area.provinceCode);
  if (!home) return { status: "outside", area };
  const around = home.entries.findIndex((e) => e.place.surroundings);
  if (around >= 0) return { status: "surroundings", area, province: home, entry: around };
  return { status: "unnamed", area, province: home };
}

/** Whether a region is outside the programme: in no programme province, nor one of its places. */
export function isOutside(code: string, k: KnowledgeFile, areas: Areas): boolean {
  return membershipOf(code, k, areas)?.status === "outside";
}

/** Whether there are subjects and every one is a region outside the programme. */
export function allOutside(subjects: readonly Subject[], k: KnowledgeFile, areas: Areas): boolean {
  return subjects.length > 0 && subjects.every((s) => s.kind === "area" && isOutside(s.code, k, areas));
}

/** Whether the programme works in a region, as far as the sources say (`undefined`: they don't). */
export function isInProgramme(m: Membership): boolean | undefined {
  switch (m.status) {
    case "province":
    case "place":
    case "holds":
      return true;
    case "surroundings":
      return undefined;
    case "unnamed":
    case "outside":
      return false;
  }
}
