/**
 * Hostile and odd input, generated: thousands of updates of every kind the bot asks for, through
 * the whole bot (`bot.handleUpdate`) with a Telegram that records and checks each call. The bot
 * must never throw, never reach its error boundary unless Telegram failed, and never send what
 * Telegram refuses (invalid HTML, a text over 4,096 characters, callback data over 64 bytes,
 * more than 50 inline results, a lone surrogate). The answer path's time per question must stay
 * within a multiple of a normal question's, measured in the same run.
 *
 *   npm test          a fixed seed, 2,000 cases each
 *   npm run fuzz      50,000 cases each, a new seed every run (printed; FUZZ_SEED=… replays it)
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Update } from "telegraf/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentile } from "../bench/stats.ts";
import type { AnswerEngine } from "../src/answer/engine.ts";
import { loadEngine } from "../src/answer/load.ts";
import { testEngine } from "./support/app.ts";
import { question } from "./support/fuzz-texts.ts";
import { adminCommand, STAFF_IDS, staffDraft, update } from "./support/fuzz-updates.ts";
import { type Fault, recordingBot } from "./support/recording-bot.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS
    ? Date.now()
    : 20250602;
/** A question may cost this many times a normal question's p99: generous, for a shared machine. */
const TIME_BOUND = 50;

/** Vitest's limit for each property: a long run (`npm run fuzz`) takes minutes. */
const TIMEOUT_MS = 60_000 + RUNS * 30;
const params = { numRuns: RUNS, seed: SEED };
if (process.env.FUZZ_RUNS) console.log(`fuzz: ${RUNS} cases each, seed ${SEED}`);

let engine: AnswerEngine;
let bot: ReturnType<typeof recordingBot>;
beforeAll(async () => {
  engine = await testEngine();
  bot = recordingBot(engine, STAFF_IDS);
});
afterAll(() => bot.close());

const fault = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Fault>("none") },
  { weight: 1, arbitrary: fc.constantFrom<Fault>("forbidden", "migrated", "bad-request", "server") },
);
const step = (of: fc.Arbitrary<Omit<Update, "update_id">>) =>
  fc.record({ update: of, fault, advanceMs: fc.constantFrom(0, 400, 3_000, 3_600_000) });
/** A few updates in a row from the same few people, or a staff member's draft from start to end. */
const steps = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.array(step(fc.oneof({ weight: 9, arbitrary: update }, adminCommand)), {
      minLength: 1,
      maxLength: 3,
    }),
  },
  {
    weight: 1,
    arbitrary: staffDraft.map((updates) =>
      updates.map((u) => ({ update: u, fault: "none" as Fault, advanceMs: 1_000 })),
    ),
  },
);

describe("any update, however odd", () => {
  it(
    `never throws, never fails a handler, never sends what Telegram refuses (${RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (sequence) => {
          for (const step of sequence) {
            bot.calls.length = 0;
            await bot.handle(step.update, step);
            const refused = bot.calls.filter((c) => c.problems.length);
            const said = (c: (typeof refused)[number]) =>
              JSON.stringify(String(c.payload.text ?? "").slice(0, 200));
            expect(refused.map((c) => `${c.method} ${said(c)}: ${c.problems.join("; ")}`)).toEqual([]);
            const errors = bot.errors();
            // With Telegram failing (a 400 it does not explain, a 502 past the retries) the boundary logs.
            if (step.fault === "none") expect(errors).toEqual([]);
          }
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );
});

describe("the answer path's time per question", () => {
  it(
    `stays within ${TIME_BOUND}× a normal question's p99 (${RUNS} cases)`,
    async () => {
      const normal = readFileSync(new URL("./eval/questions.jsonl", import.meta.url), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { q: string }).q);
      // Every question read anew: a reply kept from the warm-up would time nothing.
      const reader = await loadEngine(undefined, { areas: engine.areas, keptReplies: 0 });
      for (let round = 0; round < 3; round++) for (const q of normal) reader.ask(q);
      const times = normal.map((q) => timed(reader, q));
      const bound = TIME_BOUND * percentile(times, 99);
      // A pause of the machine can slow one call: a slow question is timed again on three new
      // engines (the first one now remembers its words), each warmed up on the normal questions
      // first (an engine builds some indexes on its first questions), and the fastest counts.
      const warmEngine = async () => {
        const fresh = await loadEngine(undefined, { areas: engine.areas, keptReplies: 0 });
        for (const q of normal) fresh.ask(q);
        return fresh;
      };
      await fc.assert(
        fc.asyncProperty(question, async (q) => {
          if (timed(reader, q) <= bound) return;
          const fresh = await Promise.all([1, 2, 3].map(warmEngine));
          const again = Math.min(...fresh.map((e) => timed(e, q)));
          const what = `${again.toFixed(2)} ms (bound ${bound.toFixed(2)}) for ${JSON.stringify(q.slice(0, 80))}`;
          expect(again, what).toBeLessThanOrEqual(bound);
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );
});

function timed(on: AnswerEngine, q: string): number {
  const start = performance.now();
  on.ask(q);
  return performance.now() - start;
}
