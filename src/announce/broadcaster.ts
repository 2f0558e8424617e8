/**
 * The delivery worker: takes announcements whose time has come, queues one delivery a group,
 * and sends them at Telegram's ceiling and no faster, sharing the bot's one outgoing limiter with
 * its replies to people (which go first).
 *
 * Every delivery is a row in SQLite. Before its API call the row is claimed (`pending` →
 * `sending`, committed); after the answer it becomes `sent` with Telegram's message id, `failed`,
 * or `pending` again for a retry. What is promised (README, "Delivery guarantees"): no
 * announcement is lost silently; "delivered" means Telegram confirmed it; a group may rarely get
 * one twice. Two cases stay uncertain, since the Bot API has no idempotency key:
 *
 * - The connection drops, or no answer comes in time, after the request may have reached
 *   Telegram: it is retried so no group misses it, and marked `maybe_delivered` — the report
 *   lists the groups that may have it twice (delivery-policy.ts).
 * - The process dies (crash, kill) or a stop gives up on a call in flight: the row becomes
 *   `unconfirmed` (at the next start for a crash) and is not sent again by itself. The report
 *   lists those groups with a button for staff to resend (which may give a group a second copy).
 *
 * A stop lets the calls in flight answer for `stopGraceMs`, then abandons the rest (recorded
 * unconfirmed), so it ends promptly whatever the network does. A database that refuses writes
 * pauses the broadcast until it takes them again (storage-pause.ts). The parts: this file is the
 * loop (wakeup.ts its waits); due.ts queues announcements whose time has come; delivery.ts sends
 * one and records its result; pacer.ts keeps to the limits; progress.ts and reports.ts keep the
 * author informed. A scheduled announcement found more than `missedAfterMs` after its time (the
 * bot was down) is not sent: it becomes `missed` and its author is told.
 */
import type { Translate } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { AnnouncementStore } from "../storage/announcements.ts";
import type { DeliveryQueue, DueDelivery } from "../storage/deliveries.ts";
import type { GroupStore } from "../storage/groups.ts";
import type { SubscriptionStore } from "../storage/subscriptions.ts";
import type { OutgoingLimiter } from "../telegram/outgoing.ts";
import type { Ticket } from "../telegram/rate-limit.ts";
import type { BroadcastApi } from "./broadcast-api.ts";
import { BROADCAST_DEFAULTS, type BroadcasterOptions } from "./broadcast-options.ts";
import type { Clock } from "./clock.ts";
import { Delivery } from "./delivery.ts";
import { queueDue } from "./due.ts";
import { Lifecycle, settledWithin } from "./lifecycle.ts";
import { Pacer } from "./pacer.ts";
import { ProgressMessages } from "./progress.ts";
import { Reports } from "./reports.ts";
import { StaffCalls } from "./staff-calls.ts";
import { type Author, StoragePause } from "./storage-pause.ts";
import { Wakeup } from "./wakeup.ts";

/** What the worker works with, given at construction. */
export interface BroadcasterDeps {
  announcements: AnnouncementStore;
  deliveries: DeliveryQueue;
  subscriptions: SubscriptionStore;
  groups: GroupStore;
  /** Sends to the groups. Must not retry nor pace by itself: the worker does both. */
  groupApi: BroadcastApi;
  /** Talks to staff (progress, reports): paces its own calls with `outgoing`, and may retry them. */
  staffApi: BroadcastApi;
  /** The bot's one outgoing limiter, shared with its replies; on the worker's clock. */
  outgoing: OutgoingLimiter;
  clock: Clock;
  t: Translate;
  logger: Logger;
}

/** Sends queued announcements; see the file comment for the guarantees. */
export class Broadcaster {
  private readonly life = new Lifecycle();
  private readonly options: Required<BroadcasterOptions>;
  private readonly pacer: Pacer;
  private readonly calls: StaffCalls;
  private readonly storage: StoragePause;
  private readonly delivery: Delivery;
  private readonly progress: ProgressMessages;
  private readonly reports: Reports;
  private readonly wakeup: Wakeup;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busyChats = new Set<number>();
  /** Deliveries in flight per announcement: it is not finished while one still runs (a pin, say). */
  private readonly openByAnnouncement = new Map<number, number>();
  /** Authors of the announcements being sent, as last read: told if the database fails. */
  private authors: Author[] = [];

