/**
 * The `hostile` benchmark: what one update costs the whole bot (in process, every feature, a
 * recording Telegram) for a normal question, beside the costliest inputs the fuzz test's
 * generators make: one long word, many words, many entities, every plane of Unicode, long inline
 * queries, and the slowest of a few thousand random updates. Each input is new (the engine
 * remembers words it has read, so a repeat would cost less), each timed once.
 * Target: every family's p99 ≤ 10× a normal question's p99.
 */
import fc from "fast-check";
import type { MessageEntity, Update } from "telegraf/types";
import { loadEngine } from "../src/answer/load.ts";
import { OFFLINE_BOT_INFO } from "../src/telegram/offline-identity.ts";
import { adminCommand, PEOPLE, STAFF_IDS, update } from "../test/support/fuzz-updates.ts";
import { recordingBot } from "../test/support/recording-bot.ts";
import { readQuestions } from "./answer.ts";
import { type BenchSection, formatDuration, formatRatio, summarise, table } from "./stats.ts";

type Input = Omit<Update, "update_id">;
const TARGET_RATIO = 10;
/** Rounds, and new inputs of each family per round. */
const ROUNDS = 5;
const PER_ROUND = 100;
const FUZZ_SAMPLES = 3_000;
const SEED = 20250602;

const person = PEOPLE.person;
const privately = (t: string, entities: MessageEntity[] = []): Input =>
  ({
    message: {
      message_id: 1,
      date: 1,
      chat: { id: person.id, type: "private", first_name: "S" },
      from: person,
      text: t,
      entities,
    },
  }) as Input;
const inGroup = (t: string, entities: MessageEntity[]): Input =>
  ({
    message: {
      message_id: 1,
      date: 1,
      chat: { id: -1004001, type: "supergroup", title: "G" },
      from: person,
      text: t,
      entities,
    },
  }) as Input;

const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéàü");
const word = (min: number, max: number) =>
  fc.array(letters, { minLength: min, maxLength: max }).map((l) => l.join(""));
const mention = `@${OFFLINE_BOT_INFO.username}`;

/** The costliest shapes of input, each as many new inputs. */
const FAMILIES: Array<[string, fc.Arbitrary<Input>]> = [
  ["one long word (1,000–4,096 letters)", word(1_000, 4_096).map((w) => privately(w))],
  ["a long word and a '2'", word(1_000, 4_000).map((w) => privately(`produk2 ${w}`))],
  [
    "many words (4,096 characters)",
    fc
      .array(word(2, 9), { minLength: 800, maxLength: 800 })
      .map((ws) => privately(ws.join(" ").slice(0, 4_096))),
  ],
  [
    "every plane of Unicode (4,096)",
    fc
      .string({ unit: "binary", minLength: 2_500, maxLength: 2_500 })
      .map((t) => privately(t.slice(0, 4_096))),
  ],
  [
    "a group mention with 1,000 entities",
    fc.array(word(2, 3), { minLength: 1_000, maxLength: 1_000 }).map((ws) => {
      const body = `${mention} ${ws.join(" ")}`.slice(0, 4_096);
      const entities: MessageEntity[] = [{ type: "mention", offset: 0, length: mention.length }];
      for (let at = mention.length + 1; entities.length < 1_000 && at < body.length; at += 4) {
        entities.push({ type: entities.length % 2 ? "bold" : "mention", offset: at, length: 3 });
      }
      return inGroup(body, entities);
    }),
  ],
  [
    "an inline query of 256 characters",
    fc.array(word(1, 12), { minLength: 40, maxLength: 40 }).map(
      (ws) =>
        ({
          inline_query: {
            id: "q",
            from: person,
            query: ws.join(" ").slice(0, 256),
            offset: "",
            chat_type: "sender",
          },
        }) as Input,
    ),
  ],
];

type Timer = (input: Input) => Promise<number>;

/** The whole bot in process; `time` handles one update and says how long it took, in ms. */
async function timedBot() {
  // Every normal question read anew, as each hostile input is: no reply kept from a round before.
  const bot = recordingBot(await loadEngine(undefined, { keptReplies: 0 }), STAFF_IDS);
  const time: Timer = async (input) => {
    const start = process.hrtime.bigint();
    await bot.handle(input);
    bot.calls.length = 0;
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  return { time, close: () => bot.close() };
}

async function timeAll(time: Timer, inputs: readonly Input[]): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) times.push(await time(input));
  return times;
}

