import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Telegram, TelegramError } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import { explainStartError } from "../src/start-errors.ts";
import { installRetry } from "../src/telegram/api-retry.ts";
import { type CallApi, directCalls, installDirectCalls } from "../src/telegram/transport.ts";
import { FakeBotApi } from "./support/fake-bot-api.ts";

const TOKEN = "123456:SECRET-token";
let fake: FakeBotApi | undefined;

let server: Server | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A server that answers every call as `answer` does, and counts the calls; a client with retries on it. */
async function answering(answer: (res: ServerResponse) => void) {
  let calls = 0;
  server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on("end", () => answer(res));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const telegram = new Telegram(TOKEN, { apiRoot, webhookReply: false });
  installRetry(telegram, { requestTimeoutMs: 300, sleep: async () => {}, jitter: 0 });
  return { telegram, calls: () => calls };
}

/** A client as the bot builds one (no webhook replies), its calls sent by the bot's transport. */
async function client(): Promise<{ fake: FakeBotApi; telegram: Telegram }> {
  fake = await FakeBotApi.start();
  return {
    fake,
    telegram: installDirectCalls(new Telegram(TOKEN, { apiRoot: fake.apiRoot, webhookReply: false })),
  };
}

describe("calls with a JSON payload", () => {
  it("reach the API as Telegraf would send them, and answer its result", async () => {
    const { fake, telegram } = await client();
    const sent = await telegram.sendMessage(42, "<b>Halo</b>", {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "👍", callback_data: "fb:u:1" }]] },
      // Left out, as Telegraf leaves out empty fields.
      disable_notification: undefined,
      message_thread_id: null as unknown as undefined,
    });

    const [call] = fake.delivered("sendMessage");
    expect(call?.params).toEqual({
      chat_id: 42,
      text: "<b>Halo</b>",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "👍", callback_data: "fb:u:1" }]] },
    });
    expect(sent).toMatchObject({ chat: { id: 42 }, text: "<b>Halo</b>" });
  });

  it("turn Telegram's refusal into a TelegramError naming the method", async () => {
    const { fake, telegram } = await client();
    fake.fail("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });

    const err = await telegram.sendMessage(42, "halo").catch((e: unknown) => e);

    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({ code: 403, description: "Forbidden: bot was blocked by the user" });
    expect((err as TelegramError).on).toMatchObject({ method: "sendMessage", payload: { chat_id: 42 } });
  });

  it("turn a server error into a TelegramError with its status, as Telegraf does", async () => {
    const { fake, telegram } = await client();
    fake.fail("sendMessage", { error_code: 502, description: "whatever the proxy said" });

    await expect(telegram.sendMessage(42, "halo")).rejects.toMatchObject({
      code: 502,
      description: "Bad Gateway",
    });
  });

  it("lose the connection as an error that says so, without the token", async () => {
    const { fake, telegram } = await client();
    fake.dropConnection("sendMessage");

    const err = (await telegram.sendMessage(42, "halo").catch((e: unknown) => e)) as Error & {
      code?: string;
    };

    // Node's error, as node-fetch reports it: the retries know it (api-retry.ts).
    expect(err.code).toBe("ECONNRESET");
    expect(`${err.message} ${err.stack}`).not.toContain("SECRET-token");
  });
});

describe("an answer cut off after it began", () => {
  // Telegram has carried the call out: sent again, a reply would reach the person twice.
  it("by the call's time limit is given up, not sent again", async () => {
    const api = await answering((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"ok":true,"result":');
    });
    const err = (await api.telegram.sendMessage(42, "halo").catch((e: unknown) => e)) as Error;

    expect(err.name).toBe("AbortError");
    expect(api.calls()).toBe(1);
  });

  it("by a dropped connection is not sent again either", async () => {
    const api = await answering((res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": 200 });
      res.write('{"ok":true,"result":');
      setTimeout(() => res.destroy(), 20);
    });
    const err = (await api.telegram.sendMessage(42, "halo").catch((e: unknown) => e)) as Error;

    expect(err.name).toBe("AnswerLostError");
    expect(api.calls()).toBe(1);
  });
});

