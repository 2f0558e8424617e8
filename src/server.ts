import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void> | void;

export interface HttpServerOptions {
  /** Telegraf's webhook callback; it answers 403 itself when the secret token is wrong or missing. */
  webhook?: Handler | undefined;
  /** The body of `GET /healthz`. */
  health: () => Record<string, unknown>;
}

/** The bot's HTTP server: `GET /healthz` in every mode, and the webhook when there is one. */
export function createHttpServer(options: HttpServerOptions): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(options.health()));
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

/** Stops taking connections and waits for the open ones to finish. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
