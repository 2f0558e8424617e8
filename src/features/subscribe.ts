import { Composer } from "telegraf";
import { groupProvinces } from "../announce/group-provinces.ts";
import { LANGS } from "../lang.ts";
import { groupAdminOnly } from "../telegram/access.ts";
import type { BotContext } from "../telegram/context.ts";
import { escapeHtml } from "../telegram/html.ts";
import { sendHtml } from "../telegram/send.ts";

/** Group admins only, in their group; a command sent in a private chat is told it is for groups. */
const forGroupAdmins = groupAdminOnly({ groupOnly: true });

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
    const chatId = thisGroup(ctx);
    const before = ctx.deps.announce.subscriptions.setSubscribed(chatId, subscribed);
    const text = ctx.t(before === subscribed ? unchanged : changed);
    if (!subscribed) return void (await sendHtml(ctx, text));
    // A group without a language reads announcements in the language of the admin who subscribed it.
    ctx.deps.groups.setDefaultLanguage(chatId, ctx.lang);
    await sendLanguage(ctx, chatId, text);
  };
}

/** `text`, then the language the group's announcements come in, with a button to change it. */
async function sendLanguage(ctx: BotContext, chatId: number, text: string): Promise<void> {
  const group = ctx.deps.groups.get(chatId);
  const lang = group?.language ?? "id";
  const key = group?.languageChosen ? "subscribe.language" : "subscribe.languageDefault";
  const line = ctx.t(key, { lang: ctx.t(`language.names.${lang}`) });
  const keyboard = LANGS.filter((other) => other !== lang).map((other) => [
    {
      text: ctx.deps.t(other, "subscribe.changeLanguage", {
        lang: ctx.deps.t(other, `language.names.${other}`),
      }),
      callback_data: `lang:${other}`,
    },
  ]);
  await sendHtml(ctx, `${text}\n\n${line}`, keyboard);
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
  const engine = ctx.deps.engine();
  const match = groupProvinces(input, engine.knowledge, engine.areas);
  if (match.unknown.length || !match.ids.length) {
    const names = match.unknown.map(escapeHtml).join(", ") || escapeHtml(input);
    await sendHtml(ctx, ctx.t("subscribe.unknown", { names, list }));
    return;
  }
  subscriptions.setProvinces(chatId, match.ids);
  // "Papua Tengah" is today's name of where the programme's Papua entry is: say so.
  const mapped = match.mapped.map((m) =>
    ctx.t(`subscribe.mapped.${m.how}`, {
      area: escapeHtml(m.area),
      province: provinceNames(ctx, [m.province]),
    }),
  );
  const set = ctx.t("subscribe.set", { names: provinceNames(ctx, match.ids) });
  await sendHtml(ctx, [...mapped, set].join("\n") + note);
});
