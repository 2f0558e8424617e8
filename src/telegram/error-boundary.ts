import { isForbidden, migratedTo } from "./api-retry.ts";
import type { BotContext, BotDeps } from "./context.ts";

// Errors that say an update came too late to matter, not that something is broken.
const HARMLESS = [/query is too old/i, /message is not modified/i, /message to edit not found/i];

/**
 * What the error boundary does with an error no handler caught: ignores updates that came too
 * late, stops writing to chats that blocked or removed the bot, follows a group that became a
 * supergroup, and logs the rest with the update id and tells the person something went wrong.
 * The bot goes on either way.
 */
export async function handleUpdateError(err: unknown, ctx: BotContext, deps: BotDeps): Promise<void> {
  const updateId = ctx.update.update_id;
  const description = err instanceof Error ? err.message : String(err);
  const chat = ctx.chat;
  if (HARMLESS.some((re) => re.test(description))) {
    deps.logger.debug({ updateId, description }, "ignored a harmless Telegram error");
    return;
  }
  if (isForbidden(err)) {
    // Blocked by the user, or removed from the group: stop writing there.
    if (chat && chat.type !== "private") deps.groups.setActive(chat.id, false);
    deps.logger.info({ updateId, chatId: chat?.id, description }, "the bot may not write to this chat");
    return;
  }
  const newId = migratedTo(err);
  if (chat && newId !== undefined) {
    // The group became a supergroup while we answered: its record follows (the reply is lost).
    deps.groups.migrate(chat.id, newId);
    deps.logger.info({ updateId, from: chat.id, to: newId }, "group migrated while answering");
    return;
  }
  deps.logger.error({ updateId, err }, "failed to handle an update");
  await apologise(ctx, deps).catch((inner: unknown) =>
    deps.logger.warn({ updateId, err: inner }, "could not tell the person about the failure"),
  );
}

/**
 * Tells the person who asked that it failed ("Maaf, terjadi kesalahan…"): under the button they
 * tapped, or in the chat of a message meant for the bot. Chatter in a group is not answered, so
 * a broken store cannot make the bot reply to every message of every group.
 */
async function apologise(ctx: BotContext, deps: BotDeps): Promise<void> {
  // The failure may have come before `setup` gave the update its language.
  const text = ctx.t ? ctx.t("errors.internal") : deps.t("id", "errors.internal");
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(text, { show_alert: true });
    return;
  }
  const message = ctx.message;
  if (!message || !ctx.chat || !addressedToBot(ctx)) return;
  const inGroup = ctx.chat.type !== "private";
  await ctx.telegram.sendMessage(ctx.chat.id, text, {
    ...(inGroup
      ? { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } }
      : {}),
  });
}

/** A private message, or a group message that is a command, mentions the bot or replies to it. */
function addressedToBot(ctx: BotContext): boolean {
  const message = ctx.message;
  if (!message || !ctx.chat) return false;
  if (ctx.chat.type === "private") return true;
  const text = "text" in message ? message.text : "caption" in message ? (message.caption ?? "") : "";
  const username = ctx.botInfo.username.toLowerCase();
  // "/start" or "/start@ThisBot", not another bot's "/start@OtherBot".
  const command = /^\/\w+(?:@(\w+))?/.exec(text);
  if (command) return command[1] === undefined || command[1].toLowerCase() === username;
  const repliedTo = "reply_to_message" in message ? message.reply_to_message?.from?.id : undefined;
  return text.toLowerCase().includes(`@${username}`) || repliedTo === ctx.botInfo.id;
}
