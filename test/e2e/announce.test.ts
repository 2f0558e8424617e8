import { describe, expect, it } from "vitest";
import {
  addGroup,
  type Ctx,
  compose,
  deliveredTo,
  press,
  STAFF,
  send,
  service,
  settled,
  setupAnnounce,
  shownButton,
  staffSays,
  tap,
  text,
  toChat,
  WIB,
  waitAfter,
} from "../support/announce.ts";
import { DEFAULT_USER, type RecordedCall } from "../support/fake-bot-api.ts";

describe("who may do what", () => {
  it("refuses /umumkan, /pengumuman and the buttons to anyone not on staff; nothing changes", async () => {
    const ctx = await setupAnnounce();
    ctx.fake.message({ text: "/umumkan" });
    await ctx.fake.waitFor("sendMessage", toChat(DEFAULT_USER.id, "hanya untuk staf"));
    ctx.fake.message({ text: "/pengumuman" });
    await expect
      .poll(
        () => ctx.fake.delivered("sendMessage").filter(toChat(DEFAULT_USER.id, "hanya untuk staf")).length,
      )
      .toBe(2);
    const refused = await tap(ctx, "an:go", DEFAULT_USER);
    expect(refused.params.text).toContain("hanya untuk staf");
    expect(refused.params.show_alert).toBe(true);
    expect(service(ctx).announcements.scheduled()).toEqual([]);
    expect(service(ctx).announcements.recent()).toEqual([]);
  });

  it("lets only a group's admins subscribe it and tie it to provinces", async () => {
    const ctx = await setupAnnounce();
    const GROUP = { id: -100777, type: "supergroup" as const, title: "Klaster Kopi Dogiyai" };
    const subs = service(ctx).subscriptions;
    // A member who is not an admin is ignored: no refusal posted in the group.
    ctx.fake.message({ text: "/langganan", chat: GROUP });
    await ctx.fake.waitFor("getChatMember", (call) => call.params.chat_id === GROUP.id);
    expect(subs.get(GROUP.id).subscribed).toBe(false);

    ctx.fake.setChatMember(GROUP.id, DEFAULT_USER.id, "administrator");
    ctx.fake.message({ text: "/langganan", chat: GROUP });
    await ctx.fake.waitFor("sendMessage", toChat(GROUP.id, "sekarang menerima pengumuman"));
    expect(subs.get(GROUP.id).subscribed).toBe(true);
    // The member's /langganan, answered by Telegram's getChatMember before this one, got nothing.
    expect(ctx.fake.calls("sendMessage").filter(toChat(GROUP.id))).toHaveLength(1);

    ctx.fake.message({ text: "/wilayah Papua, Sulawesi Selatan", chat: GROUP });
    await ctx.fake.waitFor(
      "sendMessage",
      toChat(GROUP.id, "terhubung dengan provinsi: Papua, Sulawesi Selatan"),
    );
    expect(subs.get(GROUP.id).provinces).toEqual(["papua", "sulsel"]);
    ctx.fake.message({ text: "/wilayah Atlantis", chat: GROUP });
    await ctx.fake.waitFor("sendMessage", toChat(GROUP.id, "Bukan provinsi program: Atlantis"));
    expect(subs.get(GROUP.id).provinces).toEqual(["papua", "sulsel"]);

    ctx.fake.message({ text: "/berhenti_langganan", chat: GROUP });
    await ctx.fake.waitFor("sendMessage", toChat(GROUP.id, "tidak lagi menerima"));
    expect(subs.get(GROUP.id).subscribed).toBe(false);

    const ann = { ...DEFAULT_USER, id: 1002, first_name: "Ann", language_code: "en" };
    ctx.fake.message({ text: "/subscribe", from: ann });
    await ctx.fake.waitFor("sendMessage", toChat(ann.id, "This command is for groups"));
  });
});

