import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { z } from "zod";
import { type Lexicon, lexiconSchema, toLexicon } from "../answer/lexicon.ts";
import type { Areas } from "./areas.ts";
import {
  checkYaml,
  fileProblem,
  KnowledgeError,
  type PathPart,
  type Problem,
  problemAt,
  type YamlSource,
} from "./problems.ts";
import { type Regions, toRegions } from "./regions.ts";
import { type KnowledgeFile, knowledgeSchema, regionsSchema } from "./schema.ts";

export { formatPath, KnowledgeError } from "./problems.ts";

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

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new KnowledgeError(file, [fileProblem(file, { key: "unreadable", params: { value: code } })]);
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

/** Parses YAML text and checks it against a schema; throws a `KnowledgeError` listing every problem. */
export function parseYaml<T extends z.ZodType>(text: string, file: string, schema: T): z.infer<T> {
  return checked(text, file, schema).value;
}

function checked<T extends z.ZodType>(
  text: string,
  file: string,
  schema: T,
): { value: z.infer<T>; source: YamlSource } {
  const result = checkYaml(text, file, schema as z.ZodType<z.infer<T>>);
  if (!result.ok) throw new KnowledgeError(file, result.problems);
  return result;
}

/** Parses and validates knowledge given as YAML text, with its lexicon and regions already read. */
export function parseKnowledge(
  text: string,
  file: string,
  areas: Areas,
  language: { lexicon: Lexicon; regions: Regions },
): Knowledge {
  const { value: knowledge, source } = checked(text, file, knowledgeSchema);
  const problems: Problem[] = [];
  // Every reference problem, each where it is in the file.
  const report = (path: string, problem: string) => {
    problems.push(problemAt(source, parsePath(path), { text: problem }));
  };
  checkReferences(knowledge, file, areas, report);
  // "The easternmost of the programme's provinces" reads where each lies.
  // (A code that names no region is reported as such, above.)
  const { positions } = language.regions;
  const unplaced = (code: string | undefined) =>
    code !== undefined && areas.byCode.has(code) && !positions.has(code);
  const problem = (code: string | undefined) =>
    `no position for region "${code}" in ${COMPANION_FILES.regions}`;
  knowledge.provinces.forEach((p, i) => {
    if (unplaced(p.area)) report(`provinces[${i}].area`, problem(p.area));
    p.entries.forEach((e, j) => {
      if (unplaced(e.place?.area)) report(`provinces[${i}].entries[${j}].place.area`, problem(e.place?.area));
    });
  });
  if (problems.length) throw new KnowledgeError(file, problems);
  return { ...knowledge, ...language, file, loadedAt: Date.now() };
}

/** Cross-checks what the schema cannot: known sources, products, cohorts, people and regions, unique ids. */
function checkReferences(
  k: KnowledgeFile,
  file: string,
  areas: Areas,
  report: (path: string, problem: string) => void = (path, problem) => {
    throw new KnowledgeError(file, path, problem);
  },
): void {
  const fail = report;
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
    if (s.covers && !cohortIds.has(s.covers)) fail(`sources.${key}.covers`, `unknown cohort "${s.covers}"`);
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
    if (o.country && !k.programme.countries.includes(o.country))
      fail(`organisations[${i}].country`, `"${o.country}" is not one of programme.countries`);
  });
  const statedBy = k.organisations.find((o) => o.id === k.programme.aim.stated_by);
  if (!statedBy?.country)
    fail("programme.aim.stated_by", `"${k.programme.aim.stated_by}" is no organisation with a country`);
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

/** `provinces[3].entries[0].product` → `["provinces", 3, "entries", 0, "product"]`. */
function parsePath(path: string): PathPart[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? String(m[1]) : Number(m[2]),
  );
}
