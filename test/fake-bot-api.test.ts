import { Readable } from "node:stream";
import { Markup, Telegraf, TelegramError } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_USER,
  FakeBotApi,
  type FakeBotApiOptions,
  type UploadedFile,
} from "./support/fake-bot-api.ts";
import { pollingBots } from "./support/polling.ts";

const TOKEN = "123456:TEST-token";

let fake: FakeBotApi | undefined;
const bots = pollingBots();

/** Starts a fake and a Telegraf bot pointed at it (not launched). */
async function setup(options: FakeBotApiOptions = {}) {
  fake = await FakeBotApi.start({ maxPollTimeoutSec: 0.2, ...options });
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.apiRoot } });
  return { fake, bot };
}

const launch = (bot: Telegraf, api: FakeBotApi) => bots.launch(bot, api);

afterEach(async () => {
  await bots.stopAll();
  await fake?.close();
  fake = undefined;
});

describe("a bot polling the fake", () => {
  it("receives a pushed message and its reply is recorded", async () => {
    const { fake, bot } = await setup();
    bot.on("text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    await launch(bot, fake);

    fake.message({ text: "halo" });
    const reply = await fake.waitFor("sendMessage");

    expect(reply.params).toMatchObject({ chat_id: DEFAULT_USER.id, text: "echo: halo" });
    expect(fake.calls().map((c) => c.method)).toEqual(["getMe", "deleteWebhook", "sendMessage"]);
  });

  it("routes /commands, since pushed commands carry a bot_command entity", async () => {
    const { fake, bot } = await setup();
    bot.command("start", (ctx) => ctx.reply("welcome"));
    await launch(bot, fake);

    fake.message({ text: "/start@TanyaIkmBot", chat: { id: -100777, title: "IKM" } });

    const reply = await fake.waitFor("sendMessage");
    expect(reply.params).toMatchObject({ chat_id: -100777, text: "welcome" });
  });

  it("delivers callback queries, inline queries and my_chat_member updates", async () => {
    const { fake, bot } = await setup();
    bot.action("faq:1", (ctx) => ctx.answerCbQuery("ok"));
    bot.on("inline_query", (ctx) => ctx.answerInlineQuery([], { cache_time: 5, is_personal: true }));
    bot.on("my_chat_member", (ctx) => ctx.reply(`now ${ctx.myChatMember.new_chat_member.status}`));
    await launch(bot, fake);

    fake.callbackQuery({ data: "faq:1" });
    fake.inlineQuery({ query: "ekspor" });
    fake.myChatMember({ chat: { id: -42 }, newStatus: "administrator" });

    expect((await fake.waitFor("answerCallbackQuery")).params).toMatchObject({ text: "ok" });
    expect((await fake.waitFor("answerInlineQuery")).params).toMatchObject({
      results: [],
      is_personal: true,
    });
    expect((await fake.waitFor("sendMessage")).params).toMatchObject({
      chat_id: -42,
      text: "now administrator",
    });
  });

  it("confirms handled updates through the offset", async () => {
    const { fake, bot } = await setup();
    bot.on("text", (ctx) => ctx.reply("ok"));
    await launch(bot, fake);

    fake.message({ text: "one" });
    await fake.waitFor("sendMessage");
    await fake.waitFor("getUpdates", (c) => Number(c.params.offset) > 1);

    expect(fake.pendingUpdates).toEqual([]);
  });
});

describe("getUpdates long polling", () => {
  it("answers queued updates, honouring limit and offset", async () => {
    const { fake, bot } = await setup();
    const first = fake.message({ text: "a" });
    fake.message({ text: "b" });

    expect(await bot.telegram.getUpdates(0, 1, 0, undefined)).toHaveLength(1);
    const both = await bot.telegram.getUpdates(0, 100, 0, undefined);
    expect(both.map((u) => u.update_id)).toEqual([first.update_id, first.update_id + 1]);
    expect(await bot.telegram.getUpdates(0, 100, first.update_id + 2, undefined)).toEqual([]);
    expect(fake.pendingUpdates).toEqual([]);
  });

  it("waits for an update and answers as soon as one is pushed", async () => {
    const { fake, bot } = await setup({ maxPollTimeoutSec: 5 });
    const started = Date.now();
    const poll = bot.telegram.getUpdates(50, 100, 0, undefined);
    setTimeout(() => fake.message({ text: "late" }), 100);

    expect(await poll).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("caps the timeout so an idle poll comes back empty quickly", async () => {
    const { bot } = await setup({ maxPollTimeoutSec: 0.2 });
    const started = Date.now();
    expect(await bot.telegram.getUpdates(50, 100, 0, undefined)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("ends a pending poll when the fake closes", async () => {
    const { fake, bot } = await setup({ maxPollTimeoutSec: 10 });
    const poll = bot.telegram.getUpdates(50, 100, 0, undefined);
    await fake.waitFor("getUpdates");
    const started = Date.now();
    await fake.close();
    expect(await poll).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("request bodies", () => {
  it("parses multipart uploads: file parts, JSON fields and numeric ids", async () => {
    const { fake, bot } = await setup();
    const bytes = Buffer.from("fake png bytes");
    const keyboard = Markup.inlineKeyboard([Markup.button.callback("Lagi", "more")]);

    const sent = await bot.telegram.sendPhoto(
      -100123,
      { source: bytes, filename: "chart.png" },
      { caption: "Grafik", ...keyboard },
    );

    const { params } = await fake.waitFor("sendPhoto");
    const photo = params.photo as UploadedFile;
    expect(photo).toMatchObject({ filename: "chart.png", size: bytes.length });
    expect(photo.bytes.equals(bytes)).toBe(true);
    expect(params).toMatchObject({
      chat_id: -100123,
      caption: "Grafik",
      reply_markup: keyboard.reply_markup,
    });
    expect(params).not.toHaveProperty("method");
    expect(sent.chat).toMatchObject({ id: -100123, type: "supergroup" });
    expect(sent.caption).toBe("Grafik");
  });

  it("parses a streamed document upload", async () => {
    const { fake, bot } = await setup();
    await bot.telegram.sendDocument(5, { source: Readable.from(["a,b\n", "1,2\n"]), filename: "data.csv" });
    const { params } = await fake.waitFor("sendDocument");
    expect((params.document as UploadedFile).bytes.toString()).toBe("a,b\n1,2\n");
  });

  it("parses urlencoded bodies and query strings", async () => {
    const { fake } = await setup();
    const body = new URLSearchParams({ chat_id: "7", text: "42", reply_markup: '{"remove_keyboard":true}' });
    const res = await fetch(`${fake.apiRoot}/bot${TOKEN}/sendMessage?disable_notification=true`, {
      method: "POST",
      body,
    });
    expect(res.status).toBe(200);
    expect(fake.calls("sendMessage")[0]?.params).toEqual({
      chat_id: 7,
      text: "42",
      disable_notification: true,
      reply_markup: { remove_keyboard: true },
    });
  });
});

describe("default answers", () => {
  it("answers getMe with the configured bot and numbers sent messages", async () => {
    const { fake, bot } = await setup({ botInfo: { username: "OtherBot" } });
    expect(await bot.telegram.getMe()).toMatchObject({ id: 424242, username: "OtherBot", is_bot: true });

    const a = await bot.telegram.sendMessage(9, "satu");
    const b = await bot.telegram.sendMessage(9, "dua");
    expect(b.message_id).toBe(a.message_id + 1);
    expect(a).toMatchObject({
      chat: { id: 9, type: "private" },
      text: "satu",
      from: { id: fake.botInfo.id },
    });
  });

  it("answers getChatMember per chat and user", async () => {
    const { fake, bot } = await setup();
    fake.setChatMember(-100, 5, "administrator");
    expect((await bot.telegram.getChatMember(-100, 5)).status).toBe("administrator");
    expect((await bot.telegram.getChatMember(-100, 6)).status).toBe("member");
  });

  it("answers true for methods without a better answer", async () => {
    const { fake, bot } = await setup();
    await expect(bot.telegram.setMyCommands([{ command: "start", description: "Mulai" }])).resolves.toBe(
      true,
    );
    await expect(bot.telegram.callApi("setChatTitle", { chat_id: -1, title: "x" })).resolves.toBe(true);
    expect(fake.calls().map((c) => c.method)).toEqual(["setMyCommands", "setChatTitle"]);
  });

  it("rejects what the real API rejects: empty text, long callback data", async () => {
    const { fake, bot } = await setup();
    await expect(bot.telegram.sendMessage(1, " ")).rejects.toThrow("400: Bad Request: message text is empty");
    const tooLong = Markup.inlineKeyboard([Markup.button.callback("x", "d".repeat(65))]);
    await expect(bot.telegram.sendMessage(1, "hi", tooLong)).rejects.toThrow("BUTTON_DATA_INVALID");
    expect(fake.calls("sendMessage").every((c) => c.failed)).toBe(true);
  });

  it("answers 401 to a token other than the configured one", async () => {
    const { fake } = await setup({ token: "1:right" });
    const wrong = new Telegraf("1:wrong", { telegram: { apiRoot: fake.apiRoot } });
    await expect(wrong.telegram.getMe()).rejects.toMatchObject({ code: 401 });
  });
});

describe("injected failures", () => {
  it("answers the next matching calls with the error and its HTTP status", async () => {
    const { fake, bot } = await setup();
    fake.fail(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } },
      { times: 2, when: (p) => p.chat_id === 1 },
    );

    await expect(bot.telegram.sendMessage(2, "other chat")).resolves.toMatchObject({ text: "other chat" });
    const err = await bot.telegram.sendMessage(1, "a").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({ code: 429, parameters: { retry_after: 3 } });
    await expect(bot.telegram.sendMessage(1, "b")).rejects.toMatchObject({ code: 429 });
    await expect(bot.telegram.sendMessage(1, "c")).resolves.toMatchObject({ text: "c" });

    expect(fake.calls("sendMessage").map((c) => [c.params.text, c.failed ?? false])).toEqual([
      ["other chat", false],
      ["a", true],
      ["b", true],
      ["c", false],
    ]);
    expect(fake.delivered("sendMessage")).toHaveLength(2);
  });

  it("drops the connection without an answer", async () => {
    const { fake, bot } = await setup();
    fake.dropConnection("sendMessage");

    await expect(bot.telegram.sendMessage(1, "lost")).rejects.toMatchObject({ name: "FetchError" });
    await expect(bot.telegram.sendMessage(1, "found")).resolves.toMatchObject({ text: "found" });
    expect(fake.calls("sendMessage")[0]).toMatchObject({ failed: true, dropped: true });
  });

  it("drops the connection after taking the message: delivered, though the bot hears nothing", async () => {
    const { fake, bot } = await setup();
    fake.dropConnection("sendMessage", { afterAccepting: true });

    await expect(bot.telegram.sendMessage(1, "taken")).rejects.toMatchObject({ name: "FetchError" });
    expect(fake.delivered("sendMessage")).toMatchObject([{ dropped: true, params: { text: "taken" } }]);
  });

  it("answers late when told to, having taken the call at once", async () => {
    const { fake, bot } = await setup();
    fake.answerLate("sendMessage", (params) => (params.chat_id === 2 ? 300 : 0));
    const started = Date.now();
    const late = bot.telegram.sendMessage(2, "slow");
    await expect(bot.telegram.sendMessage(1, "quick")).resolves.toMatchObject({ text: "quick" });
    await fake.waitFor("sendMessage", (call) => call.params.chat_id === 2);
    await expect(late).resolves.toMatchObject({ text: "slow" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("lets a custom responder answer or fail a method", async () => {
    const { fake, bot } = await setup();
    fake.respond("getChat", (params) => ({ id: params.chat_id, type: "group", title: "Custom" }));
    expect(await bot.telegram.getChat(-5)).toMatchObject({ title: "Custom" });
  });
});

describe("waitFor", () => {
  it("rejects with what was recorded when nothing matches in time", async () => {
    const { fake, bot } = await setup();
    await bot.telegram.sendMessage(1, "halo");
    await expect(fake.waitFor("sendPhoto", undefined, 50)).rejects.toThrow(
      `waitFor('sendPhoto') timed out after 50 ms; recorded: sendMessage "halo"`,
    );
  });

  it("ignores failed attempts and resolves with the later delivery", async () => {
    const { fake, bot } = await setup();
    fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" });
    const waiting = fake.waitFor("sendMessage");
    await bot.telegram.sendMessage(1, "x").catch(() => {});
    await bot.telegram.sendMessage(1, "y");
    expect((await waiting).params.text).toBe("y");
  });
});