describe("composing and sending", () => {
  const A = -1001;
  const B = -1002;
  const C = -1003;
  const D = -1004;
  const E = -1005;

  function fiveGroups(c: Ctx): void {
    addGroup(c, A);
    addGroup(c, B, { lang: "en" });
    addGroup(c, C, { lang: "id", provinces: ["papua"] });
    addGroup(c, D, { subscribed: false });
    addGroup(c, E, { active: false });
  }

  it("previews exactly what groups get, then sends it to every subscribed group in its language", async () => {
    const ctx = await setupAnnounce();
    fiveGroups(ctx);
    const summary = await compose(ctx, {
      text: "Halo <semua>! Rapat IKM besok & lusa.",
      entities: [{ type: "bold", offset: 0, length: 4 }],
      second: "Hello all! IKM meeting tomorrow.",
      secondEntities: [{ type: "italic", offset: 0, length: 5 }],
      audience: "all",
    });
    const idHtml = "<b>Halo</b> &lt;semua&gt;! Rapat IKM besok &amp; lusa.";
    const enHtml = "<i>Hello</i> all! IKM meeting tomorrow.";
    const previews = ctx.fake.delivered("sendMessage").filter((c) => c.params.chat_id === STAFF.id);
    expect(previews.some((c) => c.params.text === idHtml && c.params.parse_mode === "HTML")).toBe(true);
    expect(previews.some((c) => c.params.text === enHtml)).toBe(true);
    expect(text(summary)).toContain("(3 grup)");
    expect(deliveredTo(ctx, A)).toHaveLength(0);

    const report = await send(ctx);
    expect(text(report)).toContain("Terkirim: 3 dari 3 grup");
    expect(deliveredTo(ctx, A).map(text)).toEqual([idHtml]);
    expect(deliveredTo(ctx, B).map(text)).toEqual([enHtml]);
    expect(deliveredTo(ctx, C).map(text)).toEqual([idHtml]);
    expect(deliveredTo(ctx, D)).toHaveLength(0);
    expect(deliveredTo(ctx, E)).toHaveLength(0);
    expect(deliveredTo(ctx, A)[0]?.params.parse_mode).toBe("HTML");
    // One progress message, edited to its final state.
    expect(
      ctx.fake.delivered("sendMessage").filter(toChat(STAFF.id, "📣 Pengumuman #1\nTerkirim")),
    ).toHaveLength(1);
    await ctx.fake.waitFor("editMessageText", toChat(STAFF.id, "Terkirim 3/3 · 0 gagal · 0 dilewati"));
  });

  it("sends to the groups of chosen provinces only, or of one language", async () => {
    const ctx = await setupAnnounce();
    fiveGroups(ctx);
    await compose(ctx, { text: "Pelatihan kopi di Papua.", audience: { provinces: ["papua"] } });
    expect(text(await send(ctx))).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(ctx, C).map(text)).toEqual(["Pelatihan kopi di Papua."]);

    // Only an Indonesian text: the English groups get it as it is.
    await compose(ctx, { text: "Info untuk grup berbahasa Inggris.", audience: "en" });
    expect(text(await send(ctx))).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(ctx, B).map(text)).toEqual(["Info untuk grup berbahasa Inggris."]);
    expect(deliveredTo(ctx, A)).toHaveLength(0);
  });

  it("pins the announcement when asked, where the bot may", async () => {
    const ctx = await setupAnnounce();
    addGroup(ctx, A);
    addGroup(ctx, B);
    ctx.fake.fail(
      "pinChatMessage",
      {
        error_code: 400,
        description: "Bad Request: not enough rights to manage pinned messages in the chat",
      },
      { when: (p) => p.chat_id === B },
    );
    await compose(ctx, { text: "Penting: jadwal baru.", audience: "all" });
    await press(ctx, "pin");
    await ctx.fake.waitFor("editMessageText", toChat(STAFF.id, "Sematkan di grup: ya"));
    const report = await send(ctx);
    expect(text(report)).toContain("Terkirim: 2 dari 2 grup");
    expect(text(report)).toContain("Disematkan di 1 grup");
    const pinned = ctx.fake.delivered("pinChatMessage");
    expect(pinned.map((c) => c.params.chat_id)).toEqual([A]);
    expect(pinned[0]?.params.disable_notification).toBe(true);
  });
});

