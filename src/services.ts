import { Telegram } from "telegraf";
import { type BroadcastApi, telegramBroadcastApi } from "./announce/broadcast-api.ts";
import type { BroadcasterOptions } from "./announce/broadcast-options.ts";
import type { Clock } from "./announce/clock.ts";
import { createAnnounceService } from "./announce/service.ts";
import { Conversations } from "./answer/conversations.ts";
import type { AnswerEngine } from "./answer/engine.ts";
import { loadEngine } from "./answer/load.ts";
import type { Translate } from "./i18n/index.ts";
import { KnowledgeService } from "./knowledge/service.ts";
import type { Logger } from "./logger.ts";
import type { Database } from "./storage/database.ts";
import { GroupStore } from "./storage/groups.ts";
import { QuestionStore } from "./storage/questions.ts";
import { StaffQuestionStore } from "./storage/staff-questions.ts";
import { UserStore } from "./storage/users.ts";
import { VoteStore } from "./storage/votes.ts";
import { installRetry, type RetryOptions } from "./telegram/api-retry.ts";
import type { BotDeps } from "./telegram/context.ts";
import type { OutgoingLimiter } from "./telegram/outgoing.ts";
import { installDirectCalls } from "./telegram/transport.ts";
import { Feedback } from "./upkeep/feedback.ts";
import { QuestionLog } from "./upkeep/question-log.ts";

/** What {@link createBotDeps} builds the bot's services from. */
interface ServiceOptions {
  db: Database;
  /** The engine over the knowledge file at `knowledgePath`, already loaded. */
  engine: AnswerEngine;
  knowledgePath: string;
  t: Translate;
  logger: Logger;
  adminIds: readonly number[];
  /** The staff group questions are forwarded to (`STAFF_CHAT_ID`); none when `undefined`. */
  staffChatId?: number | undefined;
  /** IANA time zone of the days and dates staff see. */
  timezone: string;
  /** The bot's clock. */
  now: () => number;
  /** The announcement worker's clock (the outgoing limiter's too). */
  clock: Clock;
  /** The bot's one outgoing limiter: its replies and its broadcasts take their turns here. */
  outgoing: OutgoingLimiter;
  /** Sends announcements to the groups (no retry layer, unpaced: the worker does both itself). */
  groupApi: BroadcastApi;
  /** Sends progress and reports to staff (paced by `outgoing`, retried). */
  staffApi: BroadcastApi;
  broadcast?: BroadcasterOptions | undefined;
}

/**
 * Builds every service the bot's features use over one database: stores, the question log, the
 * knowledge in service (with its reload) and the announcements (worker not started).
 */
export function createBotDeps(options: ServiceOptions): BotDeps {
  const { db, engine, t, logger, timezone, now } = options;
  const groups = new GroupStore(db);
  const questionLog = new QuestionLog(new QuestionStore(db), { timezone, logger, now });
  const knowledge = new KnowledgeService(engine, {
    path: options.knowledgePath,
    // Live reload builds a whole new engine over the same regions and texts.
    build: (path) => loadEngine(path, { areas: engine.areas, t }),
    logger,
  });
  return {
    engine: () => knowledge.current(),
    t,
    users: new UserStore(db),
    groups,
    adminIds: options.adminIds,
    logger,
    now,
    questionLog,
    feedback: new Feedback(questionLog, new VoteStore(db), { now, logger }),
    staffDesk: { chatId: options.staffChatId, questions: new StaffQuestionStore(db) },
    conversations: new Conversations(),
    knowledge,
    outgoing: options.outgoing,
    announce: createAnnounceService(
      {
        db,
        groups,
        groupApi: options.groupApi,
        staffApi: options.staffApi,
        outgoing: options.outgoing,
        clock: options.clock,
        t,
        logger,
        timezone,
      },
      options.broadcast,
    ),
  };
}

/** Where the announcement clients send: Telegram (or another Bot API server), with the bot's token. */
interface ClientOptions {
  token: string;
  apiRoot?: string | undefined;
  logger: Logger;
  /** The bot's outgoing limiter: calls to staff wait their turn there (group deliveries are paced by the worker). */
  outgoing: OutgoingLimiter;
  /** Retries of the calls to staff; group deliveries retry on their own. */
  retry?: RetryOptions | undefined;
}

/**
 * The announcement worker's two clients: groups without a retry layer or pacing (the worker does
 * both), staff with both, at broadcast priority.
 */
export function broadcastClients(options: ClientOptions): { groupApi: BroadcastApi; staffApi: BroadcastApi } {
  const client = () =>
    new Telegram(options.token, {
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      webhookReply: false,
    });
  const staff = client();
  installRetry(staff, {
    ...options.retry,
    onRetry: (info) => options.logger.warn(info, "retrying a Telegram API call"),
    outgoing: { limiter: options.outgoing, priority: "broadcast" },
  });
  return {
    groupApi: telegramBroadcastApi(installDirectCalls(client())),
    staffApi: telegramBroadcastApi(staff),
  };
}
