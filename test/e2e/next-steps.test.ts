import { readFileSync } from "node:fs";
import type { User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadEngine } from "../../src/answer/load.ts";
import type { Config } from "../../src/config.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { copyKnowledge, setup, tempDir } from "../support/app.ts";
import { DEFAULT_USER, type RecordedCall } from "../support/fake-bot-api.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
type Button = { text: string; callback_data?: string; url?: string };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STAFF_CHAT = -1009876543210;
const STAFF: User = { id: 7007, is_bot: false, first_name: "Rina", language_code: "id" };
const ASKER: User = {
  ...DEFAULT_USER,
  id: 3003,
  first_name: "Wulan",
  last_name: "Sari",
  username: "wulan_ikm",
};
const OTHER: User = { ...DEFAULT_USER, id: 4004, first_name: "Budi", language_code: "id" };

const text = (call: RecordedCall) => String(call.params.text);
const keyboard = (call: RecordedCall): Button[][] =>
  (call.params.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
const buttons = (call: RecordedCall) => keyboard(call).flat();

async function start(overrides: Partial<Config> = {}) {
  const c = await setup({ adminIds: [STAFF.id], ...overrides });
  cleanups.push(() => c.close());
  return c;
}

/** Sends `body` from `from` (in their private chat unless `chat`) and waits for the bot's next message there. */
async function say(c: Ctx, from: User, body: string, chat?: { id: number; type: "supergroup" }) {
  const seen = c.fake.delivered("sendMessage").length;
  // In a group, a reply to one of the bot's messages is a question for it.
  c.fake.message({ text: body, from, ...(chat ? { chat, replyTo: { message_id: 1 } } : {}) });
  const to = chat?.id ?? from.id;
  return c.fake.waitFor(
    "sendMessage",
    (call) => call.params.chat_id === to && c.fake.delivered("sendMessage").indexOf(call) >= seen,
  );
}

/** Taps the button with `data` under `message`, as `from`; resolves with the tap's answer. */
async function tap(c: Ctx, from: User, data: string, message?: RecordedCall) {
  const seen = c.fake.calls("answerCallbackQuery").length;
  c.fake.callbackQuery({
    data,
    from,
    ...(message
      ? {
          messageId: Number((message as RecordedCall & { id?: number }).params.message_id ?? 0) || undefined,
          message: { text: text(message), reply_markup: { inline_keyboard: keyboard(message) } as never },
        }
      : {}),
  });
  return c.fake.waitFor(
    "answerCallbackQuery",
    (call) => c.fake.calls("answerCallbackQuery").indexOf(call) >= seen,
  );
}

describe("a question the sources cannot answer", () => {
  it("ends with a row of buttons to the official channels, and no 'Ask staff' without a staff group", async () => {
    const c = await start();
    const reply = await say(c, ASKER, "sy dr makasar, usaha perak, gmn cara ikut program ini?");
    expect(text(reply)).toContain("Sumber tidak menjelaskan cara mendaftar");
    const row = keyboard(reply).find((r) => r.some((b) => b.url));
    expect(row).toEqual([
      { text: "Kementerian Perindustrian", url: "https://kemenperin.go.id" },
      { text: "JICA", url: "https://www.jica.go.jp" },
    ]);
    expect(buttons(reply).map((b) => b.text)).not.toContain("🙋 Tanya staf");
  });

  it("offers 'Ask staff' in a private chat where a staff group is set up, not in groups", async () => {
    const c = await start({ staffChatId: STAFF_CHAT });
    const reply = await say(c, ASKER, "how do I apply to join the programme?");
    expect(text(reply)).toContain("The sources don't describe how to apply");
    expect(buttons(reply).map((b) => b.text)).toEqual(["Ministry of Industry", "JICA", "🙋 Ask staff"]);
    const group = { id: -100555, type: "supergroup" as const };
    const inGroup = await say(c, ASKER, "gmn cara daftar program ini?", group);
    expect(buttons(inGroup).map((b) => b.url ?? b.callback_data)).toEqual([
      "https://kemenperin.go.id",
      "https://www.jica.go.jp",
    ]);
  });

  it("gets no channel buttons under an answer the sources do give", async () => {
    const c = await start({ staffChatId: STAFF_CHAT });
    const reply = await say(c, ASKER, "produk papua apa?");
    expect(buttons(reply).some((b) => b.url)).toBe(false);
    expect(buttons(reply).map((b) => b.text)).not.toContain("🙋 Tanya staf");
  });
});

describe("the source line", () => {
  it("is a link where the source has a URL, and plain text where it has none", async () => {
    const folder = tempDir();
    cleanups.push(folder.cleanup);
    const knowledgePath = copyKnowledge(folder.dir, (yaml) => {
      const data = parse(yaml) as { sources: Record<string, { url?: string }> };
      (data.sources["bisnis-2017"] as { url?: string }).url = "https://example.org/bisnis?a=1&b=2";
      return stringify(data);
    });
    const c = await setup(
      { knowledgePath },
      { engine: await loadEngine(knowledgePath, { t: translator(createI18n()) }) },
    );
    cleanups.push(() => c.close());
    const linked = text(await say(c, ASKER, "produk papua apa?"));
    expect(linked).toContain(
      '<i>Sumber: <a href="https://example.org/bisnis?a=1&amp;b=2">Bisnis.com</a> (25 Desember 2017)</i>',
    );
    const plain = text(await say(c, ASKER, "apa nama resmi proyek ini?"));
    expect(plain).toMatch(
      /<a href="https:\/\/example\.org\/bisnis\?a=1&amp;b=2">Bisnis\.com<\/a> \(25 Desember 2017\); JICA, KRI/,
    );
    expect(plain).not.toMatch(/<a [^>]*>JICA/);
    expect(readFileSync("knowledge/programme.yaml", "utf8")).not.toContain("example.org");
  });
});

describe("feedback on an answer", () => {
  it("edits the 👍/👎 row into 'Terima kasih' without a new message, once a person, counted in /statistik", async () => {
    const c = await start();
    const answer = await say(c, ASKER, "produk papua apa?");
    const votes = buttons(answer).filter((b) => b.text === "👍" || b.text === "👎");
    expect(votes).toHaveLength(2);
    const down = votes.find((b) => b.text === "👎")?.callback_data ?? "";
    const followUps = keyboard(answer).filter((row) => !row.some((b) => b.text === "👍"));

    const sentBefore = c.fake.delivered("sendMessage").length;
    expect((await tap(c, OTHER, down, answer)).params.text).toBe(
      "Tombol ini sudah kedaluwarsa. Silakan ketik pertanyaan Anda lagi.",
    );
    expect((await tap(c, ASKER, down, answer)).params.text).toBe("Terima kasih atas penilaian Anda.");
    const edit = await c.fake.waitFor("editMessageReplyMarkup");
    expect(edit.params.chat_id).toBe(ASKER.id);
    const edited = (edit.params.reply_markup as { inline_keyboard: Button[][] }).inline_keyboard;
    expect(edited).toEqual([...followUps, [{ text: "🙏 Terima kasih", callback_data: "fb:ok" }]]);
    expect((await tap(c, ASKER, down, answer)).params.text).toBe("Jawaban ini sudah Anda nilai.");
    expect(c.fake.delivered("sendMessage")).toHaveLength(sentBefore);

    // Another person's answer, and a 👍.
    const other = await say(c, OTHER, "produk jatim apa?");
    await tap(c, OTHER, buttons(other).find((b) => b.text === "👍")?.callback_data ?? "", other);
    const stats = text(await say(c, STAFF, "/statistik"));
    expect(stats).toContain("👍 1 · 👎 1 (50% 👎)");
    expect(stats).toContain("1. Papua — 👎 1 dari 1 (100%)");
    const unanswered = text(await say(c, STAFF, "/belumterjawab"));
    expect(unanswered).toContain("👎 Jawaban yang dinilai kurang</b> (1)");
    expect(unanswered).toContain("“produk papua apa?” → Produk Papua");
  });

  it("is not offered in groups, under small talk or under a fallback", async () => {
    const c = await start();
    const votable = (call: RecordedCall) => buttons(call).some((b) => b.text === "👎");
    expect(votable(await say(c, ASKER, "halo"))).toBe(false);
    expect(votable(await say(c, ASKER, "berapa gaji menteri perindustrian?"))).toBe(false);
    const group = { id: -100556, type: "supergroup" as const };
    expect(votable(await say(c, ASKER, "produk papua apa?", group))).toBe(false);
  });
});

describe("follow-up buttons", () => {
  it("never offer the subject just answered, wherever a tap leads", async () => {
    const c = await start();
    const answerButtons = (call: RecordedCall) =>
      buttons(call)
        .map((b) => b.callback_data ?? "")
        .filter((d) => d.startsWith("a:"));
    // A new person for each message: the flood guard would slow one person's many taps.
    let next = 10_000;
    const person = (): User => ({ ...ASKER, id: next++ });
    const queue: string[] = [];
    for (const command of ["/provinsi", "/kriteria", "/tentang", "/pejabat"])
      queue.push(...answerButtons(await say(c, person(), command)));
    const typed = await say(c, ASKER, "produk papua apa?");
    expect(answerButtons(typed)).not.toContain("a:id:p.papua");
    queue.push(...answerButtons(typed));
    const seen = new Set<string>();
    while (queue.length) {
      const data = queue.shift() ?? "";
      if (seen.has(data)) continue;
      seen.add(data);
      const from = person();
      c.fake.callbackQuery({ data, from });
      const reply = await c.fake.waitFor("sendMessage", (call) => call.params.chat_id === from.id);
      const offered = answerButtons(reply);
      expect(offered, `after ${data}`).not.toContain(data);
      queue.push(...offered);
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe("asking where to read more", () => {
  it("lists the sources to read and ends with the buttons to the official channels", async () => {
    const c = await start();
    const reply = await say(c, { ...ASKER, language_code: "en" }, "Where can I find more info about this?");
    expect(text(reply)).toContain("Bisnis.com");
    expect(text(reply)).toContain("Project Completion Report");
    expect(text(reply)).toContain("official channels");
    const row = keyboard(reply).find((r) => r.some((b) => b.url));
    expect(row?.map((b) => b.url)).toEqual(["https://kemenperin.go.id", "https://www.jica.go.jp"]);
  });
});
