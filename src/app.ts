import type { Server } from "node:http";
import type { Telegraf } from "telegraf";
import type { UserFromGetMe } from "telegraf/types";
import type { AnswerEngine } from "./answer/engine";
import { loadEngine } from "./answer/load";
import { createBot } from "./bot";
import type { Config } from "./config";
import { createI18n, type Translate, translator } from "./i18n";
import type { Logger } from "./logger";
import { close, createHttpServer, listen } from "./server";
import { type Database, openDatabase } from "./storage/database";
import { GroupStore } from "./storage/groups";
import { UserStore } from "./storage/users";
import type { RetryOptions } from "./telegram/api-retry";
import { registerCommands } from "./telegram/commands";
import type { BotContext, BotDeps } from "./telegram/context";

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"] as const;

export interface AppOptions {
  logger: Logger;
  engine?: AnswerEngine;
  t?: Translate;
  botInfo?: UserFromGetMe;
  retry?: RetryOptions;
  now?: () => number;
  /** Host the HTTP server listens on (default all interfaces). */
  host?: string;
}

/** A running bot: stop it to finish what is in flight and close the database. */
export interface App {
  bot: Telegraf<BotContext>;
  deps: BotDeps;
  db: Database;
  mode: "polling" | "webhook";
  /** The HTTP server's port, when there is one (webhook mode or `PORT` set). */
  port: number | undefined;
  stop(reason?: string): Promise<void>;
}

/**
 * Wires configuration, knowledge, storage and the bot together and starts taking updates: by
 * webhook when `WEBHOOK_URL` is set, else by long polling.
 */
export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const t = options.t ?? translator(createI18n());
  const engine = options.engine ?? (await loadEngine(config.knowledgePath, { t }));
  const db = openDatabase(config.databasePath);
  const current = engine;
  const deps: BotDeps = {
    engine: () => current,
    t,
    users: new UserStore(db),
    groups: new GroupStore(db),
    adminIds: config.adminIds,
    logger,
    now: options.now,
  };
  const bot = createBot(config.botToken, deps, {
    apiRoot: config.telegramApiRoot,
    botInfo: options.botInfo,
    retry: options.retry,
  });
  const startedAt = Date.now();
  const mode = config.webhook ? "webhook" : "polling";
  const health = () => ({
    status: "ok",
    mode,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    knowledge: {
      provinces: current.knowledge.provinces.length,
      loadedAt: new Date(current.knowledge.loadedAt).toISOString(),
    },
  });

  try {
    bot.botInfo ??= await bot.telegram.getMe();
  } catch (err) {
    db.close();
    throw err;
  }
  await registerCommands(bot.telegram, t).catch((err) =>
    logger.warn({ err }, "could not register the command menus"),
  );

  let server: Server | undefined;
  let port: number | undefined;
  let polling: Promise<void> | undefined;
  if (config.webhook) {
    const path = new URL(config.webhook.url).pathname || "/";
    server = createHttpServer({
      health,
      webhook: bot.webhookCallback(path, { secretToken: config.webhook.secret }),
    });
    port = await listen(server, config.port ?? 8080, options.host);
    await bot.telegram.setWebhook(config.webhook.url, {
      secret_token: config.webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } else {
    if (config.port !== undefined) {
      server = createHttpServer({ health });
      port = await listen(server, config.port, options.host);
    }
    polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((err) => {
      logger.error({ err }, "long polling stopped with an error");
    });
  }
  logger.info({ mode, port, bot: bot.botInfo.username }, "Tanya IKM is running");

  let stopped = false;
  return {
    bot,
    deps,
    db,
    mode,
    port,
    async stop(reason = "stop") {
      if (stopped) return;
      stopped = true;
      logger.info({ reason }, "stopping: finishing updates in flight");
      if (polling) {
        await stopPolling(bot, reason, polling);
        await polling;
      }
      if (server) await close(server);
      db.close();
      logger.info("stopped");
    },
  };
}

/**
 * Stops long polling. Telegraf refuses to stop a bot whose polling has not begun yet (it is
 * still calling deleteWebhook), so wait for it to begin rather than leave it running.
 */
async function stopPolling(bot: Telegraf<BotContext>, reason: string, polling: Promise<void>): Promise<void> {
  let ended = false;
  void polling.finally(() => {
    ended = true;
  });
  for (let attempt = 0; attempt < 500 && !ended; attempt++) {
    try {
      bot.stop(reason);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
