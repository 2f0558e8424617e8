import type { Lang } from "../lang.ts";
import { type Database, prepareAll, type Statements } from "./database.ts";

/**
 * The delivery queue: one row per announcement and group. A delivery's life: `pending` →
 * `sending` (claimed, committed before the API call) → `sent` (Telegram confirmed it: its message
 * id is kept), `unconfirmed` (the request may have reached Telegram but no answer came back: the
 * bot stopped or crashed during the call, or every attempt went unanswered), `failed` (Telegram
 * refused for good) or `skipped` (not attempted: group gone, unsubscribed, cancelled). A 429, 5xx
 * or network error puts it back to `pending`; so does staff's resend of the `unconfirmed` ones
 * (AnnouncementStore.resendUnconfirmed).
 *
 * `maybe_delivered` marks a delivery an earlier attempt of which may have reached its group (the
 * connection dropped, or no answer in time): sent again, that group may have it twice.
 */

/** Why a delivery failed or was skipped; the report groups by these. */
type DeliveryReason =
  | "forbidden"
  | "chat_not_found"
  | "rejected"
  | "server_error"
  | "network"
  | "rate_limited"
  | "unsubscribed"
  | "inactive"
  | "cancelled"
  | "migrated"
  /** Unconfirmed: the process stopped (crash, kill) while the call was in flight. */
  | "interrupted"
  /** Unconfirmed: a graceful stop abandoned the call still in flight. */
  | "abandoned"
  /** Unconfirmed: every attempt went unanswered, and one of them may have arrived. */
  | "no_answer";

/** A delivery ready to go, with the text it carries. */
export interface DueDelivery {
  id: number;
  announcementId: number;
  chatId: number;
  lang: Lang;
  attempts: number;
  /** An earlier attempt may have reached the group (no answer came back). */
  maybeDelivered: boolean;
  text: string;
  pin: boolean;
}

/** How far an announcement has got. */
export interface DeliveryCounts {
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  /** The request may have reached Telegram, which never confirmed it: not counted in `sent`. */
  unconfirmed: number;
  /** Sent (confirmed) after an earlier attempt that may have arrived too: perhaps received twice. */
  maybeTwice: number;
  pinned: number;
}

/**
 * A delivery for the report's lists: one that did not reach its group, one that may not have
 * (`unconfirmed`), or one that may have reached it twice (`sent`, reason `maybe_twice`).
 */
export interface DeliveryProblem {
  chatId: number;
  title: string | undefined;
  status: "failed" | "skipped" | "unconfirmed" | "sent";
  reason: string;
  detail: string | undefined;
}

type DueRow = Omit<DueDelivery, "pin" | "lang" | "maybeDelivered"> & {
  pin: number;
  lang: string;
  maybeDelivered: number;
};
type ProblemRow = Omit<DeliveryProblem, "title" | "detail"> & { title: string | null; detail: string | null };

