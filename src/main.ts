import "dotenv/config";
import { startApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { createLogger, redactToken } from "./logger";

// Configuration → knowledge → storage → bot → launch; a graceful stop on SIGINT/SIGTERM.
try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { token: config.botToken });
  const app = await startApp(config, { logger }).catch((err: unknown) => {
    logger.fatal({ err }, "could not start");
    process.exit(1);
  });
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
