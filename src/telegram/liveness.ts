/**
 * Whether updates still reach the bot, told to `/healthz` and to the log.
 *
 * Long polling: every `getUpdates` request gets a deadline a few seconds after its long-poll
 * timeout and is sent again at once when it passes (Telegraf's own request timeout is 500 s, so
 * a poll the network holds open would leave the bot deaf for minutes). Failures are logged: a
 * warning at the first, an error (saying for how long) once they have lasted `failingAfterMs`.
 * Webhook: updates come only when people write, so silence proves nothing; after a silent grace
 * period the bot asks Telegram (`getWebhookInfo`) whether updates are waiting that never arrived.
 */
import type { Telegram } from "telegraf";
import type { Logger } from "../logger.ts";

/** Options of {@link Liveness}; every field has a default. */
export interface LivenessOptions {
  /** How long one long poll waits for updates, in seconds (getUpdates `timeout`). Default 25. */
  longPollSec?: number;
  /** How long after its long-poll timeout a `getUpdates` request is given up and sent again. Default 5 s. */
  pollGraceMs?: number;
  /** Polls failing for this long, in ms: `/healthz` answers 503 and an error is logged. Default 30 s. */
  failingAfterMs?: number;
  /** No successful poll for this long, failing or not (a batch that never ends…): 503. Default 3 min. */
  silentAfterMs?: number;
  /** Webhook: silent this long, the bot asks Telegram whether updates wait. Default 2 min. */
  webhookGraceMs?: number;
  now?: () => number;
}

/** What `/healthz` is told: fine, or why not. */
export type Verdict = { ok: true } | { ok: false; reason: string };

const DEFAULTS = Object.freeze({
  longPollSec: 25,
  pollGraceMs: 5_000,
  failingAfterMs: 30_000,
  silentAfterMs: 3 * 60_000,
  webhookGraceMs: 2 * 60_000,
  now: () => Date.now(),
});
/** While polls keep failing, the error is logged again this often. */
const REPEAT_ERROR_MS = 5 * 60_000;

type CallApi = (
  method: string,
  payload: Record<string, unknown>,
  options?: { signal?: unknown },
) => Promise<unknown>;

/** Keeps track of the bot's updates coming in, and says whether they still do. */
export class Liveness {
  readonly options: Readonly<Required<LivenessOptions>>;
  #lastOkAt: number;
  #failingSince: number | undefined;
  #failures = 0;
  #lastError = "";
  #errorLoggedAt: number | undefined;
  #webhookProblem: string | undefined;
  #polling = false;

  constructor(
    private readonly logger: Logger,
    options: LivenessOptions = {},
  ) {
    this.options = Object.freeze({ ...DEFAULTS, ...withoutUndefined(options) });
    this.#lastOkAt = this.options.now();
  }

