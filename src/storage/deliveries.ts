import type { Lang } from "../lang.ts";
import { type Database, prepareAll, type Statements } from "./database.ts";

/**
 * The delivery queue: one row per announcement and group. A delivery's life: `pending` →
 * `sending` (claimed, committed before the API call) → `sent` (with Telegram's message id),
 * `failed` (Telegram refused for good) or `skipped` (not attempted: group gone, unsubscribed,
 * cancelled). A 429, 5xx or network error puts it back to `pending`.
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
  | "unconfirmed";

/** A delivery ready to go, with the text it carries. */
export interface DueDelivery {
  id: number;
  announcementId: number;
  chatId: number;
  lang: Lang;
  attempts: number;
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
  /** Sent rows whose API call was in flight when the process stopped: counted as sent. */
  unconfirmed: number;
  pinned: number;
}

/** A delivery that did not reach its group, or may not have (`sent`, reason `unconfirmed`), for the report. */
export interface DeliveryProblem {
  chatId: number;
  title: string | undefined;
  status: "failed" | "skipped" | "sent";
  reason: string;
  detail: string | undefined;
}

type DueRow = Omit<DueDelivery, "pin" | "lang"> & { pin: number; lang: string };
type ProblemRow = Omit<DeliveryProblem, "title" | "detail"> & { title: string | null; detail: string | null };

// Every statement of the queue, by name; `@now` is the store's clock.
const SQL = Object.freeze({
  nextDue: `SELECT d.id, d.announcement_id AS announcementId, d.chat_id AS chatId, d.lang, d.attempts,
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
      updated_at = @now
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
    WHERE updated_at > ? AND status = 'sent' ORDER BY updated_at`,
  recover: `UPDATE deliveries SET status = 'sent', error = 'unconfirmed', updated_at = @now
    WHERE status = 'sending'`,
  counts: `SELECT COUNT(*) AS total,
      SUM(status = 'pending') AS pending, SUM(status = 'sending') AS sending, SUM(status = 'sent') AS sent,
      SUM(status = 'failed') AS failed, SUM(status = 'skipped') AS skipped,
      SUM(status = 'sent' AND error = 'unconfirmed') AS unconfirmed, SUM(pinned) AS pinned
    FROM deliveries WHERE announcement_id = ?`,
  problems: `SELECT d.chat_id AS chatId, g.title, d.status, COALESCE(d.error, 'unknown') AS reason, d.detail
    FROM deliveries d LEFT JOIN groups g ON g.id = d.chat_id
    WHERE d.announcement_id = ?
      AND (d.status IN ('failed', 'skipped') OR (d.status = 'sent' AND d.error = 'unconfirmed'))
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
    return { ...row, lang: row.lang === "en" ? "en" : "id", pin: row.pin === 1 };
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

  /** Puts a claimed delivery back in the queue, due at `nextAt`. */
  retry(id: number, nextAt: number, reason: DeliveryReason, detail?: string): void {
    this.sql.retry.run({ id, nextAt, error: reason, detail: detail ?? null, now: this.now() });
  }

  /**
   * Puts a claimed delivery back in the queue without counting its attempt: Telegram asked us to
   * wait (429) and did not try the message, so a flood wait must not use up the attempts.
   */
  putBack(id: number, nextAt: number, reason: DeliveryReason, detail?: string): void {
    this.sql.putBack.run({ id, nextAt, error: reason, detail: detail ?? null, now: this.now() });
  }

  /** Ends a delivery that will not be sent. */
  end(id: number, status: "failed" | "skipped", reason: DeliveryReason, detail?: string): void {
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
   * call. Their request had most likely reached Telegram, so they are counted as sent, marked
   * `unconfirmed`, and never sent twice. Returns how many there were.
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
      pinned: count("pinned"),
    };
  }

  /** The deliveries that failed, were skipped or are unconfirmed, with the group's title when known. */
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
