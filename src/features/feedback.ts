import { Composer } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";
import { THANKS_DATA, thankedKeyboard, VOTE_DATA } from "../telegram/reply-keyboard.ts";

/** The buttons of the message a tapped button sits on, as Telegram sent them back. */
function keyboardOf(ctx: BotContext): InlineKeyboardButton[][] {
  const message = ctx.callbackQuery?.message;
  return message && "reply_markup" in message ? (message.reply_markup?.inline_keyboard ?? []) : [];
}

/** The text of the message a tapped button sits on. */
function textOf(ctx: BotContext): string {
  const message = ctx.callbackQuery?.message;
  return message && "text" in message ? message.text : "";
}

/**
 * 👍/👎 under answers in a private chat: one tap counts the vote and turns the two buttons into
 * "Terima kasih" in place (no new message). Only the person who asked can vote, once.
 */
export const feedback = new Composer<BotContext>();

feedback.action(VOTE_DATA, async (ctx) => {
  const up = ctx.match[1] === "u";
  const outcome = ctx.deps.feedback.vote(Number(ctx.match[2]), ctx.from.id, up, textOf(ctx));
  if (outcome === "unknown") return acknowledge(ctx, ctx.t("errors.expired"));
  await acknowledge(ctx, ctx.t(outcome === "counted" ? "feedback.counted" : "feedback.already"));
  await ctx
    .editMessageReplyMarkup({ inline_keyboard: thankedKeyboard(keyboardOf(ctx), ctx.t("feedback.thanks")) })
    .catch((err: unknown) => ctx.deps.logger.debug({ err }, "could not mark a vote on its message"));
});

feedback.action(THANKS_DATA, (ctx) => acknowledge(ctx, ctx.t("feedback.counted")));
