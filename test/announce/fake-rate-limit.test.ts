import { Telegram, TelegramError } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "../support/fake-bot-api.ts";

let fake: FakeBotApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("the fake Bot API's rate limits (for the broadcast benchmark)", () => {
  it("answers a message beyond the limits with 429 and retry_after, and counts only accepted messages", async () => {
    fake = await FakeBotApi.start({
      rateLimit: { global: { count: 3, windowMs: 60_000 }, perChat: { count: 2, windowMs: 60_000 } },
    });
    const telegram = new Telegram("1:fake", { apiRoot: fake.apiRoot });
    await telegram.sendMessage(-1, "a");
    await telegram.sendMessage(-1, "b");
    const perChat = await telegram.sendMessage(-1, "c").catch((err: unknown) => err);
    expect(perChat).toBeInstanceOf(TelegramError);
    expect((perChat as TelegramError).code).toBe(429);
    expect((perChat as TelegramError).parameters?.retry_after).toBeGreaterThanOrEqual(59);
    await telegram.sendMessage(-2, "d");
    const global = await telegram.sendMessage(-3, "e").catch((err: unknown) => err);
    expect((global as TelegramError).code).toBe(429);
    expect(fake.rateLimited).toBe(2);
    expect(fake.delivered("sendMessage")).toHaveLength(3);
    // Edits are not messages.
    await telegram.editMessageText(-3, 1, undefined, "f");
  });
});
