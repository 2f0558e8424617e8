import type { Scenes } from "telegraf";
import { AnnouncementStore } from "../storage/announcements.ts";
import type { Database } from "../storage/database.ts";
import { DeliveryQueue } from "../storage/deliveries.ts";
import { SqliteSessionStore } from "../storage/sessions.ts";
import { SubscriptionStore } from "../storage/subscriptions.ts";
import type { BroadcasterOptions } from "./broadcast-options.ts";
import { Broadcaster, type BroadcasterDeps } from "./broadcaster.ts";
import type { Clock } from "./clock.ts";

/** What a staff member's session holds: Telegraf's scene data (the wizard's step and draft). */
export type DraftSession = Scenes.WizardSession;

/** A draft untouched this long is deleted from the database (the wizard forgets it after an hour). */
const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

/** What the announcement features need: the stores, the worker to wake, the time zone of dates. */
export interface AnnounceService {
  announcements: AnnouncementStore;
  deliveries: DeliveryQueue;
  subscriptions: SubscriptionStore;
  broadcaster: Broadcaster;
  /** Staff members' sessions: the announcement they are writing, and its step. */
  drafts: SqliteSessionStore<DraftSession>;
  clock: Clock;
  /** IANA time zone in which staff type and read dates. */
  timezone: string;
}

/** What the service is built from: the worker's clients, clock and texts, over one database. */
type AnnounceServiceDeps = Omit<BroadcasterDeps, "announcements" | "deliveries" | "subscriptions"> & {
  db: Database;
  /** IANA time zone in which staff type and read dates. */
  timezone: string;
};

/**
 * Builds the stores and the delivery worker (not started), and makes subscriptions and queued
 * deliveries follow a group's upgrade to a supergroup.
 */
export function createAnnounceService(
  deps: AnnounceServiceDeps,
  options: BroadcasterOptions = {},
): AnnounceService {
  const { db, groups, clock, timezone } = deps;
  const announcements = new AnnouncementStore(db, () => clock.now());
  const deliveries = new DeliveryQueue(db, () => clock.now());
  const subscriptions = new SubscriptionStore(db, () => clock.now());
  groups.onMigrate((oldId, newId) => {
    subscriptions.moveChat(oldId, newId);
    deliveries.moveChat(oldId, newId);
  });
  const broadcaster = new Broadcaster(
    { ...deps, announcements, deliveries, subscriptions },
    { timezone, ...options },
  );
  const drafts = new SqliteSessionStore<DraftSession>(db, {
    maxAgeMs: DRAFT_MAX_AGE_MS,
    now: () => clock.now(),
  });
  return { announcements, deliveries, subscriptions, broadcaster, drafts, clock, timezone };
}
