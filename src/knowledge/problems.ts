/**
 * Problems in a YAML file people edit by hand, told the way they can fix them: where (file, line,
 * column), in which entry by its name ("provinces → Jawa Tengah"), and what, in plain words in
 * their language ("English name missing"; an unknown key with the key probably meant). Works
 * for any zod schema: the knowledge file, the lexicon, whatever comes next.
 *
 *   const checked = checkYaml(text, file, schema);
 *   if (!checked.ok) throw new KnowledgeError(file, checked.problems);
 *   // more checks: problemAt(checked.source, ["provinces", 3, "area"], { key: …, params: … })
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { LANGS, type Lang } from "../lang.ts";
import {
  kindWords,
  PROBLEM_TEXTS,
  PROBLEM_WORDS,
  type ProblemKey,
  type ProblemParams,
} from "./problem-texts.ts";
import { issueProblems } from "./schema-issues.ts";

/** A step into the data: a key of a mapping, or a 0-based index of a list. */
export type PathPart = string | number;

/** What is wrong: a message of the catalogue, or text as given (a schema's own words). */
export type ProblemText =
  | { key: ProblemKey; params?: Omit<ProblemParams, "field">; suggestion?: string }
  | { text: string };

/** One problem, with where it is; {@link describeProblem} puts it in words. */
export interface Problem {
  file: string;
  /** 1-based, when the place is known. */
  line: number | undefined;
  column: number | undefined;
  /** Where in the data: `["provinces", 3, "name", "en"]`. */
  path: readonly PathPart[];
  /** The entry, as people name it: `["provinces", "Jawa Tengah"]`; empty for the whole file. */
  entry: readonly string[];
  /** The key of the entry the problem is about: `name`, in English. */
  field: { key: string; lang?: Lang; item?: number } | undefined;
  text: ProblemText;
}

/**
 * A file that cannot be used, with every problem found in it. Its message lists them in English,
 * one a line (`file:line:column: entry: problem`); {@link describeProblem} says them in another
 * language. `path` and `problem` are the first problem's, for callers that show one.
 */
export class KnowledgeError extends Error {
  override readonly name = "KnowledgeError";
  readonly problems: readonly Problem[];
  /** The first problem's place in the data, as keys and indexes: `provinces[3].name.en`. */
  readonly path: string;
  /** The first problem, in English words. */
  readonly problem: string;

  /** From the problems found, or (older callers) one problem given as `file: path: problem`. */
  constructor(
    readonly file: string,
    problems: readonly Problem[] | string,
    problem?: string,
  ) {
    const list =
      typeof problems === "string"
        ? [{ ...placeless(file), entry: problems ? [problems] : [], text: { text: problem ?? "" } }]
        : problems;
    const first = list[0];
    const path = typeof problems === "string" ? problems : formatPath(first?.path ?? []);
    const said = first ? describeProblem({ ...first, entry: [] }) : "";
    super(
      typeof problems === "string"
        ? [file, problems, problem].filter(Boolean).join(": ")
        : list.map((p) => formatProblem(p)).join("\n"),
    );
    this.problems = list;
    this.path = path;
    this.problem = said;
  }
}

/** Formats a path the way programmers read it: `provinces[3].name.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** A parsed YAML file: its document (for places), its data (for names) and its name. */
export interface YamlSource {
  file: string;
  doc: Document;
  data: unknown;
  lines: LineCounter;
}

/** Keys whose value names an entry, in order of preference. */
const NAME_KEYS = ["name", "title", "id", "key"];

/** Parses YAML; syntax errors come back as problems, every one of them. */
export function parseYaml(text: string, file: string): { source: YamlSource; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const source: YamlSource = { file, doc, data: doc.errors.length ? undefined : doc.toJS(), lines };
  const problems = doc.errors.map((error): Problem => {
    const at = lines.linePos(error.pos[0]);
    // The library's first line, less the location it appends (said once, in front).
    const words = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return {
      ...placeless(file),
      line: at.line,
      column: at.col,
      text: { key: "notYaml", params: { hint: words } },
    };
  });
  return { source, problems };
}

/** Parses YAML and checks it against `schema`: the checked value, or every problem found. */
export function checkYaml<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
): { ok: true; value: T; source: YamlSource } | { ok: false; problems: Problem[] } {
  const { source, problems } = parseYaml(text, file);
  if (problems.length) return { ok: false, problems };
  const result = schema.safeParse(source.data, { error: () => SCHEMA_DEFAULT });
  if (result.success) return { ok: true, value: result.data, source };
  const found = issueProblems(result.error.issues, source.data, schema, SCHEMA_DEFAULT).map((p) =>
    problemAt(source, p.path, p.text),
  );
  return { ok: false, problems: found.sort(byPlace) };
}

/** Marks zod's own (unhelpful) messages, so only a schema's own words are passed on. */
const SCHEMA_DEFAULT = "\u0000zod-default";

/** A problem at `path` of a parsed file, with its line, column and entry name. */
export function problemAt(source: YamlSource, path: readonly PathPart[], text: ProblemText): Problem {
  const at = locate(source, path);
  const { entry, field } = nameEntry(source.data, path);
  return { file: source.file, line: at?.line, column: at?.col, path, entry, field, text };
}

/** A problem with the whole file (it cannot be read, …). */
export function fileProblem(file: string, text: ProblemText): Problem {
  return { ...placeless(file), text };
}

function placeless(file: string): Omit<Problem, "text"> {
  return { file, line: undefined, column: undefined, path: [], entry: [], field: undefined };
}

