import { Telegraf } from "telegraf";
import type { UserFromGetMe } from "telegraf/types";
import { installBotRetry, type RetryOptions } from "./api-retry.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { handleUpdateError } from "./error-boundary.ts";

export interface BotOptions {
  /** A Bot API server other than Telegram's (a local one, or the tests' fake). */
  apiRoot?: string | undefined;
  /** Known bot identity: skips `getMe` (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  retry?: RetryOptions;
}

/** What the bare Telegraf client needs: where the Bot API is, and how calls are paced and retried. */
export interface TelegrafDeps {
  logger: BotDeps["logger"];
  outgoing: BotDeps["outgoing"];
}

/**
 * The Telegraf client alone, with retries and pacing on every call, and no feature yet: polling
 * can begin before the features and the answer engine are loaded (`app.ts`).
 */
export function createTelegraf(
  token: string,
  deps: TelegrafDeps,
  options: BotOptions = {},
): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(token, {
    telegram: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), webhookReply: false },
    handlerTimeout: 60_000,
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  // Retries and pacing first, so every call any feature makes goes through them.
  installBotRetry(bot, {
    // A reply is worth a short wait, not a long flood wait: long polling handles a batch of
    // updates together, and one chat's 429 must not hold everyone's answers for a minute.
    maxRetryAfterSec: 10,
    maxRateLimitRetries: 2,
    ...options.retry,
    onRetry: (info) => deps.logger.warn(info, "retrying a Telegram API call"),
    outgoing: { limiter: deps.outgoing, priority: "reply" },
  });
  return bot;
}

/**
 * The error boundary: logs with the update id, tells the person, and never throws itself (a
 * throw here would stop long polling for good).
 */
export function catchErrors(bot: Telegraf<BotContext>, deps: BotDeps): void {
  bot.catch(async (err, ctx) => {
    try {
      await handleUpdateError(err, ctx, deps);
    } catch (inner) {
      deps.logger.error({ updateId: ctx.update.update_id, err: inner }, "the error boundary failed");
    }
  });
}
