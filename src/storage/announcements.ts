import type { Audience, Texts } from "../announce/audience";
import { isLang, type Lang } from "../lang";
import type { Database } from "./database";

/**
 * An announcement's life: `scheduled` until its time, `sending` once its deliveries are queued
 * (one row a group, written in the same transaction), `done` when none is left to send;
 * `cancelled` before it started; `missed` when the worker found it too long after its time (the
 * bot was down) and did not send it.
 *
 * `missed` is stored as `cancelled` with `started_at` set (the moment the worker gave up on it),
 * since the schema's CHECK allows only the first four and a cancelled announcement never has a
 * `started_at` otherwise; {@link AnnouncementStore} reads it back as `missed`.
 */
export type AnnouncementStatus = "scheduled" | "sending" | "done" | "cancelled" | "missed";

type StoredStatus = Exclude<AnnouncementStatus, "missed">;

/**
 * A delivery's life: `pending` → `sending` (claimed, committed before the API call) → `sent`
 * (with Telegram's message id), `failed` (Telegram refused for good) or `skipped` (not attempted:
 * group gone, unsubscribed, cancelled). A 429, 5xx or network error puts it back to `pending`.
 */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

/** Why a delivery failed or was skipped; the report groups by these. */
export type DeliveryReason =
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

export interface Announcement {
  id: number;
  authorId: number;
  authorLang: Lang;
  texts: Texts;
  audience: string;
  pin: boolean;
  status: AnnouncementStatus;
  sendAt: number;
  createdAt: number;
  startedAt: number | undefined;
  finishedAt: number | undefined;
  progressMessageId: number | undefined;
  reportedAt: number | undefined;
}

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

/** What `create` needs. */
export interface NewAnnouncement {
  authorId: number;
  authorLang: Lang;
  texts: Texts;
  audience: Audience;
  pin: boolean;
  sendAt: number;
}

/** One group an announcement goes to, in the language it will read. */
export interface Target {
  chatId: number;
  lang: Lang;
}

interface AnnouncementRow {
  id: number;
  author_id: number;
  author_lang: string;
  text_id: string | null;
  text_en: string | null;
  audience: string;
  pin: number;
  status: StoredStatus;
  send_at: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  progress_message_id: number | null;
  reported_at: number | null;
}

const toAnnouncement = (row: AnnouncementRow): Announcement => ({
  id: row.id,
  authorId: row.author_id,
  authorLang: isLang(row.author_lang) ? row.author_lang : "id",
  texts: {
    ...(row.text_id !== null ? { id: row.text_id } : {}),
    ...(row.text_en !== null ? { en: row.text_en } : {}),
  },
  audience: row.audience,
  pin: row.pin === 1,
  status: row.status === "cancelled" && row.started_at !== null ? "missed" : row.status,
  sendAt: row.send_at,
  createdAt: row.created_at,
  startedAt: row.started_at ?? undefined,
  finishedAt: row.finished_at ?? undefined,
  progressMessageId: row.progress_message_id ?? undefined,
  reportedAt: row.reported_at ?? undefined,
});

