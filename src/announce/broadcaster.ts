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
 * Errors: a 429 puts its delivery back for after its `retry_after` without counting the attempt,
 * while the other groups go on (the limiter keeps the bot under Telegram's overall ceiling, so a
 * 429 is taken as that chat's; pausing every group for each one would cost a broadcast its pace); 5xx and network errors retry with exponential backoff up to `maxAttempts`; 403
 * (bot removed, group deleted) fails the delivery, marks the group inactive and unsubscribed and
 * skips its other deliveries; a 400 with `migrate_to_chat_id` moves the group's records to the new
 * id and sends there.
 *
 * A scheduled announcement picked up more than `missedAfterMs` after its time (the bot was down)
 * is not sent, since news days late does more harm than good: it becomes `missed` and its author
 * is told in a private message. The final report, and that notice, are retried a few times when
 * they cannot be sent.
 */
import { type Telegram, TelegramError } from "telegraf";
import type { Message } from "telegraf/types";
import type { Translate } from "../i18n";
import type { Logger } from "../logger";
import type { Announcement, AnnouncementStore, DueDelivery, Target } from "../storage/announcements";
import type { GroupStore } from "../storage/groups";
import type { SubscriptionStore } from "../storage/subscriptions";
import { isForbidden, migratedTo, retryAfter } from "../telegram/api-retry";
import { inAudience, parseAudience, textLang } from "./audience";
import { type Clock, systemClock } from "./clock";
import { RateLimiter, type RateLimiterOptions, TELEGRAM_LIMITS, type Ticket } from "./rate-limit";
import { finishedText, missedText, progressText, reportText } from "./report";

/** Tuning of {@link Broadcaster}; every field has a default. */
export interface BroadcasterOptions {
  clock?: Clock;
  limits?: RateLimiterOptions;
  /** API calls to groups in flight at once. Default 8. */
  concurrency?: number;
  /** How often the progress message is edited, in ms. Default 3000. */
  progressIntervalMs?: number;
  /** Attempts of one delivery before it fails; 429s do not count. Default 10. */
  maxAttempts?: number;
  /** First backoff after a 5xx or network error, in ms; doubles each attempt. Default 1000. */
  backoffMs?: number;
  /** Longest backoff, in ms. Default 60000. */
  maxBackoffMs?: number;
  /** An API call still unanswered after this is abandoned and retried, in ms. Default 30000. */
  requestTimeoutMs?: number;
  /** A scheduled announcement picked up later than this after its time is not sent, in ms. Default 30 min. */
  missedAfterMs?: number;
  /** Tries at sending a report (or a missed notice) before giving up until the next start. Default 5. */
  maxReportAttempts?: number;
  /** Wait before the first retry of a report, in ms; doubles each time. Default 30000. */
  reportRetryMs?: number;
  /** IANA time zone of the dates in messages to staff. Default Asia/Jakarta. */
  timezone?: string;
}

export interface BroadcasterDeps {
  store: AnnouncementStore;
  subscriptions: SubscriptionStore;
  groups: GroupStore;
  /** Sends to the groups. Must not retry by itself: the worker handles 429, 5xx and timeouts. */
  api: Telegram;
  /** Talks to staff (progress, report); may be a retrying client. */
  staff: Telegram;
  t: Translate;
  logger: Logger;
}

type State = "new" | "running" | "stopping" | "stopped" | "killed";

/** A report (or missed notice) that could not be sent: how often it failed, and when to try again. */
interface ReportRetry {
  attempts: number;
  at: number;
}

interface ProgressEntry {
  at: number;
  text: string;
  task: Promise<unknown> | undefined;
}

// A 400 that means the group is gone as surely as a 403 does.
const CHAT_GONE = /chat not found|group chat was deleted|chat was deactivated/i;

/** Sends queued announcements; see the file comment for the guarantees. */
export class Broadcaster {
  readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private readonly concurrency: number;
  private readonly progressIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly requestTimeoutMs: number;
  private readonly missedAfterMs: number;
  private readonly maxReportAttempts: number;
  private readonly reportRetryMs: number;
  private readonly timezone: string;
  private readonly ceilingPerSecond: number;
  private readonly perChatWindowMs: number;

  private state: State = "new";
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busyChats = new Set<number>();
  /** Deliveries in flight per announcement: it is not finished while one still runs (a pin, say). */
  private readonly openByAnnouncement = new Map<number, number>();
  private readonly staffCalls = new Set<Promise<unknown>>();
  private readonly staffAbort = new AbortController();
  /** Aborted by `stop` and `kill`: ends waits that would hold a stop back. */
  private readonly stopping = new AbortController();
  private woken = false;
  private waker: AbortController | undefined;
  private idleWaiters: Array<() => void> = [];
  private isIdle = false;
  /** Per announcement: when its progress message was last edited, the text shown, the call in flight. */
  private readonly progress = new Map<number, ProgressEntry>();
  private readonly reporting = new Set<number>();
  private readonly reportRetries = new Map<number, ReportRetry>();
  /** Nothing goes to Telegram before this: a 429 asked the bot to wait. */
  /** Times of recent successful sends, for the time-left estimate. */
  private recentSends: number[] = [];

  constructor(
    private readonly deps: BroadcasterDeps,
    options: BroadcasterOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.limiter = new RateLimiter(options.limits);
    this.concurrency = options.concurrency ?? 8;
    this.progressIntervalMs = options.progressIntervalMs ?? 3000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.missedAfterMs = options.missedAfterMs ?? 30 * 60_000;
    this.maxReportAttempts = options.maxReportAttempts ?? 5;
    this.reportRetryMs = options.reportRetryMs ?? 30_000;
    this.timezone = options.timezone ?? "Asia/Jakarta";
    const global = options.limits?.global ?? TELEGRAM_LIMITS.global;
    this.ceilingPerSecond = (global.count * 1000) / global.windowMs;
    this.perChatWindowMs = (options.limits?.perChat ?? TELEGRAM_LIMITS.perChat).windowMs;
  }

  /** Recovers what a previous process left half done, then runs until `stop`. */
  start(): void {
    if (this.state !== "new") return;
    this.state = "running";
    const recovered = this.deps.store.recoverInterrupted();
    // Telegram still counts what the previous process sent in the last minute.
    const now = this.clock.now();
    for (const sent of this.deps.store.recentSends(now - this.perChatWindowMs)) {
      this.limiter.take(sent.chatId, sent.at);
    }
    if (recovered) {
      this.deps.logger.warn(
        { deliveries: recovered },
        "deliveries were in flight when the bot last stopped: counted as sent, unconfirmed",
      );
    }
    this.loop = this.run().catch((err: unknown) => {
      this.deps.logger.error({ err }, "the announcement worker stopped with an error");
    });
  }

  /** Tells the worker there is new work (an announcement to send now, a cancellation). */
  wake(): void {
    this.woken = true;
    this.waker?.abort();
  }

  /** Stops taking new deliveries, waits for those in flight and records their results. */
  async stop(): Promise<void> {
    if (this.state === "running") this.state = "stopping";
    else if (this.state === "new") this.state = "stopped";
    this.stopping.abort();
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    this.staffAbort.abort();
    await Promise.allSettled([...this.staffCalls]);
    if (this.state === "stopping") this.state = "stopped";
  }

  /**
   * Stops at once as a killed process would: calls in flight are abandoned and their results never
   * recorded; nothing is written from now on. For crash tests and the benchmark.
   */
  kill(): void {
    this.state = "killed";
    this.stopping.abort();
    this.staffAbort.abort();
    this.wake();
  }

  /**
   * Resolves when the worker waits with nothing in flight (all due work done): at once if it is
   * waiting now, else the next time it does. For tests that move an injected clock.
   */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // ── The loop ───────────────────────────────────────────────────────────────

  private get running(): boolean {
    return this.state === "running";
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      const now = this.clock.now();
      let wakeAt: number | undefined;
      try {
        this.startDue(now);
        this.finishAndReport(now);
        wakeAt = this.dispatch();
      } catch (err) {
        this.deps.logger.error({ err }, "an announcement worker step failed");
        wakeAt = now + 1000;
      }
      if (!this.running) break;
      await this.idle(wakeAt);
    }
  }

  /** Waits for the earliest of: a wake-up, `wakeAt`, the next due row, the next progress edit. */
  private async idle(wakeAt: number | undefined): Promise<void> {
    if (this.woken) return;
    const now = this.clock.now();
    const progressAt = this.nextProgressAt();
    // A progress edit waits for a free slot like any call, or the loop would spin until one frees.
    const candidates = [
      wakeAt,
      progressAt === undefined ? undefined : Math.max(progressAt, now + this.globalWait(now)),
    ];
    for (const [id, retry] of this.reportRetries) {
      if (!this.reporting.has(id) && retry.attempts < this.maxReportAttempts) candidates.push(retry.at);
    }
    if (this.inFlight.size < this.concurrency) {
      const next = this.deps.store.nextWakeAt();
      // Due now but held back (its group busy): the settling call wakes us instead.
      if (next !== undefined && next > now) candidates.push(next);
    }
    const deadline = Math.min(...candidates.filter((c): c is number => c !== undefined));
    this.waker = new AbortController();
    const signal = this.waker.signal;
    if (this.inFlight.size === 0) {
      this.isIdle = true;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
    if (Number.isFinite(deadline)) {
      await this.clock.sleep(Math.min(Math.max(0, deadline - now), 2 ** 31 - 1), signal);
    } else {
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    }
    this.isIdle = false;
    this.waker = undefined;
  }

  /**
   * Queues the deliveries of every scheduled announcement whose time has come; one found too long
   * after its time is marked missed instead (its author is told by `finishAndReport`).
   */
  private startDue(now: number): void {
    for (const a of this.deps.store.due(now)) {
      if (now - a.sendAt > this.missedAfterMs) {
        if (this.deps.store.miss(a.id)) {
          this.deps.logger.warn(
            { announcement: a.id, lateMs: now - a.sendAt },
            "a scheduled announcement came up too late (the bot was down): not sent",
          );
        }
        continue;
      }
      const audience = parseAudience(a.audience);
      const targets: Target[] = audience
        ? this.deps.subscriptions
            .subscribers()
            .filter((g) => inAudience(audience, g))
            .map((g) => ({ chatId: g.chatId, lang: textLang(a.texts, g.language) }))
        : [];
      if (this.deps.store.start(a.id, targets)) {
        this.deps.logger.info({ announcement: a.id, groups: targets.length }, "broadcast started");
      }
    }
  }

  /**
   * Sends as many due deliveries as the limits and the concurrency allow. Returns when the overall
   * limit lets the next one go, if that is what holds them back.
   */
  private dispatch(): number | undefined {
    while (this.inFlight.size < this.concurrency && this.running) {
      // Read the time for each message: a ticket stamped earlier than its request leaves would
      // let the next window open early.
      const now = this.clock.now();
      if (this.progressDue(now) && this.limiter.globalDelay(now) === 0) this.editProgress(now);
      const row = this.deps.store.nextDue(now, this.busyChats);
      if (!row) return undefined;
      if (!this.deps.subscriptions.isDeliverable(row.chatId)) {
        const active = this.deps.groups.get(row.chatId)?.active ?? false;
        this.deps.store.end(row.id, "skipped", active ? "unsubscribed" : "inactive");
        continue;
      }
      const wait = this.limiter.delay(row.chatId, now);
      if (wait.ms > 0 && wait.cause === "chat") {
        this.deps.store.defer(row.id, now + wait.ms);
        continue;
      }
      if (wait.ms > 0) return now + wait.ms;
      if (!this.deps.store.claim(row.id)) continue;
      this.launch(row, this.limiter.take(row.chatId, now));
    }
    return undefined;
  }

  private launch(row: DueDelivery, ticket: Ticket): void {
    const open = this.openByAnnouncement;
    this.busyChats.add(row.chatId);
    open.set(row.announcementId, (open.get(row.announcementId) ?? 0) + 1);
    const task = this.deliver(row, ticket)
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

  // ── One delivery ───────────────────────────────────────────────────────────

  /** Call options that abandon a call left unanswered too long. */
  private timeout(): { signal: ApiSignal } {
    return apiSignal(AbortSignal.timeout(this.requestTimeoutMs));
  }

  private async deliver(row: DueDelivery, ticket: Ticket): Promise<void> {
    let message: Message.TextMessage;
    try {
      message = await this.deps.api.callApi(
        "sendMessage",
        { chat_id: row.chatId, text: row.text, parse_mode: "HTML" },
        this.timeout(),
      );
    } catch (err) {
      if (this.state !== "killed") this.failed(row, ticket, err);
      return;
    }
    if (this.state === "killed") return;
    const now = this.clock.now();
    this.limiter.confirm(ticket, now);
    this.deps.store.markSent(row.id, message.message_id);
    this.recentSends.push(now);
    if (row.pin) await this.pin(row, message.message_id);
  }

  /** Pins a delivered announcement where the bot may; a refusal only leaves it unpinned. */
  private async pin(row: DueDelivery, messageId: number): Promise<void> {
    for (let wait = this.globalWait(this.clock.now()); wait > 0; ) {
      await this.clock.sleep(wait, this.stopping.signal);
      // Stopping: the message is delivered and recorded; it stays unpinned rather than hold the stop.
      if (this.stopping.signal.aborted) return;
      wait = this.globalWait(this.clock.now());
    }
    try {
      await this.counted(() =>
        this.deps.api.callApi(
          "pinChatMessage",
          { chat_id: row.chatId, message_id: messageId, disable_notification: true },
          this.timeout(),
        ),
      );
      if (this.state !== "killed") this.deps.store.markPinned(row.id);
    } catch (err) {
      this.deps.logger.info({ chatId: row.chatId, err: describe(err) }, "could not pin an announcement");
    }
  }

  /**
   * Runs a call that is not a message to a group (a pin, a progress edit, the report) counted
   * against the overall limit like a message: from when it leaves until its answer is in.
   */
  private async counted<T>(call: () => Promise<T>): Promise<T> {
    const ticket = this.limiter.takeGlobal(this.clock.now());
    try {
      const result = await call();
      this.limiter.confirm(ticket, this.clock.now());
      return result;
    } catch (err) {
      const now = this.clock.now();
      if (err instanceof TelegramError && err.code !== 429) this.limiter.refund(ticket);
      else this.limiter.confirm(ticket, now);
      throw err;
    }
  }

  /** How long any call must wait now for the overall limit. */
  private globalWait(now: number): number {
    return this.limiter.globalDelay(now);
  }

  /** Records a failed attempt: retry later, follow a migration, or give up with a reason. */
  private failed(row: DueDelivery, ticket: Ticket, err: unknown): void {
    const { store, logger } = this.deps;
    const now = this.clock.now();
    const attempts = row.attempts + 1;
    const code = err instanceof TelegramError ? err.code : undefined;
    const detail = describe(err);
    // Telegram refused the message: it was not sent and does not count, except after a 429, which
    // says our count is behind Telegram's (another process, a restart): giving the slot back
    // would only draw more 429s. Without an answer it may have gone: count it until now.
    if (code !== undefined && code !== 429) this.limiter.refund(ticket);
    else this.limiter.confirm(ticket, now);

    if (code === 429) {
      // The group waits its retry_after; the others go on (the limiter already keeps the bot
      // under Telegram's overall ceiling, so a 429 speaks for that chat). The attempt does not
      // count, or a long flood wait would fail a group that was never tried.
      const until = now + (retryAfter(err) ?? 1) * 1000;
      store.putBack(row.id, until, "rate_limited", detail);
      logger.debug({ chatId: row.chatId, retryAfter: retryAfter(err) }, "429 on a broadcast");
      return;
    }
    const newId = migratedTo(err);
    if (newId !== undefined) {
      this.followMigration(row.chatId, newId);
      store.retry(row.id, now, "migrated", detail);
      logger.info({ from: row.chatId, to: newId }, "a group moved to a supergroup during a broadcast");
      return;
    }
    if (isForbidden(err) || (code === 400 && CHAT_GONE.test(detail))) {
      store.end(row.id, "failed", code === 400 ? "chat_not_found" : "forbidden", detail);
      this.dropGroup(row.chatId);
      return;
    }
    if (code !== undefined && code < 500) {
      store.end(row.id, "failed", "rejected", detail);
      return;
    }
    // 5xx, a network error or a timeout: the message may or may not have gone; Telegram was
    // struggling, so it most likely did not: retry.
    const reason = code === undefined ? "network" : "server_error";
    if (attempts >= this.maxAttempts) {
      store.end(row.id, "failed", reason, detail);
      return;
    }
    const backoff = Math.min(this.backoffMs * 2 ** (attempts - 1), this.maxBackoffMs);
    store.retry(row.id, now + backoff, reason, detail);
  }

  /** Moves a group's records to its new supergroup id. */
  private followMigration(oldId: number, newId: number): void {
    const { groups, subscriptions, store } = this.deps;
    // GroupStore.migrate runs the onMigrate hooks (subscriptions, deliveries); without a group
    // record there is nothing for it to move, so move ours directly.
    if (!groups.migrate(oldId, newId)) {
      subscriptions.moveChat(oldId, newId);
      store.moveChat(oldId, newId);
    }
  }

  /** The bot was removed or the group is gone: no more announcements there. */
  private dropGroup(chatId: number): void {
    this.deps.groups.setActive(chatId, false);
    this.deps.subscriptions.setSubscribed(chatId, false);
    const skipped = this.deps.store.skipChat(chatId, "inactive");
    this.deps.logger.info({ chatId, skipped }, "the bot may not write to a group: unsubscribed it");
  }

  // ── Progress and report ────────────────────────────────────────────────────

  private ratePerSecond(now: number): number {
    this.recentSends = this.recentSends.filter((at) => at > now - 10_000);
    const first = this.recentSends[0];
    if (first === undefined || this.recentSends.length < 5) return this.ceilingPerSecond;
    const seconds = Math.max(1, (now - first) / 1000);
    return Math.min(this.ceilingPerSecond, this.recentSends.length / seconds);
  }

  private nextProgressAt(): number | undefined {
    let next: number | undefined;
    for (const [, p] of this.progress) {
      if (p.task) continue;
      const at = p.at + this.progressIntervalMs;
      next = next === undefined ? at : Math.min(next, at);
    }
    return next;
  }

  private progressDue(now: number): boolean {
    for (const a of this.deps.store.sending()) {
      const p = this.progress.get(a.id);
      if (!p || (!p.task && now >= p.at + this.progressIntervalMs)) return true;
    }
    return false;
  }

  /** Sends or edits the progress message of each announcement being sent that needs it. */
  private editProgress(now: number): void {
    for (const a of this.deps.store.sending()) {
      const p = this.progress.get(a.id);
      if (p && (p.task || now < p.at + this.progressIntervalMs)) continue;
      const counts = this.deps.store.counts(a.id);
      const text = progressText(this.deps.t, a.authorLang, a.id, counts, this.ratePerSecond(now));
      const entry: ProgressEntry = { at: now, text, task: undefined };
      this.progress.set(a.id, entry);
      if (p?.text === text || counts.total === 0) continue;
      entry.task = this.staffCall(this.showProgress(a, text)).finally(() => {
        entry.task = undefined;
      });
    }
  }

  private async showProgress(a: Announcement, text: string): Promise<void> {
    const { staff, store } = this.deps;
    const signal = this.staffAbort.signal;
    const messageId = a.progressMessageId ?? store.get(a.id)?.progressMessageId;
    if (messageId !== undefined) {
      await this.counted(() =>
        staff.callApi(
          "editMessageText",
          { chat_id: a.authorId, message_id: messageId, text, parse_mode: "HTML" },
          apiSignal(signal),
        ),
      );
      return;
    }
    const sent = await this.counted(() =>
      staff.callApi("sendMessage", { chat_id: a.authorId, text, parse_mode: "HTML" }, apiSignal(signal)),
    );
    if (this.state !== "killed") store.setProgressMessage(a.id, sent.message_id);
  }

  /**
   * Marks finished announcements done, and reports each (or tells of a missed one) to its author
   * once. A report that could not be sent is tried again later, up to `maxReportAttempts`.
   */
  private finishAndReport(now: number): void {
    const { store } = this.deps;
    for (const a of store.sending()) if (!this.openByAnnouncement.has(a.id)) store.finishIfComplete(a.id);
    for (const a of store.unreported()) {
      if (this.reporting.has(a.id)) continue;
      const retry = this.reportRetries.get(a.id);
      if (retry && (retry.attempts >= this.maxReportAttempts || now < retry.at)) continue;
      this.reporting.add(a.id);
      const shown = this.progress.get(a.id)?.task;
      this.progress.delete(a.id);
      const task = this.report(a.id, shown, retry === undefined).then(
        () => {
          this.reportRetries.delete(a.id);
          this.reporting.delete(a.id);
        },
        (err: unknown) => {
          this.reportFailed(a.id);
          throw err;
        },
      );
      this.staffCall(task);
    }
  }

  /** A report could not be sent: frees it for another try after a backoff, a bounded number of times. */
  private reportFailed(id: number): void {
    const attempts = (this.reportRetries.get(id)?.attempts ?? 0) + 1;
    const at = this.clock.now() + Math.min(this.reportRetryMs * 2 ** (attempts - 1), 10 * 60_000);
    this.reportRetries.set(id, { attempts, at });
    this.reporting.delete(id);
    if (attempts >= this.maxReportAttempts && this.state === "running") {
      this.deps.logger.error(
        { announcement: id, attempts },
        "could not send an announcement's report; giving up until the next start",
      );
    }
    this.wake();
  }

  /**
   * The final edit of the progress message (once its first send is done, on the first try only),
   * then the report; for a missed announcement, the notice that it was not sent.
   */
  private async report(
    id: number,
    progressShown: Promise<unknown> | undefined,
    firstTry: boolean,
  ): Promise<void> {
    const { staff, store, t } = this.deps;
    const signal = this.staffAbort.signal;
    await progressShown;
    const a = store.get(id);
    if (!a) return;
    if (a.status === "missed") {
      const text = missedText(t, a, this.timezone, a.startedAt ?? this.clock.now());
      await this.counted(() =>
        staff.callApi("sendMessage", { chat_id: a.authorId, text, parse_mode: "HTML" }, apiSignal(signal)),
      );
      if (this.state !== "killed") store.markReported(a.id);
      return;
    }
    const counts = store.counts(a.id);
    const progressMessageId = a.progressMessageId;
    if (progressMessageId !== undefined && firstTry) {
      const text = finishedText(t, a.authorLang, a.id, counts);
      await this.counted(() =>
        staff.callApi(
          "editMessageText",
          { chat_id: a.authorId, message_id: progressMessageId, text, parse_mode: "HTML" },
          apiSignal(signal),
        ),
      ).catch(() => undefined);
    }
    const seconds =
      a.startedAt !== undefined && a.finishedAt !== undefined
        ? (a.finishedAt - a.startedAt) / 1000
        : undefined;
    const text = reportText(t, a.authorLang, a.id, counts, store.problems(a.id), seconds);
    await this.counted(() =>
      staff.callApi("sendMessage", { chat_id: a.authorId, text, parse_mode: "HTML" }, apiSignal(signal)),
    );
    if (this.state !== "killed") store.markReported(a.id);
  }

  /** Runs a call to staff in the background; its failure is logged, never thrown. */
  private staffCall(task: Promise<unknown>): Promise<unknown> {
    const tracked = task
      .catch((err: unknown) => {
        if (this.state === "running") this.deps.logger.warn({ err: describe(err) }, "could not update staff");
      })
      .finally(() => this.staffCalls.delete(tracked));
    this.staffCalls.add(tracked);
    return tracked;
  }
}

// Telegraf types its signal with the abort-controller shim; node-fetch takes Node's own alike.
type ApiSignal = NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"];
function apiSignal(signal: AbortSignal): { signal: ApiSignal } {
  return { signal: signal as unknown as ApiSignal };
}

function describe(err: unknown): string {
  if (err instanceof TelegramError) return `${err.code}: ${err.description}`;
  return err instanceof Error ? err.message : String(err);
}
