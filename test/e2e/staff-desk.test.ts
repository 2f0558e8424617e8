import type { User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { setup } from "../support/app.ts";
import { DEFAULT_USER, type RecordedCall } from "../support/fake-bot-api.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
type Button = { text: string; callback_data?: string; url?: string };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STAFF_CHAT = -1009876543210;
const ADMIN: User = { id: 7007, is_bot: false, first_name: "Rina", language_code: "id" };
const HELPER: User = { id: 7008, is_bot: false, first_name: "Dedi", language_code: "id" };
const ASKER: User = {
  ...DEFAULT_USER,
  id: 3003,
  first_name: "Wulan",
  last_name: "Sari",
  username: "wulan_ikm",
};
const OTHER: User = { ...DEFAULT_USER, id: 4004, first_name: "Budi" };
const QUESTION = "sy dr makasar, usaha perak, gmn cara ikut program ini?";

const text = (call: RecordedCall) => String(call.params.text);
const buttons = (call: RecordedCall): Button[] =>
  ((call.params.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();
const data = (call: RecordedCall, label: string) =>
  buttons(call).find((b) => b.text === label)?.callback_data ?? "";

async function start() {
  const c = await setup({ adminIds: [ADMIN.id], staffChatId: STAFF_CHAT });
  cleanups.push(() => c.close());
  return c;
}

/** The next message the bot sends to `chatId` after the calls already recorded. */
function nextTo(c: Ctx, chatId: number, includes = "") {
  const seen = c.fake.calls().length;
  return c.fake.waitFor(
    "sendMessage",
    (call) =>
      call.params.chat_id === chatId && text(call).includes(includes) && c.fake.calls().indexOf(call) >= seen,
  );
}

async function ask(c: Ctx, from: User, body: string) {
  const reply = nextTo(c, from.id);
  c.fake.message({ text: body, from });
  return reply;
}

/** Asks, taps "Tanya staf", then one of the two consent buttons; resolves with the message staff got. */
async function forward(c: Ctx, withName: boolean) {
  const reply = await ask(c, ASKER, QUESTION);
  const consent = nextTo(c, ASKER.id);
  c.fake.callbackQuery({ data: data(reply, "🙋 Tanya staf"), from: ASKER });
  const choice = await consent;
  const toStaff = nextTo(c, STAFF_CHAT);
  c.fake.callbackQuery({
    data: data(choice, withName ? "Kirim dengan nama saya" : "Kirim tanpa nama"),
    from: ASKER,
  });
  const forwarded = await toStaff;
  // The consent message says it went once the bot has recorded where.
  await c.fake.waitFor("editMessageText", (m) => m.params.chat_id === ASKER.id);
  return { reply, consent: choice, forwarded };
}

/** A staff member's reply, in the staff group, to the bot's message `messageId`. */
function staffReply(c: Ctx, messageId: number, body: string, chatId = STAFF_CHAT) {
  c.fake.message({
    text: body,
    from: HELPER,
    chat: { id: chatId, type: "supergroup", title: "Staf IKM" },
    replyTo: { message_id: messageId },
  });
}

describe("asking staff", () => {
  it("asks before sending the name, forwards the question with its language and the bot's guess", async () => {
    const c = await start();
    const { consent, forwarded } = await forward(c, false);
    expect(text(consent)).toContain(`“${QUESTION}”`);
    expect(text(consent)).toContain("Nama Anda hanya ikut bila Anda memilihnya");
    expect(text(forwarded)).toMatch(/^❓ <b>Pertanyaan #\d+<\/b> · Bahasa Indonesia\n“sy dr makasar/);
    expect(text(forwarded)).toContain("Tebakan bot: ");
    expect(text(forwarded)).toContain("Penanya memilih tidak menyebutkan nama.");
    expect(text(forwarded)).not.toContain("Wulan");
    expect(text(forwarded)).not.toContain(String(ASKER.id));
    const edit = await c.fake.waitFor("editMessageText", (m) => m.params.chat_id === ASKER.id);
    expect(text(edit)).toContain("sudah diteruskan kepada staf program");
  });

  it("sends the name only when the person chose so", async () => {
    const c = await start();
    const { forwarded } = await forward(c, true);
    expect(text(forwarded)).toContain("Dari: Wulan Sari (@wulan_ikm)");
  });

  it("never lets another person forward, or name, someone else's question", async () => {
    const c = await start();
    const reply = await ask(c, ASKER, QUESTION);
    const offer = data(reply, "🙋 Tanya staf");
    for (const forged of [offer, `${offer}:n`, `${offer}:a`]) {
      const seen = c.fake.calls("answerCallbackQuery").length;
      c.fake.callbackQuery({ data: forged, from: OTHER });
      const answer = await c.fake.waitFor(
        "answerCallbackQuery",
        (m) => c.fake.calls("answerCallbackQuery").indexOf(m) >= seen,
      );
      expect(answer.params.text).toContain("kedaluwarsa");
    }
    expect(c.fake.calls("sendMessage").filter((m) => m.params.chat_id === STAFF_CHAT)).toHaveLength(0);
  });
});

describe("a staff member's reply", () => {
  it("reaches the person as an answer from staff, is confirmed in the staff group, marked answered — also after a restart", async () => {
    const c = await start();
    const { forwarded } = await forward(c, false);
    const id = Number(/#(\d+)/.exec(text(forwarded))?.[1]);

    const waiting = await ask(c, ADMIN, "/belumterjawab");
    expect(text(waiting)).toContain(`#${id} “${QUESTION}” — ⏳ menunggu jawaban`);

    await c.restart();
    const messageId = forwardedMessageId(c, forwarded);
    const delivered = nextTo(c, ASKER.id, "Jawaban dari staf program");
    const confirmed = nextTo(c, STAFF_CHAT, "sudah sampai");
    staffReply(c, messageId, "Silakan hubungi Dinas Perindustrian Sulawesi Selatan, <bukan> kami.");
    const answer = await delivered;
    expect(text(answer)).toContain(`atas pertanyaan Anda “${QUESTION}”`);
    expect(text(answer)).toContain(
      "Silakan hubungi Dinas Perindustrian Sulawesi Selatan, &lt;bukan&gt; kami.",
    );
    expect(text(await confirmed)).toBe(`✅ Jawaban untuk pertanyaan #${id} sudah sampai kepada penanya.`);

    const list = await ask(c, ADMIN, "/belumterjawab");
    expect(text(list)).toMatch(new RegExp(`#${id} “.*” — ✅ dijawab`));
  });

  it("tells staff when the person has blocked the bot", async () => {
    const c = await start();
    const { forwarded } = await forward(c, false);
    c.fake.fail(
      "sendMessage",
      { error_code: 403, description: "Forbidden: bot was blocked by the user" },
      { when: (params) => params.chat_id === ASKER.id },
    );
    const told = nextTo(c, STAFF_CHAT, "memblokir");
    staffReply(c, forwardedMessageId(c, forwarded), "Jawaban kami: …");
    expect(text(await told)).toMatch(
      /^⚠️ Jawaban untuk pertanyaan #\d+ tidak terkirim: penanya telah memblokir bot\.$/,
    );
    expect(text(await ask(c, ADMIN, "/belumterjawab"))).toContain("tidak terkirim (penanya memblokir bot)");
  });

  it("is delivered only from the staff group, and only to the person who asked", async () => {
    const c = await start();
    const { forwarded } = await forward(c, false);
    const messageId = forwardedMessageId(c, forwarded);
    // The same message id in another group is another message.
    staffReply(c, messageId, "Ini bukan grup staf.", -100123);
    await c.fake.waitFor("sendMessage", (m) => m.params.chat_id === -100123);
    expect(
      c.fake
        .calls("sendMessage")
        .filter((m) => m.params.chat_id === ASKER.id && text(m).includes("bukan grup staf")),
    ).toHaveLength(0);
    // A reply to something else in the staff group reaches nobody.
    staffReply(c, messageId + 1000, "Ngobrol biasa.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answered = c.fake.calls("sendMessage").filter((m) => text(m).includes("Jawaban dari staf"));
    expect(answered).toHaveLength(0);
  });
});

/** The message the bot forwarded to the staff group, by the id it shows. */
function forwardedMessageId(c: Ctx, forwarded: RecordedCall): number {
  const id = Number(/#(\d+)/.exec(text(forwarded))?.[1]);
  return c.app.deps.staffDesk.questions.get(id)?.staffMessageId ?? 0;
}