/** Announcements and their delivery queue: the durable state of every broadcast. */
export class AnnouncementStore {
  private readonly s;
  private readonly startTransaction;
  private readonly moveTransaction;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    const update = (sql: string) => db.prepare(sql);
    this.s = {
      insert: db.prepare<
        [
          {
            authorId: number;
            authorLang: Lang;
            textId: string | null;
            textEn: string | null;
            audience: string;
            pin: number;
            sendAt: number;
            now: number;
          },
        ]
      >(
        `INSERT INTO announcements (author_id, author_lang, text_id, text_en, audience, pin, status, send_at, created_at)
         VALUES (@authorId, @authorLang, @textId, @textEn, @audience, @pin, 'scheduled', @sendAt, @now)`,
      ),
      get: db.prepare<[number], AnnouncementRow>("SELECT * FROM announcements WHERE id = ?"),
      scheduled: db.prepare<[], AnnouncementRow>(
        "SELECT * FROM announcements WHERE status = 'scheduled' ORDER BY send_at, id",
      ),
      recent: db.prepare<[number], AnnouncementRow>(
        "SELECT * FROM announcements WHERE status <> 'scheduled' ORDER BY created_at DESC, id DESC LIMIT ?",
      ),
      due: db.prepare<[number], AnnouncementRow>(
        "SELECT * FROM announcements WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at, id",
      ),
      withStatus: db.prepare<[string], AnnouncementRow>(
        "SELECT * FROM announcements WHERE status = ? ORDER BY id",
      ),
      unreported: db.prepare<[], AnnouncementRow>(
        `SELECT * FROM announcements
         WHERE reported_at IS NULL AND (status = 'done' OR (status = 'cancelled' AND started_at IS NOT NULL))
         ORDER BY id`,
      ),
      miss: update(
        `UPDATE announcements SET status = 'cancelled', started_at = @now, finished_at = @now
         WHERE id = @id AND status = 'scheduled'`,
      ),
      begin: update(
        "UPDATE announcements SET status = 'sending', started_at = @now WHERE id = @id AND status = 'scheduled'",
      ),
      queue: update(
        `INSERT OR IGNORE INTO deliveries (announcement_id, chat_id, lang, status, next_at, updated_at)
         VALUES (@id, @chatId, @lang, 'pending', @now, @now)`,
      ),
      finish: update(
        `UPDATE announcements SET status = 'done', finished_at = @now
         WHERE id = @id AND status = 'sending' AND NOT EXISTS (
           SELECT 1 FROM deliveries WHERE announcement_id = @id AND status IN ('pending', 'sending'))`,
      ),
      cancelScheduled: update(
        "UPDATE announcements SET status = 'cancelled', finished_at = @now WHERE id = @id AND status = 'scheduled'",
      ),
      cancelPending: update(
        `UPDATE deliveries SET status = 'skipped', error = 'cancelled', updated_at = @now
         WHERE announcement_id = @id AND status = 'pending'`,
      ),
      setProgress: update("UPDATE announcements SET progress_message_id = @messageId WHERE id = @id"),
      reported: update("UPDATE announcements SET reported_at = @now WHERE id = @id"),
      nextDue: db.prepare<[number, string], Omit<DueDelivery, "pin"> & { pin: number; lang: string }>(
        `SELECT d.id, d.announcement_id AS announcementId, d.chat_id AS chatId, d.lang, d.attempts,
           CASE d.lang WHEN 'en' THEN COALESCE(a.text_en, a.text_id) ELSE COALESCE(a.text_id, a.text_en) END AS text,
           a.pin
         FROM deliveries d JOIN announcements a ON a.id = d.announcement_id
         WHERE d.status = 'pending' AND d.next_at <= ?
           AND d.chat_id NOT IN (SELECT value FROM json_each(?))
         ORDER BY d.next_at, d.id LIMIT 1`,
      ),
      nextWake: db.prepare<[], { at: number | null }>(
        `SELECT MIN(at) AS at FROM (
           SELECT MIN(next_at) AS at FROM deliveries WHERE status = 'pending'
           UNION ALL SELECT MIN(send_at) FROM announcements WHERE status = 'scheduled')`,
      ),
      claim: update(
        `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = @now
         WHERE id = @id AND status = 'pending'`,
      ),
      sent: update(
        `UPDATE deliveries SET status = 'sent', message_id = @messageId, error = NULL, detail = NULL, updated_at = @now
         WHERE id = @id AND status = 'sending'`,
      ),
      pinned: update("UPDATE deliveries SET pinned = 1 WHERE id = @id"),
      retry: update(
        `UPDATE deliveries SET status = 'pending', next_at = @nextAt, error = @error, detail = @detail, updated_at = @now
         WHERE id = @id AND status = 'sending'`,
      ),
      putBack: update(
        `UPDATE deliveries SET status = 'pending', attempts = MAX(attempts - 1, 0), next_at = @nextAt,
           error = @error, detail = @detail, updated_at = @now
         WHERE id = @id AND status = 'sending'`,
      ),
      end: update(
        `UPDATE deliveries SET status = @status, error = @error, detail = @detail, updated_at = @now
         WHERE id = @id AND status IN ('pending', 'sending')`,
      ),
      defer: update("UPDATE deliveries SET next_at = @nextAt WHERE id = @id AND status = 'pending'"),
      skipChat: update(
        `UPDATE deliveries SET status = 'skipped', error = @error, updated_at = @now
         WHERE chat_id = @chatId AND status = 'pending'`,
      ),
      recentSends: db.prepare<[number], { chatId: number; at: number }>(
        `SELECT chat_id AS chatId, updated_at AS at FROM deliveries
         WHERE updated_at > ? AND status = 'sent' ORDER BY updated_at`,
      ),
      recover: update(
        `UPDATE deliveries SET status = 'sent', error = 'unconfirmed', updated_at = @now WHERE status = 'sending'`,
      ),
      counts: db.prepare<[number], Record<keyof DeliveryCounts, number | null>>(
        `SELECT COUNT(*) AS total,
           SUM(status = 'pending') AS pending, SUM(status = 'sending') AS sending, SUM(status = 'sent') AS sent,
           SUM(status = 'failed') AS failed, SUM(status = 'skipped') AS skipped,
           SUM(status = 'sent' AND error = 'unconfirmed') AS unconfirmed, SUM(pinned) AS pinned
         FROM deliveries WHERE announcement_id = ?`,
      ),
      problems: db.prepare<
        [number],
        {
          chatId: number;
          title: string | null;
          status: "failed" | "skipped" | "sent";
          reason: string;
          detail: string | null;
        }
      >(
        `SELECT d.chat_id AS chatId, g.title, d.status, COALESCE(d.error, 'unknown') AS reason, d.detail
         FROM deliveries d LEFT JOIN groups g ON g.id = d.chat_id
         WHERE d.announcement_id = ?
           AND (d.status IN ('failed', 'skipped') OR (d.status = 'sent' AND d.error = 'unconfirmed'))
         ORDER BY d.id`,
      ),
      openForChat: db.prepare<[number], { id: number; announcement_id: number }>(
        "SELECT id, announcement_id FROM deliveries WHERE chat_id = ? AND status IN ('pending', 'sending')",
      ),
      exists: db.prepare<[number, number], { id: number }>(
        "SELECT id FROM deliveries WHERE announcement_id = ? AND chat_id = ?",
      ),
      moveRow: update("UPDATE deliveries SET chat_id = @chatId, updated_at = @now WHERE id = @id"),
    };
    this.startTransaction = db.transaction((id: number, targets: readonly Target[]) => {
      const now = this.now();
      if (this.s.begin.run({ id, now }).changes === 0) return false;
      for (const t of targets) this.s.queue.run({ id, chatId: t.chatId, lang: t.lang, now });
      return true;
    });
    this.moveTransaction = db.transaction((oldId: number, newId: number) => {
      const now = this.now();
      for (const row of this.s.openForChat.all(oldId)) {
        if (this.s.exists.get(row.announcement_id, newId)) {
          // The new id already has its own delivery of this announcement: this one would be a duplicate.
          this.s.end.run({ id: row.id, status: "skipped", error: "migrated", detail: null, now });
        } else {
          this.s.moveRow.run({ id: row.id, chatId: newId, now });
        }
      }
    });
  }

  /** Stores a new announcement, `scheduled` for `sendAt` (now, to send at once); returns its id. */
  create(a: NewAnnouncement): number {
    const info = this.s.insert.run({
      authorId: a.authorId,
      authorLang: a.authorLang,
      textId: a.texts.id ?? null,
      textEn: a.texts.en ?? null,
      audience: JSON.stringify(a.audience),
      pin: a.pin ? 1 : 0,
      sendAt: a.sendAt,
      now: this.now(),
    });
    return Number(info.lastInsertRowid);
  }

  get(id: number): Announcement | undefined {
    const row = this.s.get.get(id);
    return row ? toAnnouncement(row) : undefined;
  }

  /** Scheduled announcements, soonest first. */
  scheduled(): Announcement[] {
    return this.s.scheduled.all().map(toAnnouncement);
  }

  /** The latest announcements that are not waiting for their time, newest first. */
  recent(limit = 5): Announcement[] {
    return this.s.recent.all(limit).map(toAnnouncement);
  }

  /** Scheduled announcements whose time has come. */
  due(now: number): Announcement[] {
    return this.s.due.all(now).map(toAnnouncement);
  }

  /** Announcements being sent now. */
  sending(): Announcement[] {
    return this.s.withStatus.all("sending").map(toAnnouncement);
  }

  /** Finished (`done`) or `missed` announcements whose author has not been told yet. */
  unreported(): Announcement[] {
    return this.s.unreported.all().map(toAnnouncement);
  }

  /**
   * Queues one delivery a target and marks the announcement `sending`, in one transaction: the
   * queue exists entirely or not at all. False when it was no longer `scheduled`.
   */
  start(id: number, targets: readonly Target[]): boolean {
    return this.startTransaction(id, targets);
  }

  /**
   * Gives up on a `scheduled` announcement found too late (the bot was down at its time): it becomes
   * `missed` and is never sent. False when it was no longer scheduled.
   */
  miss(id: number): boolean {
    return this.s.miss.run({ id, now: this.now() }).changes > 0;
  }

  /** Marks a `sending` announcement `done` once nothing is left to send; true the one time it does. */
  finishIfComplete(id: number): boolean {
    return this.s.finish.run({ id, now: this.now() }).changes > 0;
  }

  /**
   * Cancels an announcement: a scheduled one will not be sent; one being sent stops, the groups
   * not reached yet are skipped. Returns what was done.
   */
  cancel(id: number): "cancelled" | "stopped" | "too_late" | "unknown" {
    const row = this.s.get.get(id);
    if (!row) return "unknown";
    const now = this.now();
    if (row.status === "scheduled" && this.s.cancelScheduled.run({ id, now }).changes > 0) return "cancelled";
    if (row.status === "sending") {
      this.s.cancelPending.run({ id, now });
      return "stopped";
    }
    return "too_late";
  }

  setProgressMessage(id: number, messageId: number): void {
    this.s.setProgress.run({ id, messageId });
  }

  markReported(id: number): void {
    this.s.reported.run({ id, now: this.now() });
  }

  /** The first pending delivery due at `now`, to none of the `busy` chats; oldest first. */
  nextDue(now: number, busy: Iterable<number> = []): DueDelivery | undefined {
    const row = this.s.nextDue.get(now, JSON.stringify([...busy]));
    if (!row) return undefined;
    return { ...row, lang: row.lang === "en" ? "en" : "id", pin: row.pin === 1 };
  }

  /** When the next thing is due: a pending delivery or a scheduled announcement; `undefined` for nothing. */
  nextWakeAt(): number | undefined {
    return this.s.nextWake.get()?.at ?? undefined;
  }

  /** Claims a pending delivery before its API call; false when it was not pending any more. */
  claim(id: number): boolean {
    return this.s.claim.run({ id, now: this.now() }).changes > 0;
  }

  /** Records Telegram's message id for a delivery that reached its group. */
  markSent(id: number, messageId: number): void {
    this.s.sent.run({ id, messageId, now: this.now() });
  }

  markPinned(id: number): void {
    this.s.pinned.run({ id });
  }

  /** Puts a claimed delivery back in the queue, due at `nextAt`. */
  retry(id: number, nextAt: number, reason: DeliveryReason, detail?: string): void {
    this.s.retry.run({ id, nextAt, error: reason, detail: detail ?? null, now: this.now() });
  }

  /**
   * Puts a claimed delivery back in the queue without counting its attempt: Telegram asked us to
   * wait (429) and did not try the message, so a flood wait must not use up `maxAttempts`.
   */
  putBack(id: number, nextAt: number, reason: DeliveryReason, detail?: string): void {
    this.s.putBack.run({ id, nextAt, error: reason, detail: detail ?? null, now: this.now() });
  }

  /** Ends a delivery that will not be sent. */
  end(id: number, status: "failed" | "skipped", reason: DeliveryReason, detail?: string): void {
    this.s.end.run({ id, status, error: reason, detail: detail ?? null, now: this.now() });
  }

  /** Delays a pending delivery (its group is at its own limit) so others go first. */
  defer(id: number, nextAt: number): void {
    this.s.defer.run({ id, nextAt });
  }

  /** Skips every pending delivery to a chat (the bot was removed, the group unsubscribed). */
  skipChat(chatId: number, reason: DeliveryReason): number {
    return this.s.skipChat.run({ chatId, error: reason, now: this.now() }).changes;
  }

  /**
   * At start, before any send: deliveries left `sending` by a process that stopped during their API
   * call. Their request had most likely reached Telegram, so they are counted as sent, marked
   * `unconfirmed`, and never sent twice. Returns how many there were.
   */
  recoverInterrupted(): number {
    return this.s.recover.run({ now: this.now() }).changes;
  }

  /** Deliveries sent after `since`, with when: what Telegram still counts against the limits after a restart. */
  recentSends(since: number): Array<{ chatId: number; at: number }> {
    return this.s.recentSends.all(since);
  }

  counts(id: number): DeliveryCounts {
    const row = this.s.counts.get(id);
    const n = (key: keyof DeliveryCounts) => row?.[key] ?? 0;
    return {
      total: n("total"),
      pending: n("pending"),
      sending: n("sending"),
      sent: n("sent"),
      failed: n("failed"),
      skipped: n("skipped"),
      unconfirmed: n("unconfirmed"),
      pinned: n("pinned"),
    };
  }

  /** The deliveries that failed, were skipped or are unconfirmed, with the group's title when known. */
  problems(id: number): DeliveryProblem[] {
    return this.s.problems.all(id).map((r) => ({
      chatId: r.chatId,
      title: r.title ?? undefined,
      status: r.status,
      reason: r.reason,
      detail: r.detail ?? undefined,
    }));
  }

  /**
   * Moves the deliveries not yet sent from `oldId` to `newId` (a group upgraded to a supergroup);
   * where `newId` already has the same announcement queued, the old row is skipped instead.
   */
  moveChat(oldId: number, newId: number): void {
    this.moveTransaction(oldId, newId);
  }
}
