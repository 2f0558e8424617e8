import type { Telegram } from "telegraf";
import type { BotCommand, BotCommandScope } from "telegraf/types";
import type { Translate } from "../i18n/index.ts";
import { LANGS, type Lang } from "../lang.ts";

type Menu = Record<Lang, Array<[command: string, key: string]>>;

// The command menus: each command by its name in each language (aliases work too, see features).
const MENU: Menu = {
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

/** Commands of the common menu that only group admins can use in a group: shown to them alone there. */
const ADMINS_ONLY_IN_GROUPS = new Set(["lang"]);

/** What group admins can do in a group, besides the common commands. */
const GROUP_MENU: Menu = {
  id: [
    ["langganan", "subscribe"],
    ["berhenti_langganan", "unsubscribe"],
    ["wilayah", "province"],
  ],
  en: [
    ["subscribe", "subscribe"],
    ["unsubscribe", "unsubscribe"],
    ["province", "province"],
  ],
};

/** Programme staff's commands, shown only in each staff member's private chat. */
const STAFF_MENU: Menu = {
  id: [
    ["umumkan", "announce"],
    ["batal", "cancel"],
    ["pengumuman", "announcements"],
    ["belumterjawab", "unanswered"],
    ["statistik", "stats"],
    ["muatulang", "reload"],
  ],
  en: [
    ["announce", "announce"],
    ["cancel", "cancel"],
    ["announcements", "announcements"],
    ["unanswered", "unanswered"],
    ["stats", "stats"],
    ["reload", "reload"],
  ],
};

/** Which common commands a menu holds: all of them, or those every member of a group can use. */
type Common = "all" | "members";

/** A command menu in one language, descriptions from `locales/<lang>/commands.json`. */
function commandMenu(t: Translate, lang: Lang, common: Common, extra: Menu | undefined): BotCommand[] {
  const shown = MENU[lang].filter(([, key]) => common === "all" || !ADMINS_ONLY_IN_GROUPS.has(key));
  return [...shown, ...(extra?.[lang] ?? [])].map(([command, key]) => ({
    command,
    description: t(lang, `commands.${key}`),
  }));
}

/**
 * Registers the menus with `setMyCommands`: for private chats, for groups (with the group
 * admins' commands) and for each staff member's private chat (with the staff commands); each in
 * Indonesian (`language_code` id, and the default for every other client) and English (en).
 * A staff member who never opened the bot cannot get a menu yet: `onError` hears of it.
 */
export async function registerCommands(
  telegram: Telegram,
  t: Translate,
  staffIds: readonly number[] = [],
  onError: (err: unknown, staffId: number) => void = () => {},
): Promise<void> {
  const menus: Array<[BotCommandScope, Common, Menu | undefined]> = [
    [{ type: "all_private_chats" }, "all", undefined],
    [{ type: "all_group_chats" }, "members", undefined],
    // Only group admins see the commands only they may use.
    [{ type: "all_chat_administrators" }, "all", GROUP_MENU],
  ];
  for (const [scope, common, extra] of menus) await setMenus(telegram, t, scope, common, extra);
  for (const staffId of staffIds) {
    await registerStaffMenu(telegram, t, staffId).catch((err) => onError(err, staffId));
  }
}

/** Gives one staff member the staff menu in their private chat; fails until they have opened the bot. */
export function registerStaffMenu(telegram: Telegram, t: Translate, staffId: number): Promise<void> {
  return setMenus(telegram, t, { type: "chat", chat_id: staffId }, "all", STAFF_MENU);
}

async function setMenus(
  telegram: Telegram,
  t: Translate,
  scope: BotCommandScope,
  common: Common,
  extra: Menu | undefined,
) {
  for (const lang of LANGS) {
    await telegram.setMyCommands(commandMenu(t, lang, common, extra), { scope, language_code: lang });
  }
  await telegram.setMyCommands(commandMenu(t, "id", common, extra), { scope });
}
