import type { Telegram } from "telegraf";
import type { Translate } from "../i18n/index.ts";
import { LANGS, type Lang } from "../lang.ts";

/** Telegram's limits on the bot's descriptions, in characters. */
export const PROFILE_LIMITS = { description: 512, shortDescription: 120 } as const;

/**
 * Sets the bot's description (shown in an empty chat, "What can this bot do?") and short
 * description (its profile page, and shared links) in each language, from
 * `locales/<lang>/profile.json`, plus Indonesian for every other client. Each is read first and
 * set only when it differs: Telegram limits how often a bot's profile may change.
 */
export async function setProfile(telegram: Telegram, t: Translate): Promise<void> {
  const targets: Array<[Lang, string | undefined]> = [
    ...LANGS.map((lang): [Lang, Lang] => [lang, lang]),
    ["id", undefined],
  ];
  for (const [lang, code] of targets) {
    const description = t(lang, "profile.description");
    if ((await telegram.getMyDescription(code)).description !== description) {
      await telegram.setMyDescription(description, code);
    }
    const short = t(lang, "profile.shortDescription");
    if ((await telegram.getMyShortDescription(code)).short_description !== short) {
      await telegram.setMyShortDescription(short, code);
    }
  }
}
