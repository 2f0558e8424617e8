import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";

export type { Logger } from "pino";

export interface LoggerOptions {
  /** The bot token; every occurrence in a log line is replaced, wherever it appears. */
  token?: string;
  /** Where JSON lines go; stdout when omitted. Tests pass a stream they read back. */
  destination?: DestinationStream;
}

export const REDACTED = "[REDACTED]";

// Catch tokens we were not told about too: in Bot API URLs (`/bot123:ABC/sendMessage`) and bare.
const BOT_URL_TOKEN = /bot\d+:[A-Za-z0-9_-]+/g;
const BARE_TOKEN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Replaces the bot token, and anything shaped like one, in an already serialized log line. */
export function redactToken(line: string, token?: string): string {
  // split/join rather than a RegExp built from the token: no escaping to get wrong.
  const withoutToken = token ? line.split(token).join(REDACTED) : line;
  return withoutToken.replace(BOT_URL_TOKEN, `bot${REDACTED}`).replace(BARE_TOKEN, REDACTED);
}

/**
 * A JSON logger that never writes the bot token.
 *
 * Redaction runs on the finished line (pino's `streamWrite` hook), so it covers messages, object
 * fields, error messages and stacks, and child loggers alike. The token's characters need no JSON
 * escaping, so it appears verbatim in the line whenever it was logged.
 */
export function createLogger(level: LevelWithSilent, options: LoggerOptions = {}): Logger {
  const { token, destination } = options;
  const settings = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    hooks: { streamWrite: (line: string) => redactToken(line, token) },
  };
  return destination ? pino(settings, destination) : pino(settings);
}

/**
 * Errors as pino writes them, less the request Telegraf attaches to its errors (`on.payload`:
 * the text of a message, a user's chat id), which has no place in logs.
 */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as Record<string, unknown>;
  const on = serialized.on as { method?: unknown } | undefined;
  if (on && typeof on === "object") serialized.on = { method: on.method };
  return serialized;
}

/**
 * Where logs go on a terminal: one readable, coloured line each (pino-pretty), instead of JSON.
 * Loaded only when a terminal is there; a service's logs stay JSON for the machines that read them.
 */
export async function terminalDestination(
  output: NodeJS.WritableStream = process.stdout,
): Promise<DestinationStream> {
  const { default: pretty } = await import("pino-pretty");
  const colour = output === process.stdout && process.stdout.isTTY;
  return pretty({
    sync: true,
    colorize: colour,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname",
    destination: output,
  });
}

/** A logger that writes nothing, for tests and tools. */
export const silentLogger: Logger = pino({ level: "silent" });
