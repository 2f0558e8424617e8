import { Composer } from "telegraf";
import { isStaff } from "../telegram/access.ts";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";

/** Messages one user may send within `windowMs` before the rest is dropped. */
interface FloodOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

interface Window {
  times: number[];
  warned: boolean;
}

/**
 * Drops messages from a user who sends more than `limit` within `windowMs` (default 5 in 2 s):
 * the first dropped one gets one polite notice, the rest nothing, until the user slows down.
 */
export function floodGuard(options: FloodOptions = {}): Composer<BotContext> {
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 2000;
  const now = options.now ?? Date.now;
  const windows = new Map<number, Window>();
  let lastSweep = 0;

  return new Composer<BotContext>(async (ctx, next) => {
    const userId = ctx.from?.id;
    // Messages and button taps both count: a tapped answer posts as much as a typed question.
    if (userId === undefined || (!ctx.message && !ctx.callbackQuery)) return next();
    // Staff tap through the announcement composer quickly, and are trusted.
    if (isStaff(ctx)) return next();
    const at = now();
    if (at - lastSweep > 60_000) {
      // Forget quiet users so the map does not grow with every user ever seen.
      for (const [id, quiet] of windows)
        if (at - (quiet.times[quiet.times.length - 1] ?? 0) > windowMs) windows.delete(id);
      lastSweep = at;
    }
    const window = windows.get(userId) ?? { times: [], warned: false };
    windows.set(userId, window);
    window.times = window.times.filter((time) => at - time < windowMs);
    window.times.push(at);
    if (window.times.length <= limit) {
      window.warned = false;
      return next();
    }
    if (ctx.callbackQuery) {
      // The button stops spinning; nothing is posted.
      await acknowledge(ctx, ctx.t("errors.flood"));
      return;
    }
    if (!window.warned) {
      window.warned = true;
      if (ctx.chat?.type === "private") await ctx.reply(ctx.t("errors.flood"));
    }
  });
}
