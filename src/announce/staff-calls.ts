import type { Logger } from "../logger.ts";
import { describeError } from "./broadcast-api.ts";
import type { Lifecycle } from "./lifecycle.ts";

/**
 * Calls to staff (progress messages, reports, notices) run in the background, beside the
 * deliveries: a failure is logged, never thrown; each call is given up after a timeout, or when
 * the worker abandons its calls in flight (a stop that will wait no longer, a kill).
 */
export class StaffCalls {
  private readonly calls = new Set<Promise<unknown>>();

  constructor(
    private readonly life: Lifecycle,
    private readonly logger: Logger,
    /** A call to staff still unanswered after this is given up, in ms. */
    private readonly timeoutMs: number,
  ) {}

  /** The signal to pass to one call to staff. */
  signal(): AbortSignal {
    return AbortSignal.any([this.life.abandoned, AbortSignal.timeout(this.timeoutMs)]);
  }

  /** Tracks `task` until it settles; its failure is logged while the worker runs. */
  run(task: Promise<unknown>): Promise<unknown> {
    const tracked = task
      .catch((err: unknown) => {
        if (this.life.running) this.logger.warn({ err: describeError(err) }, "could not update staff");
      })
      .finally(() => this.calls.delete(tracked));
    this.calls.add(tracked);
    return tracked;
  }

  /** The calls in flight, to wait for. */
  inFlight(): Promise<unknown>[] {
    return [...this.calls];
  }
}