  /** A `getUpdates` request was answered, or the webhook received an update. */
  received(): void {
    const now = this.options.now();
    if (this.#failingSince !== undefined) {
      const failedForSec = Math.round((now - this.#failingSince) / 1000);
      this.logger.info({ failedForSec, failures: this.#failures }, "getUpdates works again");
    }
    this.#lastOkAt = now;
    this.#failingSince = undefined;
    this.#failures = 0;
    this.#errorLoggedAt = undefined;
    this.#webhookProblem = undefined;
  }

  /** A `getUpdates` request sent at `startedAt` failed (or got no answer in time). */
  pollFailed(err: unknown, startedAt: number): void {
    const now = this.options.now();
    this.#failingSince ??= startedAt;
    this.#failures++;
    this.#lastError = describe(err);
    const failingForSec = Math.round((now - this.#failingSince) / 1000);
    const fields = { failures: this.#failures, failingForSec, lastError: this.#lastError };
    if (this.#failures === 1) this.logger.warn(fields, "getUpdates failed; polling again");
    const failingLong = now - this.#failingSince >= this.options.failingAfterMs;
    if (failingLong && now - (this.#errorLoggedAt ?? -Infinity) >= REPEAT_ERROR_MS) {
      this.#errorLoggedAt = now;
      this.logger.error(fields, `getUpdates has failed for ${failingForSec} s: the bot receives no updates`);
    }
  }

  /** Webhook: what Telegram says about updates it could not deliver (`undefined`: none waiting). */
  webhookProblem(problem: string | undefined): void {
    this.#webhookProblem = problem;
  }

  /** Milliseconds since the last update or successful poll. */
  silentForMs(): number {
    return this.options.now() - this.#lastOkAt;
  }

  /** Whether updates still come in, and why not. */
  verdict(): Verdict {
    if (this.#webhookProblem) return { ok: false, reason: this.#webhookProblem };
    if (!this.#polling) return { ok: true };
    const now = this.options.now();
    if (this.#failingSince !== undefined && now - this.#failingSince >= this.options.failingAfterMs) {
      const failingSec = Math.round((now - this.#failingSince) / 1000);
      const reason = `getUpdates has failed for ${failingSec} s (${this.#failures} attempts): ${this.#lastError}`;
      return { ok: false, reason };
    }
    if (this.silentForMs() >= this.options.silentAfterMs) {
      return {
        ok: false,
        reason: `no answer from getUpdates for ${Math.round(this.silentForMs() / 1000)} s`,
      };
    }
    return { ok: true };
  }

  /**
   * Wraps `telegram.callApi` so each `getUpdates` has a deadline (its long-poll timeout plus
   * `pollGraceMs`), is sent again at once when the deadline passes, and reports here how it went.
   * Other methods pass through.
   */
  watchPolling(telegram: Telegram): void {
    this.#polling = true;
    const inner = telegram.callApi.bind(telegram) as unknown as CallApi;
    const { longPollSec, pollGraceMs, now } = this.options;
    const watched: CallApi = async (method, payload, options) => {
      if (method !== "getUpdates") return inner(method, payload, options);
      // Telegraf asks for 50 s; a shorter poll notices a dead connection sooner.
      const sent = payload.timeout === undefined ? payload : { ...payload, timeout: longPollSec };
      const deadlineMs = Number(sent.timeout ?? 0) * 1000 + pollGraceMs;
      const stop = options?.signal as AbortSignal | undefined;
      for (;;) {
        const startedAt = now();
        const attempt = new AbortController();
        let late = false;
        const timer = setTimeout(() => {
          late = true;
          attempt.abort();
        }, deadlineMs);
        const onStop = () => attempt.abort();
        stop?.addEventListener("abort", onStop);
        if (stop?.aborted) attempt.abort();
        try {
          const updates = await inner(method, sent, { signal: attempt.signal });
          this.received();
          return updates;
        } catch (err) {
          if (stop?.aborted) throw err;
          this.pollFailed(late ? new Error(`no answer within ${deadlineMs} ms`) : err, startedAt);
          // A late poll is sent again at once; Telegraf retries other failures itself, after a wait.
          if (!late) throw err;
        } finally {
          clearTimeout(timer);
          stop?.removeEventListener("abort", onStop);
        }
      }
    };
    telegram.callApi = watched as unknown as Telegram["callApi"];
  }

  /**
   * Webhook: once silent for `webhookGraceMs`, asks Telegram every `webhookGraceMs / 2` whether
   * updates wait undelivered; returns a function that stops asking.
   */
  watchWebhook(telegram: Telegram): () => void {
    const { webhookGraceMs } = this.options;
    const check = async () => {
      if (this.silentForMs() < webhookGraceMs) return;
      try {
        const info = await telegram.getWebhookInfo();
        if (this.silentForMs() < webhookGraceMs || info.pending_update_count === 0) {
          return this.webhookProblem(undefined);
        }
        const error = info.last_error_message ? `; last delivery error: ${info.last_error_message}` : "";
        const silentSec = Math.round(this.silentForMs() / 1000);
        this.webhookProblem(
          `Telegram holds ${info.pending_update_count} updates; none arrived for ${silentSec} s${error}`,
        );
      } catch (err) {
        this.logger.warn({ err }, "could not ask Telegram about the webhook");
      }
    };
    const timer = setInterval(() => void check(), webhookGraceMs / 2);
    timer.unref();
    return () => clearInterval(timer);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
