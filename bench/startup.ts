/**
 * The `startup` benchmark: the built bot (`node dist/main.js`, as `npm start` runs it, no flags)
 * beside a bare Telegraf echo bot, each polling the project's fake Bot API (one instance each,
 * same settings), in the same run: time from launch to the first getUpdates, resident memory
 * when idle, and resident memory after 10,000 questions (10,000 echoes for the bare bot).
 * Memory is the process's RSS as the system sees it (/proc, Linux), with no forced collection:
 * idle is read 5 s after the first poll, and again once V8 has shrunk the heap the start left
 * behind (its memory reducer runs some 20-40 s into a quiet spell), which is the bot's idle size
 * for the days it runs.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";
import { readQuestions } from "./answer.ts";
import { buildDist } from "./built.ts";
import { type BenchSection, formatRatio, median, table } from "./stats.ts";

const TOKEN = "123456789:AAbenchTOKENbenchTOKENbenchTOKEN12";
const ROUNDS = 3;
/** When idle memory is read: soon after the first poll, and once settled. */
const IDLE_SOON_MS = 5000;
const IDLE_SETTLED_MS = 60_000;
const QUESTIONS = 10_000;
/** Questions come from this many people, so the per-person flood guard stays out of the way. */
const PEOPLE = 5000;
const TARGETS = { start: 3, idle: 1.5, loaded: 1.7 } as const;

/** The bare bot: Telegraf and an echo, nothing else, run by plain node as well. */
const BARE_BOT = `
import { Telegraf } from "telegraf";
const bot = new Telegraf(process.env.BOT_TOKEN, { telegram: { apiRoot: process.env.TELEGRAM_API_ROOT, webhookReply: false } });
bot.on("message", (ctx) => ctx.reply("text" in ctx.message ? ctx.message.text : "…"));
bot.launch();
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => bot.stop(signal));
`;

/**
 * Where the built bot's start goes, phase by phase, in one fresh plain-node process over dist/:
 * what each costs in time and in resident memory. The answer engine, with its regions' index,
 * is a phase of its own.
 */
const PHASES = `
const rows = [];
let last = 0;
const phase = (name) => {
  const now = performance.now();
  rows.push([name, now - last, process.memoryUsage().rss / 1048576]);
  last = now;
};
phase("node itself");
await import("zod");
phase("zod (configuration and file schemas)");
await import("./dist/knowledge/load.js");
phase("knowledge loader (js-yaml, problems, schemas, lexicon)");
await import("telegraf");
phase("telegraf");
const { loadAreas } = await import("./dist/knowledge/areas.js");
const { loadKnowledge } = await import("./dist/knowledge/load.js");
const { AnswerEngine } = await import("./dist/answer/engine.js");
const { createI18n, translator } = await import("./dist/i18n/index.js");
const { openDatabase } = await import("./dist/storage/database.js");
await import("./dist/app.js");
phase("the other modules (answer core, features, pino, sqlite, i18next …)");
const areas = await loadAreas();
phase("regions of Indonesia (idn-area-data)");
const t = translator(createI18n());
phase("translations");
const knowledge = loadKnowledge("knowledge/programme.yaml", areas);
phase("knowledge files (programme, lexicon, regions)");
new AnswerEngine(knowledge, areas, t);
phase("answer engine (vocabulary with the regions' index, suggestions)");
openDatabase(process.env.DATABASE_PATH).close();
phase("database (open, quick_check, migrations)");
console.log(JSON.stringify(rows));
`;

