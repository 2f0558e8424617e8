import { Composer, Telegraf } from "telegraf";
import type { UserFromGetMe } from "telegraf/types";
import { announce } from "./features/announce/index.ts";
import { announcements } from "./features/announcements.ts";
import { ask } from "./features/ask.ts";
import { browse } from "./features/browse.ts";
import { feedback } from "./features/feedback.ts";
import { floodGuard } from "./features/flood.ts";
import { groups } from "./features/groups.ts";
import { inline } from "./features/inline.ts";
import { language } from "./features/language.ts";
import { setup } from "./features/setup.ts";
import { staffDesk } from "./features/staff-desk.ts";
import { start } from "./features/start.ts";
import { subscribe } from "./features/subscribe.ts";
import { unhandled } from "./features/unhandled.ts";
import { upkeep } from "./features/upkeep.ts";
import { isStaff } from "./telegram/access.ts";
import { installBotRetry, type RetryOptions } from "./telegram/api-retry.ts";
import type { BotContext, BotDeps } from "./telegram/context.ts";
import { handleUpdateError } from "./telegram/error-boundary.ts";

interface BotOptions {
  /** A Bot API server other than Telegram's (a local one, or the tests' fake). */
  apiRoot?: string | undefined;
  /** Known bot identity: skips `getMe` (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  retry?: RetryOptions;
}

/** A text message that is not a command, from someone who is not staff. */
function isPublicQuestion(ctx: BotContext): boolean {
  const message = ctx.message;
  if (!message || !("text" in message) || message.text.startsWith("/")) return false;
  return !isStaff(ctx);
}

/** The services every feature is built with: the bot is not built without each one. */
const REQUIRED: ReadonlyArray<keyof BotDeps> = [
  "engine",
  "t",
  "users",
  "groups",
  "adminIds",
  "logger",
  "now",
  "questionLog",
  "feedback",
  "staffDesk",
  "conversations",
  "knowledge",
  "announce",
  "outgoing",
];

/** Fails at construction, naming what is missing, rather than leave a feature silently idle. */
function requireDeps(deps: BotDeps): void {
  const missing = REQUIRED.filter((key) => deps[key] === undefined || deps[key] === null);
  if (missing.length) throw new Error(`createBot: missing dependencies: ${missing.join(", ")}`);
}

/**
 * Builds the bot with every feature mounted, in order, and an error boundary. Does not start
 * it: `main.ts` (through `app.ts`) launches it with polling or a webhook.
 */
export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Telegraf<BotContext> {
  requireDeps(deps);
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

  bot.use(setup(deps));
  bot.use(groups);
  bot.use(floodGuard({ now: deps.now }));
  // Most updates are questions typed by the public: they skip the features that only take
  // commands, buttons or a staff member's draft, and go straight to `ask`.
  bot.use(
    Composer.optional(
      (ctx) => !isPublicQuestion(ctx),
      // Before ask: a staff member's announcement draft is text that must not be read as a question.
      announce(deps.announce.drafts),
      announcements,
      subscribe,
      start,
      language,
      browse,
      feedback,
    ),
  );
  // Before ask: in the staff group, a reply to a forwarded question is an answer, not a question.
  bot.use(staffDesk);
  bot.use(ask);
  bot.use(inline);
  bot.use(upkeep);
  bot.use(unhandled);

  // The error boundary: logs with the update id, tells the person, and never throws itself (a
  // throw here would stop long polling for good).
  bot.catch(async (err, ctx) => {
    try {
      await handleUpdateError(err, ctx, deps);
    } catch (inner) {
      deps.logger.error({ updateId: ctx.update.update_id, err: inner }, "the error boundary failed");
    }
  });
  return bot;
}
