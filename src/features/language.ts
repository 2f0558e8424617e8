import { Composer } from "telegraf";
import { isLang, LANGS } from "../lang.ts";
import { groupAdminOnly } from "../telegram/access.ts";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";

/** /lang and /bahasa: the interface language, stored per user (or per group, by its admins and only shown to them). */
export const language = new Composer<BotContext>();

// In a group only its admins get the buttons: a member could not use them.
language.command(["lang", "bahasa", "language"], groupAdminOnly({ groupOnly: false }), async (ctx) => {
  const keyboard = [LANGS.map((l) => ({ text: ctx.t(`language.names.${l}`), callback_data: `lang:${l}` }))];
  const key = ctx.chat.type === "private" ? "language.choose" : "language.chooseGroup";
  await ctx.reply(ctx.t(key), { reply_markup: { inline_keyboard: keyboard } });
});

// Anyone sets their own language in a private chat; in a group, only its admins set the group's.
language.action(/^lang:(.{1,8})$/, groupAdminOnly({ groupOnly: false }), async (ctx) => {
  const lang = ctx.match[1];
  if (!isLang(lang)) return acknowledge(ctx, ctx.t("errors.expired"));
  const chat = ctx.chat;
  if (chat && chat.type !== "private") {
    ctx.deps.groups.upsert({ id: chat.id, title: "title" in chat ? chat.title : undefined, type: chat.type });
    ctx.deps.groups.setLanguage(chat.id, lang);
  } else {
    ctx.deps.users.setLanguage(ctx.from.id, lang);
  }
  ctx.lang = lang;
  await acknowledge(ctx);
  await ctx.editMessageText(ctx.deps.t(lang, "language.set"));
});
