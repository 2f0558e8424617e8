import "dotenv/config";
import { startApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger, redactToken } from "./logger.ts";

// Configuration → knowledge → storage → bot → launch; a graceful stop on SIGINT/SIGTERM.
try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { token: config.botToken });
  // Anything that escapes every handler is logged (token redacted) and ends the process, so a
  // supervisor starts a clean one instead of a half-working bot.
  const crash = (what: string) => (err: unknown) => {
    logger.fatal({ err }, what);
    process.exit(1);
  };
  process.on("uncaughtException", crash("uncaught exception"));
  process.on("unhandledRejection", crash("unhandled promise rejection"));
  const app = await startApp(config, {
    logger,
    onFatal: (err) => {
      logger.fatal({ err }, "long polling stopped; exiting so the bot can be restarted");
      app.stop("fatal").finally(() => process.exit(1));
    },
  }).catch(crash("could not start"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      app.stop(signal).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (err) {
  const message = err instanceof ConfigError ? err.message : redactToken(String(err), process.env.BOT_TOKEN);
  console.error(message);
  process.exit(1);
}
