import { isForbidden, migratedTo } from "./api-retry";
import type { BotContext, BotDeps } from "./context";

// Errors that say an update came too late to matter, not that something is broken.
const HARMLESS = [/query is too old/i, /message is not modified/i, /message to edit not found/i];

/**
 * What the error boundary does with an error no handler caught: ignores updates that came too
 * late, stops writing to chats that blocked or removed the bot, follows a group that became a
 * supergroup, and logs the rest with the update id. The bot goes on either way.
 */
export function handleUpdateError(err: unknown, ctx: BotContext, deps: BotDeps): void {
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
}
