/**
 * The `answer` benchmark: time per question of `engine.ask` over the project's question set, at
 * today's knowledge size and at 10× and 100×, beside a bare Fuse.js search over the same entries.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import type { AnswerEngine } from "../src/answer/engine.ts";
import type { Translate } from "../src/i18n/index.ts";
import type { Areas } from "../src/knowledge/areas.ts";
import type { Knowledge } from "../src/knowledge/load.ts";
import {
  type Criterion,
  PROGRAMME_ATTRIBUTES,
  type Product,
  type Province,
} from "../src/knowledge/schema.ts";
import { type Built, builtModules } from "./built.ts";
import {
  type BenchSection,
  formatDuration,
  formatRatio,
  planRounds,
  spread,
  summarise,
  tableRow,
  timeEach,
  warmUp,
} from "./stats.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const KNOWLEDGE_FILE = join(ROOT, "knowledge", "programme.yaml");
/** The project's own question set first; the shared development set until it exists. */
const QUESTION_FILES = [
  join(ROOT, "test", "eval", "questions.jsonl"),
  join(ROOT, "..", "shared", "eval", "dev-questions.jsonl"),
];
const SIZES = [1, 10, 100];
/** p99 time per question the engine must stay under, by knowledge size. */
const TARGETS: Record<number, number> = { 1: 2, 100: 20 };
/**
 * Warm-up before timing: the engine until its passes over the questions stop getting faster (see
 * `warmUp`), Fuse.js for a fixed second (one pass at 100× takes far longer; it is the baseline).
 */
const ENGINE_WARMUP = { minMs: 5_000, maxMs: 10_000 };
const FUSE_WARMUP = { minMs: 1_000, maxMs: 1_000 };
/**
 * Timed rounds: 3 to 15, as many as fit in a time budget per size (a quarter of it for the engine
 * alone, all of it for the engine-beside-Fuse.js comparison); when 3 rounds over every question do
 * not fit (Fuse.js at 100×), 3 rounds over questions spread evenly through the set. Keeps the whole
 * section under a minute on two cores.
 */
const ROUNDS = { min: 3, max: 15, minInputs: 20 };
const BUDGET_MS: Record<number, number> = { 1: 5_000, 10: 8_000, 100: 20_000 };
const COLUMNS = [
  "size",
  "subjects",
  "build",
  "warm-up",
  "engine runs",
  "fuse runs",
  "engine p50",
  "engine p99",
  "fuse p50",
  "fuse p99",
  "ratio p50",
  "ratio p99",
  "target (engine p99)",
];
const WIDTHS = [5, 8, 8, 8, 11, 9, 10, 10, 10, 10, 9, 9, 19];

/** The questions of the first question file that exists (JSON lines with a `q` field). */
export function readQuestions(files = QUESTION_FILES): { file: string; questions: string[] } {
  const file = files.find((f) => existsSync(f));
  if (!file) throw new Error(`no question set: looked for ${files.join(", ")}`);
  const questions: string[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      let q: unknown;
      try {
        q = (JSON.parse(line) as { q?: unknown }).q;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      if (typeof q !== "string") throw new Error(`${file}:${i + 1}: no "q" text`);
      questions.push(q);
    });
  if (!questions.length) throw new Error(`${file}: no questions`);
  return { file, questions };
}

/** A made-up word no real question contains, different for every `n`: "qbaba", "qdaba", … */
function synthWord(n: number): string {
  const syllables = "bdfgklmnprstvz".split("").flatMap((c) => "aeiou".split("").map((v) => c + v));
  let word = "";
  let rest = n;
  do {
    word += syllables[rest % syllables.length];
    rest = Math.floor(rest / syllables.length);
  } while (rest > 0 || word.length < 4);
  return `q${word}`;
}

/**
 * Today's knowledge grown `factor` times: each province, product, topic and criterion gets
 * `factor - 1` synthetic copies with made-up names and terms, reusing real area codes and sources
 * so the engine can be built from it directly (no YAML, no validation).
 */