interface Contender {
  name: string;
  /** Starts the bot against `apiRoot`. */
  launch: (apiRoot: string) => ChildProcess;
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Launches `contender` on a fresh fake: ms to its first getUpdates. */
async function startOnce(contender: Contender): Promise<number> {
  const fake = await FakeBotApi.start({ maxPollTimeoutSec: 30 });
  const started = performance.now();
  const child = contender.launch(fake.apiRoot);
  try {
    await fake.waitFor("getUpdates", () => true, 30_000);
    return performance.now() - started;
  } finally {
    await stop(child);
    await fake.close();
  }
}

/** Launches `contender` and leaves it alone: its RSS soon after the first poll, and once settled. */
async function idleOnce(contender: Contender): Promise<{ soonMb: number; settledMb: number }> {
  const fake = await FakeBotApi.start({ maxPollTimeoutSec: 30 });
  const child = contender.launch(fake.apiRoot);
  try {
    await fake.waitFor("getUpdates", () => true, 30_000);
    await sleep(IDLE_SOON_MS);
    const soonMb = rssMb(child.pid);
    await sleep(IDLE_SETTLED_MS - IDLE_SOON_MS);
    return { soonMb, settledMb: rssMb(child.pid) };
  } finally {
    await stop(child);
    await fake.close();
  }
}

/** Launches `contender`, sends it `QUESTIONS` messages, and reads its RSS once all are answered. */
async function loadOnce(
  contender: Contender,
  questions: readonly string[],
): Promise<{ loadedMb: number; seconds: number }> {
  const fake = await FakeBotApi.start({ maxPollTimeoutSec: 30 });
  const child = contender.launch(fake.apiRoot);
  try {
    await fake.waitFor("getUpdates", () => true, 30_000);
    await sleep(IDLE_SOON_MS);
    fake.clearCalls();
    const started = performance.now();
    for (let i = 0; i < QUESTIONS; i++) {
      const id = 10_000 + (i % PEOPLE);
      fake.message({
        text: questions[i % questions.length] as string,
        from: { id, is_bot: false, first_name: "Bench", language_code: "id" },
      });
    }
    // Answered: no update left, and no reply for a second.
    let replies = -1;
    while (fake.pendingUpdates.length > 0 || fake.calls("sendMessage").length !== replies) {
      replies = fake.calls("sendMessage").length;
      await sleep(1000);
    }
    const seconds = (performance.now() - started) / 1000 - 1;
    if (replies < QUESTIONS * 0.95) throw new Error(`${contender.name} answered ${replies} of ${QUESTIONS}`);
    return { loadedMb: rssMb(child.pid), seconds };
  } finally {
    await stop(child);
    await fake.close();
  }
}

export const startupBench: BenchSection = {
  name: "startup",
  about:
    "the built bot beside a bare Telegraf bot: start to first getUpdates, idle RSS, RSS after 10,000 questions",
  async run() {
    buildDist();
    const { questions } = readQuestions();
    const data = mkdtempSync(join(tmpdir(), "tanya-ikm-bench-startup-"));
    let database = 0;
    const env = (apiRoot: string) => ({
      PATH: process.env.PATH ?? "",
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_PATH: join(data, `bot-${++database}.sqlite`),
    });
    const ours: Contender = {
      name: "Tanya IKM",
      launch: (apiRoot) => spawn(process.execPath, ["dist/main.js"], { env: env(apiRoot), stdio: "ignore" }),
    };
    const bare: Contender = {
      name: "bare Telegraf",
      launch: (apiRoot) =>
        spawn(process.execPath, ["--input-type=module", "-e", BARE_BOT], {
          env: env(apiRoot),
          stdio: "ignore",
        }),
    };
    try {
      // Alternate, so the machine's noise falls on both alike.
      const starts = new Map<Contender, number[]>([
        [ours, []],
        [bare, []],
      ]);
      for (let round = 0; round < ROUNDS; round++) {
        for (const contender of [bare, ours]) starts.get(contender)?.push(await startOnce(contender));
      }
      // Both at once: idle is idle, and a minute each is long enough.
      const [idleOurs, idleBare] = await Promise.all([idleOnce(ours), idleOnce(bare)]);
      const loadedBare = await loadOnce(bare, questions);
      const loadedOurs = await loadOnce(ours, questions);
      const startMs = (c: Contender) => median(starts.get(c) ?? []);
      const rows = [
        ["", "Tanya IKM", "bare Telegraf", "ratio", "target", ""],
        row("start → first getUpdates (ms, median)", startMs(ours), startMs(bare), TARGETS.start, 0),
        row(
          `RSS ${IDLE_SOON_MS / 1000} s after the first poll (MB)`,
          idleOurs.soonMb,
          idleBare.soonMb,
          undefined,
          1,
        ),
        row(
          `idle RSS, ${IDLE_SETTLED_MS / 1000} s after (MB)`,
          idleOurs.settledMb,
          idleBare.settledMb,
          TARGETS.idle,
          1,
        ),
        row(
          `RSS after ${QUESTIONS.toLocaleString("en")} messages (MB)`,
          loadedOurs.loadedMb,
          loadedBare.loadedMb,
          TARGETS.loaded,
          1,
        ),
      ];
      console.log(table(rows));
      console.log(
        `\nWhere the start goes (one plain-node process over dist/):\n\n${table(startPhases(env("")))}`,
      );
      console.log(
        `\n${ROUNDS} starts each, alternating; idle read once each, side by side; ` +
          `${QUESTIONS.toLocaleString("en")} messages answered in ` +
          `${loadedOurs.seconds.toFixed(1)} s (Tanya IKM) and ${loadedBare.seconds.toFixed(1)} s (echo).`,
      );
      return rows.slice(1).every((r) => r[5] !== "FAIL");
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  },
};

/** The start's phases, measured by {@link PHASES} in a fresh process. */
function startPhases(env: Record<string, string>): string[][] {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", PHASES], {
    env,
    encoding: "utf8",
  });
  const rows = JSON.parse(out) as Array<[string, number, number]>;
  return [
    ["phase", "ms", "RSS after (MB)"],
    ...rows.map(([name, ms, rss]) => [name, ms.toFixed(0), rss.toFixed(1)]),
  ];
}

function row(what: string, ours: number, bare: number, target: number | undefined, digits: number): string[] {
  const ratio = ours / bare;
  const verdict = target === undefined ? "" : ratio <= target ? "PASS" : "FAIL";
  const limit = target === undefined ? "" : `≤ ${target}×`;
  return [what, ours.toFixed(digits), bare.toFixed(digits), formatRatio(ratio), limit, verdict];
}
