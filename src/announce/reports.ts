import type { Logger } from "../logger.ts";
import type { Announcement } from "../storage/announcements.ts";
import type { Buttons } from "./broadcast-api.ts";
import type { Clock } from "./clock.ts";
import type { ProgressMessages, StaffMessageDeps } from "./progress.ts";
import { finishedText, missedText, reportText, resendButton } from "./report.ts";

interface ReportDeps extends StaffMessageDeps {
  progress: ProgressMessages;
  clock: Clock;
  logger: Logger;
}

interface ReportOptions {
  /** Tries at sending a report (or a missed notice) before giving up until the next start. */
  maxAttempts: number;
  /** Wait before the first retry of a report, in ms; doubles each time, at most 10 minutes. */
  retryMs: number;
  /** IANA time zone of the dates in messages to staff. */
  timezone: string;
}

/** A report that could not be sent: how often it failed, and when to try again. */
interface Retry {
  attempts: number;
  at: number;
}

const MAX_RETRY_WAIT_MS = 10 * 60_000;

/**
 * Tells each author how their announcement went, once: the final report when it is done (with a
 * button to resend to the groups left unconfirmed), or the notice that a scheduled one was
 * missed. A report that cannot be sent is tried again later, a bounded number of times.
 *
 * Once, also across a crash: the announcement is marked before the report's call and marked
 * reported after it. A process that dies between the two leaves the report in doubt, and it is
 * not sent again (it may have arrived); staff still find the outcome in /pengumuman. The trade-off
 * goes that way on purpose: a lost report is rare (a crash in that one call), a second one would
 * follow every such crash. A call that fails while the bot runs is retried, like any message: a
 * network fault may then, rarely, bring the report twice.
 */
export class Reports {
  private readonly sending = new Set<number>();
  private readonly retries = new Map<number, Retry>();

  constructor(
    private readonly deps: ReportDeps,
    private readonly options: ReportOptions,
  ) {}

  /** Starts the report of each finished or missed announcement not reported yet, unless it must wait. */
  sendDue(now: number): void {
    for (const announcement of this.deps.announcements.unreported()) {
      const { id } = announcement;
      if (this.sending.has(id)) continue;
      const retry = this.retries.get(id);
      if (retry && (retry.attempts >= this.options.maxAttempts || now < retry.at)) continue;
      this.sending.add(id);
      const progressShown = this.deps.progress.finish(id);
      const task = this.send(id, progressShown, retry === undefined).then(
        () => {
          this.retries.delete(id);
          this.sending.delete(id);
        },
        (err: unknown) => {
          this.failed(id);
          throw err;
        },
      );
      this.deps.calls.run(task);
    }
  }

  /** When the earliest retry is due, if one is waiting. */
  nextRetryAt(): number | undefined {
    const times = [...this.retries]
      .filter(([id, retry]) => !this.sending.has(id) && retry.attempts < this.options.maxAttempts)
      .map(([, retry]) => retry.at);
    return times.length ? Math.min(...times) : undefined;
  }

  /** A report could not be sent: frees it for another try after a backoff. */
  private failed(id: number): void {
    const attempts = (this.retries.get(id)?.attempts ?? 0) + 1;
    const wait = Math.min(this.options.retryMs * 2 ** (attempts - 1), MAX_RETRY_WAIT_MS);
    this.retries.set(id, { attempts, at: this.deps.clock.now() + wait });
    this.sending.delete(id);
    if (attempts >= this.options.maxAttempts && this.deps.life.running) {
      this.deps.logger.error(
        { announcement: id, attempts },
        "could not send an announcement's report; giving up until the next start",
      );
    }
    this.deps.wake();
  }

  /**
   * The final edit of the progress message (once its last edit is done, on the first try only),
   * then the report; for a missed announcement, the notice that it was not sent.
   */
  private async send(
    id: number,
    progressShown: Promise<unknown> | undefined,
    firstTry: boolean,
  ): Promise<void> {
    const { announcements, deliveries, t } = this.deps;
    await progressShown;
    const announcement = announcements.get(id);
    if (!announcement) return;
    if (announcement.status === "missed") {
      const startedAt = announcement.startedAt ?? this.deps.clock.now();
      await this.tell(announcement, missedText(t, announcement, this.options.timezone, startedAt));
      return;
    }
    const counts = deliveries.counts(id);
    const lang = announcement.authorLang;
    const progressId = announcement.progressMessageId;
    const { staff, calls } = this.deps;
    if (progressId !== undefined && firstTry) {
      const done = finishedText(t, lang, id, counts);
      await staff.editMessage(announcement.authorId, progressId, done, calls.signal()).catch(() => undefined);
    }
    const { startedAt, finishedAt } = announcement;
    const seconds =
      startedAt !== undefined && finishedAt !== undefined ? (finishedAt - startedAt) / 1000 : undefined;
    const text = reportText(t, lang, id, counts, deliveries.problems(id), seconds);
    await this.tell(
      announcement,
      text,
      counts.unconfirmed ? [[resendButton(t, lang, id, counts)]] : undefined,
    );
  }

  /** Sends `text` to the author once (see the class comment), then marks the announcement reported. */
  private async tell(announcement: Announcement, text: string, buttons?: Buttons): Promise<void> {
    const { announcements, staff, calls, life, storage } = this.deps;
    const { id } = announcement;
    const token = announcements.beginReport(id);
    if (token === undefined) return;
    try {
      await staff.sendMessage(announcement.authorId, text, calls.signal(), buttons);
    } catch (err) {
      // The bot runs and saw the call fail: it may be sent again. Stopping, it stays in doubt.
      if (life.running) storage.record(() => announcements.dropReport(id, token));
      throw err;
    }
    if (!life.killed) storage.record(() => announcements.markReported(id, token));
  }
}