export function synthesise(knowledge: Knowledge, areas: Areas, factor: number): Knowledge {
  const out = structuredClone(knowledge);
  let words = 0;
  const word = () => synthWord(words++);
  const capitalise = (term: string) => term.charAt(0).toUpperCase() + term.slice(1);
  const copies = Array.from({ length: factor - 1 }, (_, index) => index + 1);
  // Products first: synthetic entries name synthetic products only, so real answers stay as they are.
  const products: Product[] = copies.flatMap((copy) =>
    knowledge.products.map((_, index) => {
      const term = word();
      return {
        id: `synthprod-${copy * knowledge.products.length + index}`,
        name: { id: `synthprod ${term}`, en: `synthprod ${term}` },
        terms: { id: [term], en: [term] },
      };
    }),
  );
  const provinces: Province[] = copies.flatMap((copy) =>
    knowledge.provinces.map((province, index) => {
      const number = copy * knowledge.provinces.length + index;
      const term = capitalise(word());
      return {
        ...province,
        id: `synthprov-${number}`,
        area: areas.provinces[number % areas.provinces.length]?.code ?? province.area,
        name: { id: `Synthprov ${number} ${term}`, en: `Synthprov ${number} ${term}` },
        terms: [term.toLowerCase(), `synthprov ${number}`],
        follow_up_target: false,
        entries: province.entries.map((entry, entryIndex) => {
          const place = capitalise(word());
          const at = number + entryIndex;
          return {
            ...entry,
            product: products[at % products.length]?.id ?? entry.product,
            place: {
              ...entry.place,
              name: `Kabupaten ${place}`,
              en: `${place} Regency`,
              area: areas.regencies[at % areas.regencies.length]?.code ?? entry.place.area,
            },
          };
        }),
      };
    }),
  );
  const criteria: Criterion[] = copies.flatMap((copy) =>
    knowledge.selection.criteria.map((criterion, index) => {
      const name = `Synthcrit ${capitalise(word())}`;
      return {
        ...criterion,
        id: `synthcrit-${copy * knowledge.selection.criteria.length + index}`,
        name: { id: name, en: name },
        terms: { id: [name.toLowerCase()], en: [] },
      };
    }),
  );
  out.products.push(...products);
  out.provinces.push(...provinces);
  out.selection = { ...out.selection, criteria: [...out.selection.criteria, ...criteria] };
  return out;
}

interface FuseDoc {
  name: string[];
  terms: string[];
}

/** A bare Fuse.js index over every name and term of the knowledge: the baseline to compare with. */
function fuseBaseline(k: Knowledge): Fuse<FuseDoc> {
  const docs: FuseDoc[] = [
    ...k.provinces.map((p) => ({
      name: [p.name.id, p.name.en],
      terms: [...p.terms, ...p.entries.flatMap((e) => [e.place.name, e.place.en])],
    })),
    ...k.products.map((p) => ({ name: [p.name.id, p.name.en], terms: [...p.terms.id, ...p.terms.en] })),
    ...k.selection.criteria.map((c) => ({
      name: [c.name.id, c.name.en],
      terms: [...c.terms.id, ...c.terms.en],
    })),
    ...PROGRAMME_ATTRIBUTES.map((id) => ({
      name: [],
      terms: [...k.programme[id].terms.id, ...k.programme[id].terms.en],
    })),
    ...k.people.map((p) => ({ name: [p.name], terms: p.terms })),
    ...k.organisations.map((o) => ({ name: [o.name], terms: o.terms })),
  ];
  return new Fuse(docs, {
    keys: ["name", "terms"],
    useTokenSearch: true,
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.4,
  });
}

/** The answers must still reach the synthetic entries, or the larger sizes would measure nothing. */
function checkReachable(engine: AnswerEngine): void {
  const last = engine.knowledge.provinces.at(-1);
  if (!last) return;
  const reply = engine.ask(`${last.name.en}?`);
  if (!reply.subjects.some((s) => s.kind === "province" && s.id === last.id))
    throw new Error(`synthetic province "${last.name.en}" is not answered (${reply.kind})`);
}

