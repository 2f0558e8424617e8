/**
 * The whole bot with every feature, storage in memory, and an in-process Telegram that records
 * every call, checks it against the Bot API's rules (test/support/telegram-rules.ts) and answers
 * as Telegram would. No network: fast enough to feed thousands of updates.
 */
import { Writable } from "node:stream";
import { Telegram, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { AnswerEngine } from "../../src/answer/engine.ts";
import { DEFAULT_KNOWLEDGE_PATH } from "../../src/answer/load.ts";
import { createBot } from "../../src/bot.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { createLogger } from "../../src/logger.ts";
import { parseUpdate } from "../../src/server.ts";
import { broadcastClients, createBotDeps } from "../../src/services.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { OFFLINE_BOT_INFO, OFFLINE_TOKEN } from "../../src/telegram/offline-identity.ts";
import { OutgoingLimiter, UNLIMITED } from "../../src/telegram/outgoing.ts";
import { problemsOf } from "./telegram-rules.ts";

/** One call the bot made, and what Telegram would have refused in it. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  problems: string[];
}

/** An error Telegram answers instead of a result, to see the bot through it. */
export type Fault = "none" | "forbidden" | "migrated" | "bad-request" | "server";

const FAULTS: Record<Exclude<Fault, "none">, ConstructorParameters<typeof TelegramError>[0]> = {
  forbidden: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
  migrated: {
    error_code: 400,
    description: "Bad Request: group chat was upgraded to a supergroup chat",
    parameters: { migrate_to_chat_id: -1004999 },
  },
  "bad-request": { error_code: 400, description: "Bad Request: chat not found" },
  server: { error_code: 502, description: "Bad Gateway" },
};

let nextMessageId = 1;

/** What Telegram answers a call that succeeds (enough of it for the bot to go on). */
function result(method: string, payload: Record<string, unknown>): unknown {
  const chat = {
    id: Number(payload.chat_id ?? 1),
    type: Number(payload.chat_id) > 0 ? "private" : "supergroup",
  };
  if (
    /^(send|copyMessage)/.test(method) ||
    (method.startsWith("edit") && payload.inline_message_id === undefined)
  ) {
    return { message_id: nextMessageId++, date: 1, chat, from: OFFLINE_BOT_INFO, text: payload.text ?? "" };
  }
  if (method === "getChatMember") {
    // Even ids are the group's admins.
    const status = Number(payload.user_id) % 2 === 0 ? "administrator" : "member";
    return { status, user: { id: Number(payload.user_id), is_bot: false, first_name: "X" } };
  }
  if (method === "getChat") return { ...chat, title: "Group" };
  return true;
}

/**
 * The bot over `engine`, with `staffIds` as staff. `fault` makes the next calls fail as Telegram
 * would (once each), `now` is its clock; `errors()` are the lines the error boundary logged.
 */
export function recordingBot(engine: AnswerEngine, staffIds: number[]) {
  const db = openDatabase(":memory:");
  const errorLines: string[] = [];
  const logger = createLogger("error", {
    destination: new Writable({
      write(chunk, _encoding, done) {
        errorLines.push(String(chunk));
        done();
      },
    }),
  });
  let clock = Date.UTC(2025, 5, 2, 3);
  const now = () => clock;
  const sleepless = { now, sleep: async () => {} };
  // The in-process Telegram checks the Bot API's rules, not its rates.
  const outgoing = new OutgoingLimiter(sleepless, UNLIMITED);
  const deps = createBotDeps({
    db,
    engine,
    knowledgePath: DEFAULT_KNOWLEDGE_PATH,
    t: translator(createI18n()),
    logger,
    adminIds: staffIds,
    timezone: "Asia/Jakarta",
    now,
    clock: sleepless,
    outgoing,
    // Never called: the delivery worker is not started.
    ...broadcastClients({ token: OFFLINE_TOKEN, apiRoot: "http://127.0.0.1:9", logger, outgoing }),
  });
  deps.upgradeSettleMs = 0;
  const bot = createBot(OFFLINE_TOKEN, deps, { botInfo: OFFLINE_BOT_INFO, retry: { sleep: async () => {} } });

  const calls: RecordedCall[] = [];
  let fault: Fault = "none";
  // The id of the announcement draft whose buttons the bot showed last, for taps on `an:DRAFT:…`.
  let draftId = "00000000";
  const telegram = new Telegram(OFFLINE_TOKEN, {});
  telegram.callApi = (async (method: string, payload: Record<string, unknown>) => {
    calls.push({ method, payload, problems: problemsOf(method, payload) });
    draftId = /"an:([0-9a-f]{8}):/.exec(JSON.stringify(payload.reply_markup ?? ""))?.[1] ?? draftId;
    if (fault !== "none") {
      const error = FAULTS[fault];
      fault = "none";
      throw new TelegramError(error, { method, payload });
    }
    return result(method, payload);
  }) as unknown as Telegram["callApi"];
  // Telegraf builds a Telegram client for every update; the one in `bot.context` replaces it.
  Object.assign(bot.context, { telegram });

  let nextUpdateId = 1;
  return {
    bot,
    deps,
    calls,
    /**
     * Handles one update (numbered here) after `advanceMs` on the clock, Telegram failing its
     * first call as `fault` says; a tap on `an:DRAFT:…` gets the id of the draft shown last.
     */
    async handle(input: Omit<Update, "update_id">, options: { advanceMs?: number; fault?: Fault } = {}) {
      clock += options.advanceMs ?? 3_000;
      fault = options.fault ?? "none";
      // Read as the webhook reads a body (a forged lone surrogate becomes U+FFFD there).
      const json = JSON.stringify({ ...input, update_id: nextUpdateId++ }).replaceAll(
        "an:DRAFT:",
        `an:${draftId}:`,
      );
      const update = parseUpdate(Buffer.from(json));
      await bot.handleUpdate(update as unknown as Update);
      fault = "none";
    },
    /** The error boundary's lines since the last call, cleared. */
    errors(): string[] {
      return errorLines.splice(0);
    },
    close: () => db.close(),
  };
}
