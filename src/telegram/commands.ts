import type { Telegram } from "telegraf";
import type { BotCommand, BotCommandScope } from "telegraf/types";
import type { Translate } from "../i18n";
import { LANGS, type Lang } from "../lang";

// The command menu: each command by its name in each language (aliases work too, see features).
const MENU: Record<Lang, Array<[command: string, key: string]>> = {
  id: [
    ["start", "start"],
    ["help", "help"],
    ["provinsi", "provinces"],
    ["kriteria", "criteria"],
    ["tentang", "about"],
    ["pejabat", "officials"],
    ["bahasa", "lang"],
  ],
  en: [
    ["start", "start"],
    ["help", "help"],
    ["provinces", "provinces"],
    ["criteria", "criteria"],
    ["about", "about"],
    ["officials", "officials"],
    ["lang", "lang"],
  ],
};

/** The command menu in one language, descriptions from `locales/<lang>/commands.json`. */
export function commandMenu(t: Translate, lang: Lang, extra: Array<[string, string]> = []): BotCommand[] {
  return [...MENU[lang], ...extra].map(([command, key]) => ({
    command,
    description: t(lang, `commands.${key}`),
  }));
}

/**
 * Registers the menus with `setMyCommands`: for private chats and for groups, in Indonesian
 * (`language_code` id, and the default for everyone else's clients) and English (en).
 */
export async function registerCommands(telegram: Telegram, t: Translate): Promise<void> {
  const scopes: BotCommandScope[] = [{ type: "all_private_chats" }, { type: "all_group_chats" }];
  for (const scope of scopes) {
    for (const lang of LANGS) {
      await telegram.setMyCommands(commandMenu(t, lang), { scope, language_code: lang });
    }
    await telegram.setMyCommands(commandMenu(t, "id"), { scope });
  }
}
