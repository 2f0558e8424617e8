import { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { setProfile } from "../../src/telegram/profile.ts";
import { setup, TEST_TOKEN } from "../support/app.ts";
import { DEFAULT_USER, FakeBotApi, type RecordedCall } from "../support/fake-bot-api.ts";
import { LEVEL, recordingLogger } from "../support/log-records.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
let ctx: Ctx | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const EN_USER = { ...DEFAULT_USER, id: 2002, first_name: "Ann", language_code: "en" };
const text = (call: RecordedCall) => String(call.params.text);
const buttons = (call: RecordedCall) =>
  (
    (call.params.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> })
      ?.inline_keyboard ?? []
  ).flat();

/** Waits for the next sendMessage to `chatId` after the calls already seen. */
async function nextMessage(c: Ctx, chatId: number, after = c.fake.delivered("sendMessage").length) {
  return c.fake.waitFor(
    "sendMessage",
    (call) => call.params.chat_id === chatId && c.fake.delivered("sendMessage").indexOf(call) >= after,
  );
}

describe("/start", () => {
  it("welcomes an Indonesian user in Indonesian with example questions as buttons", async () => {
    ctx = await setup();
    const seen = ctx.fake.delivered("sendMessage").length;
    ctx.fake.message({ text: "/start" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, seen);
    expect(text(call)).toContain("Halo, Siti!");
    expect(text(call)).toContain("Kementerian Perindustrian");
    expect(buttons(call).map((b) => b.text)).toContain("Produk Papua apa?");
    expect(call.params.parse_mode).toBe("HTML");
  });

  it("welcomes an English-speaking user in English, and an example button answers", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "/start", from: EN_USER });
    const call = await nextMessage(ctx, EN_USER.id, 0);
    expect(text(call)).toContain("Hello, Ann!");
    const example = buttons(call).find((b) => b.text.includes("coffee"));
    expect(example).toBeDefined();
    const seen = ctx.fake.delivered("sendMessage").length;
    ctx.fake.callbackQuery({ data: example?.callback_data ?? "", from: EN_USER });
    const answer = await nextMessage(ctx, EN_USER.id, seen);
    expect(text(answer)).toContain("Dogiyai");
    await ctx.fake.waitFor("answerCallbackQuery");
  });
});

describe("follow-up questions in a chat", () => {
  it("answers 'di kota mana?' and 'kalau Jatim?' from the question before, for that person only", async () => {
    ctx = await setup();
    const ask = async (body: string, from = DEFAULT_USER) => {
      const seen = ctx?.fake.delivered("sendMessage").length ?? 0;
      ctx?.fake.message({ text: body, from });
      return text(await nextMessage(ctx as Ctx, from.id, seen));
    };
    expect(await ask("produk sulsel apa?")).toContain("perak");
    expect(await ask("di kota mana?")).toContain("Makassar");
    const jatim = await ask("kalau Jatim?");
    expect(jatim).toContain("Jawa Timur");
    expect(jatim).toContain("Pasuruan");
    expect(await ask("siapa yang bilang?")).toContain("Gati Wibawaningsih");
    // Another person's chat has no question before: "where?" is asked of the whole programme.
    const other = await ask("di kota mana?", EN_USER);
    expect(other).not.toMatch(/^Di Sulawesi Selatan/);
    expect(other).toContain("sembilan provinsi");
  });

  it("answers 'selain Sumut?' with the rest of the list it just gave", async () => {
    ctx = await setup();
    const ask = async (body: string) => {
      const seen = ctx?.fake.delivered("sendMessage").length ?? 0;
      ctx?.fake.message({ text: body });
      return text(await nextMessage(ctx as Ctx, DEFAULT_USER.id, seen));
    };
    expect(await ask("provinsi 2013 apa aja?")).toContain("Sumatera Utara");
    const rest = await ask("selain sumut?");
    for (const province of ["Jawa Tengah", "Sulawesi Tengah", "Jawa Timur", "Kalimantan Barat"])
      expect(rest).toContain(province);
    expect(rest).not.toContain("Sumatera Utara");
  });

  it("answers a chat asked again by someone else the same way, from the replies kept the first time", async () => {
    const c = await setup();
    ctx = c;
    const ask = async (body: string, from: typeof DEFAULT_USER) => {
      const seen = c.fake.delivered("sendMessage").length;
      c.fake.message({ text: body, from });
      return text(await nextMessage(c, from.id, seen));
    };
    const chat = ["produk sulsel apa?", "di kota mana?", "kalau Jatim?"];
    const first: string[] = [];
    for (const body of chat) first.push(await ask(body, DEFAULT_USER));
    expect(first[1]).toContain("Makassar");
    expect(first[2]).toContain("Pasuruan");
    const kept = c.engine.memo.counts.kept;
    const second = { ...DEFAULT_USER, id: DEFAULT_USER.id + 40, first_name: "Budi" };
    const again: string[] = [];
    for (const body of chat) again.push(await ask(body, second));
    expect(again).toEqual(first);
    // Follow-ups too: the kept answer hands the second chat the same context as the first.
    expect(c.engine.memo.counts.kept - kept).toBe(chat.length);
  });
});

