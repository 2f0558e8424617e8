/**
 * What an answer is about. A subject can be written as a short reference ("p.papua") that fits
 * in Telegram's 64-byte callback data and in deep links, and read back.
 */
import type { Knowledge } from "../knowledge/load.ts";
import { PROGRAMME_ATTRIBUTES, type ProgrammeAttribute } from "../knowledge/schema.ts";

export type Subject =
  /** One fact of the programme as a whole: its summary, name, start, partners, aim, approach. */
  | { kind: "topic"; id: ProgrammeAttribute }
  | { kind: "term"; id: string }
  | { kind: "cohort"; id: string }
  /** Every province of the programme. */
  | { kind: "list" }
  | { kind: "criteria" }
  | { kind: "criterion"; id: string }
  | { kind: "province"; id: string }
  | { kind: "place"; province: string; entry: number }
  | { kind: "product"; id: string }
  | { kind: "person"; id: string }
  | { kind: "org"; id: string }
  | { kind: "source"; id: string }
  | { kind: "officials" }
  /** A region of Indonesia by its official code, and the words the question named it by. */
  | { kind: "area"; code: string; asked?: string | undefined }
  | { kind: "island"; index: number; asked?: string | undefined };

export type SubjectKind = Subject["kind"];

const SLUG = /^[a-z0-9-]{1,40}$/;

/** The short reference of a subject: "p.papua", "t.aim", "l", "cr". */
export function subjectRef(s: Subject): string {
  switch (s.kind) {
    case "topic":
      return `t.${s.id}`;
    case "term":
      return `g.${s.id}`;
    case "cohort":
      return `l.${s.id}`;
    case "list":
      return "l";
    case "criteria":
      return "cr";
    case "criterion":
      return `c.${s.id}`;
    case "province":
      return `p.${s.id}`;
    case "place":
      return `pl.${s.province}.${s.entry}`;
    case "product":
      return `pr.${s.id}`;
    case "person":
      return `ps.${s.id}`;
    case "org":
      return `o.${s.id}`;
    case "source":
      return `s.${s.id}`;
    case "officials":
      return "of";
    case "area":
      return `a.${s.code}`;
    case "island":
      return `i.${s.index}`;
  }
}

const SIMPLE = new Map<string, Subject>([
  ["cr", { kind: "criteria" }],
  ["of", { kind: "officials" }],
  ["l", { kind: "list" }],
]);

/** Reads a reference back; `undefined` for anything malformed (forged or stale buttons). */
export function parseSubjectRef(ref: string): Subject | undefined {
  if (ref.length > 60) return undefined;
  const simple = SIMPLE.get(ref);
  if (simple) return simple;
  const place = /^pl\.([a-z0-9-]{1,40})\.(\d{1,2})$/.exec(ref);
  if (place) return { kind: "place", province: place[1] as string, entry: Number(place[2]) };
  const area = /^a\.(\d{2}(?:\.\d{2})?)$/.exec(ref);
  if (area) return { kind: "area", code: area[1] as string };
  const island = /^i\.(\d{1,2})$/.exec(ref);
  if (island) return { kind: "island", index: Number(island[1]) };
  const dot = ref.indexOf(".");
  if (dot < 0) return undefined;
  const prefix = ref.slice(0, dot);
  const id = ref.slice(dot + 1);
  if (!SLUG.test(id)) return undefined;
  switch (prefix) {
    case "t":
      return isProgrammeAttribute(id) ? { kind: "topic", id } : undefined;
    case "g":
      return { kind: "term", id };
    case "l":
      return { kind: "cohort", id };
    case "c":
      return { kind: "criterion", id };
    case "p":
      return { kind: "province", id };
    case "pr":
      return { kind: "product", id };
    case "ps":
      return { kind: "person", id };
    case "o":
      return { kind: "org", id };
    case "s":
      return { kind: "source", id };
    default:
      return undefined;
  }
}

function isProgrammeAttribute(id: string): id is ProgrammeAttribute {
  return (PROGRAMME_ATTRIBUTES as readonly string[]).includes(id);
}

/** Whether a subject is a place on the map: a programme province or place, or any region. */
export function isRegion(s: Subject): boolean {
  return s.kind === "province" || s.kind === "place" || s.kind === "area";
}

/** Whether a subject is one of the sources. */
export const isSource = (s: Subject): boolean => s.kind === "source";

/** The province a subject is of: a province's own id, a place's province; `undefined` for others. */
export const provinceIdOf = (s: Subject): string | undefined =>
  s.kind === "place" ? s.province : s.kind === "province" ? s.id : undefined;

/**
 * The sources of a subject's name, stated in a list ("Samosir Regency, Tegal Regency, …"): a
 * place's, a province's entries', a source itself, a consideration's; `undefined` for other subjects.
 */
export function sourcesOfName(k: Knowledge, s: Subject): string[] | undefined {
  const id = provinceIdOf(s);
  const province = id === undefined ? undefined : k.provinces.find((p) => p.id === id);
  if (s.kind === "place") return province?.entries[s.entry]?.place?.sources ?? [];
  if (s.kind === "province") return province?.entries.flatMap((e) => e.sources) ?? [];
  if (s.kind === "source") return [s.id];
  if (s.kind === "criterion") return k.selection.sources;
  return undefined;
}

/** Whether a subject is something the programme develops somewhere: a province of it, a place, a product. */
export const isEntry = (s: Subject): boolean =>
  s.kind === "province" || s.kind === "place" || s.kind === "product";
