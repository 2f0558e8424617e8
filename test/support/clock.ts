import type { Clock } from "../../src/announce/clock.ts";

interface Sleeper {
  until: number;
  resolve: () => void;
}

/**
 * A clock that moves only when the test says so: `sleep` resolves once `advance` or `set` has
 * passed its deadline (or its signal aborts). Lets tests check what happens at 09:59 and at 10:00
 * without waiting a real second.
 */
export class ManualClock implements Clock {
  #now: number;
  #sleepers = new Set<Sleeper>();

  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      // A zero wait still yields to the event loop, so a caller looping on it cannot starve I/O.
      if (ms <= 0) return void setImmediate(resolve);
      const sleeper: Sleeper = {
        until: this.#now + ms,
        resolve: () => {
          this.#sleepers.delete(sleeper);
          signal?.removeEventListener("abort", sleeper.resolve);
          resolve();
        },
      };
      this.#sleepers.add(sleeper);
      signal?.addEventListener("abort", sleeper.resolve, { once: true });
    });
  }

  /** Moves time forward by `ms`, waking every sleeper whose deadline has come. */
  advance(ms: number): void {
    this.set(this.#now + ms);
  }

  /** Moves time to `at` (never backwards), waking every sleeper whose deadline has come. */
  set(at: number): void {
    this.#now = Math.max(this.#now, at);
    for (const sleeper of [...this.#sleepers]) if (sleeper.until <= this.#now) sleeper.resolve();
  }

  /** When the sleepers wake, soonest first: what the code under test is waiting for. */
  get deadlines(): number[] {
    return [...this.#sleepers].map((s) => s.until).sort((a, b) => a - b);
  }
}
