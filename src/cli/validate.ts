/**
 * Check the knowledge file, and the lexicon and regions files beside it, before they go into service.
 *
 *   npm run validate                 checks KNOWLEDGE_PATH (environment or .env), else knowledge/programme.yaml
 *   npm run validate -- FILE         checks another file
 *   npm run validate -- --lang id    says the problems in Indonesian
 *
 * Prints `FILE: OK (9 provinces, 10 entries, …)`, or every problem, one a line, as
 * `FILE:LINE:COLUMN: entry: problem`, and exits with code 1. Loads only the official list of
 * regions and the files: no bot, no database.
 */
import { config as loadDotenv } from "dotenv";
import { knowledgePathFrom } from "../config.ts";
import { loadAreas } from "../knowledge/areas.ts";
import { COMPANION_FILES, type Knowledge, KnowledgeError, loadKnowledge } from "../knowledge/load.ts";
import { PROBLEM_WORDS } from "../knowledge/problem-texts.ts";
import { formatProblem } from "../knowledge/problems.ts";
import { isLang, type Lang } from "../lang.ts";
import { parseCommand, usageError } from "./args.ts";

const COMMAND = {
  usage: "npm run validate [-- [--lang id|en] [FILE]]",
  help: `
Checks a knowledge file and the lexicon.yaml and regions.yaml beside it, and lists every problem
with its file, line, column and entry, e.g.
  knowledge/programme.yaml:269:5: provinces → Jawa Timur: English name missing

FILE     the knowledge file (default: KNOWLEDGE_PATH from the environment or .env,
         else knowledge/programme.yaml)
--lang   the language of the problems: en (default) or id`,
  options: { lang: { type: "string", default: "en" } },
  maxPositionals: 1,
} as const;

const { values, positionals } = parseCommand(COMMAND);
if (!isLang(values.lang)) usageError(COMMAND, `--lang takes "id" or "en", not "${values.lang}"`);
const lang: Lang = values.lang;
loadDotenv({ quiet: true });
const file = positionals[0] ?? knowledgePathFrom(process.env);

/** "9 provinces, 10 entries, 1 person, …": what the file holds, as counts. */
function summary(k: Knowledge): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    count(k.provinces.length, "province"),
    count(
      k.provinces.reduce((n, p) => n + p.entries.length, 0),
      "entry",
      "entries",
    ),
    count(k.products.length, "product"),
    count(k.cohorts.length, "group"),
    count(k.selection.criteria.length, "criterion", "criteria"),
    count(k.people.length, "person", "people"),
    count(k.organisations.length, "organisation"),
    count(Object.keys(k.sources).length, "source"),
  ].join(", ");
}

/** Runs one check; a `KnowledgeError` is the user's to fix (printed), anything else is a bug (thrown). */
async function check(what: () => Promise<string>): Promise<boolean> {
  try {
    console.log(await what());
    return true;
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    for (const problem of err.problems) console.error(formatProblem(problem, lang));
    console.error(`${err.file}: ${PROBLEM_WORDS[lang].count(err.problems.length)}\n`);
    return false;
  }
}

// The lexicon and the regions beside the knowledge file are loaded, and checked, with it.
const companions = Object.values(COMPANION_FILES).join(" and ");
const ok = await check(
  async () => `${file}: OK (${summary(loadKnowledge(file, await loadAreas()))}), with ${companions}`,
);
if (!ok) process.exit(1);
