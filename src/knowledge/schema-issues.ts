/**
 * zod's issues, read as problems people can fix: what the value is and what it should be,
 * and for an unknown key the key probably meant (the schema says which keys are allowed).
 */
import type { z } from "zod";
import type { PathPart, ProblemText } from "./problems.ts";

type Issue = z.core.$ZodIssue;
type Found = { path: PathPart[]; text: ProblemText };

/** The problems `issues` describe, read against the checked `data` and its `schema`. */
export function issueProblems(
  issues: readonly Issue[],
  data: unknown,
  schema: z.ZodType,
  defaultMessage: string,
): Found[] {
  const found: Found[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const ctx: IssueContext = {
      issue,
      path,
      value: valueAt(data, path),
      schema,
      custom: own(issue, defaultMessage),
      defaultMessage,
    };
    const read = READERS[issue.code] ?? readOther;
    for (const problem of read(ctx)) found.push(problem);
  }
  return withoutMisspeltMissing(found);
}

interface IssueContext {
  issue: Issue;
  path: PathPart[];
  /** The value at the issue's path. */
  value: unknown;
  schema: z.ZodType;
  /** The schema's own message, when it has one (zod's defaults say nothing useful). */
  custom: string | undefined;
  defaultMessage: string;
}

const own = (issue: { message: string }, defaultMessage: string) =>
  issue.message === defaultMessage ? undefined : issue.message;

type Reader = (ctx: IssueContext) => Found[];
const at = (ctx: IssueContext, text: ProblemText): Found[] => [{ path: ctx.path, text }];

/** How each kind of zod issue is told. */
const READERS: Partial<Record<Issue["code"], Reader>> = {
  invalid_type: (ctx) => {
    const issue = ctx.issue as z.core.$ZodIssueInvalidType;
    if (ctx.value === undefined) return at(ctx, { key: "missing" });
    return at(ctx, { key: "wrongType", params: { expected: issue.expected, received: received(ctx.value) } });
  },
  too_small: (ctx) => {
    const { origin, minimum } = ctx.issue as z.core.$ZodIssueTooSmall;
    const min = Number(minimum);
    if (origin === "string")
      return at(ctx, min <= 1 ? { key: "empty" } : { key: "tooShort", params: { min } });
    if (origin === "array" || origin === "set") return at(ctx, { key: "tooFew", params: { min } });
    return at(ctx, { key: "atLeast", params: { min, value: shown(ctx.value) } });
  },
  too_big: (ctx) => {
    const { origin, maximum } = ctx.issue as z.core.$ZodIssueTooBig;
    const max = Number(maximum);
    if (origin === "string") return at(ctx, { key: "tooLong", params: { max } });
    if (origin === "array" || origin === "set") return at(ctx, { key: "tooMany", params: { max } });
    return at(ctx, { key: "atMost", params: { max, value: shown(ctx.value) } });
  },
  invalid_format: (ctx) => {
    const { format } = ctx.issue as z.core.$ZodIssueInvalidStringFormat;
    if (format === "url" && !ctx.custom)
      return at(ctx, { key: "notUrl", params: { value: shown(ctx.value) } });
    return at(ctx, { key: "badFormat", params: { value: shown(ctx.value), hint: ctx.custom } });
  },
  unrecognized_keys: (ctx) => {
    const allowed = keysAt(ctx.schema, ctx.path);
    return (ctx.issue as z.core.$ZodIssueUnrecognizedKeys).keys.map((key) => ({
      path: [...ctx.path, key],
      text: {
        key: "unknownKey",
        params: { value: key, options: allowed.join(", ") },
        suggestion: nearest(key, allowed),
      },
    }));
  },
  invalid_value: (ctx) => {
    const options = (ctx.issue as z.core.$ZodIssueInvalidValue).values.map(String);
    return at(ctx, {
      key: "notOneOf",
      params: { value: shown(ctx.value), options: options.join(", ") },
      suggestion: nearest(shown(ctx.value), options),
    });
  },
  invalid_union: (ctx) => {
    const branches = (ctx.issue as { errors?: Issue[][] }).errors ?? [];
    const expected = branches.flatMap((b) =>
      b.filter((i) => i.code === "invalid_type").map((i) => i.expected),
    );
    if (ctx.value === undefined) return at(ctx, { key: "missing" });
    if (!expected.length) return at(ctx, { key: "notValid", params: { hint: ctx.custom } });
    return at(ctx, {
      key: "wrongType",
      params: { expected: expected.join("|"), received: received(ctx.value) },
    });
  },
  invalid_key: (ctx) => {
    const inner = (ctx.issue as z.core.$ZodIssueInvalidKey).issues[0];
    const key = String(ctx.path.at(-1));
    return at(ctx, { key: "badKey", params: { value: key, hint: inner && own(inner, ctx.defaultMessage) } });
  },
  custom: (ctx) => at(ctx, ctx.custom ? { text: ctx.custom } : { key: "notValid" }),
};

function readOther(ctx: IssueContext): Found[] {
  return at(ctx, { key: "notValid", params: { hint: ctx.custom } });
}

/**
 * A misspelt key reads as two issues: the unknown key and the missing one. The unknown key,
 * with the key probably meant, says it all.
 */
function withoutMisspeltMissing(found: Found[]): Found[] {
  const meant = new Set(
    found.flatMap((f) =>
      "key" in f.text && f.text.key === "unknownKey" && f.text.suggestion
        ? [JSON.stringify([...f.path.slice(0, -1), f.text.suggestion])]
        : [],
    ),
  );
  return found.filter(
    (f) => !("key" in f.text && f.text.key === "missing" && meant.has(JSON.stringify(f.path))),
  );
}

/** The kind of a value, as zod names kinds ("string", "array" …), for the words of the catalogue. */
function received(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "date";
  const kind = typeof value;
  return kind === "string" || kind === "number" || kind === "boolean" ? `${kind}:${shown(value)}` : kind;
}

/** A value as the file shows it, cut short. */
function shown(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PathPart, unknown>)[part];
  }
  return value;
}

/** The keys the schema allows at `path` (an object's), or none when it cannot tell. */
export function keysAt(schema: z.ZodType, path: readonly PathPart[]): string[] {
  let here: Def | undefined = defOf(schema);
  for (const part of path) here = here && step(here, part);
  const object = here && settle(here);
  return object?.type === "object" && object.shape ? Object.keys(object.shape) : [];
}

/** The parts of zod's schema definitions (`schema._zod.def`) a walk along a path needs. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType | undefined): Def | undefined {
  return schema ? (schema._zod.def as unknown as Def) : undefined;
}

/** Looks through wrappers (optional, default, pipes …) to the schema that holds the data. */
function settle(def: Def): Def {
  let here = def;
  for (let depth = 0; depth < 20; depth++) {
    const inner =
      here.innerType ??
      (here.type === "pipe" ? (defOf(here.in)?.type === "transform" ? here.out : here.in) : undefined);
    const next = defOf(inner);
    if (!next) return here;
    here = next;
  }
  return here;
}

function step(def: Def, part: PathPart): Def | undefined {
  const here = settle(def);
  if (here.type === "object") return defOf(here.shape?.[String(part)]);
  if (here.type === "array") return defOf(here.element);
  if (here.type === "record") return defOf(here.valueType);
  if (here.type === "union") {
    return here.options?.map((o) => step(defOf(o) as Def, part)).find((d) => d !== undefined);
  }
  return undefined;
}

/** The candidate closest to `word` by edit distance, when it is close enough to be a slip. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length * 0.4));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance, with a swap of neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  const cell = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, cell(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return cell(a.length, b.length);
}
