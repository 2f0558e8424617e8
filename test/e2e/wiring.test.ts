import type { User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/announce/clock.ts";
import { createBot } from "../../src/bot.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { broadcastClients, createBotDeps } from "../../src/services.ts";
import type { BotDeps } from "../../src/telegram/context.ts";
import { OutgoingLimiter } from "../../src/telegram/outgoing.ts";
import { setup, TEST_TOKEN, testEngine } from "../support/app.ts";
import { DEFAULT_USER, type RecordedCall } from "../support/fake-bot-api.ts";
import { memoryDatabase } from "../support/memory-db.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
let ctx: Ctx | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const STAFF: User = { id: 7010, is_bot: false, first_name: "Staf", language_code: "id" };
const GROUP = { id: -100888, type: "supergroup" as const, title: "Klaster Rotan" };
const text = (call: RecordedCall) => String(call.params.text);

/** Every staff command, both names. */
const STAFF_COMMANDS = [
  "/statistik",
  "/stats",
  "/belumterjawab",
  "/unanswered",
  "/muatulang",
  "/reload",
  "/umumkan",
  "/announce",
  "/pengumuman",
  "/announcements",
  "/batal",
  "/cancel",
];

describe("a fully wired bot", () => {
  it("answers /statistik and every other staff command", async () => {
    ctx = await setup({ adminIds: [STAFF.id] });
    const c = ctx;
    for (const command of STAFF_COMMANDS) {
      const seen = c.fake.delivered("sendMessage").length;
      c.fake.message({ text: command, from: STAFF });
      const reply = await c.fake.waitFor(
        "sendMessage",
        (call) => call.params.chat_id === STAFF.id && c.fake.delivered("sendMessage").indexOf(call) >= seen,
        15_000,
      );
      expect(text(reply), command).not.toMatch(/tidak dikenal|unknown/i);
    }
    await c.fake.waitFor("sendPhoto", (call) => call.params.chat_id === STAFF.id);
  });

  it("ignores staff and admin commands from others in a group, instead of refusing them there", async () => {
    ctx = await setup({ adminIds: [STAFF.id] });
    const c = ctx;
    // Each from another member, so the flood guard stays out of it.
    const commands = [...STAFF_COMMANDS, "/langganan", "/berhenti_langganan", "/wilayah Papua", "/start"];
    for (const [i, command] of commands.entries()) {
      c.fake.message({ text: command, chat: GROUP, from: { ...DEFAULT_USER, id: 6000 + i } });
    }
    await c.fake.waitFor("sendMessage", (call) => call.params.chat_id === GROUP.id);
    // The three admin commands asked Telegram who the sender is, and then said nothing.
    await expect.poll(() => c.fake.calls("getChatMember").length).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(c.fake.calls("sendMessage").filter((call) => call.params.chat_id === GROUP.id)).toHaveLength(1);
    // In a private chat the same people are told why.
    c.fake.message({ text: "/statistik" });
    const refused = await c.fake.waitFor("sendMessage", (call) => call.params.chat_id === DEFAULT_USER.id);
    expect(text(refused)).toContain("hanya untuk staf");
  });
});

describe("building the bot", () => {
  async function fullDeps(): Promise<BotDeps> {
    const logger = silentLogger;
    const outgoing = new OutgoingLimiter(systemClock);
    return createBotDeps({
      db: memoryDatabase(),
      engine: await testEngine(),
      knowledgePath: "knowledge/programme.yaml",
      t: translator(createI18n()),
      logger,
      adminIds: [STAFF.id],
      timezone: "Asia/Jakarta",
      now: Date.now,
      clock: systemClock,
      outgoing,
      ...broadcastClients({ token: TEST_TOKEN, apiRoot: "http://127.0.0.1:9", logger, outgoing }),
    });
  }

  it("refuses to build without any one of its services, naming it", async () => {
    const deps = await fullDeps();
    expect(() => createBot(TEST_TOKEN, deps)).not.toThrow();
    for (const key of ["questionLog", "knowledge", "announce", "now", "outgoing"] as const) {
      const missing = { ...deps, [key]: undefined } as unknown as BotDeps;
      expect(() => createBot(TEST_TOKEN, missing), key).toThrow(`missing dependencies: ${key}`);
    }
  });
});