describe("asking a question in a private chat", () => {
  it("answers with the fact, its source and follow-up buttons", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "produk jatim apa?" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(call)).toContain("alas kaki");
    expect(text(call)).toContain("Kota Pasuruan");
    expect(text(call)).toMatch(/<i>Sumber: Bisnis\.com/);
    expect(buttons(call).map((b) => b.text)).toContain("Kriteria pemilihan daerah");
  });

  it("corrects another organisation, reads a region named by its people and a quote of its own answer", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "Ini programnya Kemenkop UKM atau Kemenperin?" });
    const party = text(await nextMessage(ctx, DEFAULT_USER.id, 0));
    expect(party).toMatch(/^Sumber menyebut Kementerian Perindustrian \(Kemenperin\), bukan Kemenkop UKM\./);
    ctx.fake.message({ text: "Orang Palu dapat program produk apa?" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, 1))).toContain("cokelat");
    ctx.fake.message({ text: "> Sulawesi Tengah: produk agro di Kota Palu\nokee makasih min 🙏" });
    const thanks = text(await nextMessage(ctx, DEFAULT_USER.id, 2));
    expect(thanks).not.toContain("Sulawesi Tengah");
  });

  it("answers in the language of the question, not of the interface", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "Who is the Director General of Small and Medium Industry?" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(call)).toContain("Gati Wibawaningsih");
    expect(text(call)).toContain("Source:");
  });

  it("offers 'did you mean' buttons for an unsure question, and a tap answers", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "tngh sulawsi" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(call)).toContain("Mungkin salah satu ini?");
    const choice = buttons(call).find((b) => b.text.includes("Sulawesi"));
    expect(choice?.callback_data).toMatch(/^a:id:/);
    const seen = ctx.fake.delivered("sendMessage").length;
    ctx.fake.callbackQuery({ data: choice?.callback_data ?? "" });
    const answer = await nextMessage(ctx, DEFAULT_USER.id, seen);
    expect(text(answer)).toContain("Makassar");
  });

  it("escapes HTML in a question and never echoes it as markup", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "<b>Papua</b> bikin apa? <i>&amp;</i>" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(call)).toContain("Dogiyai");
    expect(text(call)).not.toContain("<b>Papua");
    const evil = { ...EN_USER, id: 3003, first_name: "<script>alert(1)</script> & co" };
    ctx.fake.message({ text: "/start", from: evil });
    const welcome = await nextMessage(ctx, evil.id, 0);
    expect(text(welcome)).toContain("Hello, &lt;script&gt;alert(1)&lt;/script&gt; &amp; co!");
  });

  it("still answers a tap whose acknowledgement comes too late (query is too old)", async () => {
    ctx = await setup();
    ctx.fake.fail("answerCallbackQuery", {
      error_code: 400,
      description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
    });
    ctx.fake.callbackQuery({ data: "a:id:p.sulsel" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, 0))).toContain("Makassar");
  });

  it("says a forged or stale button has expired, and keeps working", async () => {
    ctx = await setup();
    ctx.fake.callbackQuery({ data: "a:id:p.atlantis" });
    const expired = await ctx.fake.waitFor("answerCallbackQuery");
    expect(expired.params.text).toContain("kedaluwarsa");
    ctx.fake.callbackQuery({ data: "totally-made-up" });
    await ctx.fake.waitFor("answerCallbackQuery", (c) => c !== expired);
    ctx.fake.message({ text: "Dogiyai?" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, 0))).toContain("Papua");
  });
});

