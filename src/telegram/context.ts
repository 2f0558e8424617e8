import type { TOptions } from "i18next";
import type { Context } from "telegraf";
import type { AnnounceService } from "../announce/service.ts";
import type { Conversations } from "../answer/conversations.ts";
import type { AnswerEngine } from "../answer/engine.ts";
import type { Translate } from "../i18n/index.ts";
import type { KnowledgeService } from "../knowledge/service.ts";
import type { Lang } from "../lang.ts";
import type { Logger } from "../logger.ts";
import type { GroupStore } from "../storage/groups.ts";
import type { StaffQuestionStore } from "../storage/staff-questions.ts";
import type { UserStore } from "../storage/users.ts";
import type { Feedback } from "../upkeep/feedback.ts";
import type { QuestionLog } from "../upkeep/question-log.ts";
import type { OutgoingLimiter } from "./outgoing.ts";

/** Where staff answer what the bot cannot: their group, and the questions sent there. */
export interface StaffDesk {
  /** The staff group (`STAFF_CHAT_ID`); `undefined` when none is set up, and "Ask staff" is not offered. */
  chatId: number | undefined;
  questions: StaffQuestionStore;
}

/**
 * What the bot's features need from the rest of the program, every part required: a feature gets
 * its services when the bot is built, or the bot is not built (see `createBot`).
 */
export interface BotDeps {
  /** The answer engine in service now (live reload may swap it between updates). */
  engine: () => AnswerEngine;
  t: Translate;
  users: UserStore;
  groups: GroupStore;
  /** Programme staff: Telegram user ids allowed to use staff commands. */
  adminIds: readonly number[];
  logger: Logger;
  /** The bot's clock (the flood guard, the question log, staff's date ranges). */
  now: () => number;
  /** Records every question anonymously, for the staff's /unanswered and /stats. */
  questionLog: QuestionLog;
  /** 👍/👎 on answers. */
  feedback: Feedback;
  /** Questions forwarded to the staff group and their answers. */
  staffDesk: StaffDesk;
  /** Each conversation's last question, for follow-ups. */
  conversations: Conversations;
  /** The knowledge file in service, for the staff's /reload. */
  knowledge: KnowledgeService;
  /** Group announcements: subscriptions, the queue and its delivery worker. */
  announce: AnnounceService;
  /** How long a supergroup join waits for word of an upgrade before the intro, in ms (default 1.5 s). */
  upgradeSettleMs?: number;
  /** Everything the bot sends waits its turn here: replies first, broadcasts after (Telegram's limits). */
  outgoing: OutgoingLimiter;
}

/** Telegraf's context with the bot's own additions, set by the first middleware. */
export interface BotContext extends Context {
  /** The interface language for this update: stored choice, else Telegram's language_code. */
  lang: Lang;
  /** Translates a key in the interface language. */
  t: (key: string, options?: TOptions) => string;
  deps: BotDeps;
}
