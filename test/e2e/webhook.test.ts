import { request } from "node:http";
import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { setup } from "../support/app.ts";
import { DEFAULT_USER } from "../support/fake-bot-api.ts";
import { privateText } from "../support/updates.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
let ctx: Ctx | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const SECRET = "s3cret-token_for-tests";
const WEBHOOK = { url: "https://bot.example.org/telegram/hook", secret: SECRET };

function question(id: number, text: string): Update {
  return privateText(id, text, DEFAULT_USER);
}

async function post(c: Ctx, update: Update, secret?: string): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
  const res = await fetch(`http://127.0.0.1:${c.app.port}/telegram/hook`, {
    method: "POST",
    headers,
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Sends a request the way a slow or hostile client would: the body in the given chunks, a pause
 * between them. Resolves with the status, also when the server answered before the body was sent.
 */
function rawRequest(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    chunks?: Buffer[];
    pauseMs?: number;
  },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      method: options.method ?? "POST",
      path: options.path ?? "/telegram/hook",
      headers: options.headers,
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // A server that refuses a body may close the connection while it is still being sent.
    req.on("error", (err) => (answered ? undefined : reject(err)));
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (req.destroyed || answered) break;
        req.write(chunk);
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      if (!req.destroyed) req.end();
    })();
  });
}