describe("when Telegram refuses", () => {
  /** Gives the draft its text (Indonesian, no second one) and all groups; returns the mark before the last tap. */
  async function textToAll(c: Ctx, body: string): Promise<number> {
    const mark = c.fake.calls().length;
    staffSays(c, body);
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "berbahasa apa"));
    await press(c, "l:id");
    await press(c, "skip");
    const beforeAudience = c.fake.calls().length;
    await press(c, "a:all");
    return beforeAudience;
  }

  it("a preview it cannot show: staff are told why, and the draft starts again at its text", async () => {
    const ctx = await setupAnnounce();
    addGroup(ctx, -1001);
    const c = ctx;
    c.fake.fail(
      "sendMessage",
      {
        error_code: 400,
        description: `Bad Request: can't parse entities: Unsupported start tag "<x>" at byte offset 6`,
      },
      { when: (p) => p.chat_id === STAFF.id && p.text === "Rapat penting." },
    );
    let mark = c.fake.calls().length;
    c.fake.message({ text: "/umumkan", from: STAFF });
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Pengumuman baru"));
    mark = await textToAll(c, "Rapat penting.");
    const told = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "tidak mau menampilkan"));
    expect(text(told)).toContain('can\'t parse entities: Unsupported start tag "&lt;x&gt;"');
    expect(c.fake.calls("sendMessage").filter(toChat(STAFF.id, "Pengumuman siap dikirim"))).toHaveLength(0);

    // The next text starts the draft again.
    mark = await textToAll(c, "Rapat penting, diperbaiki.");
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Pengumuman siap dikirim"));
    expect(text(await send(c))).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(c, -1001).map(text)).toEqual(["Rapat penting, diperbaiki."]);
  });

  it("a button answered too late ('query is too old') still does what it asks", async () => {
    const ctx = await setupAnnounce();
    addGroup(ctx, -1001);
    const c = ctx;
    await compose(c, { text: "Webinar ekspor.", audience: "all" });
    const answered = c.fake.calls("answerCallbackQuery").length;
    c.fake.fail(
      "answerCallbackQuery",
      {
        error_code: 400,
        description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
      },
      { times: Number.POSITIVE_INFINITY },
    );
    let mark = c.fake.calls().length;
    c.fake.callbackQuery({ data: await shownButton(c, "sch"), from: STAFF });
    await waitAfter(c, mark, "editMessageText", toChat(STAFF.id, "Kapan dikirim?"));
    staffSays(c, "besok 09:00");
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "dijadwalkan pada"));
    c.fake.message({ text: "/pengumuman", from: STAFF });
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Terjadwal"));
    mark = c.fake.calls().length;
    c.fake.callbackQuery({ data: "an:c:1", from: STAFF });
    await waitAfter(c, mark, "editMessageText", toChat(STAFF.id, "#1 · dibatalkan"));
    expect(service(c).announcements.get(1)?.status).toBe("cancelled");
    const late = c.fake.calls("answerCallbackQuery").slice(answered);
    expect(late.length).toBe(2);
    expect(late.every((call) => call.failed)).toBe(true);
  });
});

describe("delivery errors", () => {
  const A = -2001;
  const B = -2002;
  const C = -2003;

  it("a 429 holds sending back for retry_after; the group gets the message once", async () => {
    const ctx = await setupAnnounce();
    for (const id of [A, B, C]) addGroup(ctx, id);
    ctx.fake.fail(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } },
      { when: (p) => p.chat_id === B },
    );
    await compose(ctx, { text: "Rapat koordinasi.", audience: "all" });
    const mark = ctx.fake.calls().length;
    await press(ctx, "go");
    await waitAfter(ctx, mark, "sendMessage", toChat(A));
    await waitAfter(ctx, mark, "sendMessage", toChat(C));
    await expect.poll(() => ctx.fake.calls("sendMessage").filter(toChat(B)).length).toBe(1);
    await settled(ctx);
    expect(deliveredTo(ctx, B)).toHaveLength(0);

    ctx.clock.advance(4999);
    await settled(ctx);
    expect(deliveredTo(ctx, B)).toHaveLength(0);
    ctx.clock.advance(1);
    const report = await waitAfter(ctx, mark, "sendMessage", toChat(STAFF.id, "Laporan pengumuman"));
    expect(text(report)).toContain("Terkirim: 3 dari 3 grup");
    for (const id of [A, B, C]) expect(deliveredTo(ctx, id)).toHaveLength(1);
    expect(ctx.fake.calls("sendMessage").filter(toChat(B))).toHaveLength(2);
    // The progress message was edited while B waited.
    await ctx.fake.waitFor("editMessageText", toChat(STAFF.id, "Terkirim 2/3"));
  });

  it("a 403 marks the group inactive and unsubscribed, and later announcements skip it", async () => {
    const ctx = await setupAnnounce();
    for (const id of [A, C]) addGroup(ctx, id);
    addGroup(ctx, B, { title: "IKM Tenun <Sintang>" });
    ctx.fake.fail(
      "sendMessage",
      { error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
      { when: (p) => p.chat_id === B },
    );
    await compose(ctx, { text: "Pengumuman pertama.", audience: "all" });
    const report = await send(ctx);
    expect(text(report)).toContain("Terkirim: 2 dari 3 grup");
    expect(text(report)).toContain("Gagal: 1");
    expect(text(report)).toContain("IKM Tenun &lt;Sintang&gt;");
    expect(ctx.app.deps.groups.get(B)?.active).toBe(false);
    expect(service(ctx).subscriptions.get(B).subscribed).toBe(false);

    await compose(ctx, { text: "Pengumuman kedua.", audience: "all" });
    expect(text(await send(ctx))).toContain("Terkirim: 2 dari 2 grup");
    expect(ctx.fake.calls("sendMessage").filter(toChat(B))).toHaveLength(1);
  });

  it("a group upgraded to a supergroup gets the message at its new id, subscription and provinces moved", async () => {
    const ctx = await setupAnnounce();
    const OLD = -555;
    const NEW = -100555;
    addGroup(ctx, OLD, { provinces: ["papua"], title: "IKM Papua" });
    ctx.fake.fail(
      "sendMessage",
      {
        error_code: 400,
        description: "Bad Request: group chat was upgraded to a supergroup chat",
        parameters: { migrate_to_chat_id: NEW },
      },
      { when: (p) => p.chat_id === OLD },
    );
    await compose(ctx, { text: "Untuk Papua.", audience: { provinces: ["papua"] } });
    expect(text(await send(ctx))).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(ctx, NEW).map(text)).toEqual(["Untuk Papua."]);
    expect(deliveredTo(ctx, OLD)).toHaveLength(0);
    expect(service(ctx).subscriptions.get(NEW)).toEqual({ subscribed: true, provinces: ["papua"] });
    expect(ctx.app.deps.groups.get(OLD)).toBeUndefined();
    expect(ctx.app.deps.groups.get(NEW)?.title).toBe("IKM Papua");
  });
});

