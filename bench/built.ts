/**
 * The bot's modules as production runs them: compiled by `tsc` into dist/ and loaded by plain node.
 *
 * The benchmarks themselves run through tsx, whose compiler keeps every function's name by wrapping
 * each function the code creates in a call that sets it: an arrow function made once per message
 * costs a property definition each time. Measured through tsx, answering a question took some
 * twice the CPU time it takes built (README). The baselines beside the bot (Fuse.js, a bare
 * Telegraf bot) are plain JavaScript either way; the bot is measured built, as it runs.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
let compiled = false;

/** Builds dist/ from the sources, once a run: every section that runs the built bot calls it. */
export function buildDist(): void {
  if (compiled) return;
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  compiled = true;
}

/**
 * The built module of `src/<path>.ts` (given as `<path>.js`), typed as its source:
 * `await built<typeof import("../src/answer/load.ts")>("answer/load.js")`.
 */
async function built<Module>(path: string): Promise<Module> {
  buildDist();
  return (await import(pathToFileURL(join(DIST, path)).href)) as Module;
}

/** What the benchmarks build the bot from, built: the engine over its knowledge, and the whole bot. */
export async function builtModules() {
  const modules = await Promise.all([
    built<typeof import("../src/answer/engine.ts")>("answer/engine.js"),
    built<typeof import("../src/answer/load.ts")>("answer/load.js"),
    built<typeof import("../src/answer/province-search.ts")>("answer/province-search.js"),
    built<typeof import("../src/i18n/index.ts")>("i18n/index.js"),
    built<typeof import("../src/knowledge/areas.ts")>("knowledge/areas.js"),
    built<typeof import("../src/knowledge/load.ts")>("knowledge/load.js"),
    built<typeof import("../src/cli/offline-bot.ts")>("cli/offline-bot.js"),
    built<typeof import("../src/logger.ts")>("logger.js"),
    built<typeof import("../src/server.ts")>("server.js"),
    built<typeof import("../src/telegram/liveness.ts")>("telegram/liveness.js"),
    built<typeof import("../src/telegram/webhook-intake.ts")>("telegram/webhook-intake.js"),
  ]);
  const [engine, load, search, i18n, areas, knowledge, offline, logger, server, liveness, webhook] = modules;
  return {
    ...engine,
    ...load,
    ...search,
    ...i18n,
    ...areas,
    ...knowledge,
    ...offline,
    ...logger,
    ...server,
    ...liveness,
    ...webhook,
  };
}
export type Built = Awaited<ReturnType<typeof builtModules>>;