describe("browsing commands", () => {
  it("/provinsi lists every programme province as a button that answers", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "/provinsi" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, 0);
    const names = buttons(call).map((b) => b.text);
    expect(names).toHaveLength(9);
    expect(names).toContain("Sulawesi Selatan");
    ctx.fake.callbackQuery({ data: buttons(call).find((b) => b.text === "Papua")?.callback_data ?? "" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, 1))).toContain("Dogiyai");
  });

  it("/criteria answers the three considerations in English for an English user", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "/criteria", from: EN_USER });
    const body = text(await nextMessage(ctx, EN_USER.id, 0));
    expect(body).toContain("Sources of support");
    expect(body).toContain("Affirmative themes");
  });
});

describe("choosing a language", () => {
  it("/lang switches the interface, and the choice survives a restart", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "/lang" });
    const menu = await nextMessage(ctx, DEFAULT_USER.id, 0);
    const english = buttons(menu).find((b) => b.text === "English");
    ctx.fake.callbackQuery({ data: english?.callback_data ?? "" });
    const edited = await ctx.fake.waitFor("editMessageText");
    expect(edited.params.text).toBe("Language changed to English.");

    await ctx.restart();
    const seen = ctx.fake.delivered("sendMessage").length;
    ctx.fake.message({ text: "/start" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, seen))).toContain("Hello, Siti!");
  });

  it("answers while its menus are still being registered: they never hold up the first answers", async () => {
    ctx = await setup();
    // Started again with Telegram holding every menu call unanswered.
    ctx.fake.hang("setMyCommands", { times: 100 });
    await ctx.restart();
    const seen = ctx.fake.delivered("sendMessage").length;
    ctx.fake.message({ text: "/start" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, seen))).toContain("Halo, Siti!");
  });

  it("registers command menus in both languages: private chats, groups with admin commands, staff", async () => {
    ctx = await setup({ adminIds: [4242] });
    await ctx.fake.waitFor("setMyShortDescription", (c) => c.params.language_code === undefined);
    const menus = ctx.fake.delivered("setMyCommands");
    expect(menus).toHaveLength(12);
    const menu = (type: string, lang?: string) =>
      (
        (menus.find(
          (m) => (m.params.scope as { type: string }).type === type && m.params.language_code === lang,
        )?.params.commands ?? []) as Array<{ command: string }>
      ).map((c) => c.command);
    expect(menu("all_private_chats", "id")).toContain("provinsi");
    expect(menu("all_private_chats", "id")).not.toContain("langganan");
    expect(menu("all_group_chats", "en")).toContain("provinces");
    expect(menu("all_group_chats", "en")).not.toContain("subscribe");
    // Only admins can set a group's language: members are not offered /lang there.
    expect(menu("all_group_chats", "en")).not.toContain("lang");
    expect(menu("all_group_chats", "id")).not.toContain("bahasa");
    expect(menu("all_private_chats", "id")).toContain("bahasa");
    expect(menu("all_chat_administrators", "en")).toEqual(
      expect.arrayContaining(["provinces", "subscribe", "province", "lang"]),
    );
    expect(menu("all_chat_administrators")).toContain("langganan");
    expect(menu("chat", "id")).toEqual(expect.arrayContaining(["umumkan", "statistik", "muatulang"]));
    const staffMenu = menus.find((m) => (m.params.scope as { type: string }).type === "chat");
    expect(staffMenu?.params.scope).toMatchObject({ chat_id: 4242 });
  });
});

