/**
 * The `webhook` and `memory` benchmarks: updates per second through the bot's webhook handler beside a bare
 * Telegraf echo bot in the same run, both answering through a local stub Bot API over HTTP;
 * and resident memory while the bot answers 10,000 questions.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import type { AnswerEngine } from "../src/answer/engine.ts";
import type { BotContext } from "../src/telegram/context.ts";
import { OFFLINE_BOT_INFO, OFFLINE_TOKEN } from "../src/telegram/offline-identity.ts";
import { privateText } from "../test/support/updates.ts";
import { readQuestions } from "./answer.ts";
import { type Built, buildDist, builtModules } from "./built.ts";
import { type BenchSection, formatRatio, median, table } from "./stats.ts";

const SECRET = "bench-secret";
const UPDATES_PER_ROUND = 2000;
const CONCURRENCY = 32;
const ROUNDS = 5;
const WARMUP_UPDATES = 2000;
const MEMORY_QUESTIONS = 10_000;
const TARGET_RATIO = 0.9;
const TARGET_RSS_MB = 150;

/** A Bot API that answers every call at once, as fast as it can: the bots are measured, not it. */
async function startStubApi(): Promise<{ apiRoot: string; server: Server; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      calls++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        `{"ok":true,"result":{"message_id":${calls},"date":0,"chat":{"id":1,"type":"private"},"text":""}}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    calls: () => calls,
  };
}

/** A webhook served on a local port, and how to wait until every update it took was handled. */
interface Served {
  url: string;
  server: Server;
  /** Resolves once every update accepted so far has been answered. */
  drain: () => Promise<void>;
}

/**
 * Serves Tanya IKM the way it runs in production: its own HTTP server and webhook intake, which
 * answer Telegram at once and handle the update after (so the round waits for them to drain).
 */
async function serveOurs(
  { botWebhook, createHttpServer, Liveness, silentLogger }: Built,
  bot: Telegraf<BotContext>,
): Promise<Served> {
  const webhook = botWebhook(
    bot,
    { url: "http://127.0.0.1/hook", secret: SECRET },
    { logger: silentLogger, liveness: new Liveness(silentLogger) },
  );
  const server = createHttpServer({ health: () => ({ status: "ok" }), webhook: webhook.route });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    server,
    drain: webhook.drain,
  };
}

/** Serves a bot's Telegraf webhook callback on a local port (it answers once the update is handled). */
async function serveWebhook(bot: Telegraf): Promise<Served & { server: Server }> {
  const callback = bot.webhookCallback("/hook", { secretToken: SECRET });
  const server = createServer((req, res) => void callback(req, res));
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    server,
    drain: async () => {},
  };
}

function textUpdate(id: number, text: string): Update {
  const user = { id: 10_000 + (id % 5000), is_bot: false, first_name: "Bench", language_code: "id" };
  return privateText(id, text, user);
}

/**
 * Posts `count` updates to a webhook, `CONCURRENCY` at a time; returns updates handled per second
 * of wall time, and per second of this process's CPU time (the load generator and stub API are
 * the same for both bots; on a shared machine the wall clock also counts waiting for a CPU).
 */
async function drive(
  served: Pick<Served, "url" | "drain">,
  questions: readonly string[],
  count: number,
  firstId: number,
): Promise<{ wall: number; cpu: number }> {
  const { url } = served;
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(textUpdate(firstId + i, questions[i % questions.length] as string)),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await served.drain();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    wall: count / (Number(process.hrtime.bigint() - started) / 1e9),
    cpu: count / ((cpu.user + cpu.system) / 1e6),
  };
}

function tanyaIkm({ offlineBot }: Built, engine: AnswerEngine, apiRoot: string): Telegraf<BotContext> {
  // Questions arrive faster than any person types; the updates rotate over 5,000 users, so the
  // per-user flood guard stays out of the way as it would in real traffic.
  return offlineBot(engine, { apiRoot }).bot;
}

function echoBot(apiRoot: string): Telegraf {
  const bot = new Telegraf(OFFLINE_TOKEN, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = OFFLINE_BOT_INFO;
  bot.on("message", (ctx) => ctx.reply("text" in ctx.message ? ctx.message.text : "…"));
  return bot;
}

/**
 * The bot alone in a child process (so the load generator's memory is not counted), run as
 * production runs it: plain node over the built dist/, not through tsx, whose compiler would
 * add some 40 MB of its own. It serves its webhook and, on `GET /rss`, collects garbage and
 * answers its resident memory in MB.
 */
const MEMORY_CHILD = `
import { createServer } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { loadEngine } from "./dist/answer/load.js";
import { offlineBot } from "./dist/cli/offline-bot.js";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const { bot } = offlineBot(await loadEngine(), {
  apiRoot: process.env.TELEGRAM_API_ROOT,
  databasePath: process.env.DATABASE_PATH,
});
const callback = bot.webhookCallback("/hook", { secretToken: process.env.WEBHOOK_SECRET });
const server = createServer((req, res) => {
  if (req.url === "/rss") {
    gc();
    res.end(String(process.memoryUsage().rss / 1048576));
    return;
  }
  void callback(req, res);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;

async function startMemoryChild(
  apiRoot: string,
): Promise<{ url: string; rss: () => Promise<number>; stop: () => void }> {
  buildDist();
  // A database file, as in production: an in-memory one would count its pages as the bot's.
  const data = mkdtempSync(join(tmpdir(), "tanya-ikm-bench-memory-"));
  const child = spawn(process.execPath, ["--input-type=module", "-e", MEMORY_CHILD], {
    env: {
      PATH: process.env.PATH ?? "",
      TELEGRAM_API_ROOT: apiRoot,
      WEBHOOK_SECRET: SECRET,
      DATABASE_PATH: join(data, "bot.sqlite"),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), "line")) as [
    string,
  ];
  const base = `http://127.0.0.1:${Number(line)}`;
  return {
    url: `${base}/hook`,
    rss: async () => Number(await (await fetch(`${base}/rss`)).text()),
    stop: () => {
      child.kill();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export const webhookBench: BenchSection = {
  name: "webhook",
  about:
    "updates/s through the bot's webhook handler beside a bare Telegraf echo bot, same run, same stub API",
  async run() {
    const { questions } = readQuestions();
    const bot = await builtModules();
    const engine = await bot.loadEngine();
    const api = await startStubApi();
    const ours = await serveOurs(bot, tanyaIkm(bot, engine, api.apiRoot));
    const echo = await serveWebhook(echoBot(api.apiRoot));
    // The set's questions come round again and again, as few real chats' do: the bot that reads
    // every message anew is measured beside it.
    const anewEngine = await bot.loadEngine(undefined, { keptReplies: 0 });
    const anew = await serveOurs(bot, tanyaIkm(bot, anewEngine, api.apiRoot));

    // Warm both up (the JIT compiles the hot paths), then alternate rounds so machine noise
    // falls on both alike.
    let id = 0;
    const nextIds = (count: number) => {
      id += count;
      return id;
    };
    await drive(ours, questions, WARMUP_UPDATES, nextIds(WARMUP_UPDATES));
    await drive(echo, questions, WARMUP_UPDATES, nextIds(WARMUP_UPDATES));
    await drive(anew, questions, WARMUP_UPDATES, nextIds(WARMUP_UPDATES));
    const oursRates: Array<{ wall: number; cpu: number }> = [];
    const echoRates: Array<{ wall: number; cpu: number }> = [];
    const anewRates: Array<{ wall: number; cpu: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      oursRates.push(await drive(ours, questions, UPDATES_PER_ROUND, nextIds(UPDATES_PER_ROUND)));
      echoRates.push(await drive(echo, questions, UPDATES_PER_ROUND, nextIds(UPDATES_PER_ROUND)));
      anewRates.push(await drive(anew, questions, UPDATES_PER_ROUND, nextIds(UPDATES_PER_ROUND)));
    }
    ours.server.close();
    echo.server.close();
    anew.server.close();
    api.server.close();
    const of = (rates: Array<{ wall: number; cpu: number }>, key: "wall" | "cpu") => rates.map((x) => x[key]);
    const row = (name: string, rates: Array<{ wall: number; cpu: number }>) => [
      name,
      median(of(rates, "cpu")).toFixed(0),
      median(of(rates, "wall")).toFixed(0),
      of(rates, "wall")
        .map((x) => x.toFixed(0))
        .join(" "),
    ];
    console.log(
      table([
        ["bot", "updates per CPU-second", "updates/s (wall)", "rounds (wall)"],
        row("Tanya IKM", oursRates),
        row("bare Telegraf echo", echoRates),
        row("Tanya IKM, no kept replies", anewRates),
      ]),
    );
    const ratio = median(of(oursRates, "cpu")) / median(of(echoRates, "cpu"));
    const wallRatio = median(of(oursRates, "wall")) / median(of(echoRates, "wall"));
    const ok = ratio >= TARGET_RATIO;
    // How many replies were kept ones, and the ratio of the bot that keeps none.
    const { asked, kept } = engine.memo.counts;
    const anewRatio = median(of(anewRates, "cpu")) / median(of(echoRates, "cpu"));
    console.log(
      `\nTanya IKM answered ${asked ? ((kept / asked) * 100).toFixed(0) : 0}% of its ${asked} messages with a ` +
        `reply kept from the same message in the same circumstances (the set has ${questions.length} ` +
        `questions); reading every message anew, by CPU time: ${formatRatio(anewRatio)}`,
    );
    console.log(
      `\nratio Tanya IKM / echo, by CPU time: ${formatRatio(ratio)}  target ≥ ${TARGET_RATIO}  ${ok ? "PASS" : "FAIL"}` +
        `   (by wall time ${formatRatio(wallRatio)})`,
    );
    return ok;
  },
};

export const memoryBench: BenchSection = {
  name: "memory",
  about: "the bot's resident memory, alone in its own process, over 10,000 questions through its webhook",
  async run() {
    const { questions } = readQuestions();
    const api = await startStubApi();
    const child = await startMemoryChild(api.apiRoot);
    const samples: Array<[number, number]> = [[0, await child.rss()]];
    const step = MEMORY_QUESTIONS / 4;
    for (let done = 0; done < MEMORY_QUESTIONS; done += step) {
      await drive({ url: child.url, drain: async () => {} }, questions, step, done + 1);
      samples.push([done + step, await child.rss()]);
    }
    child.stop();
    api.server.close();
    console.log(
      table([
        ["questions answered", "bot's resident memory (MB)"],
        ...samples.map(([n, m]) => [String(n), m.toFixed(1)]),
      ]),
    );
    const last = samples[samples.length - 1]?.[1] ?? 0;
    const half = samples[2]?.[1] ?? last;
    const growth = last - half;
    const ok = last <= TARGET_RSS_MB && growth < 10;
    console.log(
      `\nRSS after ${MEMORY_QUESTIONS} questions: ${last.toFixed(1)} MB (target ≤ ${TARGET_RSS_MB} MB); ` +
        `growth over the second half: ${growth.toFixed(1)} MB (target < 10 MB: not growing)  ${ok ? "PASS" : "FAIL"}`,
    );
    return ok;
  },
};
