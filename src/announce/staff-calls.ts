import type { Logger } from "../logger.ts";
import { describeError } from "./broadcast-api.ts";
import type { Lifecycle } from "./lifecycle.ts";

/**
 * Calls to staff (progress messages, reports) run in the background, beside the deliveries: a
 * failure is logged, never thrown, and a stop aborts those still waiting for an answer.
 */
export class StaffCalls {
  private readonly calls = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly life: Lifecycle,
    private readonly logger: Logger,
  ) {}

  /** Aborted when the worker stops: passed to each call to staff. */
  get signal(): AbortSignal {
    return this.abort.signal;
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

  /** Aborts the calls in flight and waits for them to settle. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.calls]);
  }
}
