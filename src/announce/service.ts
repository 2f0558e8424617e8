import { Telegram } from "telegraf";
import type { Translate } from "../i18n";
import type { Logger } from "../logger";
import { AnnouncementStore } from "../storage/announcements";
import type { Database } from "../storage/database";
import type { GroupStore } from "../storage/groups";
import { SubscriptionStore } from "../storage/subscriptions";
import { installRetry, type RetryOptions } from "../telegram/api-retry";
import { Broadcaster, type BroadcasterOptions } from "./broadcaster";
import { type Clock, systemClock } from "./clock";

/** What the announcement features need: the stores, the worker to wake, the time zone of dates. */
export interface AnnounceService {
  store: AnnouncementStore;
  subscriptions: SubscriptionStore;
  broadcaster: Broadcaster;
  clock: Clock;
  /** IANA time zone in which staff type and read dates. */
  timezone: string;
}

export interface AnnounceServiceOptions {
  db: Database;
  groups: GroupStore;
  token: string;
  apiRoot?: string | undefined;
  t: Translate;
  logger: Logger;
  timezone: string;
  /** Retries of the calls to staff (progress, report); group deliveries retry on their own. */
  retry?: RetryOptions | undefined;
  broadcast?: BroadcasterOptions | undefined;
}

/**
 * Builds the stores and the delivery worker (not started), and makes subscriptions and queued
 * deliveries follow a group's upgrade to a supergroup.
 */
export function createAnnounceService(options: AnnounceServiceOptions): AnnounceService {
  const { db, groups, logger } = options;
  const clock = options.broadcast?.clock ?? systemClock;
  const store = new AnnouncementStore(db, () => clock.now());
  const subscriptions = new SubscriptionStore(db, () => clock.now());
  groups.onMigrate((oldId, newId) => {
    subscriptions.moveChat(oldId, newId);
    store.moveChat(oldId, newId);
  });
  const broadcaster = new Broadcaster(
    {
      store,
      subscriptions,
      groups,
      // Deliveries go through a client without the retry layer: a 429 must hold back only its
      // group while the others go on, which the worker does and a sleeping retry would not.
      api: new Telegram(options.token, telegramOptions(options.apiRoot)),
      staff: staffClient(options),
      t: options.t,
      logger,
    },
    { timezone: options.timezone, ...options.broadcast, clock },
  );
  return { store, subscriptions, broadcaster, clock, timezone: options.timezone };
}

function telegramOptions(apiRoot: string | undefined) {
  return { ...(apiRoot ? { apiRoot } : {}), webhookReply: false };
}

/** A client of its own for staff messages, retrying like the bot's. */
function staffClient(options: AnnounceServiceOptions): Telegram {
  const telegram = new Telegram(options.token, telegramOptions(options.apiRoot));
  installRetry(telegram, {
    ...options.retry,
    onRetry: (info) => options.logger.warn(info, "retrying a Telegram API call"),
  });
  return telegram;
}
