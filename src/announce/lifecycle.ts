/** Where the delivery worker is in its life; every part of it reads the same one. */
type WorkerState = "new" | "running" | "stopping" | "stopped" | "killed";

/**
 * The worker's state, shared by its parts: after a kill they record nothing more (as a killed
 * process would not), and `stopping` ends the waits that would hold a stop back.
 */
export class Lifecycle {
  state: WorkerState = "new";
  /** Aborted by `stop` and `kill`. */
  private readonly stopController = new AbortController();

  get running(): boolean {
    return this.state === "running";
  }

  get killed(): boolean {
    return this.state === "killed";
  }

  get stopping(): AbortSignal {
    return this.stopController.signal;
  }

  /** Ends every wait on {@link stopping}. */
  endWaits(): void {
    this.stopController.abort();
  }
}