// Every statement of the queue, by name; `@now` is the store's clock.
const SQL = Object.freeze({
  nextDue: `SELECT d.id, d.announcement_id AS announcementId, d.chat_id AS chatId, d.lang, d.attempts,
      d.maybe_delivered AS maybeDelivered,
      CASE d.lang WHEN 'en' THEN COALESCE(a.text_en, a.text_id) ELSE COALESCE(a.text_id, a.text_en) END AS text,
      a.pin
    FROM deliveries d JOIN announcements a ON a.id = d.announcement_id
    WHERE d.status = 'pending' AND d.next_at <= ? AND d.chat_id NOT IN (SELECT value FROM json_each(?))
    ORDER BY d.next_at, d.id LIMIT 1`,
  nextDueAt: "SELECT MIN(next_at) AS at FROM deliveries WHERE status = 'pending'",
  claim: `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = @now
    WHERE id = @id AND status = 'pending'`,
  sent: `UPDATE deliveries SET status = 'sent', message_id = @messageId, error = NULL, detail = NULL,
      updated_at = @now
    WHERE id = @id AND status = 'sending'`,
  pinned: "UPDATE deliveries SET pinned = 1 WHERE id = @id",
  retry: `UPDATE deliveries SET status = 'pending', next_at = @nextAt, error = @error, detail = @detail,
      maybe_delivered = MAX(maybe_delivered, @maybeDelivered), updated_at = @now
    WHERE id = @id AND status = 'sending'`,
  putBack: `UPDATE deliveries SET status = 'pending', attempts = MAX(attempts - 1, 0), next_at = @nextAt,
      error = @error, detail = @detail, updated_at = @now
    WHERE id = @id AND status = 'sending'`,
  end: `UPDATE deliveries SET status = @status, error = @error, detail = @detail, updated_at = @now
    WHERE id = @id AND status IN ('pending', 'sending')`,
  defer: "UPDATE deliveries SET next_at = @nextAt WHERE id = @id AND status = 'pending'",
  skipChat: `UPDATE deliveries SET status = 'skipped', error = @error, updated_at = @now
    WHERE chat_id = @chatId AND status = 'pending'`,
  recentSends: `SELECT chat_id AS chatId, updated_at AS at FROM deliveries
    WHERE updated_at > ? AND status IN ('sent', 'unconfirmed') ORDER BY updated_at`,
  recover: `UPDATE deliveries SET status = 'unconfirmed', error = 'interrupted', detail = NULL, updated_at = @now
    WHERE status = 'sending'`,
  counts: `SELECT COUNT(*) AS total,
      SUM(status = 'pending') AS pending, SUM(status = 'sending') AS sending, SUM(status = 'sent') AS sent,
      SUM(status = 'failed') AS failed, SUM(status = 'skipped') AS skipped,
      SUM(status = 'unconfirmed') AS unconfirmed, SUM(status = 'sent' AND maybe_delivered = 1) AS maybeTwice,
      SUM(pinned) AS pinned
    FROM deliveries WHERE announcement_id = ?`,
  problems: `SELECT d.chat_id AS chatId, g.title, d.status,
      CASE d.status WHEN 'sent' THEN 'maybe_twice' ELSE COALESCE(d.error, 'unknown') END AS reason,
      CASE d.status WHEN 'sent' THEN NULL ELSE d.detail END AS detail
    FROM deliveries d LEFT JOIN groups g ON g.id = d.chat_id
    WHERE d.announcement_id = ?
      AND (d.status IN ('failed', 'skipped', 'unconfirmed') OR (d.status = 'sent' AND d.maybe_delivered = 1))
    ORDER BY d.id`,
  openForChat:
    "SELECT id, announcement_id AS announcementId FROM deliveries WHERE chat_id = ? AND status IN ('pending', 'sending')",
  exists: "SELECT id FROM deliveries WHERE announcement_id = ? AND chat_id = ?",
  moveRow: "UPDATE deliveries SET chat_id = @chatId, updated_at = @now WHERE id = @id",
});

