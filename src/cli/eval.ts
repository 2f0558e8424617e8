/**
 * The project's own evaluation: accuracy per category over every question set in test/eval/
 * (or the files given), by the rules of the shared scorer.
 *
 *   npm run eval                 all categories and the totals
 *   npm run eval -- --verbose    also every failure
 *   npm run eval -- FILE …       other question sets, given by path
 */
import { readdirSync, readFileSync } from "node:fs";
import { evaluate, parseCases, percent } from "../answer/evaluate.ts";
import { loadEngine } from "../answer/load.ts";
import { parseCommand } from "./args.ts";

const { values, positionals } = parseCommand({
  usage: "npm run eval [-- [--verbose] [FILE …]]",
  help: `
Accuracy per category over the question sets in test/eval/ (or the files given), by the rules of
the shared scorer.

--verbose   also list every failure`,
  options: { verbose: { type: "boolean", default: false } },
  maxPositionals: Number.POSITIVE_INFINITY,
});
const EVAL_DIR = "test/eval";
const files = positionals.length
  ? positionals
  : readdirSync(EVAL_DIR)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()
      .map((f) => `${EVAL_DIR}/${f}`);
const engine = await loadEngine();
for (const file of files) {
  const result = evaluate(engine, parseCases(readFileSync(file, "utf8")));
  console.log(`${file}: ${result.total} questions`);
  const rows = [...result.categories].sort(([a], [b]) => a.localeCompare(b));
  for (const [category, t] of rows)
    console.log(`  ${category.padEnd(20)} ${`${t.pass}/${t.total}`.padStart(7)}  ${percent(t)}%`);
  const g = (name: string) => percent(result.groups.get(name));
  console.log(
    `  in-scope ${g("in-scope")}%, out-of-scope rejected ${g("out-of-scope")}%, small talk ${g("small talk")}%, ` +
      `language ${percent({ pass: result.languageOk, total: result.total })}%`,
  );
  if (values.verbose && result.failures.length) console.log(`\nfailures:\n${result.failures.join("\n")}`);
  else if (result.failures.length)
    console.log(`  (${result.failures.length} failures; --verbose lists them)`);
}
