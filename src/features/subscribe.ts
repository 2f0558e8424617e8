import { Composer } from "telegraf";
import { matchProvinces } from "../announce/audience";
import { groupAdminOnly } from "../telegram/access";
import type { BotContext } from "../telegram/context";
import { escapeHtml } from "../telegram/html";
import { sendHtml } from "../telegram/send";

/** Group admins only, in their group; a command sent in a private chat is told it is for groups. */
const forGroupAdmins = groupAdminOnly({ groupOnly: "subscribe.groupOnly", adminOnly: "subscribe.adminOnly" });

/** Records the group (a command from a group proves the bot is in it) and returns its id. */
function thisGroup(ctx: BotContext): number {
  const chat = ctx.chat;
  if (!chat || chat.type === "private") throw new Error("a group command outside a group");
  ctx.deps.groups.upsert({ id: chat.id, title: chat.title, type: chat.type });
  ctx.deps.groups.setActive(chat.id, true);
  return chat.id;
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
  return async (ctx: BotContext) => {
    const before = ctx.deps.announce.subscriptions.setSubscribed(thisGroup(ctx), subscribed);
    await sendHtml(ctx, ctx.t(before === subscribed ? unchanged : changed));
  };
}

subscribe.command(
  ["subscribe", "langganan"],
  forGroupAdmins,
  setSubscription(true, "subscribe.subscribed", "subscribe.alreadySubscribed"),
);
subscribe.command(
  ["unsubscribe", "berhenti_langganan"],
  forGroupAdmins,
  setSubscription(false, "subscribe.unsubscribed", "subscribe.notSubscribed"),
);

subscribe.command(["province", "wilayah"], forGroupAdmins, async (ctx) => {
  const chatId = thisGroup(ctx);
  const subscriptions = ctx.deps.announce.subscriptions;
  const all = ctx.deps.engine().knowledge.provinces;
  const list = provinceNames(
    ctx,
    all.map((province) => province.id),
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
});
