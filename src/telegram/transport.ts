/**
 * How the bot's Bot API calls travel. Calls whose payload is JSON (every reply, edit, answer to a
 * button) are posted with Node's own HTTP client over its kept-alive connections; uploads, long
 * polling and Telegraf's webhook replies keep Telegraf's client.
 *
 * Why: Telegraf posts through node-fetch, which spent 130–190 µs of CPU on one small call over a
 * kept-alive connection where `http.request` spent 70–90 µs (undici's `request` 50–60 µs, but it
 * added some 11 MB to the bot's memory). Every answer the bot gives is one such call: it was the
 * largest part of an update's work (README, "The transport of replies").
 * What Telegraf's client does with the answer is kept: a status of 500 or more, or a body with
 * `ok: false`, becomes a `TelegramError` carrying the method and payload; a connection lost before
 * the answer is Node's error (ECONNRESET, ECONNREFUSED…), as node-fetch reports it.
 */
import { request as httpRequest, type IncomingMessage, STATUS_CODES } from "node:http";
import { request as httpsRequest } from "node:https";
import { type Telegram, TelegramError } from "telegraf";

/** `Telegram#callApi`'s shape, as the retry wrapper calls it. */
export type CallApi = (
  method: string,
  payload: object,
  options?: { signal?: AbortSignal },
) => Promise<unknown>;

/** The limits every call keeps, whoever calls: an input's cost is bounded. */
export interface CallLimits {
  /** How long a call without its own signal may take (Telegraf's client allows 500 s). */
  timeoutMs: number;
  /** The largest answer read; the Bot API's answers to JSON calls are a few kilobytes. */
  maxAnswerBytes: number;
}
const DEFAULT_LIMITS: CallLimits = { timeoutMs: 60_000, maxAnswerBytes: 4 * 1024 * 1024 };

/**
 * How `telegram` sends a call: JSON payloads straight over HTTP, anything else through the
 * client's own `callApi` as Telegraf built it.
 */
export function directCalls(telegram: Telegram, limits: CallLimits = DEFAULT_LIMITS): CallApi {
  const viaTelegraf = telegram.callApi.bind(telegram) as unknown as CallApi;
  const { options, token } = telegram;
  // Telegraf answers a webhook with the call itself when asked to (the bot never asks); and a
  // client whose `callApi` was replaced (a stand-in for the API) keeps what replaced it.
  if (options.webhookReply || Object.hasOwn(telegram, "callApi")) return viaTelegraf;
  const base = methodsUrl(options.apiRoot, `${options.apiMode}${token}${options.testEnv ? "/test" : ""}`);
  const post = base.startsWith("https:") ? httpsRequest : httpRequest;
  return async (method, payload, callOptions) => {
    // Polling keeps Telegraf's client: its loop has its own timeouts and retries.
    if (method === "getUpdates" || carriesFiles(payload)) return viaTelegraf(method, payload, callOptions);
    const body = JSON.stringify(payload, withoutNulls);
    // (Every caller passes its own time limit today; one that doesn't still gets one.)
    const signal = callOptions?.signal ?? AbortSignal.timeout(limits.timeoutMs);
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      // Telegraf's agent when it keeps one (https), else Node's global one: both keep connections
      // alive. The signal (the retry's time limit, or the caller's) ends the call.
      const req = post(base + method, { method: "POST", headers, agent: options.agent, signal }, resolve);
      req.on("error", reject).end(body);
    });
    const status = res.statusCode ?? 0;
    const text = await readText(res, limits.maxAnswerBytes).catch((err: unknown) => {
      throw answerLost(err, signal);
    });
    const answer = parseAnswer(text);
    // Telegraf's client answers a 5xx by its status; so is any answer that is not the API's JSON
    // (a proxy's page: "404 Not Found" at start-up says the root is no Bot API server).
    if (status >= 500 || (!answer && status >= 400)) {
      throw new TelegramError(
        { error_code: status, description: STATUS_CODES[status] ?? "" },
        { method, payload },
      );
    }
    if (!answer) throw notBotApi(status);
    // (Its status stands for a code and description the answer lacks: a proxy's own JSON error.)
    const refusal = { error_code: status, description: STATUS_CODES[status] ?? "", ...answer };
    if (answer.ok !== true)
      throw new TelegramError(refusal as TelegramError["response"], { method, payload });
    return answer.result;
  };
}

/**
 * The whole body of an answer, decoded once (a character split between two chunks stays whole);
 * one longer than `max` bytes is given up, its connection closed.
 */
function readText(res: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) res.destroy(tooLong(max));
      else chunks.push(chunk);
    });
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
  });
}

/**
 * An answer cut off after it began: Telegram has carried the call out, so it must not read as a
 * dropped connection, which the retries send again (a reply would reach the person twice). Cut by
 * the call's time limit it is an AbortError, as one cut before the answer is.
 */
function answerLost(err: unknown, signal: AbortSignal | undefined): Error {
  // (One given up for its length says so; it is not sent again either.)
  if (err instanceof Error && err.name === "AnswerTooLongError") return err;
  const lost = new Error(
    signal?.aborted ? "The operation was aborted" : "the answer was cut off after it began",
    { cause: err },
  );
  lost.name = signal?.aborted ? "AbortError" : "AnswerLostError";
  return lost;
}

/** An answer longer than the API's ever are (a proxy's download, a misdirected root). */
function tooLong(max: number): Error {
  return Object.assign(new Error(`the answer is longer than ${max} bytes`), { name: "AnswerTooLongError" });
}

/** A 2xx or 3xx answer that is not the Bot API's JSON (a captive portal, a redirect). */
function notBotApi(status: number): Error {
  return Object.assign(
    new Error(`the server answered ${status} with a body that is not the Bot API's JSON`),
    {
      code: "ERR_NOT_BOT_API",
    },
  );
}

function parseAnswer(text: string): { ok?: unknown; result?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null
      ? (value as { ok?: unknown; result?: unknown })
      : undefined;
  } catch {
    return undefined;
  }
}

/** Sends `telegram`'s calls as {@link directCalls} does, for a client no retry wraps. */
export function installDirectCalls(telegram: Telegram, limits?: CallLimits): Telegram {
  telegram.callApi = directCalls(telegram, limits) as unknown as Telegram["callApi"];
  return telegram;
}

/** Where the API's methods are, resolved as Telegraf resolves it; one URL per root and token. */
let lastBase: { root: string; path: string; url: string } | undefined;
function methodsUrl(root: string, path: string): string {
  // Telegraf builds a client for every update: the same URL, parsed once.
  if (lastBase?.root !== root || lastBase.path !== path) {
    lastBase = { root, path, url: new URL(`./${path}/`, root).href };
  }
  return lastBase.url;
}

/** Telegraf leaves out fields that are null or undefined. */
function withoutNulls(_key: string, value: unknown): unknown {
  return value ?? undefined;
}

/**
 * Whether a payload holds a file to upload (`{ source }` or `{ url }` as an input file, itself or
 * as `media`), which must go as multipart form data: Telegraf's own test, kept in step with it.
 */
function carriesFiles(payload: object): boolean {
  const isFile = (value: unknown): boolean => {
    if (typeof value !== "object" || value === null) return false;
    const { source, url } = value as { source?: unknown; url?: unknown };
    return Boolean(source || url);
  };
  return Object.entries(payload).some(([key, value]) => {
    if (key === "link_preview_options") return false;
    if (Array.isArray(value))
      return value.some((item) => isFile((item as { media?: unknown } | null)?.media));
    return isFile(value) || isFile((value as { media?: unknown } | null)?.media);
  });
}
