/**
 * The delivery worker: takes announcements whose time has come, queues one delivery a group,
 * and sends them at Telegram's ceiling and no faster.
 *
 * Every delivery is a row in SQLite. Before its API call the row is claimed (`pending` →
 * `sending`, committed); after the answer it becomes `sent` with Telegram's message id, `failed`,
 * or `pending` again for a retry. So a restart resends nothing recorded `sent` and loses nothing
 * `pending`. The Bot API has no idempotency key, nor any way for a bot to read a group's history,
 * so two cases stay uncertain, and they are settled in opposite directions on purpose:
 *
 * - A 5xx, a timeout or a reset connection is retried (with backoff, up to `maxAttempts`), so a
 *   struggling Telegram does not cost a group its announcement. If Telegram had in fact delivered
 *   the message before the failure reached us, that group gets it twice. This is rare (a 5xx or a
 *   dropped connection almost always means the message did not go out) but possible: delivery is
 *   at least once for these errors, not exactly once.
 * - A hard kill (SIGKILL, crash, power loss) during an API call leaves its row `sending`. At the
 *   next start such rows count as sent, are marked `unconfirmed`, and are never sent again: the
 *   claim is committed just before the request goes to the socket, so the message had almost
 *   surely reached Telegram. If it had not, that group misses the announcement. The report names
 *   those groups (at most `concurrency` of them) so staff can check them.
 *
 * A graceful stop waits for the calls in flight and records their answers, so only a hard kill
 * leaves rows in doubt. After a restart, the limiter is seeded with the last minute's sends from
 * the queue, since Telegram still counts them.
 *
 * What a failed delivery means (wait out a 429, retry a 5xx with backoff, follow a migrated
 * group, unsubscribe a group that removed the bot, give up on a refused message) is the table in
 * delivery-policy.ts. The parts: this file is the queue worker's loop (wakeup.ts its waits);
 * due.ts queues announcements whose time has come; delivery.ts sends one delivery and records its
 * result; pacer.ts keeps every call within Telegram's limits; progress.ts and reports.ts keep the
 * author informed.
 *
 * A scheduled announcement picked up more than `missedAfterMs` after its time (the bot was down)
 * is not sent, since news days late does more harm than good: it becomes `missed` and its author
 * is told in a private message. The final report, and that notice, are retried a few times when
 * they cannot be sent.
 */
import type { Translate } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { AnnouncementStore } from "../storage/announcements.ts";
import type { DeliveryQueue, DueDelivery } from "../storage/deliveries.ts";
import type { GroupStore } from "../storage/groups.ts";
import type { SubscriptionStore } from "../storage/subscriptions.ts";
import type { BroadcastApi } from "./broadcast-api.ts";
import type { Clock } from "./clock.ts";
import { Delivery } from "./delivery.ts";
import { queueDue } from "./due.ts";
import { Lifecycle } from "./lifecycle.ts";
import { Pacer } from "./pacer.ts";
import { ProgressMessages } from "./progress.ts";
import { RateLimiter, type RateLimiterOptions, TELEGRAM_LIMITS, type Ticket } from "./rate-limit.ts";
import { Reports } from "./reports.ts";
import { StaffCalls } from "./staff-calls.ts";
import { Wakeup } from "./wakeup.ts";

/** Tuning of {@link Broadcaster}; every field has a default ({@link BROADCAST_DEFAULTS}). */
export interface BroadcasterOptions {
  limits?: RateLimiterOptions;
  /** API calls to groups in flight at once. */
  concurrency?: number;
  /** How often the progress message is edited, in ms. */
  progressIntervalMs?: number;
  /** Attempts of one delivery before it fails; 429s do not count. */
  maxAttempts?: number;
  /** First backoff after a 5xx or network error, in ms; doubles each attempt. */
  backoffMs?: number;
  /** Longest backoff, in ms. */
  maxBackoffMs?: number;
  /** An API call still unanswered after this is abandoned and retried, in ms. */
  requestTimeoutMs?: number;
  /** A scheduled announcement picked up later than this after its time is not sent, in ms. */
  missedAfterMs?: number;
  /** Tries at sending a report (or a missed notice) before giving up until the next start. */
  maxReportAttempts?: number;
  /** Wait before the first retry of a report, in ms; doubles each time. */
  reportRetryMs?: number;
  /** IANA time zone of the dates in messages to staff. */
  timezone?: string;
}

