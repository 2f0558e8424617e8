import type { Clock } from "./clock.ts";

/**
 * How the worker waits between rounds: until a deadline or until woken (new work, a call
 * settled), whichever comes first; and how tests learn that it is waiting with nothing to do.
 */
export class Wakeup {
  private woken = false;
  private waker: AbortController | undefined;
  private idleWaiters: Array<() => void> = [];
  private isIdle = false;

  constructor(private readonly clock: Clock) {}

  /** Ends the current wait, or the next one before it begins. */
  wake(): void {
    this.woken = true;
    this.waker?.abort();
  }

  /** Starts a round: wake-ups from now on end the wait that follows it. */
  beginRound(): void {
    this.woken = false;
  }

  /**
   * Waits until `deadline` (none: until woken), unless woken since the round began. `idle` says
   * that nothing is in flight, for {@link whenIdle}.
   */
  async wait(deadline: number | undefined, idle: boolean): Promise<void> {
    if (this.woken) return;
    this.waker = new AbortController();
    const signal = this.waker.signal;
    if (idle) this.becomeIdle();
    if (deadline !== undefined) {
      const ms = Math.min(Math.max(0, deadline - this.clock.now()), 2 ** 31 - 1);
      await this.clock.sleep(ms, signal);
    } else {
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    }
    this.isIdle = false;
    this.waker = undefined;
  }

  /** Resolves when the worker waits with nothing in flight: at once if it does now, else next time. */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private becomeIdle(): void {
    this.isIdle = true;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
