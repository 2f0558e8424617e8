/**
 * What an answer is about. A subject can be written as a short reference ("p.papua") that fits
 * in Telegram's 64-byte callback data and in deep links, and read back.
 */
export type Subject =
  | { kind: "province"; id: string }
  | { kind: "place"; province: string; entry: number }
  | { kind: "product"; id: string }
  | { kind: "criteria" }
  | { kind: "criterion"; id: string }
  | { kind: "person"; id: string }
  | { kind: "org"; id: string }
  | { kind: "topic"; id: string }
  | { kind: "list"; phase?: number | undefined }
  | { kind: "officials" }
  | { kind: "area"; code: string; asked?: string | undefined };

const SLUG = /^[a-z0-9-]{1,40}$/;

/** The short reference of a subject: "p.papua", "t.aim", "l1", "cr". */
export function subjectRef(s: Subject): string {
  switch (s.kind) {
    case "province":
      return `p.${s.id}`;
    case "place":
      return `pl.${s.province}.${s.entry}`;
    case "product":
      return `pr.${s.id}`;
    case "criteria":
      return "cr";
    case "criterion":
      return `c.${s.id}`;
    case "person":
      return `ps.${s.id}`;
    case "org":
      return `o.${s.id}`;
    case "topic":
      return `t.${s.id}`;
    case "list":
      return s.phase ? `l${s.phase}` : "l";
    case "officials":
      return "of";
    case "area":
      return `a.${s.code}`;
  }
}

/** Reads a reference back; `undefined` for anything malformed (forged or stale buttons). */
export function parseSubjectRef(ref: string): Subject | undefined {
  if (ref.length > 60) return undefined;
  if (ref === "cr") return { kind: "criteria" };
  if (ref === "of") return { kind: "officials" };
  if (ref === "l") return { kind: "list" };
  const list = /^l([1-9])$/.exec(ref);
  if (list) return { kind: "list", phase: Number(list[1]) };
  const place = /^pl\.([a-z0-9-]{1,40})\.(\d{1,2})$/.exec(ref);
  if (place) return { kind: "place", province: place[1] as string, entry: Number(place[2]) };
  const area = /^a\.(\d{2}(?:\.\d{2})?)$/.exec(ref);
  if (area) return { kind: "area", code: area[1] as string };
  const dot = ref.indexOf(".");
  if (dot < 0) return undefined;
  const prefix = ref.slice(0, dot);
  const id = ref.slice(dot + 1);
  if (!SLUG.test(id)) return undefined;
  switch (prefix) {
    case "p":
      return { kind: "province", id };
    case "pr":
      return { kind: "product", id };
    case "c":
      return { kind: "criterion", id };
    case "ps":
      return { kind: "person", id };
    case "o":
      return { kind: "org", id };
    case "t":
      return { kind: "topic", id };
    default:
      return undefined;
  }
}
