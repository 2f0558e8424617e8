/**
 * The `startup` benchmark: the built bot (`node dist/main.js`, as `npm start` runs it, no flags)
 * beside a bare Telegraf echo bot, each polling the project's fake Bot API (one instance each,
 * same settings), in the same run: time from launch to the first getUpdates, resident memory
 * when idle, and resident memory after 10,000 questions (10,000 echoes for the bare bot).
 * Memory is the process's RSS as the system sees it (/proc, Linux), with no forced collection.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";
import { readQuestions } from "./answer.ts";
import { type BenchSection, formatRatio, median, table } from "./stats.ts";

const TOKEN = "123456789:AAbenchTOKENbenchTOKENbenchTOKEN12";
const ROUNDS = 3;
/** How long a bot is left alone after its first poll before its idle memory is read. */
const IDLE_MS = 3000;
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

/** Launches `contender` on a fresh fake: ms to its first getUpdates, then its idle RSS. */
async function startOnce(contender: Contender): Promise<{ startMs: number; idleMb: number }> {
  const fake = await FakeBotApi.start({ maxPollTimeoutSec: 30 });
  const started = performance.now();
  const child = contender.launch(fake.apiRoot);
  try {
    await fake.waitFor("getUpdates", () => true, 30_000);
    const startMs = performance.now() - started;
    await sleep(IDLE_MS);
    return { startMs, idleMb: rssMb(child.pid) };
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
    await sleep(IDLE_MS);
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
    execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
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
      const runs = new Map<Contender, Array<{ startMs: number; idleMb: number }>>([
        [ours, []],
        [bare, []],
      ]);
      for (let round = 0; round < ROUNDS; round++) {
        for (const contender of [bare, ours]) runs.get(contender)?.push(await startOnce(contender));
      }
      const loadedBare = await loadOnce(bare, questions);
      const loadedOurs = await loadOnce(ours, questions);
      const summary = (c: Contender) => {
        const list = runs.get(c) ?? [];
        return { start: median(list.map((r) => r.startMs)), idle: median(list.map((r) => r.idleMb)) };
      };
      const a = summary(ours);
      const b = summary(bare);
      const rows = [
        ["", "Tanya IKM", "bare Telegraf", "ratio", "target", ""],
        row("start → first getUpdates (ms, median)", a.start, b.start, TARGETS.start, 0),
        row("idle RSS (MB, median)", a.idle, b.idle, TARGETS.idle, 1),
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
        `\n${ROUNDS} starts each, alternating; ${QUESTIONS.toLocaleString("en")} messages answered in ` +
          `${loadedOurs.seconds.toFixed(1)} s (Tanya IKM) and ${loadedBare.seconds.toFixed(1)} s (echo).`,
      );
      return rows.slice(1).every((r) => r[5] === "PASS");
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  },
};

function row(what: string, ours: number, bare: number, target: number, digits: number): string[] {
  const ratio = ours / bare;
  return [
    what,
    ours.toFixed(digits),
    bare.toFixed(digits),
    formatRatio(ratio),
    `≤ ${target}×`,
    ratio <= target ? "PASS" : "FAIL",
  ];
}
