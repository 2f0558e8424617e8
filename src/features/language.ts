import { Composer } from "telegraf";
import { LANGS } from "../lang";
import { acknowledge } from "../telegram/acknowledge";
import type { BotContext } from "../telegram/context";
import { pickedLang } from "./setup";

/** Whether the sender may change the settings of this chat: anyone in private, admins in groups. */
export async function isChatAdmin(ctx: BotContext): Promise<boolean> {
  if (!ctx.chat || !ctx.from) return false;
  if (ctx.chat.type === "private") return true;
  // If Telegram cannot tell (an error), the answer is no: settings change only for known admins.
  const member = await ctx.telegram.getChatMember(ctx.chat.id, ctx.from.id).catch(() => undefined);
  return member?.status === "creator" || member?.status === "administrator";
}

/** /lang and /bahasa: the interface language, stored per user (or per group, by its admins). */
export const language = new Composer<BotContext>();

language.command(["lang", "bahasa", "language"], async (ctx) => {
  const keyboard = [LANGS.map((l) => ({ text: ctx.t(`language.names.${l}`), callback_data: `lang:${l}` }))];
  const key = ctx.chat.type === "private" ? "language.choose" : "language.chooseGroup";
  await ctx.reply(ctx.t(key), { reply_markup: { inline_keyboard: keyboard } });
});

language.action(/^lang:(.{1,8})$/, async (ctx) => {
  const lang = pickedLang(ctx.match[1]);
  if (!lang) return acknowledge(ctx, ctx.t("errors.expired"));
  const chat = ctx.chat;
  if (chat && chat.type !== "private") {
    if (!(await isChatAdmin(ctx))) return acknowledge(ctx, ctx.t("language.adminOnly"), { alert: true });
    ctx.deps.groups.upsert({ id: chat.id, title: "title" in chat ? chat.title : undefined, type: chat.type });
    ctx.deps.groups.setLanguage(chat.id, lang);
  } else {
    ctx.deps.users.setLanguage(ctx.from.id, lang);
  }
  ctx.lang = lang;
  await acknowledge(ctx);
  await ctx.editMessageText(ctx.deps.t(lang, "language.set"));
});
