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
import type { z } from "zod";
import type { Lang } from "../lang.ts";
import { type EntryName, nameEntry } from "./entry-names.ts";
import {
  kindWords,
  PROBLEM_TEXTS,
  PROBLEM_WORDS,
  type ProblemKey,
  type ProblemParams,
} from "./problem-texts.ts";
import { issueProblems } from "./schema-issues.ts";
import { locate, type PathPart, readYaml, type YamlSource } from "./yaml-source.ts";

export type { PathPart, YamlSource } from "./yaml-source.ts";

/** What is wrong: a message of the catalogue, or text as given (a schema's own words). */
export type ProblemText =
  | { key: ProblemKey; params?: Omit<ProblemParams, "field">; suggestion?: string }
  | { text: string };

/** One problem, with where it is; {@link describeProblem} puts it in words. */
export interface Problem extends EntryName {
  file: string;
  /** 1-based, when the place is known. */
  line: number | undefined;
  column: number | undefined;
  /** Where in the data: `["provinces", 3, "name", "en"]`. */
  path: readonly PathPart[];
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

/** Parses YAML and checks it against `schema`: the checked value, or every problem found. */
export function checkYaml<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
): { ok: true; value: T; source: YamlSource } | { ok: false; problems: Problem[] } {
  const { source, faults } = readYaml(text, file);
  if (faults.length) {
    const problems = faults.map(
      (f): Problem => ({
        ...placeless(file),
        line: f.line,
        column: f.column,
        text: { key: "notYaml", params: { hint: f.words } },
      }),
    );
    return { ok: false, problems };
  }
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
