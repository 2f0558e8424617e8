import type { InlineKeyboardButton, Message } from "telegraf/types";
import type { Reply } from "../answer/engine.ts";
import { extended } from "../extended.ts";
import type { BotContext } from "./context.ts";
import { replyHtml, splitMessage } from "./html.ts";
import { type ReplyExtras, replyKeyboard } from "./reply-keyboard.ts";

/**
 * Sends HTML to the chat of the update, split when longer than Telegram allows; the keyboard goes
 * under the last part. In groups it replies to the message that asked.
 */
export async function sendHtml(
  ctx: BotContext,
  html: string,
  keyboard: InlineKeyboardButton[][] = [],
): Promise<Message.TextMessage | undefined> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return undefined;
  const parts = splitMessage(html);
  const replyTo = ctx.chat?.type !== "private" ? ctx.message?.message_id : undefined;
  let last: Message.TextMessage | undefined;
  for (const [i, part] of parts.entries()) {
    const isLast = i === parts.length - 1;
    last = await ctx.telegram.sendMessage(chatId, part, {
      parse_mode: "HTML",
      ...(replyTo !== undefined && i === 0
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(isLast && keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    });
  }
  return last;
}

/**
 * Sends an answer with its source line (linked where the source has a URL), its suggestion or
 * follow-up buttons, and the official channels as buttons when the reply sends people there.
 * `extras` add "Ask staff" and 👍/👎 where the caller offers them.
 */
export function sendReply(
  ctx: BotContext,
  reply: Reply,
  extras: Omit<ReplyExtras, "channels"> = {},
): Promise<Message.TextMessage | undefined> {
  const { sources, channels } = ctx.deps.engine().knowledge;
  const keyboard = replyKeyboard(
    reply,
    extended(extras, { channels: pointsToChannels(reply) ? channels : undefined }),
  );
  return sendHtml(ctx, replyHtml(reply, sources), keyboard);
}

/**
 * Whether a reply sends people to the official channels: the engine ends a reply with them where
 * the sources have no answer, and buttons to them follow.
 */
export function pointsToChannels(reply: Reply): boolean {
  return reply.nextSteps;
}
