/** Tuning of {@link Broadcaster}; every field has a default ({@link BROADCAST_DEFAULTS}). */
export interface BroadcasterOptions {
  /**
   * API calls to groups in flight at once: only a bound, the rate is what limits sending. At 30 a
   * second with some answers taking 30 s, about 60 are in flight.
   */
  concurrency?: number;
  /** How often the progress message is edited, in ms. */
  progressIntervalMs?: number;
  /** Attempts of one delivery before it fails; 429s do not count. */
  maxAttempts?: number;
  /** First backoff after a 5xx or network error, in ms; doubles each attempt. */
  backoffMs?: number;
  /** Longest backoff, in ms. */
  maxBackoffMs?: number;
  /**
   * An API call still unanswered after this is abandoned and retried, in ms. Telegram answers in
   * well under a second and, when struggling, within tens of seconds; a slow answer usually means
   * the message went out, so giving up sooner would send it twice. Slow calls hold up nothing.
   */
  requestTimeoutMs?: number;
  /** On stop, how long calls in flight may still answer before they are abandoned, in real ms. */
  stopGraceMs?: number;
  /** A scheduled announcement picked up later than this after its time is not sent, in ms. */
  missedAfterMs?: number;
  /** Tries at sending a report (or a missed notice) before giving up until the next start. */
  maxReportAttempts?: number;
  /** Wait before the first retry of a report, in ms; doubles each time. */
  reportRetryMs?: number;
  /** IANA time zone of the dates in messages to staff. */
  timezone?: string;
}

/** The defaults of {@link BroadcasterOptions}. */
export const BROADCAST_DEFAULTS = Object.freeze({
  concurrency: 100,
  progressIntervalMs: 3000,
  maxAttempts: 10,
  backoffMs: 1000,
  maxBackoffMs: 60_000,
  requestTimeoutMs: 60_000,
  stopGraceMs: 2000,
  missedAfterMs: 30 * 60_000,
  maxReportAttempts: 5,
  reportRetryMs: 30_000,
  timezone: "Asia/Jakarta",
});
