import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { Areas } from "./areas";
import { type KnowledgeFile, knowledgeSchema } from "./schema";

/** A knowledge file that cannot be used, with where the problem is: `file: path: problem`. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${file}: ${path}: ${problem}` : `${file}: ${problem}`);
    this.name = "KnowledgeError";
  }
}

/** The knowledge in service: the validated file plus where it came from. */
export interface Knowledge extends KnowledgeFile {
  file: string;
  loadedAt: number;
}

/** Formats a schema path the way people read it: `provinces[3].name.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Reads, parses and validates a knowledge file; throws a `KnowledgeError` naming the file, path and problem. */
export function loadKnowledge(file: string, areas: Areas): Knowledge {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new KnowledgeError(
      file,
      "",
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  return parseKnowledge(text, file, areas);
}

/** Parses and validates knowledge given as YAML text; `file` names it in errors. */
export function parseKnowledge(text: string, file: string, areas: Areas): Knowledge {
  const doc = parseDocument(text);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0];
    const where = line ? `line ${line.line}, column ${line.col}` : "";
    // The yaml library ends its message with the location, which `where` already says.
    const message = (yamlError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new KnowledgeError(file, where, `not valid YAML: ${message}`);
  }
  const result = knowledgeSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new KnowledgeError(file, "", "invalid");
    const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
    const empty = issue.code === "too_small" && issue.origin === "string";
    throw new KnowledgeError(
      file,
      formatPath(issue.path),
      missing ? "missing" : empty ? "empty" : issue.message,
    );
  }
  const knowledge = result.data;
  checkReferences(knowledge, file, areas);
  return { ...knowledge, file, loadedAt: Date.now() };
}

/** Cross-checks what the schema cannot: known sources, products and area codes, unique ids. */
function checkReferences(k: KnowledgeFile, file: string, areas: Areas): void {
  const fail = (path: string, problem: string): never => {
    throw new KnowledgeError(file, path, problem);
  };
  const checkSources = (keys: string[], path: string) => {
    keys.forEach((key, i) => {
      if (!(key in k.sources)) fail(`${path}.sources[${i}]`, `unknown source "${key}"`);
    });
  };
  const productIds = new Set(k.products.map((p) => p.id));
  const lists = {
    topics: k.topics,
    provinces: k.provinces,
    products: k.products,
    criteria: k.criteria,
  } as const;
  for (const [name, list] of Object.entries(lists)) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) fail(`${name}[${i}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  }
  const cited = { topics: k.topics, criteria: k.criteria, people: k.people, organisations: k.organisations };
  for (const [name, list] of Object.entries(cited)) {
    list.forEach((item, i) => {
      checkSources(item.sources, `${name}[${i}]`);
    });
  }
  k.provinces.forEach((p, i) => {
    const area = areas.byCode.get(p.area);
    if (area?.kind !== "province") fail(`provinces[${i}].area`, `unknown province code "${p.area}"`);
    p.entries.forEach((e, j) => {
      const path = `provinces[${i}].entries[${j}]`;
      if (!productIds.has(e.product)) fail(`${path}.product`, `unknown product "${e.product}"`);
      if (!areas.byCode.has(e.place.area))
        fail(`${path}.place.area`, `unknown regency code "${e.place.area}"`);
      checkSources(e.sources, path);
      checkSources(e.place.sources, `${path}.place`);
    });
  });
}
