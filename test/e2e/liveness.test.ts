import { afterEach, describe, expect, it } from "vitest";
import { setup } from "../support/app.ts";
import { LEVEL, recordingLogger } from "../support/log-records.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
let ctx: Ctx | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** Production waits 25 s per long poll and 5 s more before giving up; the same, 25 times faster. */
const FAST = { longPollSec: 1, pollGraceMs: 200, failingAfterMs: 1_000 };
const WEBHOOK = { url: "https://bot.example.org/telegram/hook", secret: "s3cret" };

async function health(c: Ctx): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const res = await fetch(`http://127.0.0.1:${c.app.port}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

describe("polling that notices", () => {
  it("gives up a hung getUpdates, polls again, and says 503 with the reason meanwhile", async () => {
    const log = recordingLogger();
    ctx = await setup({ port: 0 }, { logger: log.logger, liveness: FAST });
    await ctx.fake.waitFor("getUpdates");
    expect((await health(ctx)).status).toBe(200);
    // The network holds the next two polls open: the bot hears nothing until it gives up on them.
    ctx.fake.hang("getUpdates", { times: 2 });
    const hungAt = Date.now();
    await expect
      .poll(async () => (await health(ctx as Ctx)).status, { timeout: 10_000, interval: 50 })
      .toBe(503);
    const down = await health(ctx);
    expect(down.body.status).toBe("stale");
    expect(down.body.reason).toMatch(
      /^getUpdates has failed for \d+ s \(\d+ attempts\): no answer within 1200 ms/,
    );
    ctx.fake.message({ text: "Dogiyai?" });
    const reply = await ctx.fake.waitFor("sendMessage", () => true, 15_000);
    expect(String(reply.params.text)).toContain("Papua");
    // Two hung polls cost two deadlines (1.2 s each here, 30 s each in production).
    expect(Date.now() - hungAt).toBeLessThan(10_000);
    expect((await health(ctx)).status).toBe(200);
    expect(ctx.fake.polls().filter((p) => p.hung)).toHaveLength(2);
    expect(ctx.fake.polls().every((p) => p.params.timeout === undefined || p.params.timeout === 1)).toBe(
      true,
    );

    const records = log.records();
    const warn = records.find((r) => r.level === LEVEL.warn && r.msg.startsWith("getUpdates failed"));
    const error = records.find(
      (r) => r.level === LEVEL.error && r.msg.startsWith("getUpdates has failed for"),
    );
    const back = records.find((r) => r.level === LEVEL.info && r.msg === "getUpdates works again");
    expect(warn).toMatchObject({ failures: 1, lastError: "no answer within 1200 ms" });
    expect(error?.failingForSec).toBeGreaterThanOrEqual(1);
    expect(back).toMatchObject({ failures: 2 });
  });

  it("logs failing polls and says 503 while getUpdates answers errors", async () => {
    const log = recordingLogger();
    ctx = await setup({ port: 0 }, { logger: log.logger, liveness: FAST });
    await ctx.fake.waitFor("getUpdates");
    // Telegram's 429 says when to come back: 0 s, so the test needs no waiting between attempts.
    const busy = {
      error_code: 429,
      description: "Too Many Requests: retry after 0",
      parameters: { retry_after: 0 },
    };
    ctx.fake.fail("getUpdates", busy, { times: 1_000_000 });
    await expect
      .poll(async () => (await health(ctx as Ctx)).status, { timeout: 10_000, interval: 50 })
      .toBe(503);
    expect((await health(ctx)).body.reason).toContain("429: Too Many Requests");
    expect(log.records().some((r) => r.level === LEVEL.error && String(r.lastError).includes("429"))).toBe(
      true,
    );
  });
});

describe("a webhook that notices", () => {
  it("asks Telegram after a silence and says 503 when updates wait undelivered", async () => {
    ctx = await setup({ webhook: WEBHOOK, port: 0 }, { liveness: { webhookGraceMs: 300 } });
    expect((await health(ctx)).status).toBe(200);
    ctx.fake.respond("getWebhookInfo", () => ({
      url: WEBHOOK.url,
      has_custom_certificate: false,
      pending_update_count: 0,
    }));
    // Quiet, with nothing waiting at Telegram: all is well.
    await expect.poll(() => ctx?.fake.calls("getWebhookInfo").length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect((await health(ctx)).status).toBe(200);
    ctx.fake.respond("getWebhookInfo", () => ({
      url: WEBHOOK.url,
      has_custom_certificate: false,
      pending_update_count: 3,
      last_error_date: Math.floor(Date.now() / 1000),
      last_error_message: "Connection timed out",
    }));
    await expect
      .poll(async () => (await health(ctx as Ctx)).status, { timeout: 5_000, interval: 50 })
      .toBe(503);
    expect((await health(ctx)).body.reason).toMatch(/Telegram holds 3 updates; .*Connection timed out/);
    // An update arriving again clears it.
    const res = await fetch(`http://127.0.0.1:${ctx.app.port}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK.secret },
      body: JSON.stringify({ update_id: 1, my_chat_member: undefined }),
    });
    expect(res.status).toBe(200);
    expect((await health(ctx)).status).toBe(200);
  });
});
