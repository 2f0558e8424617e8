import { Composer } from "telegraf";
import type { Lang } from "../lang.ts";
import type { BotContext, BotDeps } from "../telegram/context.ts";

/** The interface language from Telegram's `language_code`: `id` → Indonesian, another → English, none → Indonesian. */
function languageFromCode(code: string | undefined): Lang {
  if (!code) return "id";
  return code.toLowerCase().startsWith("id") || code.toLowerCase().startsWith("in") ? "id" : "en";
}

/**
 * First middleware: gives every update its dependencies, its interface language (the group's
 * setting in a group, else the user's choice, else Telegram's language_code) and `ctx.t`.
 */
export function setup(deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>(async (ctx, next) => {
    ctx.deps = deps;
    const chat = ctx.chat;
    const groupLang = chat && chat.type !== "private" ? deps.groups.get(chat.id)?.language : undefined;
    const userLang = ctx.from ? deps.users.getLanguage(ctx.from.id) : undefined;
    ctx.lang = groupLang ?? userLang ?? languageFromCode(ctx.from?.language_code);
    ctx.t = (key, options) => deps.t(ctx.lang, key, options);
    return next();
  });
}
