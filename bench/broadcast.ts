/**
 * The broadcast benchmark: one announcement to many groups, through the real delivery worker and
 * SQLite queue, against a local fake Bot API that enforces Telegram's limits (30 messages a
 * second, 20 a minute into one group, 429 with retry_after beyond) and injects faults.
 *
 *   npm run bench:broadcast [-- --run steady|killed|slow --groups 600 --seed 7]
 *
 * Three runs (all by default), each 3% of first tries failing (429, 502, or the connection dropped
 * before the message was taken):
 * - steady: ≥ 95% of the ceiling, no duplicate, none lost;
 * - killed: the same, with the worker killed after 300 deliveries (calls in flight abandoned,
 *   nothing more recorded) and a new one started on the same database, as a restarted process;
 * - slow: 10% of answers take 5–30 s and 1% of first tries lose their connection after the fake
 *   took the message: ≥ 80% of the ceiling, none lost, and a group gets it twice only where the
 *   fake dropped the connection after taking it — and the report says that group may have it twice.
 * Prints groups, seconds, messages per second against the ceiling, duplicates and lost; the exit
 * code is 1 when a target is missed.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../src/announce/clock.ts";
import { type AnnounceService, createAnnounceService } from "../src/announce/service.ts";
import { parseCommand } from "../src/cli/args.ts";
import { createI18n, translator } from "../src/i18n/index.ts";
import { silentLogger } from "../src/logger.ts";
import { broadcastClients } from "../src/services.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import type { DeliveryCounts } from "../src/storage/deliveries.ts";
import { GroupStore } from "../src/storage/groups.ts";
import { OutgoingLimiter } from "../src/telegram/outgoing.ts";
import { TELEGRAM_LIMITS } from "../src/telegram/rate-limit.ts";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";

const TOKEN = "123456789:AAbenchTOKENbenchTOKENbenchTOKEN12";
const STAFF_ID = 7001;
const CEILING = (TELEGRAM_LIMITS.global.count * 1000) / TELEGRAM_LIMITS.global.windowMs;

/** One run: how many groups, what goes wrong, and the share of the ceiling it must reach. */
interface Run {
  name: string;
  groups: number;
  /** Share of group sends that fail on their first try (429, 5xx, dropped before being taken). */
  errorRate: number;
  /** Kill and restart the worker after this many deliveries. */
  killAt?: number;
  /** Share of answers that come 5–30 s late. */
  slowShare?: number;
  /** Share of first tries whose connection drops after the fake took the message. */
  droppedAfterTaking?: number;
  target: number;
}

const RUNS: readonly Run[] = [
  { name: "steady", groups: 600, errorRate: 0.03, target: 0.95 },
  { name: "killed", groups: 600, errorRate: 0.03, killAt: 300, target: 0.95 },
  { name: "slow", groups: 600, errorRate: 0.03, slowShare: 0.1, droppedAfterTaking: 0.01, target: 0.8 },
];

/** A small seeded generator (mulberry32), so runs inject the same faults. */
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
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

type Fault = "429" | "502" | "drop" | "drop-after";

/**
 * Plans the faults by seeded draws: of `errorRate`, half 429s, 3/8 502s, 1/8 connections dropped
 * before the message is taken; then `droppedAfterTaking` dropped after; each on a group's first try
 * only. `slowShare` of all answers come 5–30 s late. Returns the groups dropped after taking.
 */
function injectFaults(fake: FakeBotApi, ids: readonly number[], run: Run, seed: number): Set<number> {
  const draw = random(seed);
  const plan = new Map<number, Fault>();
  for (const id of ids) {
    const roll = draw() / run.errorRate;
    if (roll < 0.5) plan.set(id, "429");
    else if (roll < 0.875) plan.set(id, "502");
    else if (roll < 1) plan.set(id, "drop");
    else if (draw() < (run.droppedAfterTaking ?? 0)) plan.set(id, "drop-after");
  }
  const tried = new Set<number>();
  const firstTry = (kind: Fault) => (params: Record<string, unknown>) => {
    const chatId = Number(params.chat_id);
    if (plan.get(chatId) !== kind || tried.has(chatId)) return false;
    tried.add(chatId);
    return true;
  };
  const times = Number.POSITIVE_INFINITY;
  const tooMany = {
    error_code: 429,
    description: "Too Many Requests: retry after 1",
    parameters: { retry_after: 1 },
  };
  fake.fail("sendMessage", tooMany, { times, when: firstTry("429") });
  fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, { times, when: firstTry("502") });
  fake.dropConnection("sendMessage", { times, when: firstTry("drop") });
  fake.dropConnection("sendMessage", { times, when: firstTry("drop-after"), afterAccepting: true });
  const slow = random(seed + 1);
  const slowShare = run.slowShare ?? 0;
  fake.answerLate("sendMessage", (params) =>
    Number(params.chat_id) < 0 && slow() < slowShare ? 5_000 + slow() * 25_000 : 0,
  );
  return new Set([...plan].filter(([, kind]) => kind === "drop-after").map(([id]) => id));
}

