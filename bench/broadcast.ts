/**
 * The broadcast benchmark: one announcement to many groups, through the real delivery worker and
 * SQLite queue, against a local fake Bot API that enforces Telegram's limits (30 messages a
 * second, 20 a minute into one group, 429 with retry_after beyond) and injects 429s, 5xx errors
 * and dropped connections.
 *
 *   npm run bench:broadcast [-- --groups 600 --errors 0.03 --kill-at 300 --seed 7]
 *
 * `--kill-at N` kills the worker after N deliveries (calls in flight abandoned, nothing more
 * recorded) and starts a new one on the same database, as a restarted process would.
 * Prints groups, seconds, messages per second against the ceiling, duplicates and lost; the exit
 * code is 1 when a target is missed (≥ 95% of the ceiling, no duplicate, none lost).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../src/announce/clock.ts";
import { TELEGRAM_LIMITS } from "../src/announce/rate-limit.ts";
import { type AnnounceService, createAnnounceService } from "../src/announce/service.ts";
import { parseCommand } from "../src/cli/args.ts";
import { createI18n, translator } from "../src/i18n/index.ts";
import { silentLogger } from "../src/logger.ts";
import { broadcastClients } from "../src/services.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import { GroupStore } from "../src/storage/groups.ts";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";

const TOKEN = "123456789:AAbenchTOKENbenchTOKENbenchTOKEN12";
const STAFF_ID = 7001;
/** The target: this share of Telegram's ceiling, end to end. */
const TARGET_SHARE = 0.95;

interface BroadcastBenchOptions {
  groups: number;
  /** Share of group sends that fail on their first try (429, 5xx, dropped connection). */
  errorRate: number;
  /** Kill and restart the worker after this many deliveries. */
  killAt?: number | undefined;
  seed: number;
}

interface BroadcastBenchResult {
  groups: number;
  seconds: number;
  perSecond: number;
  ceiling: number;
  busiestSecond: number;
  duplicates: number;
  lost: number;
  injected: { rateLimited: number; serverErrors: number; dropped: number };
  /** 429s the fake answered because the worker went too fast: should be 0. */
  overLimit: number;
  restarted: boolean;
}

/** A small seeded generator (mulberry32), so runs inject the same errors. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The most messages the fake accepted in any window of `windowMs`. */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

type Injected = BroadcastBenchResult["injected"];

/**
 * Makes the first attempt to some groups fail, chosen by a seeded draw: of `errorRate`, half
 * with a 429, 3/8 with a 502, 1/8 with a dropped connection. Returns the counts as they happen.
 */