describe("killed mid-broadcast", () => {
  it("reports the groups left unconfirmed after a restart, and its button resends to them", async () => {
    const c = await setupAnnounce();
    const groups = Array.from({ length: 40 }, (_, i) => -3000 - i);
    for (const id of groups) addGroup(c, id);
    await compose(c, { text: "Siaran untuk semua klaster.", audience: "all" });

    // The 11th to 20th messages never reach Telegram (their connection is still being set up)
    // when the process dies; Telegram takes the others.
    let groupSends = 0;
    let id = 90_000;
    c.fake.respond("sendMessage", (params) => {
      const chatId = Number(params.chat_id);
      if (chatId < 0 && ++groupSends > 10 && groupSends <= 20) return new Promise(() => {});
      return {
        message_id: id++,
        date: 1,
        chat: { id: chatId, type: chatId < 0 ? "group" : "private" },
        text: params.text,
      };
    });
    const mark = c.fake.calls().length;
    await press(c, "go");
    // The first second's 30 slots are shared with the calls to staff: the rest go a second later.
    c.clock.advance(1100);
    await waitAfter(c, mark, "editMessageText", toChat(STAFF.id, "mulai dikirim"));
    await expect.poll(() => service(c).deliveries.counts(1)).toMatchObject({ sent: 30, sending: 10 });
    service(c).broadcaster.kill();

    await c.restart();
    const report = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Laporan pengumuman"));
    // Only what Telegram confirmed counts as delivered; the others are named, with a way to resend.
    expect(text(report)).toContain("Terkirim: 30 dari 40 grup");
    expect(text(report)).toContain("Tidak terkonfirmasi: 10");
    expect(text(report)).toContain("? <b>tidak terkonfirmasi: bot mati saat mengirimnya</b> (10): Grup -30");
    const unconfirmed = groups.filter((g) => deliveredTo(c, g).length === 0);
    expect(unconfirmed).toHaveLength(10);
    for (const g of unconfirmed) expect(text(report)).toContain(`Grup ${g}`);
    const keyboard = report.params.reply_markup as {
      inline_keyboard: Array<Array<{ callback_data: string }>>;
    };
    const button = keyboard.inline_keyboard[0]?.[0]?.callback_data ?? "";
    expect(button).toBe("an:r:1");
    // /pengumuman offers the same, should the report have been lost.
    const listed = c.fake.calls().length;
    c.fake.message({ text: "/pengumuman", from: STAFF });
    const list = await waitAfter(c, listed, "sendMessage", toChat(STAFF.id, "Terakhir"));
    expect(text(list)).toContain("10 tidak terkonfirmasi");
    expect(JSON.stringify(list.params.reply_markup)).toContain('"callback_data":"an:r:1"');

    const again = c.fake.calls().length;
    const answer = await tap(c, button);
    expect(answer.params.text).toContain("dikirim ulang ke 10 grup");
    const second = await waitAfter(c, again, "sendMessage", toChat(STAFF.id, "Laporan pengumuman"));
    expect(text(second)).toContain("Terkirim: 40 dari 40 grup");
    // The resent ones may have had the first copy: the report says so.
    expect(text(second)).toContain("Mungkin diterima dua kali: 10");
    expect(second.params.reply_markup).toBeUndefined();
    for (const g of groups) expect(deliveredTo(c, g), `group ${g}`).toHaveLength(1);
    // The first report was not sent again after the restart.
    expect(c.fake.delivered("sendMessage").filter(toChat(STAFF.id, "Laporan pengumuman"))).toHaveLength(2);
    // Tapped again: nothing left to resend.
    expect((await tap(c, button)).params.text).toContain("tidak punya grup tidak terkonfirmasi");
  });
});

