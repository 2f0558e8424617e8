/**
 * Check a knowledge file before it goes into service.
 *
 *   npm run validate                     checks knowledge/programme.yaml
 *   npm run validate -- FILE             checks another file
 *
 * Prints `FILE: OK (9 provinces, 10 entries, …)`, or the problem as `FILE: path: problem` and
 * exits with code 1. Loads only the official list of regions and the file: no bot, no database.
 */
import { parseArgs } from "node:util";
import { DEFAULT_KNOWLEDGE_PATH } from "../answer/load.ts";
import { loadAreas } from "../knowledge/areas.ts";
import { type Knowledge, KnowledgeError, loadKnowledge } from "../knowledge/load.ts";

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length > 1) {
  console.error("Usage: npm run validate [-- FILE]   (default knowledge/programme.yaml)");
  process.exit(2);
}
const file = positionals[0] ?? DEFAULT_KNOWLEDGE_PATH;

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

try {
  const knowledge = loadKnowledge(file, await loadAreas());
  console.log(`${file}: OK (${summary(knowledge)})`);
} catch (err) {
  // A knowledge problem is the user's to fix: its message says where. Anything else is a bug.
  if (!(err instanceof KnowledgeError)) throw err;
  console.error(err.message);
  process.exit(1);
}