/** The deliveries of every broadcast: what is due, claimed, sent, failed or skipped. */
export class DeliveryQueue {
  private readonly sql: Statements<typeof SQL>;
  private readonly moveTransaction: (oldId: number, newId: number) => void;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = prepareAll(db, SQL);
    this.moveTransaction = db.transaction((oldId: number, newId: number) => this.move(oldId, newId));
  }

  /** The first pending delivery due at `now`, to none of the `busy` chats; oldest first. */
  nextDue(now: number, busy: Iterable<number> = []): DueDelivery | undefined {
    const row = this.sql.nextDue.get(now, JSON.stringify([...busy])) as DueRow | undefined;
    if (!row) return undefined;
    return {
      ...row,
      lang: row.lang === "en" ? "en" : "id",
      pin: row.pin === 1,
      maybeDelivered: row.maybeDelivered === 1,
    };
  }

  /** When the next pending delivery is due; `undefined` when none is pending. */
  nextDueAt(): number | undefined {
    return (this.sql.nextDueAt.get() as { at: number | null } | undefined)?.at ?? undefined;
  }

  /** Claims a pending delivery before its API call; false when it was not pending any more. */
  claim(id: number): boolean {
    return this.sql.claim.run({ id, now: this.now() }).changes > 0;
  }

  /** Records Telegram's message id for a delivery that reached its group. */
  markSent(id: number, messageId: number): void {
    this.sql.sent.run({ id, messageId, now: this.now() });
  }

  markPinned(id: number): void {
    this.sql.pinned.run({ id });
  }

  /**
   * Puts a claimed delivery back in the queue, due at `nextAt`; `maybeDelivered` when this attempt
   * may have reached the group (no answer came back), so a later success may be a second copy.
   */
  retry(id: number, nextAt: number, reason: DeliveryReason, detail?: string, maybeDelivered = false): void {
    this.sql.retry.run({
      id,
      nextAt,
      error: reason,
      detail: detail ?? null,
      maybeDelivered: maybeDelivered ? 1 : 0,
      now: this.now(),
    });
  }

  /**
   * Puts a claimed delivery back in the queue without counting its attempt: Telegram asked us to
   * wait (429) and did not try the message, so a flood wait must not use up the attempts.
   */
  putBack(id: number, nextAt: number, reason: DeliveryReason, detail?: string): void {
    this.sql.putBack.run({ id, nextAt, error: reason, detail: detail ?? null, now: this.now() });
  }

  /** Ends a delivery that will not be sent (again): refused, skipped, or left unconfirmed. */
  end(
    id: number,
    status: "failed" | "skipped" | "unconfirmed",
    reason: DeliveryReason,
    detail?: string,
  ): void {
    this.sql.end.run({ id, status, error: reason, detail: detail ?? null, now: this.now() });
  }

  /** Delays a pending delivery (its group is at its own limit) so others go first. */
  defer(id: number, nextAt: number): void {
    this.sql.defer.run({ id, nextAt });
  }

  /** Skips every pending delivery to a chat (the bot was removed, the group unsubscribed). */
  skipChat(chatId: number, reason: DeliveryReason): number {
    return this.sql.skipChat.run({ chatId, error: reason, now: this.now() }).changes;
  }

  /**
   * At start, before any send: deliveries left `sending` by a process that stopped during their API
   * call. Their request may or may not have reached Telegram, so they become `unconfirmed`: not
   * sent again by themselves (that could be a second copy), listed in the report for staff to
   * resend. Returns how many there were.
   */
  recoverInterrupted(): number {
    return this.sql.recover.run({ now: this.now() }).changes;
  }

  /** Deliveries sent after `since`, with when: what Telegram still counts against the limits after a restart. */
  recentSends(since: number): Array<{ chatId: number; at: number }> {
    return this.sql.recentSends.all(since) as Array<{ chatId: number; at: number }>;
  }

  /** How far the deliveries of an announcement have got. */
  counts(announcementId: number): DeliveryCounts {
    const row = this.sql.counts.get(announcementId) as
      | Record<keyof DeliveryCounts, number | null>
      | undefined;
    const count = (key: keyof DeliveryCounts) => row?.[key] ?? 0;
    return {
      total: count("total"),
      pending: count("pending"),
      sending: count("sending"),
      sent: count("sent"),
      failed: count("failed"),
      skipped: count("skipped"),
      unconfirmed: count("unconfirmed"),
      maybeTwice: count("maybeTwice"),
      pinned: count("pinned"),
    };
  }

  /**
   * The deliveries that failed, were skipped or are unconfirmed, and those sent that may have
   * arrived twice, with the group's title when known.
   */
  problems(announcementId: number): DeliveryProblem[] {
    return (this.sql.problems.all(announcementId) as ProblemRow[]).map((row) => ({
      ...row,
      title: row.title ?? undefined,
      detail: row.detail ?? undefined,
    }));
  }

  /**
   * Moves the deliveries not yet sent from `oldId` to `newId` (a group upgraded to a supergroup);
   * where `newId` already has the same announcement queued, the old row is skipped instead.
   */
  moveChat(oldId: number, newId: number): void {
    this.moveTransaction(oldId, newId);
  }

  private move(oldId: number, newId: number): void {
    const now = this.now();
    for (const row of this.sql.openForChat.all(oldId) as Array<{ id: number; announcementId: number }>) {
      if (this.sql.exists.get(row.announcementId, newId)) {
        // The new id already has its own delivery of this announcement: this one would be a duplicate.
        this.sql.end.run({ id: row.id, status: "skipped", error: "migrated", detail: null, now });
      } else {
        this.sql.moveRow.run({ id: row.id, chatId: newId, now });
      }
    }
  }
}
