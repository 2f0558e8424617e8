import { resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import type { App } from "./app.ts";
import { loadConfig } from "./config.ts";
import { createLogger, type Logger, redactToken, terminalDestination } from "./logger.ts";
import { explainStartError } from "./start-errors.ts";

/** However the network behaves, a stop ends the process this soon (supervisors kill at ~10 s). */
const STOP_DEADLINE_MS = 8_000;

// Configuration → knowledge → storage → bot → launch; a prompt, graceful stop on SIGINT/SIGTERM.
// A problem a person can fix ends the process with one or two lines saying how (exit code 1).
const dotenv = loadDotenv({ quiet: true });
const envFileMissing = (dotenv.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
let apiRoot = "https://api.telegram.org";
let logger: Logger | undefined;

/** Ends the process over `err`: its plain words when it is a known situation, else a logged bug. */
function fail(err: unknown): never {
  const known = explainStartError(err, { apiRoot });
  if (known) console.error(known.words);
  else if (logger) logger.fatal({ err }, "Tanya IKM stopped on an unexpected error");
  else
    console.error(
      redactToken(err instanceof Error ? (err.stack ?? err.message) : String(err), process.env.BOT_TOKEN),
    );
  process.exit(1);
}

try {
  const config = loadConfig(process.env, envFileMissing ? { envFileMissing: resolve(".env") } : {});
  apiRoot = config.telegramApiRoot;
  logger = createLogger(config.logLevel, {
    token: config.botToken,
    destination: process.stdout.isTTY ? await terminalDestination() : undefined,
  });
  const log = logger;
  // Anything that escapes every handler ends the process, so a supervisor starts a clean one
  // instead of a half-working bot.
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  // Imported once the configuration is known to be right: a mistake in .env is told at once,
  // without loading the whole bot, and a module failing as it loads is told like any start error.
  const { startApp } = await import("./app.ts");
  let app: App | undefined;
  // Polling begins before the start has finished loading: a stop asked for meanwhile waits for it.
  const starting = startApp(config, {
    logger: log,
    // Polling ended for good (token revoked, another instance): say why, and exit.
    onFatal: (err) => void (app?.stop("fatal") ?? Promise.resolve()).finally(() => fail(err)),
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) {
        log.warn({ signal }, "asked again to stop: exiting now");
        process.exit(1);
      }
      stopping = true;
      setTimeout(() => {
        log.error(
          { deadlineMs: STOP_DEADLINE_MS },
          "the stop did not finish in time; exiting with work still in flight",
        );
        process.exit(1);
      }, STOP_DEADLINE_MS).unref();
      starting
        .then((running) => running.stop(signal))
        .then(
          () => process.exit(0),
          (err: unknown) => {
            log.error({ err }, "the stop failed");
            process.exit(1);
          },
        );
    });
  }
  app = await starting;
} catch (err) {
  fail(err);
}
