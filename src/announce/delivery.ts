import { TelegramError } from "telegraf";
import type { Logger } from "../logger.ts";
import type { DeliveryQueue, DueDelivery } from "../storage/deliveries.ts";
import type { GroupStore } from "../storage/groups.ts";
import type { SubscriptionStore } from "../storage/subscriptions.ts";
import type { Ticket } from "../telegram/rate-limit.ts";
import { type BroadcastApi, describeError } from "./broadcast-api.ts";
import type { Clock } from "./clock.ts";
import { backoff, type DeliveryAction, deliveryRule } from "./delivery-policy.ts";
import type { Lifecycle } from "./lifecycle.ts";
import type { Pacer } from "./pacer.ts";
import type { StoragePause } from "./storage-pause.ts";

interface DeliveryDeps {
  deliveries: DeliveryQueue;
  subscriptions: SubscriptionStore;
  groups: GroupStore;
  /** Sends to the groups. Must not retry by itself: a 429 must hold back only its own group. */
  api: BroadcastApi;
  pacer: Pacer;
  clock: Clock;
  life: Lifecycle;
  /** Records each result, holding it back while the database refuses writes. */
  storage: StoragePause;
  logger: Logger;
}

interface DeliveryOptions {
  /** Attempts of one delivery before it fails; 429s do not count. */
  maxAttempts: number;
  /** First backoff after a 5xx or network error, in ms; doubles each attempt. */
  backoffMs: number;
  maxBackoffMs: number;
  /** An API call still unanswered after this is abandoned (and retried), in ms. */
  requestTimeoutMs: number;
}

/**
 * One delivery, from its claimed row to its recorded result: the message to the group, the pin
 * when asked, and what a failure means for the row and the group (delivery-policy.ts). A call the
 * worker abandons (a stop that will not wait any longer) is recorded `unconfirmed`.
 */
export class Delivery {
  constructor(
    private readonly deps: DeliveryDeps,
    private readonly options: DeliveryOptions,
    /** Told of each message that reached its group, when its answer came back. */
    private readonly onSent: (at: number) => void,
  ) {}

  /** Sends a claimed delivery and records what came of it (nothing after a kill). */
  async send(row: DueDelivery, ticket: Ticket): Promise<void> {
    const { api, deliveries, pacer, life, storage } = this.deps;
    let messageId: number;
    try {
      messageId = await api.sendMessage(row.chatId, row.text, this.signal());
    } catch (err) {
      if (life.killed) return;
      if (life.abandoned.aborted && !(err instanceof TelegramError)) {
        // It may have reached Telegram: not sent again by itself, listed for staff to resend.
        pacer.settle(ticket, true);
        storage.record(() => deliveries.end(row.id, "unconfirmed", "abandoned"));
        return;
      }
      this.failed(row, ticket, err);
      return;
    }
    if (life.killed) return;
    pacer.settle(ticket, true);
    storage.record(() => deliveries.markSent(row.id, messageId));
    this.onSent(this.deps.clock.now());
    if (row.pin) await this.pin(row, messageId);
  }

  /** Pins a delivered announcement where the bot may; a refusal only leaves it unpinned. */
  private async pin(row: DueDelivery, messageId: number): Promise<void> {
    const { api, deliveries, pacer, life, storage, logger } = this.deps;
    // Stopping: the message is delivered and recorded; it stays unpinned rather than hold the stop.
    if (!(await pacer.waitForSlot(life.stopping))) return;
    try {
      await pacer.counted(() => api.pinMessage(row.chatId, messageId, this.signal()));
      if (!life.killed) storage.record(() => deliveries.markPinned(row.id));
    } catch (err) {
      logger.info({ chatId: row.chatId, err: describeError(err) }, "could not pin an announcement");
    }
  }

  /** Records a failed attempt as the policy's row says: wait, follow, drop the group, give up or retry. */
  private failed(row: DueDelivery, ticket: Ticket, err: unknown): void {
    const { pacer, clock, logger, storage } = this.deps;
    const rule = deliveryRule(err);
    const action = rule.action(err);
    const detail = describeError(err);
    pacer.settle(ticket, rule.counted);
    logger.debug({ chatId: row.chatId, rule: rule.name, detail }, "a delivery failed");
    const now = clock.now();
    storage.record(() => this.apply(row, action, now, detail));
  }

  /** Writes what the policy's action means for the row and its group. */
  private apply(row: DueDelivery, action: DeliveryAction, now: number, detail: string): void {
    const { deliveries } = this.deps;
    switch (action.kind) {
      case "wait":
        deliveries.putBack(row.id, now + action.waitMs, action.reason, detail);
        break;
      case "follow":
        this.followMigration(row.chatId, action.newChatId);
        deliveries.retry(row.id, now, action.reason, detail);
        break;
      case "drop-group":
        deliveries.end(row.id, "failed", action.reason, detail);
        this.dropGroup(row.chatId);
        break;
      case "give-up":
        deliveries.end(row.id, "failed", action.reason, detail);
        break;
      case "retry":
        this.retryLater(row, now, action, detail);
        break;
    }
  }

  /**
   * Tries again after a backoff. Once it has had its attempts, the delivery fails; or, when an
   * attempt may have reached the group, it is left unconfirmed (for staff to resend).
   */
  private retryLater(
    row: DueDelivery,
    now: number,
    action: Extract<DeliveryAction, { kind: "retry" }>,
    detail: string,
  ): void {
    const attempts = row.attempts + 1;
    const { deliveries } = this.deps;
    if (attempts >= this.options.maxAttempts) {
      if (row.maybeDelivered || action.maybeDelivered)
        deliveries.end(row.id, "unconfirmed", "no_answer", detail);
      else deliveries.end(row.id, "failed", action.reason, detail);
      return;
    }
    const wait = backoff(attempts, this.options.backoffMs, this.options.maxBackoffMs);
    deliveries.retry(row.id, now + wait, action.reason, detail, action.maybeDelivered);
  }

  /** Moves a group's records to its new supergroup id. */
  private followMigration(oldId: number, newId: number): void {
    const { groups, subscriptions, deliveries, logger } = this.deps;
    // GroupStore.migrate runs the onMigrate hooks (subscriptions, deliveries); without a group
    // record there is nothing for it to move, so move ours directly.
    if (!groups.migrate(oldId, newId)) {
      subscriptions.moveChat(oldId, newId);
      deliveries.moveChat(oldId, newId);
    }
    logger.info({ from: oldId, to: newId }, "a group moved to a supergroup during a broadcast");
  }

  /** The bot was removed or the group is gone: no more announcements there. */
  private dropGroup(chatId: number): void {
    const { groups, subscriptions, deliveries, logger } = this.deps;
    groups.setActive(chatId, false);
    subscriptions.setSubscribed(chatId, false);
    const skipped = deliveries.skipChat(chatId, "inactive");
    logger.info({ chatId, skipped }, "the bot may not write to a group: unsubscribed it");
  }

  /** A signal that abandons a call left unanswered too long, or when the worker gives up its calls. */
  private signal(): AbortSignal {
    return AbortSignal.any([AbortSignal.timeout(this.options.requestTimeoutMs), this.deps.life.abandoned]);
  }
}