function byPlace(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** "provinces → Jawa Tengah: English name missing", in `lang`. */
export function describeProblem(problem: Problem, lang: Lang = "en"): string {
  const words = PROBLEM_WORDS[lang];
  const { text, field, entry } = problem;
  if ("text" in text) return entry.length ? `${entry.join(" → ")}: ${text.text}` : text.text;
  const fieldWords = !field
    ? entry.length
      ? words.thisEntry
      : words.theFile
    : field.lang
      ? words.inLanguage(field.key, field.lang)
      : field.item !== undefined
        ? words.item(field.key, field.item + 1)
        : field.key;
  const params = {
    ...text.params,
    ...kindsInWords(text.params, lang),
    field: fieldWords,
    suggestion: text.suggestion,
  };
  const said =
    PROBLEM_TEXTS[text.key][lang](params) + (text.suggestion ? words.didYouMean(text.suggestion) : "");
  return entry.length ? `${entry.join(" → ")}: ${said}` : said;
}

/**
 * The problems as lines for a person who has the file open: "line 173: provinces → …", at most
 * `max` of them and a last line saying how many more there are.
 */
export function problemLines(problems: readonly Problem[], lang: Lang, max = 10): string[] {
  const words = PROBLEM_WORDS[lang];
  const lines = problems
    .slice(0, max)
    .map((p) => (p.line ? `${words.line(p.line)}: ${describeProblem(p, lang)}` : describeProblem(p, lang)));
  if (problems.length > max) lines.push(words.more(problems.length - max));
  return lines;
}

/** Kinds of values ("int", "string:2015a") in words: "a whole number", "text (2015a)". */
function kindsInWords(params: Omit<ProblemParams, "field"> | undefined, lang: Lang): Partial<ProblemParams> {
  const words = PROBLEM_WORDS[lang];
  const out: Partial<ProblemParams> = {};
  if (params?.expected)
    out.expected = params.expected
      .split("|")
      .map((k) => kindWords(k, lang))
      .join(words.or);
  if (params?.received) {
    const [kind = "", ...value] = params.received.split(":");
    out.received = value.length ? `${kindWords(kind, lang)} ("${value.join(":")}")` : kindWords(kind, lang);
  }
  return out;
}

/** `file:line:column: entry: problem`, the form editors and terminals link to the place. */
export function formatProblem(problem: Problem, lang: Lang = "en"): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  return `${where}: ${describeProblem(problem, lang)}`;
}

/** The line and column of `path` in the document: the key's own place, else its closest parent's. */
function locate(source: YamlSource, path: readonly PathPart[]): { line: number; col: number } | undefined {
  let node: unknown = source.doc.contents;
  let place = offsetOf(node);
  for (const part of path) {
    const next = childOf(node, part);
    if (!next) break;
    node = next.value;
    place = next.at ?? offsetOf(node) ?? place;
  }
  return place === undefined ? undefined : source.lines.linePos(place);
}

function childOf(node: unknown, part: PathPart): { value: unknown; at: number | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
    return pair ? { value: pair.value, at: offsetOf(pair.key) } : undefined;
  }
  if (isSeq(node) && typeof part === "number") {
    const item = node.items[part];
    return item === undefined ? undefined : { value: item, at: offsetOf(item) };
  }
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/**
 * Splits a path into the entry people know by name and the key the problem is about:
 * `provinces[3].name.en` → entry "provinces → Jawa Tengah", key `name` in English.
 */
function nameEntry(data: unknown, path: readonly PathPart[]): Pick<Problem, "entry" | "field"> {
  // The key: the last name in the path, with the language or list position that follows it.
  let keyAt = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === "string") {
      keyAt = i;
      break;
    }
  }
  const tail = path.slice(keyAt + 1);
  const last = path[keyAt];
  const endsAtItem = keyAt >= 0 && tail.length === 1 && typeof tail[0] === "number";
  const lang = LANGS.find((l) => l === last);
  let field: Problem["field"];
  let entryEnd = keyAt;
  if (keyAt < 0 || (tail.length > 0 && !endsAtItem)) {
    entryEnd = path.length; // the path ends at an entry of a list, not at a key
  } else if (lang && !endsAtItem && keyAt > 0 && typeof path[keyAt - 1] === "string") {
    field = { key: String(path[keyAt - 1]), lang };
    entryEnd = keyAt - 1;
  } else {
    field = { key: String(last), ...(endsAtItem ? { item: tail[0] as number } : {}) };
  }
  return { entry: entryLabels(data, path.slice(0, entryEnd)), field };
}

/** `["provinces", 3, "entries", 0]` → `["provinces", "Jawa Tengah", "entries #1"]`. */
function entryLabels(data: unknown, path: readonly PathPart[]): string[] {
  const labels: string[] = [];
  let value = data;
  for (const part of path) {
    value =
      typeof value === "object" && value !== null ? (value as Record<PathPart, unknown>)[part] : undefined;
    if (typeof part === "string") labels.push(part);
    else {
      const name = nameOf(value);
      if (name) labels.push(name);
      else labels.push(`${labels.pop() ?? ""} #${part + 1}`.trim());
    }
  }
  return labels;
}

/** The name an entry goes by: its `name` (the first language of a translated one), `title` or `id`. */
function nameOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  for (const key of NAME_KEYS) {
    const name = (value as Record<string, unknown>)[key];
    if (typeof name === "string" && name.trim()) return name.trim().slice(0, 60);
    if (typeof name === "object" && name !== null) {
      const first = Object.values(name).find((v) => typeof v === "string" && v.trim());
      if (typeof first === "string") return first.trim().slice(0, 60);
    }
  }
  return undefined;
}
