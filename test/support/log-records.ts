import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.ts";

/** One JSON log line, parsed. */
export type LogRecord = Record<string, unknown> & { level: number; msg: string };

/** Pino's numbers for the levels tests look for. */
export const LEVEL = Object.freeze({ debug: 20, info: 30, warn: 40, error: 50 });

/** A real logger (the bot's own, token redaction and all) whose lines the test reads back. */
export function recordingLogger(level: "debug" | "info" = "info"): {
  logger: Logger;
  records: () => LogRecord[];
} {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  const logger = createLogger(level, { destination });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as LogRecord) };
}
