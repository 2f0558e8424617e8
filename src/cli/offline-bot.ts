import { Telegram } from "telegraf";
import { systemClock } from "../announce/clock.ts";
import type { AnswerEngine } from "../answer/engine.ts";
import { DEFAULT_KNOWLEDGE_PATH } from "../answer/load.ts";
import { createBot } from "../bot.ts";
import { createI18n, translator } from "../i18n/index.ts";
import { silentLogger } from "../logger.ts";
import { broadcastClients, createBotDeps } from "../services.ts";
import { openDatabase } from "../storage/database.ts";
import { OFFLINE_BOT_INFO, OFFLINE_TOKEN } from "../telegram/offline-identity.ts";
import { OutgoingLimiter, UNLIMITED } from "../telegram/outgoing.ts";

export { OFFLINE_BOT_INFO, OFFLINE_TOKEN };

/** Stands in for the Bot API: gets every call a handler makes. */
type ApiStub = (method: string, payload: Record<string, unknown>) => Promise<unknown>;

/**
 * The whole bot over `engine` with a database (in memory unless `databasePath` names a file),
 * for the terminal chat and the benchmarks. Its API calls go to `apiRoot` over HTTP, or to `stub` in process. The announcement
 * worker is not started: announcements are queued, not sent.
 */
export function offlineBot(
  engine: AnswerEngine,
  options: { apiRoot?: string; stub?: ApiStub; adminIds?: number[]; databasePath?: string } = {},
) {
  const db = openDatabase(options.databasePath ?? ":memory:");
  // Benchmarks push thousands of replies a second through this bot: no Telegram limits here.
  const outgoing = new OutgoingLimiter(systemClock, UNLIMITED);
  const deps = createBotDeps({
    db,
    engine,
    knowledgePath: DEFAULT_KNOWLEDGE_PATH,
    t: translator(createI18n()),
    logger: silentLogger,
    adminIds: options.adminIds ?? [],
    timezone: "Asia/Jakarta",
    now: Date.now,
    clock: systemClock,
    outgoing,
    ...broadcastClients({ token: OFFLINE_TOKEN, apiRoot: options.apiRoot, logger: silentLogger, outgoing }),
  });
  const bot = createBot(OFFLINE_TOKEN, deps, { apiRoot: options.apiRoot, botInfo: OFFLINE_BOT_INFO });
  if (options.stub) {
    // Telegraf builds a Telegram client for every update; the one in `bot.context` replaces it.
    const telegram = new Telegram(OFFLINE_TOKEN, {});
    telegram.callApi = options.stub as unknown as Telegram["callApi"];
    Object.assign(bot.context, { telegram });
  }
  return { bot, close: () => db.close() };
}