describe("presenting itself", () => {
  it("sets its description and short description in Indonesian and English, after polling began", async () => {
    ctx = await setup();
    await ctx.fake.waitFor("setMyShortDescription", (c) => c.params.language_code === undefined);
    const said = (method: string, field: string) =>
      new Map(
        ctx?.fake
          .delivered(method)
          .map((c) => [c.params.language_code ?? "default", String(c.params[field])]),
      );
    const descriptions = said("setMyDescription", "description");
    const short = said("setMyShortDescription", "short_description");
    expect([...descriptions.keys()].sort()).toEqual(["default", "en", "id"]);
    expect(descriptions.get("en")).toContain("Ask in English or Indonesian");
    expect(descriptions.get("id")).toContain("Bertanyalah dalam bahasa Indonesia");
    expect(descriptions.get("default")).toBe(descriptions.get("id"));
    expect(short.get("en")?.length).toBeLessThanOrEqual(120);
    for (const text of descriptions.values()) expect(text.length).toBeLessThanOrEqual(512);
    const firstPoll = ctx.fake.polls()[0]?.at ?? Number.POSITIVE_INFINITY;
    expect(ctx.fake.delivered("setMyDescription")[0]?.at).toBeGreaterThanOrEqual(firstPoll);
  });

  it("leaves descriptions that are already right as they are", async () => {
    const fake = await FakeBotApi.start();
    const t = translator(createI18n());
    fake.respond("getMyDescription", (p) => ({
      description: t(p.language_code === "en" ? "en" : "id", "profile.description"),
    }));
    fake.respond("getMyShortDescription", (p) => ({
      short_description: t(p.language_code === "en" ? "en" : "id", "profile.shortDescription"),
    }));
    const bot = new Telegraf(TEST_TOKEN, { telegram: { apiRoot: fake.apiRoot } });
    await setProfile(bot.telegram, t);
    expect(fake.calls("getMyDescription")).toHaveLength(3);
    expect(fake.calls("setMyDescription")).toHaveLength(0);
    expect(fake.calls("setMyShortDescription")).toHaveLength(0);
    await fake.close();
  });
});

describe("telling people their id", () => {
  it("/id answers the sender's user id, and in a group the group's id too", async () => {
    ctx = await setup();
    ctx.fake.message({ text: "/id" });
    const reply = await ctx.fake.waitFor("sendMessage");
    expect(reply.params.text).toContain(`<code>${DEFAULT_USER.id}</code>`);
    ctx.fake.message({ text: "/id", chat: { id: -100777, type: "supergroup", title: "Grup" } });
    const inGroup = await ctx.fake.waitFor("sendMessage", (c) => c.params.chat_id === -100777);
    expect(inGroup.params.text).toContain("<code>-100777</code>");
  });

  it("/start tells its id to whoever opens a bot that has no staff yet", async () => {
    ctx = await setup({ adminIds: [] });
    ctx.fake.message({ text: "/start" });
    const welcome = await ctx.fake.waitFor("sendMessage");
    expect(welcome.params.text).toContain(`<code>${DEFAULT_USER.id}</code>`);
    expect(welcome.params.text).toContain("ADMIN_IDS");
  });

  it("/start with staff set tells no id, and gives a staff member their menu at once", async () => {
    ctx = await setup({ adminIds: [DEFAULT_USER.id] });
    await ctx.fake.waitFor("setMyShortDescription", (c) => c.params.language_code === undefined);
    const before = ctx.fake.delivered("setMyCommands").length;
    ctx.fake.message({ text: "/start" });
    const welcome = await ctx.fake.waitFor("sendMessage");
    expect(welcome.params.text).not.toContain("ADMIN_IDS");
    await ctx.fake.waitFor(
      "setMyCommands",
      (c) => ctx?.fake.delivered("setMyCommands").indexOf(c) === before + 2,
    );
    const staff = ctx.fake.delivered("setMyCommands").slice(before);
    expect(staff.map((c) => c.params.scope)).toEqual(
      Array(3).fill({ type: "chat", chat_id: DEFAULT_USER.id }),
    );
  });
});

