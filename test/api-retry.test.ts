import { Readable } from "node:stream";
import { Telegraf, TelegramError } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import {
  installBotRetry,
  installRetry,
  isForbidden,
  migratedTo,
  type RetryInfo,
  type RetryOptions,
  redactToken,
  retryAfter,
} from "../src/telegram/api-retry.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";
import { pollingBots } from "./support/polling.ts";

const TOKEN = "123456:SECRET-token";

let fake: FakeBotApi | undefined;
const bots = pollingBots();

/** A fake, a bot pointed at it with retry installed, and the waits and retries it asked for. */
async function setup(options: RetryOptions = {}, token = TOKEN) {
  fake = await FakeBotApi.start({ maxPollTimeoutSec: 0.2 });
  // As the bot builds its clients (client.ts): no webhook replies, so calls go by its own transport.
  const bot = new Telegraf(token, { telegram: { apiRoot: fake.apiRoot, webhookReply: false } });
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  installRetry(bot.telegram, {
    jitter: 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRetry: (info) => retries.push(info),
    ...options,
  });
  return { fake, bot, sleeps, retries };
}

afterEach(async () => {
  await bots.stopAll();
  await fake?.close();
  fake = undefined;
});

describe("transient failures are retried until delivered", () => {
  it("waits retry_after seconds on 429, then delivers once", async () => {
    const { fake, bot, sleeps, retries } = await setup();
    fake.fail("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });

    await expect(bot.telegram.sendMessage(1, "halo")).resolves.toMatchObject({ text: "halo" });

    expect(fake.calls("sendMessage")).toHaveLength(2);
    expect(fake.delivered("sendMessage")).toHaveLength(1);
    expect(sleeps).toEqual([1000]);
    expect(retries).toEqual([
      { method: "sendMessage", attempt: 1, delayMs: 1000, reason: "429: Too Many Requests: retry after 1" },
    ]);
  });

  it("backs off exponentially on 5xx", async () => {
    const { fake, bot, sleeps } = await setup();
    fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, { times: 2 });

    await bot.telegram.sendMessage(1, "halo");

    expect(fake.calls("sendMessage")).toHaveLength(3);
    expect(fake.delivered("sendMessage")).toHaveLength(1);
    expect(sleeps).toEqual([300, 600]);
  });

  it("retries a dropped connection", async () => {
    const { fake, bot, retries } = await setup();
    fake.dropConnection("sendMessage");

    await bot.telegram.sendMessage(1, "halo");

    expect(fake.calls("sendMessage").map((c) => c.dropped ?? false)).toEqual([true, false]);
    expect(retries[0]?.reason).toContain("socket hang up");
  });

  it("retries a dropped connection of an upload (sent by Telegraf's own client)", async () => {
    const { fake, bot, retries } = await setup();
    fake.dropConnection("sendPhoto");

    await bot.telegram.sendPhoto(1, { source: Buffer.from("png"), filename: "a.png" });

    expect(fake.calls("sendPhoto").map((c) => c.dropped ?? false)).toEqual([true, false]);
    expect(retries[0]?.reason).toContain("socket hang up");
  });

  it("retries uploads given as a Buffer", async () => {
    const { fake, bot } = await setup();
    fake.fail("sendPhoto", { error_code: 500, description: "Internal Server Error" });

    await bot.telegram.sendPhoto(1, { source: Buffer.from("png"), filename: "a.png" });

    expect(fake.delivered("sendPhoto")[0]?.params.photo).toMatchObject({ filename: "a.png", size: 3 });
  });

  it("adds a little jitter to the backoff", async () => {
    const { fake, bot, sleeps } = await setup({ jitter: 0.1 });
    fake.fail("sendMessage", { error_code: 503, description: "Service Unavailable" }, { times: 3 });

    await bot.telegram.sendMessage(1, "halo");

    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(300 * 2 ** i);
      expect(ms).toBeLessThanOrEqual(330 * 2 ** i);
    });
  });
});

