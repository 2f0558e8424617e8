/**
 * The programme provinces a group admin names after `/province`: by the programme's own names,
 * or by a region of Indonesia as it is named today ("Papua Tengah", "Kota Makassar"), which is
 * tied to the programme province it belongs to by the one membership truth. Pure.
 */
import { membershipOf } from "../answer/membership.ts";
import { fold } from "../answer/normalise.ts";
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { matchProvinces } from "./audience.ts";

/** A region named today that the programme knows under another province. */
export interface MappedRegion {
  /** As typed. */
  asked: string;
  /** Its official name: "Papua Tengah". */
  area: string;
  /** The programme province it is tied to (id). */
  province: string;
  /** `holds`: a province of today that holds a place the sources name under another; `within`: a region inside one. */
  how: "holds" | "within";
}

/** The provinces found, what was found through today's regions, and what names none. */
export interface GroupProvinces {
  ids: string[];
  mapped: MappedRegion[];
  unknown: string[];
}

/** Official codes of Indonesia's provinces and regencies by every name they go by, folded. */
function regionsByName(k: Knowledge, areas: Areas): Map<string, string> {
  const byName = new Map<string, string>();
  for (const area of [...areas.provinces, ...areas.regencies])
    for (const term of [area.name, ...area.terms]) byName.set(fold(term), area.code);
  for (const [code, names] of k.regions.otherNames) for (const name of names) byName.set(fold(name), code);
  return byName;
}

/** Reads the provinces a group admin typed ("Papua Tengah, Jawa Timur"). */
export function groupProvinces(input: string, k: Knowledge, areas: Areas): GroupProvinces {
  const match = matchProvinces(input, k.provinces);
  const ids = [...match.ids];
  const mapped: MappedRegion[] = [];
  const unknown: string[] = [];
  const byName = match.unknown.length ? regionsByName(k, areas) : new Map<string, string>();
  for (const asked of match.unknown) {
    const code = byName.get(fold(asked));
    const membership = code === undefined ? undefined : membershipOf(code, k, areas);
    if (!membership || membership.status === "outside") {
      unknown.push(asked);
      continue;
    }
    const province = membership.province.id;
    const area = (code !== undefined && areas.byCode.get(code)?.name) || asked;
    if (!ids.includes(province)) ids.push(province);
    mapped.push({ asked, area, province, how: membership.status === "holds" ? "holds" : "within" });
  }
  return { ids, mapped, unknown };
}