/** The defaults of {@link BroadcasterOptions}. */
const BROADCAST_DEFAULTS = Object.freeze({
  concurrency: 8,
  progressIntervalMs: 3000,
  maxAttempts: 10,
  backoffMs: 1000,
  maxBackoffMs: 60_000,
  requestTimeoutMs: 30_000,
  missedAfterMs: 30 * 60_000,
  maxReportAttempts: 5,
  reportRetryMs: 30_000,
  timezone: "Asia/Jakarta",
});

/** What the worker works with, given at construction. */
export interface BroadcasterDeps {
  announcements: AnnouncementStore;
  deliveries: DeliveryQueue;
  subscriptions: SubscriptionStore;
  groups: GroupStore;
  /** Sends to the groups. Must not retry by itself: the worker handles 429, 5xx and timeouts. */
  groupApi: BroadcastApi;
  /** Talks to staff (progress, report); may be a retrying client. */
  staffApi: BroadcastApi;
  clock: Clock;
  t: Translate;
  logger: Logger;
}

/** Sends queued announcements; see the file comment for the guarantees. */
export class Broadcaster {
  private readonly life = new Lifecycle();
  private readonly options: Required<Omit<BroadcasterOptions, "limits">>;
  private readonly pacer: Pacer;
  private readonly calls: StaffCalls;
  private readonly delivery: Delivery;
  private readonly progress: ProgressMessages;
  private readonly reports: Reports;
  private readonly perChatWindowMs: number;

  private readonly wakeup: Wakeup;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busyChats = new Set<number>();
  /** Deliveries in flight per announcement: it is not finished while one still runs (a pin, say). */
  private readonly openByAnnouncement = new Map<number, number>();

  constructor(
    private readonly deps: BroadcasterDeps,
    options: BroadcasterOptions = {},
  ) {
    const { limits, ...tuning } = options;
    this.options = { ...BROADCAST_DEFAULTS, ...tuning };
    const global = limits?.global ?? TELEGRAM_LIMITS.global;
    this.perChatWindowMs = (limits?.perChat ?? TELEGRAM_LIMITS.perChat).windowMs;
    const { clock, logger } = deps;
    this.pacer = new Pacer(new RateLimiter(limits), clock);
    this.wakeup = new Wakeup(clock);
    this.calls = new StaffCalls(this.life, logger);
    const parts = { ...deps, pacer: this.pacer, calls: this.calls, life: this.life };
    this.progress = new ProgressMessages(
      { ...parts, staff: deps.staffApi },
      {
        intervalMs: this.options.progressIntervalMs,
        ceilingPerSecond: (global.count * 1000) / global.windowMs,
      },
    );
    this.delivery = new Delivery({ ...parts, api: deps.groupApi }, this.options, (at) =>
      this.progress.recordSend(at),
    );
    this.reports = new Reports(
      { ...parts, staff: deps.staffApi, progress: this.progress, wake: () => this.wake() },
      {
        maxAttempts: this.options.maxReportAttempts,
        retryMs: this.options.reportRetryMs,
        timezone: this.options.timezone,
      },
    );
  }

  /** Recovers what a previous process left half done, then runs until `stop`. */
  start(): void {
    if (this.life.state !== "new") return;
    this.life.state = "running";
    const { deliveries, clock, logger } = this.deps;
    const recovered = deliveries.recoverInterrupted();
    // Telegram still counts what the previous process sent in the last minute.
    this.pacer.seed(deliveries.recentSends(clock.now() - this.perChatWindowMs));
    if (recovered) {
      logger.warn(
        { deliveries: recovered },
        "deliveries were in flight when the bot last stopped: counted as sent, unconfirmed",
      );
    }
    this.loop = this.run().catch((err: unknown) => {
      logger.error({ err }, "the announcement worker stopped with an error");
    });
  }

  /** Tells the worker there is new work (an announcement to send now, a cancellation). */
  wake(): void {
    this.wakeup.wake();
  }

  /** Stops taking new deliveries, waits for those in flight and records their results. */
  async stop(): Promise<void> {
    if (this.life.state === "running") this.life.state = "stopping";
    else if (this.life.state === "new") this.life.state = "stopped";
    this.life.endWaits();
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.calls.stop();
    if (this.life.state === "stopping") this.life.state = "stopped";
  }