/** The announcement service over `db`, sending to the fake: a new one is a restarted process. */
function openService(db: Database, fake: FakeBotApi): AnnounceService {
  const outgoing = new OutgoingLimiter(systemClock);
  return createAnnounceService(
    {
      db,
      groups: new GroupStore(db),
      outgoing,
      ...broadcastClients({ token: TOKEN, apiRoot: fake.apiRoot, logger: silentLogger, outgoing }),
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

/** What one run measured. */
interface Measured {
  /** Messages the fake took for each group, and when (its clock). */
  deliveries: Array<{ chatId: number; at: number }>;
  seconds: number;
  /** Groups whose first try lost its connection after the fake took the message. */
  droppedAfterTaking: Set<number>;
  /** Groups the worker's report says may have it twice. */
  maybeTwice: Set<number>;
  counts: DeliveryCounts;
  overLimit: number;
}

/** Runs one broadcast against a fresh fake and database. */
async function measure(run: Run, seed: number, ids: readonly number[]): Promise<Measured> {
  const fake = await FakeBotApi.start({ token: TOKEN, rateLimit: TELEGRAM_LIMITS });
  const dir = mkdtempSync(join(tmpdir(), "tanya-ikm-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const droppedAfterTaking = injectFaults(fake, ids, run, seed);
  let service = openService(db, fake);
  const announcement = announceToAll(db, service, ids);
  const groupDeliveries = () =>
    fake
      .delivered("sendMessage")
      .filter((call) => Number(call.params.chat_id) < 0)
      .map((call) => ({ chatId: Number(call.params.chat_id), at: call.at }));
  const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

  const started = Date.now();
  service.broadcaster.start();
  if (run.killAt !== undefined) {
    while (groupDeliveries().length < run.killAt) await tick();
    service.broadcaster.kill();
    service = openService(db, fake);
    service.broadcaster.start();
  }
  while (service.announcements.get(announcement)?.status !== "done") await tick();
  const deliveries = groupDeliveries();
  const problems = service.deliveries.problems(announcement);
  const measured: Measured = {
    deliveries,
    seconds: (Math.max(...deliveries.map((d) => d.at)) - started) / 1000,
    droppedAfterTaking,
    maybeTwice: new Set(problems.filter((p) => p.reason === "maybe_twice").map((p) => p.chatId)),
    counts: service.deliveries.counts(announcement),
    overLimit: fake.rateLimited,
  };
  await service.broadcaster.stop();
  db.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  return measured;
}

/** Prints one run's figures and checks; true when every check passes. */
function report(run: Run, ids: readonly number[], m: Measured): boolean {
  const perGroup = new Map<number, number>();
  for (const { chatId } of m.deliveries) perGroup.set(chatId, (perGroup.get(chatId) ?? 0) + 1);
  const twice = [...perGroup].filter(([, count]) => count > 1).map(([id]) => id);
  const share = run.groups / m.seconds / CEILING;
  const lost = ids.filter((id) => !perGroup.has(id)).length;
  const checks: Array<[string, boolean]> = [
    [`rate ≥ ${Math.round(run.target * 100)}% of the ceiling`, share >= run.target],
    ["lost = 0", lost === 0],
    run.droppedAfterTaking === undefined
      ? ["duplicates = 0", twice.length === 0]
      : [
          "twice only where the fake dropped the connection after taking it, and reported so",
          twice.every((id) => m.droppedAfterTaking.has(id) && m.maybeTwice.has(id)),
        ],
  ];
  const what = [
    `${run.groups} groups`,
    ...(run.killAt === undefined ? [] : [`worker killed after ${run.killAt} and restarted`]),
    ...(run.slowShare ? [`${run.slowShare * 100}% of answers 5–30 s late`] : []),
  ];
  const busiestSecond = busiest(
    m.deliveries.map((d) => d.at),
    TELEGRAM_LIMITS.global.windowMs,
  );
  const lines = [
    `── ${run.name}: ${what.join(", ")}`,
    `seconds           ${m.seconds.toFixed(2)}`,
    `messages/second   ${(run.groups / m.seconds).toFixed(2)} against the ${CEILING}/s ceiling (${(share * 100).toFixed(1)}%)`,
    `busiest second    ${busiestSecond} messages at the fake (limit ${TELEGRAM_LIMITS.global.count})`,
    `duplicates        ${twice.length} (dropped after taking: ${m.droppedAfterTaking.size}; reported "may have it twice": ${m.maybeTwice.size})`,
    `lost              ${lost}`,
    `report            ${m.counts.sent} delivered, ${m.counts.unconfirmed} unconfirmed, ${m.counts.failed} failed`,
    `over the limit    ${m.overLimit} (429s the fake's limits answered)`,
    ...checks.map(([name, ok]) => `${ok ? "PASS" : "FAIL"}  ${name}`),
    "",
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
    run: { type: "string" },
    groups: { type: "string" },
    seed: { type: "string", default: "7" },
  },
});
const chosen = RUNS.filter((run) => values.run === undefined || run.name === values.run);
if (!chosen.length) {
  console.error(`--run must be one of: ${RUNS.map((run) => run.name).join(", ")}`);
  process.exit(2);
}
let ok = true;
for (const run of chosen) {
  const groups = values.groups === undefined ? run.groups : Number(values.groups);
  // The kill comes halfway, however many groups.
  const sized = { ...run, groups, ...(run.killAt === undefined ? {} : { killAt: Math.floor(groups / 2) }) };
  const ids = Array.from({ length: sized.groups }, (_, index) => -1_001_000_000_000 - index);
  ok = report(sized, ids, await measure(sized, Number(values.seed), ids)) && ok;
}
process.exit(ok ? 0 : 1);
