import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED, redactToken, silentLogger, terminalDestination } from "../src/logger.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

/** A logger writing into an array of parsed JSON lines. */
function setup(options: { token?: string; level?: "info" | "silent" } = { token: TOKEN }) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  const logger = createLogger(options.level ?? "info", { token: options.token, destination });
  const output = () => lines.join("\n");
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, output, records };
}

describe("logging with the bot token around", () => {
  it("leaves out the request Telegraf attaches to its errors (message text, chat ids)", async () => {
    const { logger, output, records } = setup();
    const { TelegramError } = await import("telegraf");
    const error = new TelegramError(
      { error_code: 400, description: "Bad Request: chat not found" },
      { method: "sendMessage", payload: { chat_id: 987654321, text: "pesan pribadi seseorang" } },
    );
    logger.error({ err: error }, "send failed");
    expect(output()).not.toContain("987654321");
    expect(output()).not.toContain("pesan pribadi");
    expect(records()[0]?.err).toMatchObject({ on: { method: "sendMessage" } });
  });

  it("redacts the token in a message", () => {
    const { logger, output, records } = setup();
    logger.info(`starting with token ${TOKEN}`);
    expect(output()).not.toContain(TOKEN);
    expect(records()[0]?.msg).toBe(`starting with token ${REDACTED}`);
  });

  it("redacts the token in an error's message and stack", () => {
    const { logger, output, records } = setup();
    const error = new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed`);
    logger.error({ err: error }, "polling failed");
    expect(output()).not.toContain(TOKEN);
    expect(output()).not.toContain("AAHdqTcv");
    const err = records()[0]?.err as { message: string; stack: string };
    expect(err.message).toBe(`request to https://api.telegram.org/bot${REDACTED}/getUpdates failed`);
    expect(err.stack).toContain(`bot${REDACTED}/getUpdates`);
  });

  it("redacts the token in object fields, nested or not", () => {
    const { logger, output } = setup();
    logger.info({ token: TOKEN, request: { url: `/bot${TOKEN}/sendMessage`, tokens: [TOKEN] } }, "call");
    expect(output()).not.toContain(TOKEN);
    expect(output()).toContain(`/bot${REDACTED}/sendMessage`);
  });

  it("redacts in child loggers too", () => {
    const { logger, output } = setup();
    logger.child({ botToken: TOKEN }).warn("child");
    expect(output()).not.toContain(TOKEN);
  });

  it("keeps every line valid JSON", () => {
    const { logger, records } = setup();
    logger.info({ a: TOKEN }, TOKEN);
    expect(records()).toHaveLength(1);
  });
});

describe("logging a token it was not told about", () => {
  const other = "987654321:ZZZqTcvCH1vGWJxfSeofSAs0K5PALDsZZZ";

  it("redacts Bot API URLs and bare tokens", () => {
    const { logger, output } = setup({});
    logger.info({ url: `https://api.telegram.org/bot${other}/getMe` }, `bare ${other}`);
    expect(output()).not.toContain("ZZZqTcv");
  });

  it("leaves ordinary text alone", () => {
    expect(redactToken("at 12:30, user 123456 asked about bot:help", TOKEN)).toBe(
      "at 12:30, user 123456 asked about bot:help",
    );
  });
});

describe("a silent logger", () => {
  it("writes nothing", () => {
    const { logger, output } = setup({ token: TOKEN, level: "silent" });
    logger.error("nobody hears this");
    silentLogger.error("nor this");
    expect(output()).toBe("");
  });
});

describe("logs on a terminal", () => {
  it("are one readable line each, not JSON, and still without the token", async () => {
    const lines: string[] = [];
    const output = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        callback();
      },
    });
    const logger = createLogger("info", { token: TOKEN, destination: await terminalDestination(output) });
    logger.info({ mode: "polling" }, `Tanya IKM is running with ${TOKEN}`);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Tanya IKM is running with \[REDACTED\]$/);
    expect(lines.join("\n")).toContain('mode: "polling"');
    expect(lines.join("\n")).not.toContain(TOKEN);
  });
});
