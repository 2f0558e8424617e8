import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_MESSAGES, ConfigError, ENV_VARS, loadConfig } from "../src/config.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

/** Loads a config from a valid environment with `overrides` applied. */
function setup(overrides: Record<string, string | undefined> = {}) {
  return loadConfig({ BOT_TOKEN: TOKEN, ...overrides });
}

/** The `ConfigError` that loading `overrides` throws. */
function failure(overrides: Record<string, string | undefined>): ConfigError {
  try {
    setup(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected loadConfig to fail");
}

describe("a minimal .env with only the token", () => {
  it("fills every default", () => {
    expect(setup()).toEqual({
      botToken: TOKEN,
      telegramApiRoot: "https://api.telegram.org",
      databasePath: "./data/bot.sqlite",
      adminIds: [],
      staffChatId: undefined,
      webhook: undefined,
      port: undefined,
      logLevel: "info",
      knowledgePath: "knowledge/programme.yaml",
      timezone: "Asia/Jakarta",
      unansweredRetentionDays: 90,
    });
  });

  it("treats variables left empty, as copied from .env.example, as unset", () => {
    const empty = Object.fromEntries(ENV_VARS.map((v) => [v.name, ""]));
    expect(setup({ ...empty, BOT_TOKEN: TOKEN })).toEqual(setup());
  });
});

describe("a missing token", () => {
  it("with no .env file, says the file is missing and how to make it", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({}, { envFileMissing: "/srv/bot/.env" });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.problems).toEqual([CONFIG_MESSAGES.envFileMissing("/srv/bot/.env")]);
    expect(error?.message).toContain("There is no /srv/bot/.env and BOT_TOKEN is not set");
    expect(error?.message).toContain("cp .env.example .env");
  });

  it.each([undefined, "", "   "])("says how to get one from @BotFather (BOT_TOKEN=%j)", (value) => {
    const error = failure({ BOT_TOKEN: value });
    expect(error.problems).toEqual([CONFIG_MESSAGES.tokenMissing]);
    expect(error.message).toContain("@BotFather");
    expect(error.message).toContain("/newbot");
    expect(error.message).toContain("BOT_TOKEN=");
  });

  it("gives a message free of stack frames and schema dumps", () => {
    const { message } = failure({ BOT_TOKEN: undefined });
    expect(message).not.toMatch(/\bat \S+ \(|invalid_type|"code"|\{/);
    expect(message.split("\n")).toHaveLength(2);
  });
});

describe("a malformed token", () => {
  it.each([
    "not-a-token",
    "123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
    "123456789:short",
    '"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"',
    "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL saw",
  ])("is reported without echoing it (%s)", (value) => {
    const error = failure({ BOT_TOKEN: value });
    expect(error.problems).toEqual([CONFIG_MESSAGES.tokenMalformed]);
    expect(error.message).not.toContain(value);
    expect(error.message).not.toContain("AAHdqTcv");
  });

  it("accepts a token with surrounding whitespace, trimmed", () => {
    expect(setup({ BOT_TOKEN: ` ${TOKEN}\n` }).botToken).toBe(TOKEN);
  });
});

describe("admin ids", () => {
  it.each([
    ["123", [123]],
    ["1,2,3", [1, 2, 3]],
    [" 1, 2  3 ,", [1, 2, 3]],
    ["5 5", [5]],
    ["1\n2", [1, 2]],
  ])("parses %j", (value, expected) => {
    expect(setup({ ADMIN_IDS: value }).adminIds).toEqual(expected);
  });

  it("names each bad entry", () => {
    const error = failure({ ADMIN_IDS: "123, abc, -4, 9.5, 0" });
    expect(error.problems).toEqual([
      CONFIG_MESSAGES.adminIdInvalid("abc"),
      CONFIG_MESSAGES.adminIdInvalid("-4"),
      CONFIG_MESSAGES.adminIdInvalid("9.5"),
      CONFIG_MESSAGES.adminIdInvalid("0"),
    ]);
    expect(error.message).toContain('"abc"');
  });

  it("rejects ids beyond the safe integer range", () => {
    expect(failure({ ADMIN_IDS: "99999999999999999999" }).problems).toHaveLength(1);
  });
});

describe("webhook mode", () => {
  it("needs a secret when WEBHOOK_URL is set", () => {
    const error = failure({ WEBHOOK_URL: "https://bot.example.org/telegram" });
    expect(error.problems).toEqual([CONFIG_MESSAGES.webhookSecretMissing]);
  });

  it("reports the missing secret together with other problems", () => {
    const error = failure({ WEBHOOK_URL: "https://bot.example.org/telegram", PORT: "0" });
    expect(error.problems).toEqual([CONFIG_MESSAGES.portInvalid, CONFIG_MESSAGES.webhookSecretMissing]);
  });

  it("is on with a URL, a secret and a port", () => {
    const config = setup({
      WEBHOOK_URL: "https://bot.example.org/tg",
      WEBHOOK_SECRET: "s3cr3t_-X",
      PORT: "8443",
    });
    expect(config.webhook).toEqual({ url: "https://bot.example.org/tg", secret: "s3cr3t_-X" });
    expect(config.port).toBe(8443);
  });

  it("is off with an empty WEBHOOK_URL", () => {
    expect(setup({ WEBHOOK_URL: "", WEBHOOK_SECRET: "abc" }).webhook).toBeUndefined();
  });

  it("rejects a plain-http URL", () => {
    const error = failure({ WEBHOOK_URL: "http://bot.example.org", WEBHOOK_SECRET: "abc" });
    expect(error.problems).toEqual([CONFIG_MESSAGES.webhookUrlInvalid]);
  });

  it.each(["has space", "a".repeat(257), "emoji✓"])("rejects the secret %j without echoing it", (secret) => {
    const error = failure({ WEBHOOK_URL: "https://bot.example.org", WEBHOOK_SECRET: secret });
    expect(error.problems).toEqual([CONFIG_MESSAGES.webhookSecretInvalid]);
    expect(error.message).not.toContain(secret);
  });

  it.each(["0", "65536", "80.5", "http"])("rejects PORT=%s", (port) => {
    expect(failure({ PORT: port }).problems).toEqual([CONFIG_MESSAGES.portInvalid]);
  });
});

describe("the Bot API root", () => {
  it.each([
    ["http://localhost:8081", "http://localhost:8081"],
    ["http://127.0.0.1:9000/", "http://127.0.0.1:9000"],
    ["https://api.telegram.org", "https://api.telegram.org"],
  ])("accepts the origin %s", (value, expected) => {
    expect(setup({ TELEGRAM_API_ROOT: value }).telegramApiRoot).toBe(expected);
  });

  it.each(["localhost:8081", "ftp://example.org", "http://localhost:8081/prefix", "not a url"])(
    "rejects %s",
    (value) => {
      expect(failure({ TELEGRAM_API_ROOT: value }).problems).toEqual([CONFIG_MESSAGES.apiRootInvalid]);
    },
  );
});

describe("other settings", () => {
  it("reads every variable", () => {
    const config = setup({
      DATABASE_PATH: "/var/lib/tanya/bot.sqlite",
      LOG_LEVEL: "DEBUG",
      KNOWLEDGE_PATH: "knowledge/other.yaml",
      TIMEZONE: "Asia/Makassar",
      UNANSWERED_RETENTION_DAYS: "30",
    });
    expect(config).toMatchObject({
      databasePath: "/var/lib/tanya/bot.sqlite",
      logLevel: "debug",
      knowledgePath: "knowledge/other.yaml",
      timezone: "Asia/Makassar",
      unansweredRetentionDays: 30,
    });
  });

  it("lists every problem at once", () => {
    const error = failure({ LOG_LEVEL: "loud", TIMEZONE: "Asia/Atlantis", UNANSWERED_RETENTION_DAYS: "0" });
    expect(error.problems).toEqual([
      CONFIG_MESSAGES.logLevelInvalid,
      CONFIG_MESSAGES.timezoneInvalid("Asia/Atlantis"),
      CONFIG_MESSAGES.retentionInvalid,
    ]);
    expect(error.message).toMatch(/^Configuration problems/);
  });

  it.each(["-1", "1.5", "ninety"])("rejects UNANSWERED_RETENTION_DAYS=%s", (days) => {
    expect(failure({ UNANSWERED_RETENTION_DAYS: days }).problems).toEqual([CONFIG_MESSAGES.retentionInvalid]);
  });
});

describe("STAFF_CHAT_ID", () => {
  it("reads a group's id", () => {
    expect(setup({ STAFF_CHAT_ID: "-1001234567890" }).staffChatId).toBe(-1001234567890);
    expect(setup({ STAFF_CHAT_ID: " -42 " }).staffChatId).toBe(-42);
  });

  it.each(["1001234567890", "staff", "-12.5", "-99999999999999999999"])(
    "refuses %j, saying how to find the group's id",
    (value) => {
      const error = failure({ STAFF_CHAT_ID: value });
      expect(error.problems).toEqual([CONFIG_MESSAGES.staffChatIdInvalid(value)]);
      expect(error.message).toContain("added to a group");
    },
  );
});

describe("the documented variables", () => {
  it("are each listed in .env.example", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]);
    expect(listed).toEqual(ENV_VARS.map((v) => v.name));
  });

  it("have defaults that loadConfig really uses", () => {
    const config = setup();
    const byName = Object.fromEntries(ENV_VARS.map((v) => [v.name, v.default]));
    expect(config.telegramApiRoot).toBe(byName.TELEGRAM_API_ROOT);
    expect(config.databasePath).toBe(byName.DATABASE_PATH);
    expect(config.logLevel).toBe(byName.LOG_LEVEL);
    expect(config.knowledgePath).toBe(byName.KNOWLEDGE_PATH);
    expect(config.timezone).toBe(byName.TIMEZONE);
    expect(String(config.unansweredRetentionDays)).toBe(byName.UNANSWERED_RETENTION_DAYS);
  });
});
