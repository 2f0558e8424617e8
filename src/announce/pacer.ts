import { countedAfter, type OutgoingLimiter } from "../telegram/outgoing.ts";
import type { Ticket, WaitCause } from "../telegram/rate-limit.ts";
import type { Clock } from "./clock.ts";

/**
 * The broadcaster's side of the bot's one outgoing limiter (telegram/outgoing.ts), on the
 * worker's clock: messages to groups count against the bot's overall limit and their group's;
 * pins against the overall limit only. Broadcasts go after replies to people. A call counts from
 * when it leaves until its answer is in (see rate-limit.ts). Calls to staff are paced by the staff
 * client itself, through the same limiter.
 */
export class Pacer {
  constructor(
    private readonly limiter: OutgoingLimiter,
    private readonly clock: Clock,
  ) {}

  /** Counts what a previous process sent lately: Telegram still counts it after a restart. */
  seed(sends: ReadonlyArray<{ chatId: number; at: number }>): void {
    this.limiter.seed(sends);
  }

  /** How long a message to `chatId` must wait now, and which limit holds it. */
  delay(chatId: number, now: number): { ms: number; cause: WaitCause } {
    return this.limiter.delay(chatId, now, "broadcast");
  }

  /** How long any call must wait now for the overall limit. */
  globalWait(now = this.clock.now()): number {
    return this.limiter.delay(undefined, now, "broadcast").ms;
  }

  /** Counts a message to `chatId` leaving now. */
  take(chatId: number, now: number): Ticket {
    return this.limiter.take(chatId, now);
  }

  /**
   * Settles a ticket once its call is answered: counted until now when Telegram may have counted
   * it, given back when it surely did not (Telegram refused the call, or it never reached it).
   */
  settle(ticket: Ticket, counted: boolean): void {
    this.limiter.settle(ticket, counted);
  }

  /** Waits until the overall limit lets a call go; false when `signal` ended the wait first. */
  async waitForSlot(signal: AbortSignal): Promise<boolean> {
    for (let wait = this.globalWait(); wait > 0; wait = this.globalWait()) {
      await this.clock.sleep(wait, signal);
      if (signal.aborted) return false;
    }
    return true;
  }

  /** Runs a call that is not a message to a group (a pin), counted against the overall limit. */
  async counted<T>(call: () => Promise<T>): Promise<T> {
    const ticket = this.limiter.take(undefined, this.clock.now());
    try {
      const result = await call();
      this.settle(ticket, true);
      return result;
    } catch (err) {
      this.settle(ticket, countedAfter(err));
      throw err;
    }
  }
}
