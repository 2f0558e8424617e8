import { Composer } from "telegraf";
import { matchProvinces } from "../announce/audience";
import type { BotContext } from "../telegram/context";
import { escapeHtml } from "../telegram/html";
import { sendHtml } from "../telegram/send";
import { isChatAdmin } from "./language";

/** Whether the sender may manage announcements for this group: an admin, or an admin posting as the group. */
async function isGroupAdmin(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  // Anonymous admins write "as the group": Telegram then names the group as the sender.
  if (ctx.message && "sender_chat" in ctx.message && ctx.message.sender_chat?.id === chat.id) return true;
  return isChatAdmin(ctx);
}

/** Runs `action` for an admin of a group; explains itself to everyone else. */
async function asGroupAdmin(ctx: BotContext, action: (chatId: number) => Promise<void>): Promise<void> {
  const chat = ctx.chat;
  const announce = ctx.deps.announce;
  if (!chat || !announce) return;
  if (chat.type === "private" || chat.type === "channel") {
    await sendHtml(ctx, ctx.t("subscribe.groupOnly"));
    return;
  }
  if (!(await isGroupAdmin(ctx))) {
    await sendHtml(ctx, ctx.t("subscribe.adminOnly"));
    return;
  }
  // A command from a group proves the bot is in it.
  ctx.deps.groups.upsert({ id: chat.id, title: chat.title, type: chat.type });
  ctx.deps.groups.setActive(chat.id, true);
  await action(chat.id);
}

/** The programme provinces by name, in the interface language, for a list. */
function provinceNames(ctx: BotContext, ids: readonly string[]): string {
  const provinces = ctx.deps.engine().knowledge.provinces;
  return ids
    .map((id) => provinces.find((p) => p.id === id)?.name[ctx.lang] ?? id)
    .map(escapeHtml)
    .join(", ");
}

/**
 * In groups, for group admins: /subscribe (/langganan) and /unsubscribe (/berhenti_langganan) to
 * announcements, /province (/wilayah) to tie the group to programme provinces staff can target.
 */
export const subscribe = new Composer<BotContext>();

/** Subscribes or unsubscribes the group; the reply says whether anything changed. */
function setSubscription(subscribed: boolean, changed: string, unchanged: string) {
  return (ctx: BotContext) =>
    asGroupAdmin(ctx, async (chatId) => {
      const subscriptions = ctx.deps.announce?.subscriptions;
      if (!subscriptions) return;
      const before = subscriptions.setSubscribed(chatId, subscribed);
      await sendHtml(ctx, ctx.t(before === subscribed ? unchanged : changed));
    });
}

subscribe.command(
  ["subscribe", "langganan"],
  setSubscription(true, "subscribe.subscribed", "subscribe.alreadySubscribed"),
);
subscribe.command(
  ["unsubscribe", "berhenti_langganan"],
  setSubscription(false, "subscribe.unsubscribed", "subscribe.notSubscribed"),
);

subscribe.command(["province", "wilayah"], (ctx) =>
  asGroupAdmin(ctx, async (chatId) => {
    const subscriptions = ctx.deps.announce?.subscriptions;
    if (!subscriptions) return;
    const all = ctx.deps.engine().knowledge.provinces;
    const list = provinceNames(
      ctx,
      all.map((p) => p.id),
    );
    const input = ctx.payload.trim();
    const current = subscriptions.get(chatId);
    const note = current.subscribed ? "" : `\n\n${ctx.t("subscribe.notYetSubscribed")}`;
    if (!input) {
      const state = current.provinces.length
        ? ctx.t("subscribe.current", { names: provinceNames(ctx, current.provinces) })
        : ctx.t("subscribe.none");
      await sendHtml(ctx, `${state}\n\n${ctx.t("subscribe.usage", { list })}`);
      return;
    }
    if (/^(-|none|hapus|tidak ada|kosong)$/i.test(input)) {
      subscriptions.setProvinces(chatId, []);
      await sendHtml(ctx, ctx.t("subscribe.cleared"));
      return;
    }
    const match = matchProvinces(input, all);
    if (match.unknown.length || !match.ids.length) {
      const names = match.unknown.map(escapeHtml).join(", ") || escapeHtml(input);
      await sendHtml(ctx, ctx.t("subscribe.unknown", { names, list }));
      return;
    }
    subscriptions.setProvinces(chatId, match.ids);
    await sendHtml(ctx, ctx.t("subscribe.set", { names: provinceNames(ctx, match.ids) }) + note);
  }),
);
