import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** What `GET /healthz` answers; a `status` other than "ok" answers 503. */
export type Health = { status: string } & Record<string, unknown>;

/** Telegram's webhook, as the server receives it. */
export interface WebhookRoute {
  /** The path of `WEBHOOK_URL`, e.g. "/telegram/hook". */
  path: string;
  /** The `secret_token` given to `setWebhook`: requests without it get 403. */
  secret: string;
  /**
   * Takes a parsed update (a JSON object); resolves once Telegram may be told it was received.
   * A rejection answers 500, so Telegram delivers the update again later.
   */
  accept(update: Record<string, unknown>): Promise<void> | void;
}

/** Limits on what a webhook request may cost. */
export interface BodyLimits {
  /** Largest body read, in bytes; a larger one is answered 413 unread. Default 1 MiB. */
  maxBytes?: number;
  /** Time to receive a whole body, in ms; a slower one is answered 408. Default 10 s. */
  timeoutMs?: number;
}

export interface HttpServerOptions {
  health: () => Health;
  webhook?: WebhookRoute | undefined;
  limits?: BodyLimits;
}

/** Telegram's updates are a few kilobytes at most; a megabyte is far more than any of them. */
const DEFAULT_LIMITS = Object.freeze({ maxBytes: 1024 * 1024, timeoutMs: 10_000 });
/** How long a stopping server waits for requests in flight before it drops their connections. */
const GRACE_MS = 10_000;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const stopping = new WeakSet<Server>();

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
/** One path the server knows: its handler for each method (a Map: the method is the client's word). */
type Route = ReadonlyMap<string, Handler>;

/**
 * The bot's HTTP server: `GET`/`HEAD /healthz` in every mode, and `POST` to the webhook path when
 * there is one. Other paths answer 404, other methods 405.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const routes = new Map<string, Route>([["/healthz", healthRoute(options.health)]]);
  if (options.webhook) routes.set(options.webhook.path, webhookRoute(options.webhook, options.limits));
  const server: Server = createServer((req, res) => {
    const route = routes.get((req.url ?? "/").split("?")[0] ?? "/");
    if (!route) return finish(req, res, 404);
    const handler = route.get(req.method ?? "");
    if (!handler) return finish(req, res, 405, { allow: [...route.keys()].join(", ") });
    Promise.resolve(handler(req, res)).catch(() => finish(req, res, 500));
  });
  // Backstops for clients that send their headers or body slowly (Node answers 408 itself).
  server.headersTimeout = 10_000;
  server.requestTimeout = (options.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs) + 5_000;
  return server;

  function healthRoute(health: () => Health): Route {
    const answer: Handler = (req, res) => {
      const now = health();
      const body = JSON.stringify(now);
      res.writeHead(now.status === "ok" ? 200 : 503, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      // HEAD: the same status and headers, no body (monitors that check with HEAD see the truth).
      res.end(req.method === "HEAD" ? undefined : body);
    };
    return new Map([
      ["GET", answer],
      ["HEAD", answer],
    ]);
  }

  function webhookRoute(webhook: WebhookRoute, limits: BodyLimits = {}): Route {
    const { maxBytes, timeoutMs } = { ...DEFAULT_LIMITS, ...limits };
    const secret = digest(webhook.secret);
    const post: Handler = async (req, res) => {
      // Checked before the body is read: a request without the secret costs nothing.
      const given = req.headers[SECRET_HEADER];
      if (typeof given !== "string" || !timingSafeEqual(digest(given), secret)) return finish(req, res, 403);
      // Telegram delivers the update again later, to the next instance.
      if (stopping.has(server)) return finish(req, res, 503);
      const body = await readBody(req, maxBytes, timeoutMs);
      if (typeof body === "number") return finish(req, res, body);
      const update = parseUpdate(body);
      if (!update) return finish(req, res, 400);
      await webhook.accept(update);
      finish(req, res, 200);
    };
    return new Map([["POST", post]]);
  }
}

/** Equal-length digests, so comparing them takes the same time whatever the guess. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * The request body as one Buffer, or the status to answer instead: 413 when it is larger than
 * `maxBytes` (said by its Content-Length or found while reading), 408 when it does not arrive
 * within `timeoutMs`, 400 when the client gave up half way.
 */
function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer | number> {
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) return Promise.resolve(413);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | number) => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return done(413);
      chunks.push(chunk);
    };
    // Decoded once, whole: a character split across two TCP segments stays one character.
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onError = () => done(400);
    const timer = setTimeout(() => done(408), timeoutMs);
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onError);
  });
}

// Half of a surrogate pair without its other half: JSON can carry one ("\\ud800"), UTF-8 cannot.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// The only way a body can hold one: an escape of a surrogate.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/**
 * The update in a webhook body: a JSON object with a numeric `update_id`, else `undefined`.
 * Telegram never sends a lone surrogate; one in a forged update becomes U+FFFD here, so that no
 * text the bot echoes back is refused by Telegram.
 */
export function parseUpdate(body: Buffer): Record<string, unknown> | undefined {
  const json = body.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const update = value as Record<string, unknown>;
  if (!Number.isSafeInteger(update.update_id)) return undefined;
  if (SURROGATE_ESCAPE.test(json)) mendStrings(update);
  return update;
}

/** Replaces lone surrogates in every string of a parsed JSON value, in place. */
function mendStrings(root: object): void {
  const pending: object[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === "string") record[key] = value.replace(LONE_SURROGATE, "\ufffd");
      else if (typeof value === "object" && value !== null) pending.push(value);
    }
  }
}

/**
 * Answers `status` with an empty body. When the request body was not read to its end (refused
 * before reading, or cut off), the connection is closed after the answer rather than reused, and
 * the rest of the body is discarded as it comes, never stored.
 */
function finish(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) return;
  const unread = !req.readableEnded;
  res.writeHead(status, { "content-length": 0, ...headers, ...(unread ? { connection: "close" } : {}) });
  res.end();
  if (unread) req.resume();
}

/** Starts listening; resolves with the port (useful when `port` is 0). */
export async function listen(server: Server, port: number, host = "0.0.0.0"): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === "object" && address ? address.port : port;
}

/**
 * Stops taking requests (new webhook requests, also on kept-alive connections, get 503) and waits
 * for those in flight; after a grace period the remaining connections are dropped.
 */
export function close(server: Server, graceMs = GRACE_MS): Promise<void> {
  stopping.add(server);
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