function injectErrors(fake: FakeBotApi, ids: readonly number[], errorRate: number, seed: number): Injected {
  const draw = random(seed);
  const plan = new Map<number, "429" | "502" | "drop">();
  for (const id of ids) {
    const roll = draw() / errorRate;
    if (roll < 0.5) plan.set(id, "429");
    else if (roll < 0.875) plan.set(id, "502");
    else if (roll < 1) plan.set(id, "drop");
  }
  const injected = { rateLimited: 0, serverErrors: 0, dropped: 0 };
  const tried = new Set<number>();
  const firstTryFails = (kind: "429" | "502" | "drop") => (params: Record<string, unknown>) => {
    const chatId = Number(params.chat_id);
    if (plan.get(chatId) !== kind || tried.has(chatId)) return false;
    tried.add(chatId);
    if (kind === "429") injected.rateLimited++;
    else if (kind === "502") injected.serverErrors++;
    else injected.dropped++;
    return true;
  };
  const always = Number.POSITIVE_INFINITY;
  fake.fail(
    "sendMessage",
    { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
    { times: always, when: firstTryFails("429") },
  );
  fake.fail(
    "sendMessage",
    { error_code: 502, description: "Bad Gateway" },
    { times: always, when: firstTryFails("502") },
  );
  fake.dropConnection("sendMessage", { times: always, when: firstTryFails("drop") });
  return injected;
}

/** The announcement service over `db`, sending to the fake: a new one is a restarted process. */
function openService(db: Database, fake: FakeBotApi): AnnounceService {
  return createAnnounceService(
    {
      db,
      groups: new GroupStore(db),
      ...broadcastClients({ token: TOKEN, apiRoot: fake.apiRoot, logger: silentLogger }),
      clock: systemClock,
      t: translator(createI18n()),
      logger: silentLogger,
      timezone: "Asia/Jakarta",
    },
    { backoffMs: 250 },
  );
}

/** Subscribes every group and queues one announcement to them all, due now; returns its id. */
function announceToAll(db: Database, service: AnnounceService, ids: readonly number[]): number {
  const groups = new GroupStore(db);
  db.transaction(() => {
    for (const id of ids) {
      groups.upsert({ id, title: `Klaster ${id}`, type: "supergroup" });
      service.subscriptions.setSubscribed(id, true);
    }
  })();
  return service.announcements.create({
    authorId: STAFF_ID,
    authorLang: "id",
    texts: { id: "<b>Pengumuman</b>: pelatihan ekspor dibuka.", en: "<b>Announcement</b>: export training." },
    audience: { kind: "all" },
    pin: false,
    sendAt: Date.now(),
  });
}

async function runBroadcastBench(options: BroadcastBenchOptions): Promise<BroadcastBenchResult> {
  const fake = await FakeBotApi.start({ token: TOKEN, rateLimit: TELEGRAM_LIMITS });
  const dir = mkdtempSync(join(tmpdir(), "tanya-ikm-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const ids = Array.from({ length: options.groups }, (_, index) => -1_001_000_000_000 - index);
  const injected = injectErrors(fake, ids, options.errorRate, options.seed);
  let service = openService(db, fake);
  const announcement = announceToAll(db, service, ids);
  const groupDeliveries = () =>
    fake.delivered("sendMessage").filter((call) => Number(call.params.chat_id) < 0);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

  const started = Date.now();
  service.broadcaster.start();
  if (options.killAt !== undefined) {
    while (groupDeliveries().length < options.killAt) await tick();
    service.broadcaster.kill();
    service = openService(db, fake);
    service.broadcaster.start();
  }
  while (service.announcements.get(announcement)?.status !== "done") await tick();
  const deliveries = groupDeliveries();
  await service.broadcaster.stop();

  const perGroup = new Map<unknown, number>();
  for (const call of deliveries)
    perGroup.set(call.params.chat_id, (perGroup.get(call.params.chat_id) ?? 0) + 1);
  const seconds = (Math.max(...deliveries.map((call) => call.at)) - started) / 1000;
  const result: BroadcastBenchResult = {
    groups: options.groups,
    seconds,
    perSecond: options.groups / seconds,
    ceiling: (TELEGRAM_LIMITS.global.count * 1000) / TELEGRAM_LIMITS.global.windowMs,
    busiestSecond: busiest(
      fake.delivered("sendMessage").map((call) => call.at),
      TELEGRAM_LIMITS.global.windowMs,
    ),
    duplicates: [...perGroup.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    lost: ids.filter((id) => !perGroup.has(id)).length,
    injected,
    overLimit: fake.rateLimited,
    restarted: options.killAt !== undefined,
  };
  db.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** Prints the figures and the targets; true when every target is met. */
function printBroadcastResult(r: BroadcastBenchResult): boolean {
  const share = r.perSecond / r.ceiling;
  const targetSeconds = r.groups / (r.ceiling * TARGET_SHARE);
  const checks: Array<[string, boolean]> = [
    [
      `rate ≥ ${Math.round(TARGET_SHARE * 100)}% of the ceiling (${r.groups} groups in ≤ ${targetSeconds.toFixed(1)} s)`,
      share >= TARGET_SHARE,
    ],
    ["duplicates = 0", r.duplicates === 0],
    ["lost = 0", r.lost === 0],
  ];
  const lines = [
    `groups            ${r.groups}${r.restarted ? " (worker killed and restarted mid-broadcast)" : ""}`,
    `seconds           ${r.seconds.toFixed(2)}`,
    `messages/second   ${r.perSecond.toFixed(2)} against the ${r.ceiling}/s ceiling (${(share * 100).toFixed(1)}%)`,
    `busiest second    ${r.busiestSecond} messages at the fake (limit ${TELEGRAM_LIMITS.global.count})`,
    `duplicates        ${r.duplicates}`,
    `lost              ${r.lost}`,
    `injected          ${r.injected.rateLimited} × 429, ${r.injected.serverErrors} × 502, ${r.injected.dropped} dropped connections`,
    `over the limit    ${r.overLimit} (429s the fake's limits answered)`,
    "",
    ...checks.map(([name, ok]) => `${ok ? "PASS" : "FAIL"}  ${name}`),
  ];
  console.log(lines.join("\n"));
  return checks.every(([, ok]) => ok);
}

const { values } = parseCommand({
  usage: "npm run bench:broadcast [-- --groups 600 --errors 0.03 --kill-at 300 --seed 7]",
  help: `
One announcement to many groups, through the real delivery worker and SQLite queue, against a
fake Bot API that enforces Telegram's limits and injects errors.

--groups N     groups to deliver to (default 600)
--errors F     share of calls answered 429/5xx or dropped (default 0.03)
--kill-at N    kill the worker after N deliveries and start a new one on the same database
--seed N       the random seed of the injected errors (default 7)`,
  options: {
    groups: { type: "string", default: "600" },
    errors: { type: "string", default: "0.03" },
    "kill-at": { type: "string" },
    seed: { type: "string", default: "7" },
  },
});
const result = await runBroadcastBench({
  groups: Number(values.groups),
  errorRate: Number(values.errors),
  killAt: values["kill-at"] === undefined ? undefined : Number(values["kill-at"]),
  seed: Number(values.seed),
});
process.exit(printBroadcastResult(result) ? 0 : 1);