describe("groups", () => {
  const GROUP = { id: -100123, type: "supergroup" as const, title: "Klaster Kopi Dogiyai" };

  function groupMessage(c: Ctx, message: { text: string } & Record<string, unknown>): Update {
    return c.fake.pushUpdate({
      message: {
        message_id: 500 + Math.floor(Math.random() * 1000),
        date: 1,
        chat: GROUP,
        from: DEFAULT_USER,
        ...message,
      },
    } as Update);
  }

  it("introduces itself when added to a group", async () => {
    ctx = await setup();
    ctx.fake.myChatMember({ chat: GROUP, oldStatus: "left", newStatus: "member" });
    const intro = await nextMessage(ctx, GROUP.id, 0);
    expect(intro.params.text).toContain("@TanyaIkmBot");
    // No two paragraphs open alike.
    const openings = String(intro.params.text)
      .split("\n\n")
      .map((paragraph) => paragraph.split(" ").slice(0, 2).join(" "));
    expect(new Set(openings).size).toBe(openings.length);
    expect(ctx.app.deps.groups.get(GROUP.id)?.active).toBe(true);
  });

  it("ignores ordinary chatter and answers a mention and a reply to its own message", async () => {
    ctx = await setup();
    groupMessage(ctx, { text: "kopi dogiyai enak ya" });
    groupMessage(ctx, {
      text: "@TanyaIkmBot produk sulsel apa?",
      entities: [{ type: "mention", offset: 0, length: 12 }],
    });
    const answer = await nextMessage(ctx, GROUP.id, 0);
    expect(text(answer)).toContain("Makassar");
    expect(ctx.fake.delivered("sendMessage").filter((c) => c.params.chat_id === GROUP.id)).toHaveLength(1);
    groupMessage(ctx, {
      text: "kalau Papua?",
      reply_to_message: { message_id: 1, date: 1, chat: GROUP, from: ctx.fake.botInfo, text: "…" },
    });
    expect(text(await nextMessage(ctx, GROUP.id, ctx.fake.delivered("sendMessage").length))).toContain(
      "Dogiyai",
    );
  });

  it("settles a disagreement put to it in a group, and answers a question typed as one word", async () => {
    ctx = await setup();
    const question = "@TanyaIkmBot teman saya bilang ulos dari Sulsel, saya bilang Sumut. Siapa yang benar?";
    groupMessage(ctx, { text: question, entities: [{ type: "mention", offset: 0, length: 12 }] });
    const settled = text(await nextMessage(ctx, GROUP.id, 0));
    expect(settled).toMatch(/^Yang sesuai sumber: Sumut\./);
    expect(settled).toContain("Kabupaten Samosir");
    expect(settled).not.toContain("Gati");
    groupMessage(ctx, {
      text: "@TanyaIkmBot sultraproduknyaapa",
      entities: [{ type: "mention", offset: 0, length: 12 }],
    });
    expect(text(await nextMessage(ctx, GROUP.id, 1))).toContain("tempe");
  });

  it("answers a follow-up replied to its answer, from the same person only", async () => {
    ctx = await setup();
    const toBot = { message_id: 1, date: 1, chat: GROUP, from: ctx.fake.botInfo, text: "…" };
    const next = async (message: { text: string } & Record<string, unknown>) => {
      const seen = ctx?.fake.delivered("sendMessage").length ?? 0;
      groupMessage(ctx as Ctx, message);
      return text(await nextMessage(ctx as Ctx, GROUP.id, seen));
    };
    expect(await next({ text: "produk sulsel apa?", reply_to_message: toBot })).toContain("perak");
    expect(await next({ text: "di kota mana?", reply_to_message: toBot })).toMatch(/^Di Sulawesi Selatan/);
    const other = { ...DEFAULT_USER, id: 4242, first_name: "Budi" };
    expect(await next({ text: "di kota mana?", reply_to_message: toBot, from: other })).not.toMatch(
      /^Di Sulawesi Selatan/,
    );
  });

  it("follows a group upgraded to a supergroup", async () => {
    ctx = await setup();
    const old = { id: -555, type: "group" as const, title: "IKM Jatim" };
    ctx.fake.myChatMember({ chat: old, oldStatus: "left", newStatus: "member" });
    await nextMessage(ctx, old.id, 0);
    ctx.fake.pushUpdate({
      message: { message_id: 9, date: 1, chat: old, from: DEFAULT_USER, migrate_to_chat_id: -100555 },
    } as Update);
    await expect.poll(() => ctx?.app.deps.groups.get(-100555)?.title).toBe("IKM Jatim");
    expect(ctx.app.deps.groups.get(old.id)).toBeUndefined();
  });

  it.each([
    ["after", ["to", "from", "joined"]],
    ["before", ["joined", "to", "from"]],
  ] as const)(
    "does not introduce itself again when its group is upgraded (the news of the join %s the upgrade)",
    async (_, order) => {
      ctx = await setup();
      ctx.app.deps.upgradeSettleMs = 300;
      const old = { id: -556, type: "group" as const, title: "IKM Jabar" };
      const upgraded = { id: -100556, type: "supergroup" as const, title: "IKM Jabar" };
      ctx.fake.myChatMember({ chat: old, oldStatus: "left", newStatus: "member" });
      await nextMessage(ctx, old.id, 0);
      const news = {
        to: () =>
          ctx?.fake.pushUpdate({
            message: {
              message_id: 10,
              date: 1,
              chat: old,
              from: DEFAULT_USER,
              migrate_to_chat_id: upgraded.id,
            },
          } as Update),
        from: () =>
          ctx?.fake.pushUpdate({
            message: {
              message_id: 1,
              date: 1,
              chat: upgraded,
              from: DEFAULT_USER,
              migrate_from_chat_id: old.id,
            },
          } as Update),
        joined: () => ctx?.fake.myChatMember({ chat: upgraded, oldStatus: "left", newStatus: "member" }),
      };
      for (const step of order) news[step]();
      await expect.poll(() => ctx?.fake.pendingUpdates.length).toBe(0);
      await new Promise((r) => setTimeout(r, 600));
      expect(ctx.fake.delivered("sendMessage").map((c) => c.params.chat_id)).toEqual([old.id]);
      expect(ctx.app.deps.groups.get(upgraded.id)).toMatchObject({ active: true, title: "IKM Jabar" });
      // A supergroup the bot is really added to still gets the introduction.
      ctx.fake.myChatMember({ chat: { id: -100557, type: "supergroup", title: "Baru" } });
      expect(text(await nextMessage(ctx, -100557, 0))).toContain("@TanyaIkmBot");
    },
  );

  it("follows a group that became a supergroup while the bot answered (400 migrate_to_chat_id)", async () => {
    ctx = await setup();
    ctx.fake.myChatMember({ chat: GROUP, oldStatus: "left", newStatus: "member" });
    await nextMessage(ctx, GROUP.id, 0);
    ctx.fake.fail("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -100999 },
    });
    groupMessage(ctx, { text: "@TanyaIkmBot kopi?", entities: [{ type: "mention", offset: 0, length: 12 }] });
    await expect.poll(() => ctx?.app.deps.groups.get(-100999)?.title).toBe(GROUP.title);
    expect(ctx.app.deps.groups.get(GROUP.id)).toBeUndefined();
  });

  it("shows the language buttons to group admins only, and lets only them set the group's language", async () => {
    ctx = await setup();
    const bahasa = () =>
      groupMessage(ctx as Ctx, {
        text: "/bahasa",
        entities: [{ type: "bot_command", offset: 0, length: 7 }],
      });
    // A member who could not use the buttons is not shown them.
    bahasa();
    await ctx.fake.waitFor("getChatMember", (call) => call.params.chat_id === GROUP.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ctx.fake.calls("sendMessage").filter((call) => call.params.chat_id === GROUP.id)).toHaveLength(0);
    ctx.fake.setChatMember(GROUP.id, DEFAULT_USER.id, "administrator");
    bahasa();
    const menu = await nextMessage(ctx, GROUP.id, 0);
    const english = buttons(menu).find((b) => b.text === "English")?.callback_data ?? "";
    // A member tapping an admin's buttons is told why not.
    ctx.fake.setChatMember(GROUP.id, DEFAULT_USER.id, "member");
    ctx.fake.callbackQuery({ data: english, chat: GROUP });
    const refused = await ctx.fake.waitFor("answerCallbackQuery");
    expect(refused.params.text).toContain("admin");
    expect(ctx.app.deps.groups.get(GROUP.id)?.language).toBeUndefined();
    ctx.fake.setChatMember(GROUP.id, DEFAULT_USER.id, "administrator");
    ctx.fake.callbackQuery({ data: english, chat: GROUP });
    await ctx.fake.waitFor("editMessageText");
    expect(ctx.app.deps.groups.get(GROUP.id)?.language).toBe("en");
  });
});

