import type { Server } from "node:http";
import type { MiddlewareFn, Telegraf, Telegram } from "telegraf";
import type { UserFromGetMe } from "telegraf/types";
import type { BroadcasterOptions } from "./announce/broadcast-options.ts";
import { type Clock, systemClock } from "./announce/clock.ts";
import type { AnswerEngine } from "./answer/engine.ts";
import type { Config } from "./config.ts";
import { createI18n, type Translate, translator } from "./i18n/index.ts";
import type { Logger } from "./logger.ts";
import { type BodyLimits, close, createHttpServer, type Health, listen } from "./server.ts";
import { type Database, openDatabase } from "./storage/database.ts";
import type { RetryOptions } from "./telegram/api-retry.ts";
import { catchErrors, createTelegraf } from "./telegram/client.ts";
import { registerCommands } from "./telegram/commands.ts";
import type { BotContext, BotDeps } from "./telegram/context.ts";
import { Liveness, type LivenessOptions } from "./telegram/liveness.ts";
import { OutgoingLimiter } from "./telegram/outgoing.ts";
import { setProfile } from "./telegram/profile.ts";
import { type BotWebhook, botWebhook, type IntakeOptions } from "./telegram/webhook-intake.ts";
import { startRetention } from "./upkeep/retention.ts";

