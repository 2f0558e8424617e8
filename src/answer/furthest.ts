/**
 * "Provinsi paling timur di program ini?", "Among the first-phase provinces, which lies farthest
 * east?", "Of the two Java provinces, which is further east?": the region in view that lies
 * furthest one way on the map. Where regions lie is geography (`positions` in regions.yaml), not a
 * fact of the sources: the answer says it goes by the map, then gives what the sources say of the
 * region found. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { cardOf } from "./cards.ts";
import type { Found } from "./found.ts";
import { joinList } from "./lists.ts";
import { provincesOf, provincesOnIsland } from "./negation.ts";
import { provinceIdOf, type Subject, sourcesOfName, subjectRef } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

export const DIRECTIONS = ["east", "west", "north", "south"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The way a question asks to go furthest, and whether of places rather than provinces. */
export interface Furthest {
  direction: Direction;
  places: boolean;
}

/**
 * The way a question asks to go furthest ("paling timur": east), if it asks one, and whether it
 * asks for a place ("kabupaten paling timur", "the westernmost location") rather than a province.
 */
export function furthestAsked(f: Found): Furthest | undefined {
  const [direction, ...others] = DIRECTIONS.filter((d) => f.cues.has(d));
  if (!direction || others.length) return undefined;
  return { direction, places: f.cues.has("where") && !f.cues.has("provinces") };
}

/**
 * The programme's regions a question's subjects put in view: a group's provinces, an island's, the
 * provinces or places named, or every province when it names only the programme; each province's
 * places instead when `places` is asked. Regions outside the programme are never in view.
 */
export function regionsInView(subjects: readonly Subject[], k: Knowledge, places: boolean): Subject[] {
  const provinces = (ids: readonly string[]): Subject[] =>
    ids.map((id): Subject => ({ kind: "province", id }));
  const onIsland = (index: number) => provincesOnIsland(k, index).map((p) => p.id);
  const inView = subjects.flatMap((s): Subject[] => {
    switch (s.kind) {
      case "province":
      case "place":
        return [s];
      case "cohort":
        return provinces(provincesOf(k, s.id).map((p) => p.id));
      case "island":
        return provinces(onIsland(s.index));
      case "list":
      case "topic":
        return provinces(k.provinces.map((p) => p.id));
      default:
        return [];
    }
  });
  const expanded = places
    ? inView.flatMap((s): Subject[] =>
        s.kind === "province"
          ? (k.provinces.find((p) => p.id === s.id)?.entries ?? []).map((_, entry) => ({
              kind: "place",
              province: s.id,
              entry,
            }))
          : [s],
      )
    : inView;
  const seen = new Set<string>();
  return expanded.filter((s) => !seen.has(subjectRef(s)) && seen.add(subjectRef(s)));
}

/** Where a programme province or place lies, by the positions of regions.yaml. */
function positionOf(s: Subject, k: Knowledge): readonly [number, number] | undefined {
  const province = k.provinces.find((p) => p.id === provinceIdOf(s));
  const code = s.kind === "place" ? province?.entries[s.entry]?.place?.area : province?.area;
  return code === undefined ? undefined : k.regions.positions.get(code);
}

/** How far one way a position lies: the larger, the further. */
const FURTHER: Record<Direction, (p: readonly [number, number]) => number> = {
  east: ([lon]) => lon,
  west: ([lon]) => -lon,
  north: ([, lat]) => lat,
  south: ([, lat]) => -lat,
};

/** Of the regions in view, the one that lies furthest `direction`; `undefined` when none has a position. */
export function furthest(
  direction: Direction,
  inView: readonly Subject[],
  k: Knowledge,
): Subject | undefined {
  let best: { s: Subject; far: number } | undefined;
  for (const s of inView) {
    const position = positionOf(s, k);
    if (!position) continue;
    const far = FURTHER[direction](position);
    if (!best || far > best.far) best = { s, far };
  }
  return best?.s;
}

/**
 * "By the map, the furthest east of North Sumatra, …: Central Sulawesi." and what the sources say
 * of it; `undefined` when nothing in view lies anywhere the positions know.
 */
export function furthestCard(
  w: AnswerWriter,
  lang: Lang,
  asked: Furthest,
  subjects: readonly Subject[],
): Piece | undefined {
  // ("Lokasi paling timur program ini Makassar, ya?": one region named is checked against all.)
  const given = regionsInView(subjects, w.k, asked.places);
  const inView = given.length >= 2 ? given : regionsInView([{ kind: "list" }], w.k, asked.places);
  const found = furthest(asked.direction, inView, w.k);
  const card = found && cardOf(w, found, lang);
  if (!found || !card || card.kind === "fallback") return undefined;
  const line = w.t(lang, `answer.furthest.${asked.direction}`, {
    among: joinList(
      lang,
      inView.map((s) => w.nameOf(lang, s)),
    ),
    name: w.nameOf(lang, found),
  });
  // (Naming the regions in view states them: their sources are cited too.)
  const named = inView.flatMap((s) => sourcesOfName(w.k, s) ?? []);
  return { ...card, text: `${line}\n${card.text}`, sources: [...new Set([...card.sources, ...named])] };
}
