import type { TOptions } from "i18next";
import type { Context } from "telegraf";
import type { AnswerEngine } from "../answer/engine";
import type { Translate } from "../i18n";
import type { Lang } from "../lang";
import type { Logger } from "../logger";
import type { GroupStore } from "../storage/groups";
import type { UserStore } from "../storage/users";

/** What the bot's features need from the rest of the program. */
export interface BotDeps {
  /** The answer engine in service now (live reload may swap it between updates). */
  engine: () => AnswerEngine;
  t: Translate;
  users: UserStore;
  groups: GroupStore;
  /** Programme staff: Telegram user ids allowed to use staff commands. */
  adminIds: readonly number[];
  logger: Logger;
  now?: () => number;
}

/** Telegraf's context with the bot's own additions, set by the first middleware. */
export interface BotContext extends Context {
  /** The interface language for this update: stored choice, else Telegram's language_code. */
  lang: Lang;
  /** Translates a key in the interface language. */
  t: (key: string, options?: TOptions) => string;
  deps: BotDeps;
}
