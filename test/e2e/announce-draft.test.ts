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
  setupAnnounce,
  shownButton,
  staffSays,
  tap,
  text,
  toChat,
  waitAfter,
} from "../support/announce.ts";

const GROUP = -5001;

/** The steps of a draft, in order, and what the bot shows when one is reached. */
const STEPS = ["text", "lang", "second", "audience", "provinces", "preview", "when"] as const;
type Step = (typeof STEPS)[number];

/** Starts a draft and walks it to `step`, waiting each time for the bot's prompt. */
async function reach(c: Ctx, step: Step): Promise<void> {
  let mark = c.fake.calls().length;
  c.fake.message({ text: "/umumkan", from: STAFF });
  await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Pengumuman baru"));
  const moves: Array<[Step, () => Promise<unknown>, string, string]> = [
    ["lang", async () => staffSays(c, "Rapat koordinasi IKM."), "sendMessage", "berbahasa apa"],
    ["second", () => press(c, "l:id"), "editMessageText", "Kirim juga versi"],
    ["audience", () => press(c, "skip"), "editMessageText", "Kirim ke grup mana"],
    ["provinces", () => press(c, "a:prov"), "editMessageText", "Pilih provinsi"],
    ["preview", () => press(c, "p:papua").then(() => press(c, "pn")), "sendMessage", "siap dikirim"],
    ["when", () => press(c, "sch"), "editMessageText", "Kapan dikirim"],
  ];
  for (const [reached, move, method, prompt] of moves) {
    if (STEPS.indexOf(step) < STEPS.indexOf(reached)) return;
    mark = c.fake.calls().length;
    await move();
    await waitAfter(c, mark, method, toChat(STAFF.id, prompt));
  }
}

/** Sends `body` from staff and waits for the bot's next message to staff. */
async function staffAsks(c: Ctx, body: string) {
  const mark = c.fake.calls().length;
  c.fake.message({ text: body, from: STAFF });
  return waitAfter(c, mark, "sendMessage", toChat(STAFF.id));
}

describe("a draft kept in the session", () => {
  it("survives a restart: staff continue where they were, and it goes out", async () => {
    const ctx = await setupAnnounce();
    const c = ctx;
    addGroup(c, GROUP, { provinces: ["papua"] });
    await reach(c, "second");
    await c.restart();
    let mark = c.fake.calls().length;
    await press(c, "skip");
    await waitAfter(c, mark, "editMessageText", toChat(STAFF.id, "Kirim ke grup mana"));
    mark = c.fake.calls().length;
    await press(c, "a:all");
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Pengumuman siap dikirim"));
    // And once more at the last step.
    await c.restart();
    expect(text(await send(c))).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(c, GROUP).map(text)).toEqual(["Rapat koordinasi IKM."]);
  });

  it("a text typed after a restart at the text step is taken as the draft's text", async () => {
    const ctx = await setupAnnounce();
    const c = ctx;
    await reach(c, "text");
    await c.restart();
    const mark = c.fake.calls().length;
    staffSays(c, "Pelatihan ekspor dibuka.");
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "berbahasa apa"));
  });
});

describe("/batal (/cancel)", () => {
  it.each(STEPS)("leaves the draft at its %s step: nothing is sent, its buttons are stale", async (step) => {
    const ctx = await setupAnnounce();
    const c = ctx;
    addGroup(c, GROUP, { provinces: ["papua"] });
    await reach(c, step);
    const cancel = step === "when" ? "/cancel" : "/batal";
    expect(text(await staffAsks(c, cancel))).toContain("Pengumuman dibatalkan");
    // The draft is gone: a text is a question again, not the draft's next text.
    expect(text(await staffAsks(c, "produk papua apa?"))).not.toContain("berbahasa apa");
    if (step !== "text") {
      const answer = await tap(c, await shownButton(c, "x"));
      expect(answer.params.text).toContain("draf pengumuman sebelumnya");
    }
    expect(service(c).announcements.scheduled()).toEqual([]);
    expect(service(c).announcements.recent()).toEqual([]);
    expect(deliveredTo(c, GROUP)).toHaveLength(0);
  });

  it("says so when there is no draft", async () => {
    const ctx = await setupAnnounce();
    expect(text(await staffAsks(ctx, "/batal"))).toContain("Tidak ada draf");
  });
});

describe("buttons and texts a draft does not take", () => {
  it("a button of an earlier draft says so and does nothing", async () => {
    const ctx = await setupAnnounce();
    const c = ctx;
    addGroup(c, GROUP);
    await compose(c, { text: "Draf pertama.", audience: "all" });
    const oldSend = await shownButton(c, "go");
    await compose(c, { text: "Draf kedua.", audience: "all" });
    const answer = await tap(c, oldSend);
    expect(answer.params.text).toContain("draf pengumuman sebelumnya");
    expect(service(c).announcements.recent()).toEqual([]);
    // The current draft is untouched and still sends.
    expect(text(await send(c))).toContain("Terkirim: 1 dari 1 grup");
    expect(deliveredTo(c, GROUP).map(text)).toEqual(["Draf kedua."]);
  });

  it("a button of an earlier step of this draft has expired", async () => {
    const ctx = await setupAnnounce();
    const c = ctx;
    await reach(c, "lang");
    const language = await shownButton(c, "l:id");
    const mark = c.fake.calls().length;
    await press(c, "l:id");
    await waitAfter(c, mark, "editMessageText", toChat(STAFF.id, "Kirim juga versi"));
    const answer = await tap(c, language);
    expect(answer.params.text).toContain("kedaluwarsa");
    // The draft is still at its second text.
    await press(c, "skip");
    await waitAfter(c, mark, "editMessageText", toChat(STAFF.id, "Kirim ke grup mana"));
  });

  it("a text holding a lone surrogate is refused at the text step, which waits for a good one", async () => {
    const ctx = await setupAnnounce();
    const c = ctx;
    addGroup(c, GROUP);
    await reach(c, "text");
    let mark = c.fake.calls().length;
    staffSays(c, "Rapat \uD83D penting");
    const refused = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "karakter rusak"));
    expect(text(refused)).toContain("/batal");
    expect(c.fake.calls("sendMessage").filter(toChat(STAFF.id, "berbahasa apa"))).toHaveLength(0);
    mark = c.fake.calls().length;
    staffSays(c, "Rapat 🎉 penting");
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "berbahasa apa"));
  });
});
