/**
 * Retries and pacing for outgoing Bot API calls.
 *
 * Every Telegraf API call goes through `Telegram#callApi`, so wrapping that one method covers
 * `ctx.reply`, `bot.telegram.sendMessage`, uploads and the rest. Each attempt first waits for its
 * slot in the bot's one outgoing limiter (outgoing.ts), when one is given. Then:
 * - 429 Too Many Requests: wait `parameters.retry_after` seconds, then try again;
 * - 5xx and network errors (connection reset or refused, timeouts): exponential backoff, bounded;
 * - any other 4xx (400, 403...): rethrown at once, retrying cannot help.
 *
 * Note that Telegraf builds a fresh `Telegram` for each update, so `ctx.telegram` is not
 * `bot.telegram`: use {@link installBotRetry} (or {@link retryMiddleware}) to cover both.
 */
import { setMaxListeners } from "node:events";
import type { Readable } from "node:stream";
import { type Context, type MiddlewareFn, type Telegraf, type Telegram, TelegramError } from "telegraf";
import { countedAfter, countingOf, limitedChat, type OutgoingLimiter, type Priority } from "./outgoing.ts";
import { type CallApi, directCalls } from "./transport.ts";

/** What {@link RetryOptions.onRetry} is told before each wait. */
export interface RetryInfo {
  method: string;
  /** The attempt that just failed, from 1. */
  attempt: number;
  delayMs: number;
  /** The error, token redacted, e.g. "429: Too Many Requests: retry after 3". */
  reason: string;
}

/** Options of {@link installRetry}; every field has a default. */
export interface RetryOptions {
  /** Retries after 5xx or network errors. Default 4. */
  maxRetries?: number;
  /** First backoff delay, in ms. Default 300. */
  baseDelayMs?: number;
  /** Backoff growth per retry. Default 2. */
  factor?: number;
  /** Random extra delay, as a fraction of the backoff delay (0.1 = up to +10%). Default 0.1. */
  jitter?: number;
  /** Longest `retry_after` worth waiting for, in seconds; a longer one is rethrown. Default 60. */
  maxRetryAfterSec?: number;
  /** Retries after 429, so a flood wait cannot loop forever. Default 5. */
  maxRateLimitRetries?: number;
  /** How long one attempt waits for Telegram's answer, when the caller gives no signal. Default 30 s. */
  requestTimeoutMs?: number;
  /** Waits; injectable so tests do not wait real seconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (info: RetryInfo) => void;
  /** The bot's outgoing limiter, and the priority of this client's calls: each attempt waits its turn. */
  outgoing?: { limiter: OutgoingLimiter; priority: Priority } | undefined;
}

const DEFAULTS = Object.freeze({
  maxRetries: 4,
  baseDelayMs: 300,
  factor: 2,
  jitter: 0.1,
  maxRetryAfterSec: 60,
  maxRateLimitRetries: 5,
  // Telegraf waits 500 s for an answer; a reply held that long by the network helps nobody.
  requestTimeoutMs: 30_000,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  onRetry: (_info: RetryInfo) => {},
  outgoing: undefined,
});

// Node's system error codes that mean "the request may not have reached Telegram; try again".
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

const INSTALLED = Symbol("api-retry installed");

type Resolved = Required<Omit<RetryOptions, "outgoing">> & Pick<RetryOptions, "outgoing">;

/** `options` over the defaults: resolved once per client, not once per update. */
function resolved(options: RetryOptions): Resolved {
  return { ...DEFAULTS, ...withoutUndefined(options) };
}

/**
 * Wraps `telegram.callApi` so every call except `getUpdates` (Telegraf's polling loop has its own
 * retries) is retried as described above. Installing twice on one instance is a no-op.
 */
export function installRetry(telegram: Telegram, options: RetryOptions = {}): void {
  wrapCallApi(telegram, resolved(options), new SharedTimeouts());
}

function wrapCallApi(telegram: Telegram, opts: Resolved, timeouts: SharedTimeouts): void {
  const target = telegram as Telegram & { [INSTALLED]?: true };
  if (target[INSTALLED]) return;
  target[INSTALLED] = true;

  const token = telegram.token;
  const original = directCalls(telegram);

  const callWithRetry: CallApi = async (method, payload, callOptions) => {
    if (method === "getUpdates") return original(method, payload, callOptions);
    // A stream is consumed by the first attempt; sending it again would upload nothing.
    const replayable = !containsStream(payload);
    let failures = 0;
    let rateLimits = 0;
    for (let attempt = 1; ; attempt++) {
      const slot = await takeSlot(opts, method, payload, callOptions?.signal);
      try {
        // A caller's own signal (the broadcaster's) decides; else each attempt has a time limit.
        const signal = callOptions?.signal ?? timeouts.signal(opts.requestTimeoutMs);
        const result = await original(method, payload, { ...callOptions, signal });
        slot?.settle(true);
        return result;
      } catch (err) {
        slot?.settle(countedAfter(err));
        const delayMs = replayable && !isAborted(callOptions?.signal) ? nextDelay(err) : undefined;
        if (delayMs === undefined) throw redactError(err, token);
        opts.onRetry({ method, attempt, delayMs, reason: redactToken(errorText(err), token) });
        await opts.sleep(delayMs);
      }
    }

    /** The wait before the next attempt, or undefined to give up. */
    function nextDelay(err: unknown): number | undefined {
      const code = telegramErrorCode(err);
      if (code === 429) {
        const seconds = retryAfter(err);
        if (seconds !== undefined && seconds > opts.maxRetryAfterSec) return undefined;
        if (++rateLimits > opts.maxRateLimitRetries) return undefined;
        return seconds !== undefined ? seconds * 1000 : backoff(opts, rateLimits);
      }
      const transient = code === undefined ? isNetworkError(err) : code >= 500;
      if (!transient || ++failures > opts.maxRetries) return undefined;
      return backoff(opts, failures);
    }
  };

  // The instance property shadows ApiClient.prototype.callApi; Telegram's methods call this.callApi.
  telegram.callApi = callWithRetry as unknown as Telegram["callApi"];
}

