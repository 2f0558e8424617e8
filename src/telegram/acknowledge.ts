import type { BotContext } from "./context.ts";

/**
 * Answers the tapped button (stops its spinner, shows `text` if given) without ever failing: a tap
 * answered too late ("query is too old" after downtime) or a network error must not stop the
 * handler from doing what the tap asked. Errors are logged at debug level and swallowed.
 */
export async function acknowledge(
  ctx: BotContext,
  text?: string,
  options: { alert?: boolean } = {},
): Promise<void> {
  if (!ctx.callbackQuery) return;
  try {
    await ctx.answerCbQuery(text, options.alert ? { show_alert: true } : undefined);
  } catch (err) {
    ctx.deps.logger.debug({ err }, "could not answer a button tap");
  }
}