  /**
   * Stops at once as a killed process would: calls in flight are abandoned and their results never
   * recorded; nothing is written from now on. For crash tests and the benchmark.
   */
  kill(): void {
    this.life.state = "killed";
    this.life.endWaits();
    void this.calls.stop();
    this.wake();
  }

  /**
   * Resolves when the worker waits with nothing in flight (all due work done): at once if it is
   * waiting now, else the next time it does. For tests that move an injected clock.
   */
  whenIdle(): Promise<void> {
    return this.wakeup.whenIdle();
  }

  private async run(): Promise<void> {
    while (this.life.running) {
      this.wakeup.beginRound();
      const now = this.deps.clock.now();
      let wakeAt: number | undefined;
      try {
        queueDue(this.deps, now, this.options.missedAfterMs);
        this.finishDone();
        this.reports.sendDue(now);
        wakeAt = this.dispatch();
      } catch (err) {
        this.deps.logger.error({ err }, "an announcement worker step failed");
        wakeAt = now + 1000;
      }
      if (!this.life.running) break;
      // Until the earliest of: a wake-up, `wakeAt`, the next due row, progress edit or report retry.
      await this.wakeup.wait(this.nextDeadline(wakeAt), this.inFlight.size === 0);
    }
  }

  private nextDeadline(wakeAt: number | undefined): number | undefined {
    const now = this.deps.clock.now();
    const progressAt = this.progress.nextAt();
    // A progress edit waits for a free slot like any call, or the loop would spin until one frees.
    const candidates = [
      wakeAt,
      progressAt === undefined ? undefined : Math.max(progressAt, now + this.pacer.globalWait(now)),
      this.reports.nextRetryAt(),
    ];
    if (this.inFlight.size < this.options.concurrency) {
      // Due now but held back (its group busy): the settling call wakes us instead.
      for (const next of [this.deps.deliveries.nextDueAt(), this.deps.announcements.nextScheduledAt()]) {
        if (next !== undefined && next > now) candidates.push(next);
      }
    }
    const times = candidates.filter((at): at is number => at !== undefined);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Marks done each announcement being sent with nothing left to send or in flight. */
  private finishDone(): void {
    const { announcements } = this.deps;
    for (const announcement of announcements.sending()) {
      if (!this.openByAnnouncement.has(announcement.id)) announcements.finishIfComplete(announcement.id);
    }
  }

  /**
   * Sends as many due deliveries as the limits and the concurrency allow. Returns when the overall
   * limit lets the next one go, if that is what holds them back.
   */
  private dispatch(): number | undefined {
    const { deliveries, subscriptions, groups, clock } = this.deps;
    while (this.inFlight.size < this.options.concurrency && this.life.running) {
      // Read the time for each message: a ticket stamped earlier than its request leaves would
      // let the next window open early.
      const now = clock.now();
      if (this.progress.due(now) && this.pacer.globalWait(now) === 0) this.progress.update(now);
      const row = deliveries.nextDue(now, this.busyChats);
      if (!row) return undefined;
      if (!subscriptions.isDeliverable(row.chatId)) {
        const active = groups.get(row.chatId)?.active ?? false;
        deliveries.end(row.id, "skipped", active ? "unsubscribed" : "inactive");
        continue;
      }
      const wait = this.pacer.delay(row.chatId, now);
      if (wait.ms > 0 && wait.cause === "chat") {
        deliveries.defer(row.id, now + wait.ms);
        continue;
      }
      if (wait.ms > 0) return now + wait.ms;
      if (!deliveries.claim(row.id)) continue;
      this.launch(row, this.pacer.take(row.chatId, now));
    }
    return undefined;
  }

  private launch(row: DueDelivery, ticket: Ticket): void {
    const open = this.openByAnnouncement;
    this.busyChats.add(row.chatId);
    open.set(row.announcementId, (open.get(row.announcementId) ?? 0) + 1);
    const task = this.delivery
      .send(row, ticket)
      .catch((err: unknown) => this.deps.logger.error({ err, delivery: row.id }, "a delivery step failed"))
      .finally(() => {
        this.inFlight.delete(task);
        this.busyChats.delete(row.chatId);
        const left = (open.get(row.announcementId) ?? 1) - 1;
        if (left > 0) open.set(row.announcementId, left);
        else open.delete(row.announcementId);
        this.wake();
      });
    this.inFlight.add(task);
  }
}
