import type { Audience, Texts } from "../announce/audience.ts";
import { isLang, type Lang } from "../lang.ts";
import { type Database, prepareAll, type Statements } from "./database.ts";

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
type AnnouncementStatus = "scheduled" | "sending" | "done" | "cancelled" | "missed";

type StoredStatus = Exclude<AnnouncementStatus, "missed">;

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
  /** When the call sending its report began; set with no `reportedAt`: the report may have gone. */
  reportStartedAt: number | undefined;
  reportedAt: number | undefined;
}

/** What `create` needs. */
interface NewAnnouncement {
  /** The draft it was written in: one draft makes one announcement, however often submitted. */
  draftId?: string | undefined;
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
  report_started_at: number | null;
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
  reportStartedAt: row.report_started_at ?? undefined,
  reportedAt: row.reported_at ?? undefined,
});

// Every statement of the store, by name; `@now` is the store's clock.
const SQL = Object.freeze({
  insert: `INSERT INTO announcements
      (draft_id, author_id, author_lang, text_id, text_en, audience, pin, status, send_at, created_at)
    VALUES (@draftId, @authorId, @authorLang, @textId, @textEn, @audience, @pin, 'scheduled', @sendAt, @now)
    ON CONFLICT (draft_id) WHERE draft_id IS NOT NULL DO NOTHING`,
  byDraft: "SELECT id FROM announcements WHERE draft_id = ?",
  get: "SELECT * FROM announcements WHERE id = ?",
  scheduled: "SELECT * FROM announcements WHERE status = 'scheduled' ORDER BY send_at, id",
  recent: `SELECT * FROM announcements WHERE status <> 'scheduled'
    ORDER BY created_at DESC, id DESC LIMIT ?`,
  due: "SELECT * FROM announcements WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at, id",
  nextScheduledAt: "SELECT MIN(send_at) AS at FROM announcements WHERE status = 'scheduled'",
  sending: "SELECT * FROM announcements WHERE status = 'sending' ORDER BY id",
  unreported: `SELECT * FROM announcements
    WHERE reported_at IS NULL AND report_started_at IS NULL
      AND (status = 'done' OR (status = 'cancelled' AND started_at IS NOT NULL))
    ORDER BY id`,
  reportInDoubt: "SELECT id FROM announcements WHERE reported_at IS NULL AND report_started_at IS NOT NULL",
  miss: `UPDATE announcements SET status = 'cancelled', started_at = @now, finished_at = @now
    WHERE id = @id AND status = 'scheduled'`,
  begin: `UPDATE announcements SET status = 'sending', started_at = @now
    WHERE id = @id AND status = 'scheduled'`,
  queue: `INSERT OR IGNORE INTO deliveries (announcement_id, chat_id, lang, status, next_at, updated_at)
    VALUES (@id, @chatId, @lang, 'pending', @now, @now)`,
  finish: `UPDATE announcements SET status = 'done', finished_at = @now
    WHERE id = @id AND status = 'sending' AND NOT EXISTS (
      SELECT 1 FROM deliveries WHERE announcement_id = @id AND status IN ('pending', 'sending'))`,
  cancelScheduled: `UPDATE announcements SET status = 'cancelled', finished_at = @now
    WHERE id = @id AND status = 'scheduled'`,
  cancelPending: `UPDATE deliveries SET status = 'skipped', error = 'cancelled', updated_at = @now
    WHERE announcement_id = @id AND status = 'pending'`,
  setProgress: "UPDATE announcements SET progress_message_id = @messageId WHERE id = @id",
  beginReport: `UPDATE announcements SET report_started_at = @now
    WHERE id = @id AND reported_at IS NULL AND report_started_at IS NULL`,
  dropReport: `UPDATE announcements SET report_started_at = NULL
    WHERE id = @id AND report_started_at = @token AND reported_at IS NULL`,
  reported: `UPDATE announcements SET reported_at = @now
    WHERE id = @id AND report_started_at = @token AND reported_at IS NULL`,
  reopen: `UPDATE announcements SET status = 'sending', started_at = @now, finished_at = NULL,
      progress_message_id = NULL, report_started_at = NULL, reported_at = NULL
    WHERE id = @id AND status = 'done'`,
  requeueUnconfirmed: `UPDATE deliveries SET status = 'pending', attempts = 0, next_at = @now, maybe_delivered = 1,
      error = NULL, detail = NULL, updated_at = @now
    WHERE announcement_id = @id AND status = 'unconfirmed'`,
});

/**
 * Announcements, from `scheduled` to `done`: the durable state of every broadcast. Starting one
 * fills its rows in the delivery queue ({@link DeliveryQueue}) in the same transaction.
 */