  constructor(
    private readonly deps: BroadcasterDeps,
    options: BroadcasterOptions = {},
  ) {
    this.options = { ...BROADCAST_DEFAULTS, ...options };
    const { clock, logger, outgoing, t } = deps;
    this.pacer = new Pacer(outgoing, clock);
    this.wakeup = new Wakeup(clock);
    this.calls = new StaffCalls(this.life, logger, this.options.requestTimeoutMs);
    const staff = deps.staffApi;
    this.storage = new StoragePause({
      clock,
      logger,
      t,
      staff,
      calls: this.calls,
      authors: () => this.authors,
    });
    const parts = {
      ...deps,
      pacer: this.pacer,
      calls: this.calls,
      life: this.life,
      storage: this.storage,
      wake: () => this.wake(),
    };
    this.progress = new ProgressMessages(
      { ...parts, staff },
      { intervalMs: this.options.progressIntervalMs, ceilingPerSecond: outgoing.ceilingPerSecond },
    );
    this.delivery = new Delivery({ ...parts, api: deps.groupApi }, this.options, (at) =>
      this.progress.recordSend(at),
    );
    this.reports = new Reports(
      { ...parts, staff, progress: this.progress },
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
    const { deliveries, announcements, clock, logger, outgoing } = this.deps;
    const recovered = deliveries.recoverInterrupted();
    // Telegram still counts what the previous process sent in the last minute.
    this.pacer.seed(deliveries.recentSends(clock.now() - outgoing.perChatWindowMs));
    if (recovered) {
      logger.warn(
        { deliveries: recovered },
        "deliveries were in flight when the bot last stopped: unconfirmed, listed for staff to resend",
      );
    }
    const inDoubt = announcements.reportsInDoubt();
    if (inDoubt.length) {
      logger.warn(
        { announcements: inDoubt },
        "reports were being sent when the bot last stopped: not sent again (they may have arrived)",
      );
    }
    this.loop = this.run().catch((err: unknown) => {
      logger.error({ err }, "the announcement worker stopped with an error");
    });
  }

  /** Tells the worker there is new work (an announcement to send now, a cancellation, a resend). */
  wake(): void {
    this.wakeup.wake();
  }

  /**
   * Stops taking new deliveries; lets the calls in flight answer for `stopGraceMs` (real time:
   * a supervisor's deadline is), then abandons the rest and records them unconfirmed. Ends
   * promptly whatever the network does.
   */
  async stop(): Promise<void> {
    if (this.life.state === "running") this.life.state = "stopping";
    else if (this.life.state === "new") this.life.state = "stopped";
    this.life.endWaits();
    this.wake();
    await this.loop;
    if (!this.life.killed) await settledWithin(this.callsInFlight(), this.options.stopGraceMs);
    this.life.abandon();
    await Promise.allSettled(this.callsInFlight());
    // A last try at results the database refused; rows still `sending` become unconfirmed at start.
    if (!this.life.killed) this.storage.tryFlush();
    if (this.life.state === "stopping") this.life.state = "stopped";
  }

  /**
   * Stops at once as a killed process would: the results of calls in flight are never recorded
   * (the requests already on their way go on, as the kernel would send them); nothing is written
   * from now on. For crash tests and the benchmark.
   */
  kill(): void {
    this.life.state = "killed";
    this.life.endWaits();
    this.wake();
  }

  /**
   * Resolves when the worker waits with nothing in flight (all due work done): at once if it is
   * waiting now, else the next time it does. For tests that move an injected clock.
   */
  whenIdle(): Promise<void> {
    return this.wakeup.whenIdle();
  }

  private callsInFlight(): Promise<unknown>[] {
    return [...this.inFlight, ...this.calls.inFlight()];
  }

  private async run(): Promise<void> {
    while (this.life.running) {
      this.wakeup.beginRound();
      const now = this.deps.clock.now();
      let wakeAt = this.storage.nextTryAt();
      if (wakeAt === undefined || wakeAt <= now) wakeAt = this.round(now);
      if (!this.life.running) break;
      // Until the earliest of: a wake-up, `wakeAt`, the next due row, progress edit or report retry.
      const deadline = this.storage.paused ? wakeAt : this.nextDeadline(wakeAt);
      await this.wakeup.wait(deadline, this.inFlight.size === 0);
    }
  }

  /** One round: results held back, due announcements, finished ones, reports, sends. */
  private round(now: number): number | undefined {
    try {
      this.storage.flush();
      queueDue(this.deps, now, this.options.missedAfterMs);
      this.finishDone();
      this.reports.sendDue(now);
      const wakeAt = this.dispatch();
      this.storage.resumed();
      return wakeAt;
    } catch (err) {
      if (this.storage.pause(err)) return this.storage.nextTryAt();
      this.deps.logger.error({ err }, "an announcement worker step failed");
      return now + 1000;
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
    const sending = announcements.sending();
    this.authors = sending.map((a) => ({ announcementId: a.id, authorId: a.authorId, lang: a.authorLang }));
    for (const announcement of sending) {
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