/** Times the engine and the Fuse.js baseline over the questions at one knowledge size; one table row. */
function measure(
  { AnswerEngine }: Built,
  base: Knowledge,
  areas: Areas,
  t: Translate,
  questions: string[],
  factor: number,
): { row: string[]; ok: boolean } {
  const knowledge = synthesise(base, areas, factor);
  const built = performance.now();
  // The reading itself, each time: no reply kept from a question asked before.
  const engine = new AnswerEngine(knowledge, areas, t, { keptReplies: 0 });
  const buildMs = performance.now() - built;
  const fuse = fuseBaseline(knowledge);
  checkReachable(engine);
  const ask = (q: string) => engine.ask(q);
  const search = (q: string) => fuse.search(q);
  const budget = BUDGET_MS[factor] ?? 6_000;
  // The engine, for its targets: over every question when that fits in a quarter of the budget.
  const engineWarm = warmUp(ask, questions, ENGINE_WARMUP);
  const enginePlan = planRounds(engineWarm.perCallMs, questions.length, budget / 4, ROUNDS);
  const engineSet = spread(questions, enginePlan.inputs);
  const e = summarise(timeEach(ask, engineSet, enginePlan.rounds));
  // Fuse.js is far slower on whole sentences: compare the two over the questions that fit.
  const fusePlan = planRounds(
    warmUp(search, questions, FUSE_WARMUP).perCallMs,
    questions.length,
    budget,
    ROUNDS,
  );
  const fuseSet = spread(questions, fusePlan.inputs);
  const engineRounds: number[][] = [];
  const fuseRounds: number[][] = [];
  // Alternate the two so that machine noise falls on both alike.
  for (let r = 0; r < fusePlan.rounds; r++) {
    engineRounds.push(...timeEach(ask, fuseSet, 1));
    fuseRounds.push(...timeEach(search, fuseSet, 1));
  }
  const same = summarise(engineRounds);
  const f = summarise(fuseRounds);
  const target = TARGETS[factor];
  const ok = target === undefined || e.p99 <= target;
  const subjects =
    knowledge.provinces.length +
    knowledge.products.length +
    knowledge.cohorts.length +
    knowledge.selection.criteria.length;
  const row = [
    `${factor}×`,
    String(subjects),
    formatDuration(buildMs),
    formatDuration(engineWarm.warmMs),
    `${enginePlan.rounds}×${engineSet.length}`,
    `${fusePlan.rounds}×${fuseSet.length}`,
    formatDuration(e.p50),
    formatDuration(e.p99),
    formatDuration(f.p50),
    formatDuration(f.p99),
    formatRatio(same.p50 / f.p50),
    formatRatio(same.p99 / f.p99),
    target === undefined ? "—" : `≤ ${formatDuration(target)}  ${ok ? "PASS" : "FAIL"}`,
  ];
  return { row, ok };
}

async function run(): Promise<boolean> {
  const { file, questions } = readQuestions();
  const modules = await builtModules();
  const areas = await modules.loadAreas();
  const t = modules.translator(modules.createI18n());
  const base = modules.loadKnowledge(KNOWLEDGE_FILE, areas);
  console.log(`${questions.length} questions from ${relative(process.cwd(), file)}`);
  console.log(
    `warm-up: the engine until its passes stop getting faster (${formatDuration(ENGINE_WARMUP.minMs)}–` +
      `${formatDuration(ENGINE_WARMUP.maxMs)}), Fuse.js ${formatDuration(FUSE_WARMUP.minMs)}; then ` +
      `${ROUNDS.min}–${ROUNDS.max} rounds, as many as fit in the size's time budget; p50 and p99 are ` +
      "medians over the rounds\n",
  );
  console.log(tableRow(COLUMNS, WIDTHS));
  let passed = true;
  for (const factor of SIZES) {
    const { row, ok } = measure(modules, base, areas, t, questions, factor);
    passed &&= ok;
    console.log(tableRow(row, WIDTHS));
  }
  console.log(
    [
      "",
      "subjects: provinces + products + groups + criteria; build: new AnswerEngine()",
      "runs: rounds × questions timed (spread through the set when not all fit in the budget)",
      "ratio: engine time / Fuse.js time over the same questions, timed alternately",
    ].join("\n"),
  );
  return passed;
}

/** `npm run bench -- answer`. */
export const answerBench: BenchSection = {
  name: "answer",
  about: "time per question of engine.ask at 1×, 10× and 100× knowledge, beside bare Fuse.js",
  run,
};