describe("scheduling", () => {
  /** Composes and schedules; `typos` first tries two times that are refused. */
  async function schedule(c: Ctx, when: string, typos = false): Promise<RecordedCall> {
    addGroup(c, -4001);
    await compose(c, { text: "Webinar ekspor jam 10.", audience: "all" });
    await press(c, "sch");
    await c.fake.waitFor("editMessageText", toChat(STAFF.id, "Kapan dikirim?"));
    const mark = c.fake.calls().length;
    if (typos) {
      staffSays(c, "kemarin");
      await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "tidak saya kenali"));
      staffSays(c, "2025-06-02 07:00");
      await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "sudah lewat"));
    }
    staffSays(c, when);
    return waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "dijadwalkan pada"));
  }

  it("fires a scheduled announcement at its time, not before (injected clock)", async () => {
    const ctx = await setupAnnounce();
    const confirmed = await schedule(ctx, "2025-06-02 10:00", true);
    expect(text(confirmed)).toContain("10.00");
    expect(text(confirmed)).toContain("Asia/Jakarta");
    await settled(ctx);
    // The worker sleeps until exactly 10:00 WIB.
    expect(ctx.clock.deadlines).toContain(WIB(10));

    ctx.clock.set(WIB(10) - 1000);
    await settled(ctx);
    expect(deliveredTo(ctx, -4001)).toHaveLength(0);
    ctx.clock.set(WIB(10));
    const report = await ctx.fake.waitFor("sendMessage", toChat(STAFF.id, "Laporan pengumuman"));
    expect(text(report)).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(ctx, -4001).map(text)).toEqual(["Webinar ekspor jam 10."]);
  });

  it("is not sent when the bot comes back more than 30 minutes after its time: the author is told", async () => {
    const ctx = await setupAnnounce();
    const c = ctx;
    await schedule(c, "2025-06-02 10:00");
    // The bot is down from 09:00 to 10:31.
    c.clock.set(WIB(9));
    service(c).broadcaster.kill();
    c.clock.set(WIB(10, 31));
    await c.restart();
    const notice = await c.fake.waitFor("sendMessage", toChat(STAFF.id, "tidak dikirim"));
    expect(text(notice)).toContain("Pengumuman #1 tidak dikirim");
    expect(text(notice)).toContain("31 menit");
    expect(text(notice)).toContain("Webinar ekspor jam 10.");
    await settled(c);
    expect(deliveredTo(c, -4001)).toHaveLength(0);
    expect(c.fake.delivered("sendMessage").filter(toChat(STAFF.id, "tidak dikirim"))).toHaveLength(1);

    const mark = c.fake.calls().length;
    c.fake.message({ text: "/pengumuman", from: STAFF });
    const list = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Terakhir"));
    expect(text(list)).toContain("#1 · terlewat (bot mati) · 02/06, 10.00");
  });

  it("/pengumuman lists it and cancels it; nothing is sent at its time", async () => {
    const ctx = await setupAnnounce();
    await schedule(ctx, "besok 09:00");
    const mark = ctx.fake.calls().length;
    ctx.fake.message({ text: "/pengumuman", from: STAFF });
    const list = await waitAfter(ctx, mark, "sendMessage", toChat(STAFF.id, "Terjadwal"));
    expect(text(list)).toContain("#1 · 03/06");
    expect(text(list)).toContain("Webinar ekspor jam 10.");
    const answer = await tap(ctx, "an:c:1");
    expect(answer.params.text).toContain("Pengumuman #1 dibatalkan");
    expect(service(ctx).announcements.get(1)?.status).toBe("cancelled");

    ctx.clock.set(WIB(8) + 2 * 86_400_000);
    await settled(ctx);
    expect(deliveredTo(ctx, -4001)).toHaveLength(0);
  });
});