/** How long an offer to ask staff that nobody took up is kept. */
const OFFER_KEPT_MS = 24 * 60 * 60 * 1000;

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
  /** Called when the bot can no longer take updates (long polling ended with an error). */
  onFatal?: (err: unknown) => void;
  /** The announcement delivery worker's tuning, and an injected clock (the outgoing limiter's too) for tests. */
  announce?: BroadcasterOptions & { clock?: Clock };
  /** When `/healthz` calls updates stale, and how long a poll may take: shorter in tests. */
  liveness?: LivenessOptions;
  /** Webhook: how many updates are handled at once, how long their ids are remembered. */
  intake?: IntakeOptions;
  /** Webhook: the largest request body and the time to receive it. */
  webhookBody?: BodyLimits;
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
  const db = openDatabase(config.databasePath);
  const clock = options.announce?.clock ?? systemClock;
  const outgoing = new OutgoingLimiter(clock);
  const bot = createTelegraf(
    config.botToken,
    { logger, outgoing },
    {
      apiRoot: config.telegramApiRoot,
      botInfo: options.botInfo,
      retry: options.retry,
    },
  );
  try {
    // Bounded: an API that never answers must not hold the start forever (Telegraf waits 500 s).
    // (Telegraf types the signal as its polyfill's; node-fetch takes Node's own alike.)
    const signal = AbortSignal.timeout(START_API_TIMEOUT_MS) as unknown as ApiSignal;
    bot.botInfo ??= await bot.telegram.callApi("getMe", {}, { signal });
  } catch (err) {
    db.close();
    throw err;
  }
  const mode = config.webhook ? "webhook" : "polling";
  // Whether updates may still come in; false once polling died or stop() began.
  let receiving = true;
  let stopped = false;
  const liveness = new Liveness(logger, options.liveness);

  // Long polling begins before the answer engine and the features load (the larger part of the
  // start): updates read meanwhile wait for them, a few hundred milliseconds. A webhook is set
  // once everything is loaded.
  let mount: (handlers: MiddlewareFn<BotContext>) => void = () => {};
  let unmountable: (err: unknown) => void = () => {};
  const handlers = new Promise<MiddlewareFn<BotContext>>((resolve, reject) => {
    mount = resolve;
    unmountable = reject;
  });
  handlers.catch(() => {}); // a failed load ends the start below; no update is handled after it
  bot.use(async (ctx, next) => (await handlers)(ctx, next));
  const up = config.webhook ? Promise.resolve() : firstPoll(bot.telegram);
  let polling: Promise<void> | undefined;
  if (!config.webhook) {
    liveness.watchPolling(bot.telegram);
    polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((err) => {
      // 401 (token revoked), 409 (another instance polls) or a failing error boundary: no
      // update will be read again. /healthz says so, and the owner decides (main.ts exits).
      receiving = false;
      if (stopped) return;
      logger.error({ err }, "long polling stopped with an error");
      options.onFatal?.(err);
    });
    await Promise.race([up, polling]);
  }

  let loaded: Awaited<ReturnType<typeof loadFeatures>>;
  try {
    loaded = await loadFeatures(config, options, { db, t, clock, outgoing });
    catchErrors(bot, loaded.deps);
    mount(loaded.features);
  } catch (err) {
    // A broken knowledge file at start: stop reading updates (those read are not confirmed, so
    // Telegram gives them to the next start) and say why.
    stopped = true;
    unmountable(err);
    if (polling) await stopPolling(bot, "start failed", polling);
    db.close();
    throw err;
  }
  const { deps, reportReload } = loaded;
  const { knowledge, announce } = deps;
  const startedAt = Date.now();
  const health = (): Health => {
    const verdict = liveness.verdict();
    return {
      status: !receiving ? "down" : verdict.ok ? "ok" : "stale",
      ...(verdict.ok ? {} : { reason: verdict.reason }),
      ...about(),
    };
  };
  const about = () => ({
    mode,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    knowledge: {
      provinces: knowledge.current().knowledge.provinces.length,
      loadedAt: new Date(knowledge.current().knowledge.loadedAt).toISOString(),
    },
  });

  // Menus and descriptions wait until updates flow: a person's first question comes first.
  const presentBot = async () => {
    await up;
    await registerCommands(bot.telegram, t, config.adminIds, (err, staffId) =>
      logger.warn({ err, staffId }, "no staff command menu for this user yet (has the user opened the bot?)"),
    ).catch((err) => logger.warn({ err }, "could not register the command menus"));
    await setProfile(bot.telegram, t).catch((err) =>
      logger.warn({ err }, "could not set the bot's descriptions"),
    );
  };

  let server: Server | undefined;
  let port: number | undefined;
  let webhook: BotWebhook | undefined;
  let stopWatching = () => {};
  if (config.webhook) {
    webhook = botWebhook(bot, config.webhook, { logger, liveness, options: options.intake });
    server = createHttpServer({ health, webhook: webhook.route, limits: options.webhookBody });
    port = await listen(server, config.port ?? 8080, options.host);
    stopWatching = liveness.watchWebhook(bot.telegram);
    await bot.telegram.setWebhook(config.webhook.url, {
      secret_token: config.webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } else {
    if (config.port !== undefined) {
      server = createHttpServer({ health });
      port = await listen(server, config.port, options.host);
    }
  }
  const stopRetention = startRetention(deps.questionLog.store, {
    days: config.unansweredRetentionDays,
    also: [(before, now) => deps.staffDesk.questions.purge(now - OFFER_KEPT_MS, before)],
    logger,
    now: options.now,
  });
  knowledge.watch((result) => void reportReload(bot.telegram, deps, result));
  announce.broadcaster.start();
  logger.info({ mode, port, bot: bot.botInfo.username }, "Tanya IKM is running");
  void presentBot();

  return {
    bot,
    deps,
    db,
    mode,
    port,
    async stop(reason = "stop") {
      if (stopped) return;
      stopped = true;
      knowledge.close();
      stopRetention();
      stopWatching();
      receiving = false;
      logger.info({ reason }, "stopping: finishing updates in flight");
      // Beside the rest: it gives the sends in flight a moment, then records them unconfirmed.
      const broadcastStopped = announce.broadcaster.stop();
      if (polling) {
        await stopPolling(bot, reason, polling);
        // Polling that never began (stuck before its first request) must not hold the stop forever.
        await Promise.race([polling, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      }
      // Webhook: new requests get 503 (Telegram sends them again later), those in flight finish.
      if (server) await close(server);
      await webhook?.drain();
      await broadcastStopped;
      db.close();
      logger.info("stopped");
    },
  };
}

/**
 * The answer engine, the services and the features: the larger part of the start, loaded (modules
 * and files) once the bot can take updates.
 */
async function loadFeatures(
  config: Config,
  options: AppOptions,
  shared: { db: Database; t: Translate; clock: Clock; outgoing: OutgoingLimiter },
) {
  const [{ loadEngine }, services, bots, upkeep] = await Promise.all([
    import("./answer/load.ts"),
    import("./services.ts"),
    import("./bot.ts"),
    import("./features/upkeep.ts"),
  ]);
  const { logger } = options;
  const engine = options.engine ?? (await loadEngine(config.knowledgePath, { t: shared.t }));
  const deps = services.createBotDeps({
    ...shared,
    engine,
    knowledgePath: config.knowledgePath,
    logger,
    adminIds: config.adminIds,
    staffChatId: config.staffChatId,
    timezone: config.timezone,
    now: options.now ?? Date.now,
    ...services.broadcastClients({
      token: config.botToken,
      apiRoot: config.telegramApiRoot,
      logger,
      outgoing: shared.outgoing,
      retry: options.retry,
    }),
    broadcast: options.announce,
  });
  return { deps, features: bots.features(deps), reportReload: upkeep.reportReload };
}

type ApiSignal = NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"];

/** How long the start waits for the Bot API's first answer. */
const START_API_TIMEOUT_MS = 20_000;

/**
 * Resolves when Telegraf sends its first `getUpdates`: long polling is up. Watches the one call
 * every request goes through; it stays in place (others may have wrapped it since), passing
 * every call on as it was.
 */
function firstPoll(telegram: Telegram): Promise<void> {
  type CallApi = (method: string, ...rest: unknown[]) => Promise<unknown>;
  return new Promise((resolve) => {
    const inner = telegram.callApi.bind(telegram) as unknown as CallApi;
    const watching: CallApi = (method, ...rest) => {
      if (method === "getUpdates") resolve();
      return inner(method, ...rest);
    };
    telegram.callApi = watching as unknown as Telegram["callApi"];
  });
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
