import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void> | void;

export interface HttpServerOptions {
  /** Telegraf's webhook callback; it answers 403 itself when the secret token is wrong or missing. */
  webhook?: Handler | undefined;
  /** The body of `GET /healthz`; a `status` other than "ok" answers 503. */
  health: () => Record<string, unknown>;
}

/** How long a stopping server waits for requests in flight before it drops their connections. */
const GRACE_MS = 10_000;
const stopping = new WeakSet<Server>();

/** The bot's HTTP server: `GET /healthz` in every mode, and the webhook when there is one. */
export function createHttpServer(options: HttpServerOptions): Server {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      const body = options.health();
      res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
      return;
    }
    if (stopping.has(server)) {
      // Telegram delivers the update again later, to the next instance.
      res.writeHead(503, { connection: "close" }).end();
      return;
    }
    const notFound = () => {
      if (!res.headersSent) res.writeHead(404).end();
    };
    if (!options.webhook) return notFound();
    Promise.resolve(options.webhook(req, res, () => res.writeHead(403).end())).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return server;
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
 * Stops taking requests (new ones, also on kept-alive connections, get 503) and waits for those
 * in flight; after a grace period the remaining connections are dropped.
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
