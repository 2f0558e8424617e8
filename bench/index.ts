/**
 * Benchmarks, one named section each.
 *
 *   npm run bench                  runs every section
 *   npm run bench -- answer        runs only the named sections
 *   npm run bench -- --list        lists the sections
 *
 * Each section prints its figures and its targets with PASS or FAIL; the exit code is 1 when a
 * target is missed. Add a section by writing a `BenchSection` and listing it below.
 */
import { cpus, loadavg } from "node:os";
import { parseCommand, usageError } from "../src/cli/args.ts";
import { answerBench } from "./answer.ts";
import { hostileBench } from "./hostile.ts";
import { inlineBench } from "./inline.ts";
import { startupBench } from "./startup.ts";
import type { BenchSection } from "./stats.ts";
import { memoryBench, webhookBench } from "./telegram.ts";

const SECTIONS: readonly BenchSection[] = [
  answerBench,
  webhookBench,
  memoryBench,
  inlineBench,
  hostileBench,
  startupBench,
];

const list = SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.about}`).join("\n");
const COMMAND = {
  usage: "npm run bench [-- [--list] [SECTION …]]",
  help: `
Runs the benchmarks (every section, or those named) and prints each one's figures beside its
targets; the exit code is 1 when a target is missed.

--list   lists the sections

Sections:
${list}`,
  options: { list: { type: "boolean", default: false } },
  maxPositionals: Number.POSITIVE_INFINITY,
} as const;
const { values, positionals } = parseCommand(COMMAND);
if (values.list) {
  console.log(`Sections:\n${list}`);
  process.exit(0);
}
const unknown = positionals.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length) usageError(COMMAND, `Unknown section: ${unknown.join(", ")}. Sections:\n${list}`);
const chosen = positionals.length ? SECTIONS.filter((s) => positionals.includes(s.name)) : SECTIONS;

// Timings on a busy machine include waiting for a CPU: say so beside the figures.
const load = loadavg()[0] ?? 0;
const cores = cpus().length;
console.log(
  `Node ${process.version}, ${cores} CPUs, load average ${load.toFixed(1)}` +
    (load > cores / 2 ? " (busy: figures include waiting for a CPU; run again when idle)" : "") +
    "\n",
);

let passed = true;
for (const section of chosen) {
  const started = Date.now();
  console.log(`== ${section.name}: ${section.about}\n`);
  const ok = await section.run();
  passed &&= ok;
  console.log(
    `\n${section.name}: ${ok ? "PASS" : "FAIL"} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}
if (!passed) process.exitCode = 1;