/** Waits for the call's slot in the outgoing limiter; returns how to settle it once answered. */
async function takeSlot(opts: Resolved, method: string, payload: object, signal: unknown) {
  const { outgoing } = opts;
  if (!outgoing || countingOf(method) === "free") return undefined;
  const abort = signal instanceof AbortSignal ? signal : undefined;
  const ticket = await outgoing.limiter.acquire(limitedChat(method, payload), outgoing.priority, abort);
  return { settle: (counted: boolean) => outgoing.limiter.settle(ticket, counted) };
}

function backoff(opts: Resolved, retry: number): number {
  const delay = opts.baseDelayMs * opts.factor ** (retry - 1);
  return Math.round(delay * (1 + opts.jitter * Math.random()));
}

/**
 * Time-limit signals shared by the calls begun close together: each call's limit is between
 * `ms` and a tenth more (at most a second), and a busy bot sets one timer a second, not one a call.
 */
class SharedTimeouts {
  #signal: AbortSignal | undefined;
  #until = 0;

  signal(ms: number): AbortSignal {
    const now = Date.now();
    if (!this.#signal || now >= this.#until) {
      const grain = Math.min(1000, Math.ceil(ms / 10));
      this.#signal = AbortSignal.timeout(ms + grain);
      // Every call in flight listens to it (and stops listening when answered).
      setMaxListeners(0, this.#signal);
      this.#until = now + grain;
    }
    return this.#signal;
  }
}

/**
 * Middleware installing retry on `ctx.telegram`, the per-update `Telegram` that `ctx.reply` and
 * friends use. Mount it before any middleware that calls the API.
 */
function retryMiddleware(options: RetryOptions = {}): MiddlewareFn<Context> {
  const opts = resolved(options);
  const timeouts = new SharedTimeouts();
  return (ctx, next) => {
    wrapCallApi(ctx.telegram, opts, timeouts);
    return next();
  };
}

/**
 * Installs retry on `bot.telegram` and, through {@link retryMiddleware}, on every update's
 * `ctx.telegram`. Call it right after creating the bot, before mounting features.
 */
export function installBotRetry<C extends Context>(bot: Telegraf<C>, options: RetryOptions = {}): void {
  installRetry(bot.telegram, options);
  bot.use(retryMiddleware(options));
}

/** True for 403 errors: the bot was blocked or kicked, the user is deactivated, and the like. */
export function isForbidden(err: unknown): boolean {
  return telegramErrorCode(err) === 403;
}

/** The new supergroup id when a 400 says the group was upgraded (`migrate_to_chat_id`). */
export function migratedTo(err: unknown): number | undefined {
  if (telegramErrorCode(err) !== 400) return undefined;
  const id = (err as TelegramError).parameters?.migrate_to_chat_id;
  return typeof id === "number" ? id : undefined;
}

/** The seconds a 429 asks to wait (`retry_after`), if given. */
export function retryAfter(err: unknown): number | undefined {
  if (telegramErrorCode(err) !== 429) return undefined;
  const seconds = (err as TelegramError).parameters?.retry_after;
  return typeof seconds === "number" ? seconds : undefined;
}

/**
 * Removes the bot token from `text`: the literal token wherever it appears, and whatever
 * follows `/bot` in an API URL (Telegraf's own redaction only knows `<digits>:<secret>` tokens).
 */
export function redactToken(text: string, token?: string): string {
  const withoutToken = token ? text.split(token).join("<redacted>") : text;
  return withoutToken.replace(/\/(bot|user)[^/\s]+\//g, "/$1<redacted>/");
}

// ── Helpers ──────────────────────────────────────────────────────────────────

function telegramErrorCode(err: unknown): number | undefined {
  return err instanceof TelegramError ? err.code : undefined;
}

/** Errors of the transport rather than answers of Telegram: node-fetch's FetchError, socket errors. */
function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error) || err.name === "AbortError") return false;
  const code = (err as { code?: unknown }).code;
  return err.name === "FetchError" || (typeof code === "string" && TRANSIENT_CODES.has(code));
}

function isAborted(signal: unknown): boolean {
  return typeof signal === "object" && signal !== null && (signal as { aborted?: unknown }).aborted === true;
}

/** Telegraf's network errors carry the request URL, token included, in message and stack. */
function redactError(err: unknown, token: string): unknown {
  if (err instanceof TelegramError || !(err instanceof Error)) return err;
  err.message = redactToken(err.message, token);
  if (err.stack) err.stack = redactToken(err.stack, token);
  return err;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function containsStream(payload: object): boolean {
  const isStream = (value: unknown): value is Readable =>
    typeof value === "object" && value !== null && typeof (value as Readable).pipe === "function";
  const hasStreamSource = (value: unknown): boolean => {
    if (typeof value !== "object" || value === null) return false;
    const { source, media } = value as { source?: unknown; media?: unknown };
    return isStream(source) || hasStreamSource(media);
  };
  return Object.values(payload).some((value) =>
    Array.isArray(value) ? value.some(hasStreamSource) : hasStreamSource(value),
  );
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
