import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import type { BotContext } from "../telegram/context.ts";
import { sendHtml } from "../telegram/send.ts";

const PRESENT = new Set(["member", "administrator", "creator", "restricted"]);
/** How long a supergroup join waits for word of an upgrade before the bot introduces itself. */
const UPGRADE_SETTLE_MS = 1_500;

/** The bot's life in groups: introduced when added, remembered, forgotten when removed, moved on upgrade. */
export const groups = new Composer<BotContext>();

groups.on("my_chat_member", async (ctx) => {
  const { chat, old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
  if (chat.type === "private" || chat.type === "channel") return;
  const { groups: store } = ctx.deps;
  const wasIn = PRESENT.has(before.status);
  const isIn = PRESENT.has(after.status);
  // Already in as far as we know: an upgrade we followed first, or the same news twice.
  const knownIn = store.get(chat.id)?.active === true;
  if (isIn) {
    store.upsert({ id: chat.id, title: chat.title, type: chat.type });
    store.setActive(chat.id, true);
  } else {
    store.setActive(chat.id, false);
  }
  if (!isIn || wasIn || knownIn) return;
  // Staff look the id up here to set STAFF_CHAT_ID.
  ctx.deps.logger.info({ chatId: chat.id, title: chat.title }, "added to a group");
  if (chat.type === "supergroup" && (await wasUpgraded(ctx, chat.id))) return;
  await sendHtml(ctx, ctx.t("group.intro", { username: ctx.botInfo.username }));
});

/**
 * Whether a supergroup the bot just joined is one of its groups, upgraded: Telegram then reports
 * the bot joining the new supergroup, and names the old group in a service message
 * (`migrate_from_chat_id`) that may come just before or just after. Following it merges the old
 * record, with its earlier join date, into this one.
 */
async function wasUpgraded(ctx: BotContext, chatId: number): Promise<boolean> {
  const joinedAt = ctx.deps.groups.get(chatId)?.joinedAt ?? 0;
  await new Promise((resolve) => setTimeout(resolve, ctx.deps.upgradeSettleMs ?? UPGRADE_SETTLE_MS));
  return (ctx.deps.groups.get(chatId)?.joinedAt ?? joinedAt) < joinedAt;
}

// A group upgraded to a supergroup gets a new id; Telegram says so in a service message.
groups.on(message("migrate_to_chat_id"), async (ctx) => {
  ctx.deps.groups.migrate(ctx.chat.id, ctx.message.migrate_to_chat_id);
  ctx.deps.logger.info(
    { from: ctx.chat.id, to: ctx.message.migrate_to_chat_id },
    "group migrated to a supergroup",
  );
});

groups.on(message("migrate_from_chat_id"), async (ctx) => {
  ctx.deps.groups.migrate(ctx.message.migrate_from_chat_id, ctx.chat.id);
});
