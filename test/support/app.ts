import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnswerEngine, Reply } from "../../src/answer/engine.ts";
import { loadEngine } from "../../src/answer/load.ts";
import { type App, type AppOptions, startApp } from "../../src/app.ts";
import type { Config } from "../../src/config.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { COMPANION_FILES } from "../../src/knowledge/load.ts";
import { silentLogger } from "../../src/logger.ts";
import { FakeBotApi, type FakeBotApiOptions } from "./fake-bot-api.ts";

export const TEST_TOKEN = "123456789:AAtestTOKENtestTOKENtestTOKENtest12";

let shared: Promise<AnswerEngine> | undefined;
/** The engine over the real knowledge file, built once per test file. */
export function testEngine(): Promise<AnswerEngine> {
  shared ??= loadEngine(undefined, { t: translator(createI18n()) });
  return shared;
}

/**
 * A copy of the knowledge folder (facts, lexicon, regions) in `dir`, the facts optionally edited;
 * returns the knowledge file's path.
 */
/** The reply to `question` as the bot would give it right after `history` in one chat. */
export async function askAfter(question: string, history: readonly string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

export function copyKnowledge(dir: string, edit: (yaml: string) => string = (yaml) => yaml): string {
  for (const companion of Object.values(COMPANION_FILES))
    copyFileSync(join("knowledge", companion), join(dir, companion));
  const file = join(dir, "programme.yaml");
  writeFileSync(file, edit(readFileSync("knowledge/programme.yaml", "utf8")));
  return file;
}

/** A fresh temporary folder for a test's SQLite file. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "tanya-ikm-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(fake: FakeBotApi, dir: string, overrides: Partial<Config> = {}): Config {
  return {
    botToken: TEST_TOKEN,
    telegramApiRoot: fake.apiRoot,
    databasePath: join(dir, "bot.sqlite"),
    adminIds: [],
    staffChatId: undefined,
    webhook: undefined,
    port: undefined,
    logLevel: "silent",
    knowledgePath: "knowledge/programme.yaml",
    timezone: "Asia/Jakarta",
    unansweredRetentionDays: 90,
    ...overrides,
  };
}

/**
 * A running bot against a fake Bot API, over HTTP, with a real SQLite file; retries wait no real
 * time. `restart()` stops the bot and starts a new one on the same database. `options` go to
 * `startApp` as they are (an injected clock for the announcement worker, …), `fakeOptions` to the
 * fake (Telegram's rate limits, …).
 */
export async function setup(
  overrides: Partial<Config> = {},
  options: Partial<AppOptions> = {},
  fakeOptions: FakeBotApiOptions = {},
) {
  const fake = await FakeBotApi.start(fakeOptions);
  const { dir, cleanup } = tempDir();
  const engine = await testEngine();
  const sleeps: number[] = [];
  const config = testConfig(fake, dir, overrides);
  const launch = () =>
    startApp(config, {
      logger: silentLogger,
      engine,
      host: "127.0.0.1",
      retry: {
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
      ...options,
    });
  let app: App = await launch();
  return {
    fake,
    engine,
    sleeps,
    config,
    get app() {
      return app;
    },
    async restart() {
      await app.stop("restart");
      app = await launch();
    },
    async close() {
      await app.stop("test over");
      await fake.close();
      cleanup();
    },
  };
}
