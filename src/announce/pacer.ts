import type { Clock } from "./clock.ts";
import type { RateLimiter, Ticket, WaitCause } from "./rate-limit.ts";

/**
 * Telegram's limits applied to every call a broadcast makes, on the worker's clock: messages to
 * groups count against the bot's overall limit and their group's; other calls (pins, progress
 * edits, reports) against the overall limit only. A call counts from when it leaves until its
 * answer is in (see rate-limit.ts).
 */
export class Pacer {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** Counts what a previous process sent lately: Telegram still counts it after a restart. */
  seed(sends: ReadonlyArray<{ chatId: number; at: number }>): void {
    for (const sent of sends) this.limiter.take(sent.chatId, sent.at);
  }

  /** How long a message to `chatId` must wait now, and which limit holds it. */
  delay(chatId: number, now: number): { ms: number; cause: WaitCause } {
    return this.limiter.delay(chatId, now);
  }

  /** How long any call must wait now for the overall limit. */
  globalWait(now = this.clock.now()): number {
    return this.limiter.globalDelay(now);
  }

  /** Counts a message to `chatId` leaving now. */
  take(chatId: number, now: number): Ticket {
    return this.limiter.take(chatId, now);
  }

  /**
   * Settles a ticket once its call is answered: counted until now when Telegram may have counted
   * it, given back when it surely did not (Telegram refused the call).
   */
  settle(ticket: Ticket, counted: boolean): void {
    if (counted) this.limiter.confirm(ticket, this.clock.now());
    else this.limiter.refund(ticket);
  }

  /** Waits until the overall limit lets a call go; false when `signal` ended the wait first. */
  async waitForSlot(signal: AbortSignal): Promise<boolean> {
    for (let wait = this.globalWait(); wait > 0; wait = this.globalWait()) {
      await this.clock.sleep(wait, signal);
      if (signal.aborted) return false;
    }
    return true;
  }

  /** Runs a call that is not a message to a group, counted against the overall limit. */
  async counted<T>(call: () => Promise<T>, refused: (err: unknown) => boolean): Promise<T> {
    const ticket = this.limiter.takeGlobal(this.clock.now());
    try {
      const result = await call();
      this.settle(ticket, true);
      return result;
    } catch (err) {
      this.settle(ticket, !refused(err));
      throw err;
    }
  }
}