export class AnnouncementStore {
  private readonly sql: Statements<typeof SQL>;
  private readonly startTransaction: (id: number, targets: readonly Target[]) => boolean;
  private readonly resendTransaction: (id: number) => number;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = prepareAll(db, SQL);
    this.startTransaction = db.transaction((id: number, targets: readonly Target[]) => {
      const now = this.now();
      if (this.sql.begin.run({ id, now }).changes === 0) return false;
      for (const target of targets) this.sql.queue.run({ id, chatId: target.chatId, lang: target.lang, now });
      return true;
    });
    this.resendTransaction = db.transaction((id: number) => {
      const now = this.now();
      const requeued = this.sql.requeueUnconfirmed.run({ id, now }).changes;
      if (requeued > 0) this.sql.reopen.run({ id, now });
      return requeued;
    });
  }

  /** Stores a new announcement, `scheduled` for `sendAt` (now, to send at once); returns its id. */
  create(announcement: NewAnnouncement): number {
    const info = this.sql.insert.run({
      draftId: announcement.draftId ?? null,
      authorId: announcement.authorId,
      authorLang: announcement.authorLang,
      textId: announcement.texts.id ?? null,
      textEn: announcement.texts.en ?? null,
      audience: JSON.stringify(announcement.audience),
      pin: announcement.pin ? 1 : 0,
      sendAt: announcement.sendAt,
      now: this.now(),
    });
    if (info.changes === 0) return (this.sql.byDraft.get(announcement.draftId) as { id: number }).id;
    return Number(info.lastInsertRowid);
  }

  get(id: number): Announcement | undefined {
    const row = this.sql.get.get(id) as AnnouncementRow | undefined;
    return row ? toAnnouncement(row) : undefined;
  }

  /** Scheduled announcements, soonest first. */
  scheduled(): Announcement[] {
    return this.list(this.sql.scheduled.all());
  }

  /** The latest announcements that are not waiting for their time, newest first. */
  recent(limit = 5): Announcement[] {
    return this.list(this.sql.recent.all(limit));
  }

  /** Scheduled announcements whose time has come. */
  due(now: number): Announcement[] {
    return this.list(this.sql.due.all(now));
  }

  /** When the next scheduled announcement is due; `undefined` when none is scheduled. */
  nextScheduledAt(): number | undefined {
    return (this.sql.nextScheduledAt.get() as { at: number | null } | undefined)?.at ?? undefined;
  }

  /** Announcements being sent now. */
  sending(): Announcement[] {
    return this.list(this.sql.sending.all());
  }

  /** Finished (`done`) or `missed` announcements whose author has not been told yet. */
  unreported(): Announcement[] {
    return this.list(this.sql.unreported.all());
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
    return this.sql.miss.run({ id, now: this.now() }).changes > 0;
  }

  /** Marks a `sending` announcement `done` once nothing is left to send; true the one time it does. */
  finishIfComplete(id: number): boolean {
    return this.sql.finish.run({ id, now: this.now() }).changes > 0;
  }

  /**
   * Cancels an announcement: a scheduled one will not be sent; one being sent stops, the groups
   * not reached yet are skipped. Returns what was done.
   */
  cancel(id: number): "cancelled" | "stopped" | "too_late" | "unknown" {
    const row = this.sql.get.get(id) as AnnouncementRow | undefined;
    if (!row) return "unknown";
    const now = this.now();
    if (row.status === "scheduled" && this.sql.cancelScheduled.run({ id, now }).changes > 0)
      return "cancelled";
    if (row.status === "sending") {
      this.sql.cancelPending.run({ id, now });
      return "stopped";
    }
    return "too_late";
  }

  setProgressMessage(id: number, messageId: number): void {
    this.sql.setProgress.run({ id, messageId });
  }

  /**
   * Records that the report is about to be sent, before the call: a crash during it leaves the
   * report in doubt, and it is not sent again. Returns the token to pass to `markReported` or
   * `dropReport`; `undefined` when the report is sent, or being sent, already.
   */
  beginReport(id: number): number | undefined {
    const now = this.now();
    return this.sql.beginReport.run({ id, now }).changes > 0 ? now : undefined;
  }

  /** The report's call failed and it did not go: it may be sent again. */
  dropReport(id: number, token: number): void {
    this.sql.dropReport.run({ id, token });
  }

  /** The report's call succeeded (for the round `token` began; a resend since starts another). */
  markReported(id: number, token: number): void {
    this.sql.reported.run({ id, now: this.now(), token });
  }

  /** Announcements whose report was being sent when the process stopped: it may have gone. */
  reportsInDoubt(): number[] {
    return (this.sql.reportInDoubt.all() as Array<{ id: number }>).map((row) => row.id);
  }

  /**
   * Staff's resend: the announcement's `unconfirmed` deliveries go back in the queue (marked
   * `maybe_delivered`, since the first try may have arrived) and a finished announcement is sent
   * again, with a progress message and a report of its own. Returns how many deliveries.
   */
  resendUnconfirmed(id: number): number {
    return this.resendTransaction(id);
  }

  private list(rows: unknown[]): Announcement[] {
    return (rows as AnnouncementRow[]).map(toAnnouncement);
  }
}