/**
 * Warm-up on inputs other than the timed ones, then rounds that alternate the normal questions
 * and each family (new inputs every round), so the machine's noise falls on all alike. Returns
 * the rounds' times: the normal questions' first, then each family's.
 */
async function measure(time: Timer): Promise<{ normal: number[][]; families: number[][][] }> {
  const normalInputs = readQuestions().questions.map((q) => privately(q));
  await timeAll(time, normalInputs);
  for (const [, family] of FAMILIES) await timeAll(time, fc.sample(family, { seed: SEED - 1, numRuns: 20 }));
  const normal: number[][] = [];
  const families = FAMILIES.map((): number[][] => []);
  for (let round = 0; round < ROUNDS; round++) {
    normal.push(await timeAll(time, normalInputs));
    for (const [i, [, family]] of FAMILIES.entries()) {
      const inputs = fc.sample(family, { seed: SEED + round, numRuns: PER_ROUND });
      families[i]?.push(await timeAll(time, inputs));
    }
  }
  return { normal, families };
}

/** The slowest of a few thousand of the fuzzer's own updates, from people who are not staff. */
async function slowestRandom(time: Timer): Promise<{ count: number; slowest: Array<[number, Input]> }> {
  const costs: Array<[number, Input]> = [];
  for (const input of fc.sample(fc.oneof(update, adminCommand), { seed: SEED, numRuns: FUZZ_SAMPLES })) {
    if (JSON.stringify(input).includes(`"id":${PEOPLE.staff.id}`)) continue;
    costs.push([await time(input), input]);
  }
  costs.sort((a, b) => b[0] - a[0]);
  return { count: costs.length, slowest: costs.slice(0, 5) };
}

async function run(): Promise<boolean> {
  const bot = await timedBot();
  const rounds = await measure(bot.time);
  const random = await slowestRandom(bot.time);
  bot.close();

  // Each figure is the median over rounds of that round's p50 or p99.
  const normal = summarise(rounds.normal);
  const count = (r: number[][]) => String(r.reduce((sum, times) => sum + times.length, 0));
  const rows = [["input", "n", "p50", "p99", "max", "p50 / normal p50", "p99 / normal p99"]];
  const d = formatDuration;
  rows.push([
    "normal question (the question set)",
    count(rounds.normal),
    d(normal.p50),
    d(normal.p99),
    "",
    "",
    "",
  ]);
  let worst = 0;
  for (const [i, [name]] of FAMILIES.entries()) {
    const r = rounds.families[i] ?? [];
    const { p50, p99 } = summarise(r);
    worst = Math.max(worst, p99 / normal.p99);
    const ratios = [formatRatio(p50 / normal.p50), formatRatio(p99 / normal.p99)];
    rows.push([name, count(r), d(p50), d(p99), d(Math.max(...r.flat())), ...ratios]);
  }
  console.log(table(rows));
  console.log(`\nThe slowest of ${random.count} random updates (each timed once, so noise shows too):`);
  for (const [ms, input] of random.slowest) console.log(`  ${d(ms).padStart(9)}  ${describe(input)}`);

  const ok = worst <= TARGET_RATIO;
  const verdict = `${formatRatio(worst)}  target ≤ ${TARGET_RATIO}×  ${ok ? "PASS" : "FAIL"}`;
  console.log(`\nworst family p99 / normal p99: ${verdict}`);
  return ok;
}

/** A line saying what an update was: its kind and the start of its text. */
function describe(input: Input): string {
  const [kind, body] = Object.entries(input)[0] ?? ["?", {}];
  const b = body as { text?: string; query?: string; data?: string; entities?: unknown[] };
  const said = b.text ?? b.query ?? b.data ?? "";
  const entities = b.entities?.length ? `, ${b.entities.length} entities` : "";
  return `${kind}: ${said.length} chars${entities} ${JSON.stringify(said.slice(0, 40))}`;
}

export const hostileBench: BenchSection = {
  name: "hostile",
  about: "a normal question beside the costliest inputs the fuzzer makes, through the whole bot in process",
  run,
};
