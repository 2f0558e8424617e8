import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { setup } from "../support/app";
import { DEFAULT_USER } from "../support/fake-bot-api";
import { privateText } from "../support/updates";

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