describe("an answer held by the network", () => {
  // Telegraf itself waits 500 s: the bot would stay silent for minutes.
  it("is given up after the request time limit, not Telegraf's 500 s", async () => {
    const { fake, bot } = await setup({ requestTimeoutMs: 200, maxRetries: 0 });
    fake.hang("sendMessage");
    const started = Date.now();
    await expect(bot.telegram.sendMessage(1, "hello")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("gives up each of many calls held at once, warns of nothing, and gives a later call its own limit", async () => {
    const { fake, bot } = await setup({ requestTimeoutMs: 200, maxRetries: 0 });
    fake.hang("sendMessage", { times: 30 });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      const held = Array.from({ length: 30 }, (_, i) => bot.telegram.sendMessage(1, `hello ${i}`));
      const outcomes = await Promise.allSettled(held);
      expect(outcomes.map((o) => o.status)).toEqual(Array(30).fill("rejected"));
      // The limit shared by the calls above has passed: a call begun now is not cut short by it.
      await expect(bot.telegram.sendMessage(1, "hello again")).resolves.toMatchObject({
        text: "hello again",
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("retries are bounded", () => {
  it("gives up after maxRetries 5xx and rethrows the last error", async () => {
    const { fake, bot, sleeps } = await setup({ maxRetries: 2 });
    fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, { times: 10 });

    await expect(bot.telegram.sendMessage(1, "halo")).rejects.toMatchObject({ code: 502 });
    expect(fake.calls("sendMessage")).toHaveLength(3);
    expect(sleeps).toEqual([300, 600]);
  });

  it("rethrows a 429 whose retry_after exceeds maxRetryAfterSec without waiting", async () => {
    const { fake, bot, sleeps } = await setup({ maxRetryAfterSec: 60 });
    fake.fail("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 120",
      parameters: { retry_after: 120 },
    });

    const err = await bot.telegram.sendMessage(1, "halo").catch((e: unknown) => e);
    expect(retryAfter(err)).toBe(120);
    expect(sleeps).toEqual([]);
  });

  it("stops after maxRateLimitRetries flood waits", async () => {
    const { fake, bot, sleeps } = await setup({ maxRateLimitRetries: 2 });
    const flood = {
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      parameters: { retry_after: 2 },
    };
    fake.fail("sendMessage", flood, { times: 10 });

    await expect(bot.telegram.sendMessage(1, "halo")).rejects.toMatchObject({ code: 429 });
    expect(sleeps).toEqual([2000, 2000]);
  });

  it("does not retry a streamed upload, which cannot be sent twice", async () => {
    const { fake, bot } = await setup();
    fake.fail("sendDocument", { error_code: 502, description: "Bad Gateway" });

    const upload = bot.telegram.sendDocument(1, { source: Readable.from(["x"]), filename: "x.txt" });

    await expect(upload).rejects.toMatchObject({ code: 502 });
    expect(fake.calls("sendDocument")).toHaveLength(1);
  });

  it("leaves getUpdates to Telegraf's polling loop", async () => {
    const { fake, bot, sleeps } = await setup();
    fake.fail("getUpdates", { error_code: 502, description: "Bad Gateway" });

    await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).rejects.toMatchObject({ code: 502 });
    expect(fake.polls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("wraps an instance only once", async () => {
    const { fake, bot, sleeps } = await setup();
    installRetry(bot.telegram, { sleep: async () => {} });
    fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, { times: 10 });

    await expect(bot.telegram.sendMessage(1, "halo")).rejects.toMatchObject({ code: 502 });
    expect(fake.calls("sendMessage")).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
  });
});

describe("client errors are rethrown at once", () => {
  it("403 blocked: isForbidden, no retry", async () => {
    const { fake, bot, sleeps } = await setup();
    fake.fail("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });

    const err = await bot.telegram.sendMessage(1, "halo").catch((e: unknown) => e);

    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({ code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(isForbidden(err)).toBe(true);
    expect(fake.calls("sendMessage")).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("400 migrated group: migratedTo gives the new chat id", async () => {
    const { fake, bot } = await setup();
    fake.fail("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1001234567890 },
    });

    const err = await bot.telegram.sendMessage(-42, "halo").catch((e: unknown) => e);

    expect(migratedTo(err)).toBe(-1001234567890);
    expect(isForbidden(err)).toBe(false);
    expect(fake.calls("sendMessage")).toHaveLength(1);
  });

  it("the helpers answer undefined/false for other errors", () => {
    const plain = new Error("boom");
    const badRequest = new TelegramError({ error_code: 400, description: "Bad Request: chat not found" });
    expect([isForbidden(plain), migratedTo(plain), retryAfter(plain)]).toEqual([false, undefined, undefined]);
    expect([isForbidden(badRequest), migratedTo(badRequest), retryAfter(badRequest)]).toEqual([
      false,
      undefined,
      undefined,
    ]);
  });
});

describe("the token never leaks", () => {
  it("is redacted from a network error after the retries", async () => {
    const { fake, bot, retries } = await setup({ maxRetries: 1 });
    fake.dropConnection("sendMessage", { times: 2 });
    fake.dropConnection("sendPhoto", { times: 2 });

    const sent = (await bot.telegram.sendMessage(1, "halo").catch((e: unknown) => e)) as Error & {
      code?: string;
    };
    const photo = { source: Buffer.from("png"), filename: "a.png" };
    const uploaded = (await bot.telegram.sendPhoto(1, photo).catch((e: unknown) => e)) as Error;

    expect(sent.code).toBe("ECONNRESET");
    // Telegraf's client names the URL, token and all, in its errors.
    expect(uploaded.name).toBe("FetchError");
    expect(uploaded.message).toContain("/bot<redacted>/sendPhoto");
    for (const err of [sent, uploaded]) {
      for (const text of [err.message, err.stack ?? "", ...retries.map((r) => r.reason)]) {
        expect(text).not.toContain("SECRET-token");
      }
    }
  });

  it("is redacted even when Telegraf's own redaction does not recognise it", async () => {
    const token = "not-a-usual-SECRET";
    const { fake, bot } = await setup({ maxRetries: 1 }, token);
    await fake.close(); // nothing listens any more: ECONNREFUSED

    const err = (await bot.telegram.getMe().catch((e: unknown) => e)) as Error & { code?: string };

    expect(err.code).toBe("ECONNREFUSED");
    expect(err.message).not.toContain(token);
    expect(err.stack).not.toContain(token);
  });

  it("redactToken removes the token and any /bot<...>/ path", () => {
    expect(redactToken("GET http://x/bot1:abc/getMe failed (1:abc)", "1:abc")).toBe(
      "GET http://x/bot<redacted>/getMe failed (<redacted>)",
    );
    expect(redactToken("request to https://api.telegram.org/bot1:[REDACTED]/getMe failed")).toBe(
      "request to https://api.telegram.org/bot<redacted>/getMe failed",
    );
  });
});

describe("replies from handlers (ctx.telegram is a fresh instance per update)", () => {
  it("installBotRetry retries ctx.reply after a 429", async () => {
    const { fake, bot } = await setup();
    const sleeps: number[] = [];
    installBotRetry(bot, {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    bot.on("text", (ctx) => ctx.reply("jawaban"));
    fake.fail("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    await bots.launch(bot, fake);

    fake.message({ text: "halo" });
    await fake.waitFor("sendMessage");

    expect(fake.calls("sendMessage").map((c) => c.failed ?? false)).toEqual([true, false]);
    expect(sleeps).toEqual([1000]);
  });
});
