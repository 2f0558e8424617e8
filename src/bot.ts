import { Composer, type MiddlewareFn, type Telegraf } from "telegraf";
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
import { type BotOptions, catchErrors, createTelegraf } from "./telegram/client.ts";
import type { BotContext, BotDeps } from "./telegram/context.ts";

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

/** Every feature, in order: what an update goes through. */
export function features(deps: BotDeps): MiddlewareFn<BotContext> {
  requireDeps(deps);
  return Composer.compose([
    setup(deps),
    groups,
    floodGuard({ now: deps.now }),
    // Most updates are questions typed by the public: they skip the features that only take
    // commands, buttons or a staff member's draft, and go straight to `ask`.
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
    // Before ask: in the staff group, a reply to a forwarded question is an answer, not a question.
    staffDesk,
    ask,
    inline,
    upkeep,
    unhandled,
  ]);
}

/**
 * Builds the bot with every feature mounted, in order, and an error boundary. Does not start
 * it: `main.ts` (through `app.ts`) launches it with polling or a webhook.
 */
export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Telegraf<BotContext> {
  requireDeps(deps);
  const bot = createTelegraf(token, deps, options);
  bot.use(features(deps));
  catchErrors(bot, deps);
  return bot;
}
