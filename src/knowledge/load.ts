import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { type Lexicon, lexiconSchema, toLexicon } from "../answer/lexicon.ts";
import type { Areas } from "./areas.ts";
import { type Regions, toRegions } from "./regions.ts";
import { type KnowledgeFile, knowledgeSchema, regionsSchema } from "./schema.ts";

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

/**
 * The knowledge in service: the validated facts, the language the matcher reads them with
 * (`lexicon.yaml`) and the names of regions (`regions.yaml`), all three loaded and reloaded together.
 */
export interface Knowledge extends KnowledgeFile {
  file: string;
  loadedAt: number;
  lexicon: Lexicon;
  regions: Regions;
}

/** The files beside the knowledge file that are loaded with it. */
export const COMPANION_FILES = { lexicon: "lexicon.yaml", regions: "regions.yaml" } as const;

/** Formats a schema path the way people read it: `provinces[3].name.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new KnowledgeError(
      file,
      "",
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
}

/**
 * Reads and checks the knowledge file and the lexicon and regions files beside it; throws a
 * `KnowledgeError` naming the file, path and problem.
 */
export function loadKnowledge(file: string, areas: Areas): Knowledge {
  const text = readText(file);
  const dir = dirname(file);
  const lexiconFile = join(dir, COMPANION_FILES.lexicon);
  const regionsFile = join(dir, COMPANION_FILES.regions);
  const lexicon = toLexicon(parseYaml(readText(lexiconFile), lexiconFile, lexiconSchema));
  const regions = toRegions(
    parseYaml(readText(regionsFile), regionsFile, regionsSchema),
    areas,
    (path, problem) => {
      throw new KnowledgeError(regionsFile, path, problem);
    },
  );
  return parseKnowledge(text, file, areas, { lexicon, regions });
}

/** Parses YAML text and checks it against a schema; `file` names it in errors. */
export function parseYaml<T extends z.ZodType>(text: string, file: string, schema: T): z.infer<T> {
  const doc = parseDocument(text);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0];
    const where = line ? `line ${line.line}, column ${line.col}` : "";
    // The yaml library ends its message with the location, which `where` already says.
    const message = (yamlError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new KnowledgeError(file, where, `not valid YAML: ${message}`);
  }
  const result = schema.safeParse(doc.toJS());
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
  return result.data;
}

/** Parses and validates knowledge given as YAML text, with its lexicon and regions already read. */
export function parseKnowledge(
  text: string,
  file: string,
  areas: Areas,
  language: { lexicon: Lexicon; regions: Regions },
): Knowledge {
  const knowledge = parseYaml(text, file, knowledgeSchema);
  checkReferences(knowledge, file, areas);
  return { ...knowledge, ...language, file, loadedAt: Date.now() };
}

/** Cross-checks what the schema cannot: known sources, products, cohorts, people and regions, unique ids. */
function checkReferences(k: KnowledgeFile, file: string, areas: Areas): void {
  const fail = (path: string, problem: string): never => {
    throw new KnowledgeError(file, path, problem);
  };
  const sourceKeys = new Set(Object.keys(k.sources));
  const checkSources = (keys: string[], path: string) => {
    keys.forEach((key, i) => {
      if (!sourceKeys.has(key)) fail(`${path}.sources[${i}]`, `unknown source "${key}"`);
    });
  };
  const ids = (list: Array<{ id: string }>, name: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) fail(`${name}[${i}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const productIds = ids(k.products, "products");
  const cohortIds = ids(k.cohorts, "cohorts");
  const provinceIds = ids(k.provinces, "provinces");
  const personIds = ids(k.people, "people");
  ids(k.glossary, "glossary");
  ids(k.channels, "channels");
  ids(k.organisations, "organisations");
  ids(k.selection.criteria, "selection.criteria");

  for (const [key, s] of Object.entries(k.sources)) {
    for (const role of ["author", "editor", "speaker"] as const) {
      const id = s[role];
      if (id && !personIds.has(id)) fail(`sources.${key}.${role}`, `unknown person "${id}"`);
    }
  }
  for (const [name, attribute] of Object.entries(k.programme)) {
    if ("sources" in attribute) checkSources(attribute.sources, `programme.${name}`);
  }
  checkSources(k.selection.sources, "selection");
  k.selection.criteria.forEach((c, i) => {
    checkSources(c.sources, `selection.criteria[${i}]`);
  });
  k.glossary.forEach((g, i) => {
    checkSources(g.sources, `glossary[${i}]`);
  });
  k.people.forEach((p, i) => {
    checkSources(p.sources, `people[${i}]`);
    checkSources(p.about.sources, `people[${i}].about`);
  });
  k.organisations.forEach((o, i) => {
    checkSources(o.sources, `organisations[${i}]`);
  });
  k.cohorts.forEach((c, i) => {
    const path = `cohorts[${i}]`;
    checkSources(c.sources, path);
    if (c.period) checkSources(c.period.sources, `${path}.period`);
    if (c.chosen_from && !cohortIds.has(c.chosen_from))
      fail(`${path}.chosen_from`, `unknown cohort "${c.chosen_from}"`);
    for (const list of ["members", "order"] as const) {
      (c[list] ?? []).forEach((m, j) => {
        if (!provinceIds.has(m)) fail(`${path}.${list}[${j}]`, `unknown province "${m}"`);
      });
    }
  });
  k.provinces.forEach((p, i) => {
    const area = areas.byCode.get(p.area);
    if (area?.kind !== "province") fail(`provinces[${i}].area`, `unknown province code "${p.area}"`);
    p.entries.forEach((e, j) => {
      const path = `provinces[${i}].entries[${j}]`;
      if (!productIds.has(e.product)) fail(`${path}.product`, `unknown product "${e.product}"`);
      if (!cohortIds.has(e.cohort)) fail(`${path}.cohort`, `unknown cohort "${e.cohort}"`);
      if (areas.byCode.get(e.place.area)?.kind !== "regency")
        fail(`${path}.place.area`, `unknown regency code "${e.place.area}"`);
      checkSources(e.sources, path);
      checkSources(e.place.sources, `${path}.place`);
      if (e.note) checkSources(e.note.sources, `${path}.note`);
    });
  });
}