describe("the limits every call keeps", () => {
  /** A client with small limits, its calls sent by the bot's transport, on a server answering as `answer` does. */
  async function limited(answer: (res: ServerResponse) => void) {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => answer(res));
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const telegram = new Telegram(TOKEN, { apiRoot, webhookReply: false });
    return installDirectCalls(telegram, { timeoutMs: 200, maxAnswerBytes: 64 * 1024 });
  }

  it("a call no caller gave a time limit still ends: a server that never answers is given up", async () => {
    const telegram = await limited(() => {});
    const started = Date.now();
    const err = (await telegram.sendMessage(42, "halo").catch((e: unknown) => e)) as Error;

    expect(err.name).toMatch(/AbortError|TimeoutError/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an answer longer than the API's ever are is given up, its connection closed", async () => {
    let written = 0;
    const telegram = await limited((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"ok":true,"result":"');
      // Streams until the client hangs up: the client must not read it all.
      const chunk = "x".repeat(16 * 1024);
      const more = () => {
        if (res.destroyed || written > 64 * 1024 * 1024) return;
        written += chunk.length;
        if (res.write(chunk)) setImmediate(more);
        else res.once("drain", more);
      };
      more();
    });
    const err = (await telegram.sendMessage(42, "halo").catch((e: unknown) => e)) as Error;

    expect(err.name).toBe("AnswerTooLongError");
    expect(err.message).toContain("65536 bytes");
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });
});

describe("an answer that is not the Bot API's", () => {
  const ctx = { apiRoot: "http://proxy.example" };

  it("a page with an error status is Telegram's error of that status (404: no Bot API there)", async () => {
    const api = await answering((res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<html><body>Not here</body></html>");
    });
    const err = await api.telegram.getMe().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({ code: 404, description: "Not Found" });
    expect(explainStartError(err, ctx)?.words).toContain("answered 404 Not Found");
  });

  it("JSON that is not the API's answer is the error of its status", async () => {
    const api = await answering((res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end('{"error":"blocked by proxy"}');
    });
    const err = await api.telegram.sendMessage(42, "halo").catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 403, description: "Forbidden" });
  });

  it("a page with a success status is said so at start, and not sent again", async () => {
    const api = await answering((res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Welcome to the hotel wifi</body></html>");
    });
    const err = await api.telegram.sendMessage(42, "halo").catch((e: unknown) => e);

    expect(explainStartError(err, ctx)?.words).toContain(
      "Cannot reach the Telegram Bot API at http://proxy.example (the server answered 200 with a body that is not the Bot API's JSON)",
    );
    expect(api.calls()).toBe(1);
  });
});

describe("what keeps Telegraf's own client", () => {
  it("uploads go as multipart form data", async () => {
    const { fake, telegram } = await client();
    await telegram.sendPhoto(
      42,
      { source: Buffer.from("png"), filename: "chart.png" },
      { caption: "Grafik" },
    );

    expect(fake.delivered("sendPhoto")[0]?.params).toMatchObject({
      caption: "Grafik",
      photo: { filename: "chart.png", size: 3 },
    });
  });

  it("a client whose callApi was replaced keeps what replaced it", async () => {
    const telegram = new Telegram(TOKEN, { apiRoot: "http://127.0.0.1:9", webhookReply: false });
    const stand = async (method: string) => ({ stood: method });
    telegram.callApi = stand as unknown as Telegram["callApi"];

    await expect(directCalls(telegram)("getChat", { chat_id: 1 })).resolves.toEqual({ stood: "getChat" });
  });
});

describe("a start that cannot reach the API, told in plain words", () => {
  const ctx = { apiRoot: "https://api.example" };

  it("no answer in time", async () => {
    const { fake, telegram } = await client();
    fake.hang("getMe");
    const call = telegram.callApi as unknown as CallApi;
    const err = await call("getMe", {}, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);

    expect(explainStartError(err, ctx)?.words).toContain(
      "Cannot reach the Telegram Bot API at https://api.example (no answer in time)",
    );
  });

  it("a connection closed before the answer", async () => {
    const { fake, telegram } = await client();
    fake.dropConnection("getMe");
    const err = await telegram.getMe().catch((e: unknown) => e);

    expect(explainStartError(err, ctx)?.words).toContain("(ECONNRESET)");
  });
});
