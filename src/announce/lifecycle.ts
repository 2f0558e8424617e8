/** Where the delivery worker is in its life; every part of it reads the same one. */
type WorkerState = "new" | "running" | "stopping" | "stopped" | "killed";

/**
 * The worker's state, shared by its parts: after a kill they record nothing more (as a killed
 * process would not), `stopping` ends the waits that would hold a stop back, and `abandoned`
 * aborts the API calls still in flight when a stop will wait no longer.
 */
export class Lifecycle {
  state: WorkerState = "new";
  /** Aborted by `stop` and `kill`. */
  private readonly stopController = new AbortController();
  /** Aborted when the calls in flight are given up. */
  private readonly abandonController = new AbortController();

  get running(): boolean {
    return this.state === "running";
  }

  get killed(): boolean {
    return this.state === "killed";
  }

  get stopping(): AbortSignal {
    return this.stopController.signal;
  }

  /** Passed to every API call: aborted when the worker gives up the calls in flight. */
  get abandoned(): AbortSignal {
    return this.abandonController.signal;
  }

  /** Ends every wait on {@link stopping}. */
  endWaits(): void {
    this.stopController.abort();
  }

  /** Aborts every API call still in flight (their answers will never be known). */
  abandon(): void {
    this.endWaits();
    this.abandonController.abort();
  }
}

/** Resolves when every task settled, or after `ms` of real time, whichever comes first. */
export function settledWithin(tasks: Promise<unknown>[], ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([Promise.allSettled(tasks), deadline]).finally(() => clearTimeout(timer));
}
