/**
 * The `inline` benchmark: time to handle one inline query (`@bot sulsel`), from the update to the
 * `answerInlineQuery` payload serialised, through the whole bot (every middleware, SQLite language
 * lookup, search, cards) with the Bot API stubbed out; and the search alone beside it.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Update } from "telegraf/types";
import type { AnswerEngine } from "../src/answer/engine.ts";
import { MAX_QUERY_CHARS } from "../src/answer/province-search.ts";
import { synthesise } from "./answer.ts";
import { builtModules } from "./built.ts";
import { type BenchSection, formatDuration, percentile, summarise, table, timeEach } from "./stats.ts";

const KNOWLEDGE_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "knowledge", "programme.yaml");
/** p99 time to handle one inline query, at today's knowledge size. */
const TARGET_P99_MS = 5;
const SIZES = [1, 10];
const WARMUP_ROUNDS = 2;
const ROUNDS = 15;
// Passes over the queries in one round: enough calls that a round's p99 is not just its slowest.
const PASSES = 10;

/** What people type after `@bot`: names, abbreviations, typos, places, products, half-words, noise. */
function inlineQueries(): string[] {
  const noise = "ẞ😀<b>&amp;</b>\"'%$#@!~`|\\\u202e日本語 كلمة zq xkcd ".repeat(20);
  return [
    "",
    "sulsel",
    "south sulawesi",
    "Sulawesi Selatan",
    "jatim",
    "east java",
    "jawa timur 2013",
    "jatim kapal",
    "papua",
    "papau",
    "sulawsi selatan",
    "kalimantn barat",
    "mojokrto",
    "dogiyai",
    "kab dogiyai",
    "makassar",
    "pontianak",
    "kota palu",
    "kopi",
    "coffee",
    "ulos",
    "tenun ulos samosir",
    "tempe",
    "pewter",
    "aloe vera",
    "perak emas",
    "aceh",
    "bali",
    "jawa barat",
    "surabaya",
    "bandung",
    "papua tengah",
    "s",
    "su",
    "sula",
    "sulaw",
    "kalim",
    "dogi",
    "maka",
    "south sula",
    "sulwe",
    "tahap pertama",
    "2017",
    "produk sulsel apa?",
    "where is coffee processed",
    "jica",
    "kriteria",
    "zzzz",
    "qwxv plmk trsz",
    "コーヒー",
    "<script>alert(1)</script>",
    noise.slice(0, MAX_QUERY_CHARS),
    "sulawesi ".repeat(40).slice(0, MAX_QUERY_CHARS),
    "a".repeat(MAX_QUERY_CHARS),
  ];
}

/** Users of both languages, so both sets of cards are built. */
function inlineUpdate(id: number, query: string): Update {
  const lang = id % 2 ? "en" : "id";
  const from = { id: 10_000 + (id % 50), is_bot: false, first_name: "Bench", language_code: lang };
  return { update_id: id, inline_query: { id: String(id), from, query, offset: "", chat_type: "sender" } };
}

/** The whole bot over `engine`, answering into a stub that only serialises what it is sent. */
function benchBot(
  offlineBot: typeof import("../src/cli/offline-bot.ts")["offlineBot"],
  engine: AnswerEngine,
) {
  const sent = { answers: 0, results: 0, bytes: 0 };
  const stub = async (method: string, payload: { results?: unknown[] }) => {
    if (method === "answerInlineQuery") {
      sent.answers++;
      sent.results += payload.results?.length ?? 0;
      sent.bytes += JSON.stringify(payload).length;
    }
    return true;
  };
  const { bot, close } = offlineBot(engine, { stub });
  return { bot, sent, close };
}

/** Times each update from `handleUpdate` to its answer, `rounds` times over `queries`. */
async function timeUpdates(
  handle: (u: Update) => Promise<unknown>,
  queries: string[],
  rounds: number,
  firstId: number,
): Promise<number[][]> {
  const out: number[][] = [];
  let id = firstId;
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (const q of queries) {
      const update = inlineUpdate(id++, q);
      const start = process.hrtime.bigint();
      await handle(update);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    out.push(times);
  }
  return out;
}

async function run(): Promise<boolean> {
  const queries = inlineQueries();
  const round = Array.from({ length: PASSES }, () => queries).flat();
  const { AnswerEngine, createI18n, loadAreas, loadKnowledge, offlineBot, provinceSearch, translator } =
    await builtModules();
  const areas = await loadAreas();
  const t = translator(createI18n());
  const base = loadKnowledge(KNOWLEDGE_FILE, areas);
  console.log(
    `${queries.length} inline queries (names, typos, places, products, half-words, noise up to ` +
      `${MAX_QUERY_CHARS} characters), ${PASSES} passes a round; median of ${ROUNDS} rounds ` +
      `after ${WARMUP_ROUNDS} warm-up rounds\n`,
  );
  const rows = [
    ["size", "entries", "handler p50", "handler p99", "handler max", "search p50", "search p99", "target"],
  ];
  const notes: string[] = [];
  let passed = true;
  for (const factor of SIZES) {
    const engine = new AnswerEngine(synthesise(base, areas, factor), areas, t);
    const { bot, sent, close } = benchBot(offlineBot, engine);
    const handle = (u: Update) => bot.handleUpdate(u);
    await timeUpdates(handle, round, WARMUP_ROUNDS, 1);
    const before = { ...sent };
    const rounds = await timeUpdates(handle, round, ROUNDS, 1_000_000);
    close();
    const answers = sent.answers - before.answers;
    // Every update must have been answered, or the figures would time an error path.
    if (answers !== round.length * ROUNDS) {
      notes.push(`${factor}×: only ${answers} of ${round.length * ROUNDS} queries were answered: FAIL`);
      passed = false;
    }
    const search = provinceSearch(engine);
    const searchRounds = timeEach((q: string) => search.search(q), round, ROUNDS);
    const h = summarise(rounds);
    const s = summarise(searchRounds);
    const target = factor === 1 ? TARGET_P99_MS : undefined;
    const ok = target === undefined || h.p99 <= target;
    passed &&= ok;
    const entries = engine.knowledge.provinces.reduce((n, p) => n + p.entries.length, 0);
    rows.push([
      `${factor}×`,
      String(entries),
      formatDuration(h.p50),
      formatDuration(h.p99),
      formatDuration(percentile(rounds.flat(), 100)),
      formatDuration(s.p50),
      formatDuration(s.p99),
      target === undefined ? "—" : `p99 ≤ ${formatDuration(target)}  ${ok ? "PASS" : "FAIL"}`,
    ]);
    const cards = ((sent.results - before.results) / answers).toFixed(1);
    const bytes = Math.round((sent.bytes - before.bytes) / answers);
    notes.push(`${factor}×: ${cards} cards and ${bytes} bytes of JSON per answer on average`);
  }
  console.log(table(rows));
  console.log(
    `\nhandler: bot.handleUpdate(inline_query) until answerInlineQuery's payload is serialised\n${notes.join("\n")}`,
  );
  return passed;
}

/** `npm run bench -- inline`. */
export const inlineBench: BenchSection = {
  name: "inline",
  about: "time to answer an inline query through the whole bot (target p99 ≤ 5 ms)",
  run,
};
