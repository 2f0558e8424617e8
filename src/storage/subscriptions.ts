import type { Subscriber } from "../announce/audience.ts";
import { isLang } from "../lang.ts";
import type { Database } from "./database.ts";

/** A group's standing for announcements. */
interface Subscription {
  subscribed: boolean;
  /** Programme province ids the group is tied to, sorted. */
  provinces: string[];
}

/**
 * Which groups receive announcements, and the provinces each is tied to. Rows refer to
 * `groups.id`; they follow a group's migration through `moveChat` (a `GroupStore.onMigrate` hook).
 */
export class SubscriptionStore {
  private readonly s;
  private readonly replaceProvinces;
  private readonly moveTransaction;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.s = {
      select: db.prepare<[number], { subscribed: number }>(
        "SELECT subscribed FROM subscriptions WHERE group_id = ?",
      ),
      provinces: db.prepare<[number], { province: string }>(
        "SELECT province FROM subscription_provinces WHERE group_id = ? ORDER BY province",
      ),
      set: db.prepare<[number, number, number]>(
        `INSERT INTO subscriptions (group_id, subscribed, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (group_id) DO UPDATE SET subscribed = excluded.subscribed, updated_at = excluded.updated_at`,
      ),
      clearProvinces: db.prepare<[number]>("DELETE FROM subscription_provinces WHERE group_id = ?"),
      addProvince: db.prepare<[number, string]>(
        "INSERT OR IGNORE INTO subscription_provinces (group_id, province) VALUES (?, ?)",
      ),
      subscribers: db.prepare<
        [],
        {
          id: number;
          title: string | null;
          language: string | null;
          language_chosen: number;
          provinces: string | null;
        }
      >(
        `SELECT g.id, g.title, g.language, g.language_chosen,
           (SELECT group_concat(province, ',') FROM subscription_provinces p WHERE p.group_id = g.id) AS provinces
         FROM groups g JOIN subscriptions s ON s.group_id = g.id
         WHERE g.active = 1 AND s.subscribed = 1
         ORDER BY g.joined_at, g.id`,
      ),
      deliverable: db.prepare<[number], { ok: number }>(
        `SELECT 1 AS ok FROM groups g JOIN subscriptions s ON s.group_id = g.id
         WHERE g.id = ? AND g.active = 1 AND s.subscribed = 1`,
      ),
      mergeSubscription: db.prepare<[{ oldId: number; newId: number; now: number }]>(
        `INSERT INTO subscriptions (group_id, subscribed, updated_at)
         SELECT @newId, subscribed, @now FROM subscriptions WHERE group_id = @oldId
         ON CONFLICT (group_id) DO UPDATE SET subscribed = MAX(subscribed, excluded.subscribed), updated_at = @now`,
      ),
      mergeProvinces: db.prepare<[{ oldId: number; newId: number }]>(
        `INSERT OR IGNORE INTO subscription_provinces (group_id, province)
         SELECT @newId, province FROM subscription_provinces WHERE group_id = @oldId`,
      ),
      deleteSubscription: db.prepare<[number]>("DELETE FROM subscriptions WHERE group_id = ?"),
    };
    this.replaceProvinces = db.transaction((groupId: number, provinces: readonly string[]) => {
      this.s.clearProvinces.run(groupId);
      for (const p of provinces) this.s.addProvince.run(groupId, p);
    });
    this.moveTransaction = db.transaction((oldId: number, newId: number) => {
      const params = { oldId, newId, now: this.now() };
      this.s.mergeSubscription.run(params);
      this.s.mergeProvinces.run(params);
      this.s.clearProvinces.run(oldId);
      this.s.deleteSubscription.run(oldId);
    });
  }

  /** The group's subscription; unsubscribed and tied to no province when never set. */
  get(groupId: number): Subscription {
    return {
      subscribed: this.s.select.get(groupId)?.subscribed === 1,
      provinces: this.s.provinces.all(groupId).map((r) => r.province),
    };
  }

  /** Subscribes or unsubscribes the group; returns whether it was subscribed before. */
  setSubscribed(groupId: number, subscribed: boolean): boolean {
    const before = this.s.select.get(groupId)?.subscribed === 1;
    this.s.set.run(groupId, subscribed ? 1 : 0, this.now());
    return before;
  }

  /** Ties the group to exactly these provinces (none: to no province). */
  setProvinces(groupId: number, provinces: readonly string[]): void {
    this.replaceProvinces(groupId, provinces);
  }

  /** Every group that receives announcements: subscribed, and the bot still in it. */
  subscribers(): Subscriber[] {
    return this.s.subscribers.all().map((row) => ({
      chatId: row.id,
      title: row.title ?? undefined,
      language: isLang(row.language) ? row.language : undefined,
      languageChosen: row.language_chosen === 1,
      provinces: row.provinces ? row.provinces.split(",").sort() : [],
    }));
  }

  /** Whether the group still receives announcements (checked again just before each send). */
  isDeliverable(groupId: number): boolean {
    return this.s.deliverable.get(groupId) !== undefined;
  }

  /** Moves the subscription of `oldId` to `newId` (a group upgraded to a supergroup), merging with one already there. */
  moveChat(oldId: number, newId: number): void {
    this.moveTransaction(oldId, newId);
  }
}