describe("Telegram errors", () => {
  it("reports itself down and calls for a restart when long polling dies (token revoked)", async () => {
    const fatal: unknown[] = [];
    ctx = await setup({ port: 0 }, { onFatal: (err) => fatal.push(err) });
    ctx.fake.fail("getUpdates", { error_code: 401, description: "Unauthorized" }, { times: 100 });
    await expect.poll(() => fatal.length, { timeout: 5000 }).toBe(1);
    const health = await fetch(`http://127.0.0.1:${ctx.app.port}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe("down");
  });

  it("retries a 429 on sendMessage after retry_after and delivers once", async () => {
    ctx = await setup();
    ctx.fake.fail("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    ctx.fake.message({ text: "papua bikin apa" });
    const call = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(call)).toContain("kopi");
    expect(ctx.fake.calls("sendMessage")).toHaveLength(2);
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
    expect(ctx.sleeps).toContain(3000);
  });

  it("survives a 403 from a user who blocked the bot, and answers the next user", async () => {
    ctx = await setup();
    ctx.fake.fail("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    ctx.fake.message({ text: "Dogiyai?" });
    await expect.poll(() => ctx?.fake.calls("sendMessage").length).toBe(1);
    ctx.fake.message({ text: "Dogiyai?", from: EN_USER });
    expect(text(await nextMessage(ctx, EN_USER.id, 0))).toContain("Papua");
  });

  it("retries a 502 and a dropped connection", async () => {
    ctx = await setup();
    ctx.fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" });
    ctx.fake.dropConnection("sendMessage");
    ctx.fake.message({ text: "ulos dimana" });
    expect(text(await nextMessage(ctx, DEFAULT_USER.id, 0))).toContain("Sumatera Utara");
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
  });
});

describe("service messages in a private chat", () => {
  it("get no reply; a photo gets the hint that the bot reads text", async () => {
    ctx = await setup();
    const chat = { id: DEFAULT_USER.id, type: "private" as const, first_name: "Siti" };
    const service = [
      { message_auto_delete_timer_changed: { message_auto_delete_time: 86_400 } },
      { pinned_message: { message_id: 3, date: 1, chat, text: "Dogiyai?" } },
      { write_access_allowed: { from_request: true } },
    ];
    for (const [i, extra] of service.entries()) {
      ctx.fake.pushUpdate({
        message: { message_id: 40 + i, date: 1, chat, from: DEFAULT_USER, ...extra },
      } as Update);
    }
    ctx.fake.pushUpdate({
      message: {
        message_id: 50,
        date: 1,
        chat,
        from: DEFAULT_USER,
        photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
      },
    } as Update);
    const hint = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(hint)).toContain("hanya bisa membaca pesan teks");
    await expect.poll(() => ctx?.fake.pendingUpdates.length).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
  });
});

describe("a handler that fails", () => {
  const GROUP = { id: -100777, type: "supergroup" as const, title: "IKM Bali" };

  it("tells the person, under a button or in the chat that asked, and logs the update id", async () => {
    const log = recordingLogger();
    ctx = await setup({}, { logger: log.logger });
    ctx.app.deps.engine = () => {
      throw new Error("knowledge unreadable");
    };
    const asked = ctx.fake.message({ text: "produk papua apa?" });
    const apology = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(apology)).toBe("Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi.");
    const failure = log.records().find((r) => r.msg === "failed to handle an update");
    expect(failure).toMatchObject({ level: LEVEL.error, updateId: asked.update_id });
    expect(JSON.stringify(failure)).toContain("knowledge unreadable");

    ctx.fake.callbackQuery({ data: "a:en:p.papua", from: EN_USER });
    const alert = await ctx.fake.waitFor("answerCallbackQuery");
    expect(alert.params).toMatchObject({
      text: "Sorry, something went wrong. Please try again in a moment.",
    });
    expect(alert.params.show_alert).toBe(true);

    const seen = ctx.fake.delivered("sendMessage").length;
    ctx.fake.pushUpdate({
      message: {
        message_id: 70,
        date: 1,
        chat: GROUP,
        from: DEFAULT_USER,
        text: "@TanyaIkmBot kopi?",
        entities: [{ type: "mention", offset: 0, length: 12 }],
      },
    } as Update);
    const inGroup = await nextMessage(ctx, GROUP.id, seen);
    expect(text(inGroup)).toContain("Maaf, terjadi kesalahan");
    expect(inGroup.params.reply_parameters).toMatchObject({ message_id: 70 });
  });

  it("does not answer group chatter that was not meant for it", async () => {
    ctx = await setup();
    // Every update now fails before any feature runs, chatter included.
    ctx.app.deps.users.getLanguage = () => {
      throw new Error("disk I/O error");
    };
    for (const [id, text] of [
      [71, "kopi dogiyai enak ya"],
      [72, "/start@OtherBot"],
    ] as const) {
      ctx.fake.pushUpdate({
        message: { message_id: id, date: 1, chat: GROUP, from: DEFAULT_USER, text },
      } as Update);
    }
    ctx.fake.message({ text: "halo" });
    const apology = await nextMessage(ctx, DEFAULT_USER.id, 0);
    expect(text(apology)).toContain("Maaf, terjadi kesalahan");
    await new Promise((r) => setTimeout(r, 100));
    expect(ctx.fake.delivered("sendMessage").filter((c) => c.params.chat_id === GROUP.id)).toHaveLength(0);
  });
});

describe("flooding", () => {
  it("answers the first few messages, warns once and drops the rest", async () => {
    ctx = await setup();
    for (let i = 0; i < 12; i++) ctx.fake.message({ text: "Dogiyai?" });
    await expect.poll(() => ctx?.fake.pendingUpdates.length ?? 1).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const sent = ctx.fake.delivered("sendMessage").filter((c) => c.params.chat_id === DEFAULT_USER.id);
    expect(sent.filter((c) => text(c).includes("Pelan-pelan"))).toHaveLength(1);
    expect(sent.length).toBe(6);
  });

  it("counts button taps too: over the limit a tap only stops spinning", async () => {
    ctx = await setup();
    for (let i = 0; i < 8; i++) ctx.fake.callbackQuery({ data: "a:id:p.papua" });
    await expect.poll(() => ctx?.fake.delivered("answerCallbackQuery").length).toBe(8);
    await new Promise((r) => setTimeout(r, 200));
    const answers = ctx.fake.delivered("sendMessage").filter((c) => c.params.chat_id === DEFAULT_USER.id);
    expect(answers).toHaveLength(5);
    const notices = ctx.fake
      .delivered("answerCallbackQuery")
      .filter((c) => String(c.params.text).includes("Pelan-pelan"));
    expect(notices).toHaveLength(3);
  });
});
