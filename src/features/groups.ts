import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import type { BotContext } from "../telegram/context";
import { sendHtml } from "../telegram/send";

const PRESENT = new Set(["member", "administrator", "creator", "restricted"]);

/** The bot's life in groups: introduced when added, remembered, forgotten when removed, moved on upgrade. */
export const groups = new Composer<BotContext>();

groups.on("my_chat_member", async (ctx) => {
  const { chat, old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
  if (chat.type === "private" || chat.type === "channel") return;
  const { groups: store } = ctx.deps;
  const wasIn = PRESENT.has(before.status);
  const isIn = PRESENT.has(after.status);
  if (isIn) {
    store.upsert({ id: chat.id, title: chat.title, type: chat.type });
    store.setActive(chat.id, true);
  } else {
    store.setActive(chat.id, false);
  }
  if (isIn && !wasIn) {
    await sendHtml(ctx, ctx.t("group.intro", { username: ctx.botInfo.username }));
  }
});

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