/** `bytes` cut every `size` bytes: multi-byte characters end up split between chunks. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

const hookHeaders = (extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "x-telegram-bot-api-secret-token": SECRET,
  ...extra,
});

describe("webhook mode", () => {
  it("registers the webhook with its secret and no polling", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    const registered = await ctx.fake.waitFor("setWebhook");
    expect(registered.params.url).toBe(WEBHOOK.url);
    expect(registered.params.secret_token).toBe(SECRET);
    expect(ctx.app.mode).toBe("webhook");
    expect(ctx.fake.polls()).toHaveLength(0);
  });

  it("answers an update that carries the secret token", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    expect(await post(ctx, question(1, "produk sulsel apa?"), SECRET)).toBe(200);
    const reply = await ctx.fake.waitFor("sendMessage");
    expect(String(reply.params.text)).toContain("Makassar");
  });

  it("refuses a wrong or missing secret with 403 and processes nothing", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    expect(await post(ctx, question(2, "produk papua?"), "wrong-secret")).toBe(403);
    expect(await post(ctx, question(3, "produk papua?"))).toBe(403);
    // A correct update afterwards is answered, and it is the only answer.
    expect(await post(ctx, question(4, "Dogiyai?"), SECRET)).toBe(200);
    await ctx.fake.waitFor("sendMessage");
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
  });

  it("answers GET /healthz with a small status", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    const res = await fetch(`http://127.0.0.1:${ctx.app.port}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; mode: string; knowledge: { provinces: number } };
    expect(body).toMatchObject({ status: "ok", mode: "webhook", knowledge: { provinces: 9 } });
  });
});

describe("webhook bodies and repeats", () => {
  it("reads a multi-byte body sent in small chunks intact", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    const name = "Dewi 🌺 Ñandú — 日本語 ✓ مرحبا";
    const update = question(10, "/start");
    if ("message" in update && "text" in update.message) {
      update.message.from = { ...DEFAULT_USER, first_name: name };
      update.message.entities = [{ type: "bot_command", offset: 0, length: 6 }];
    }
    const bytes = Buffer.from(JSON.stringify(update), "utf8");
    const res = await rawRequest(ctx.app.port ?? 0, {
      headers: hookHeaders({ "transfer-encoding": "chunked" }),
      chunks: chunked(bytes, 5),
      pauseMs: 1,
    });
    expect(res.status).toBe(200);
    const welcome = await ctx.fake.waitFor("sendMessage");
    expect(String(welcome.params.text)).toContain(name);
    expect(String(welcome.params.text)).not.toContain("\uFFFD");
  });

  it("refuses a 2 MB body with 413 and handles nothing, whether its size is announced or not", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    const huge = question(11, `Dogiyai? ${"x".repeat(2 * 1024 * 1024)}`);
    const bytes = Buffer.from(JSON.stringify(huge));
    const announced = await rawRequest(ctx.app.port ?? 0, {
      headers: hookHeaders({ "content-length": String(bytes.length) }),
      chunks: chunked(bytes, 64 * 1024),
    });
    expect(announced.status).toBe(413);
    const streamed = await rawRequest(ctx.app.port ?? 0, {
      headers: hookHeaders({ "transfer-encoding": "chunked" }),
      chunks: chunked(bytes, 64 * 1024),
    });
    expect(streamed.status).toBe(413);
    // The server still works, and answered nothing of the refused bodies.
    expect(await post(ctx, question(12, "produk sulsel apa?"), SECRET)).toBe(200);
    await ctx.fake.waitFor("sendMessage");
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
  });

  it("answers the same update delivered twice once", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    expect(await post(ctx, question(20, "Dogiyai?"), SECRET)).toBe(200);
    expect(await post(ctx, question(20, "Dogiyai?"), SECRET)).toBe(200);
    expect(await post(ctx, question(21, "Dogiyai?"), SECRET)).toBe(200);
    await expect.poll(() => ctx?.fake.delivered("sendMessage").length).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(2);
  });

  it("tells Telegram at once, before the reply has gone out", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = false;
    ctx.fake.respond("sendMessage", async (params) => {
      asked = true;
      await held;
      return { message_id: 1, date: 1, chat: { id: params.chat_id, type: "private" }, text: "…" };
    });
    // Telegram's request is answered while the reply is still held: were it answered only after
    // the reply, this would wait forever.
    expect(await post(ctx, question(30, "Dogiyai?"), SECRET)).toBe(200);
    await expect.poll(() => asked).toBe(true);
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(0);
    release();
    await ctx.fake.waitFor("sendMessage");
  });

  it("answers a body that is not an update 400, and a body that never ends 408", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 }, { webhookBody: { timeoutMs: 300 } });
    const port = ctx.app.port ?? 0;
    const notJson = await rawRequest(port, { headers: hookHeaders(), chunks: [Buffer.from("{not json")] });
    expect(notJson.status).toBe(400);
    const noId = await rawRequest(port, { headers: hookHeaders(), chunks: [Buffer.from('{"message":{}}')] });
    expect(noId.status).toBe(400);
    const slow = await rawRequest(port, {
      headers: hookHeaders({ "content-length": "100" }),
      chunks: [Buffer.from('{"update_id":'), Buffer.from("1"), Buffer.from(",")],
      pauseMs: 250,
    });
    expect(slow.status).toBe(408);
    expect(ctx.fake.calls("sendMessage")).toHaveLength(0);
  });
});

describe("paths and methods", () => {
  it("answers HEAD /healthz like GET, 404 for unknown paths and 405 for wrong methods", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 });
    const base = `http://127.0.0.1:${ctx.app.port}`;
    const head = await fetch(`${base}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/json");
    expect(await head.text()).toBe("");
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/telegram/hook/x`, { method: "POST" })).status).toBe(404);
    const get = await fetch(`${base}/telegram/hook`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(405);
    // Nothing reached the bot.
    expect(ctx.fake.calls("sendMessage")).toHaveLength(0);
  });
});

describe("polling mode with PORT", () => {
  it("answers GET /healthz and 404 elsewhere", async () => {
    ctx = await setup({ port: 0 });
    const health = await fetch(`http://127.0.0.1:${ctx.app.port}/healthz`);
    expect(((await health.json()) as { mode: string }).mode).toBe("polling");
    expect((await fetch(`http://127.0.0.1:${ctx.app.port}/telegram/hook`, { method: "POST" })).status).toBe(
      404,
    );
  });
});

describe("stopping", () => {
  it("finishes the update in flight before closing the database", async () => {
    ctx = await setup();
    // The answer's sendMessage is held back until after stop() was asked for.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = false;
    ctx.fake.respond("sendMessage", async (params) => {
      asked = true;
      await held;
      return {
        message_id: 1,
        date: 1,
        chat: { id: params.chat_id, type: "private" },
        text: String(params.text),
      };
    });
    ctx.fake.message({ text: "Dogiyai?" });
    await expect.poll(() => asked).toBe(true);
    let stopped = false;
    const stopping = ctx.app.stop("test").then(() => {
      stopped = true;
    });
    // However long we wait, stop() must not finish while the answer is still on its way.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
    expect(ctx.app.db.open).toBe(false);
  });
});
