import type { User } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { compose, deliveredTo, send, service, setupAnnounce, text, toChat } from "../support/announce.ts";
import { DEFAULT_USER } from "../support/fake-bot-api.ts";

const ANN: User = { ...DEFAULT_USER, id: 2002, first_name: "Ann", language_code: "en" };
const SITI = DEFAULT_USER;
const ENGLISH = { id: -100201, type: "supergroup" as const, title: "SME Makassar" };
const INDONESIAN = { id: -100202, type: "supergroup" as const, title: "IKM Pasuruan" };

describe("a group's language", () => {
  it("comes from the admin who subscribes it, is shown with a button to change it, and English groups read English", async () => {
    const c = await setupAnnounce();
    c.fake.setChatMember(ENGLISH.id, ANN.id, "administrator");
    c.fake.setChatMember(INDONESIAN.id, SITI.id, "administrator");
    c.fake.message({ text: "/subscribe", chat: ENGLISH, from: ANN });
    const subscribed = await c.fake.waitFor("sendMessage", toChat(ENGLISH.id, "now receives announcements"));
    expect(text(subscribed)).toContain(
      "Announcements reach this group in English, the language of the admin who subscribed it.",
    );
    const change = subscribed.params.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
    };
    expect(change.inline_keyboard).toEqual([
      [{ text: "Ganti ke Bahasa Indonesia", callback_data: "lang:id" }],
    ]);
    c.fake.message({ text: "/langganan", chat: INDONESIAN, from: SITI });
    await c.fake.waitFor(
      "sendMessage",
      toChat(INDONESIAN.id, "dikirim dalam Bahasa Indonesia, bahasa admin"),
    );

    // Staff see, before sending, the groups whose language nobody chose.
    const summary = await compose(c, {
      text: "Rapat IKM besok.",
      second: "IKM meeting tomorrow.",
      audience: "all",
    });
    expect(text(summary)).toContain("2 grup belum pernah memilih bahasa");
    expect(text(summary)).toContain("SME Makassar (Bahasa Inggris)");
    expect(text(summary)).toContain("IKM Pasuruan (Bahasa Indonesia)");
    await send(c);
    expect(deliveredTo(c, ENGLISH.id).map(text)).toContain("IKM meeting tomorrow.");
    expect(deliveredTo(c, INDONESIAN.id).map(text)).toContain("Rapat IKM besok.");
  });

  it("once an admin chooses it, stays chosen and leaves the staff's warning", async () => {
    const c = await setupAnnounce();
    c.fake.setChatMember(ENGLISH.id, ANN.id, "administrator");
    c.fake.message({ text: "/subscribe", chat: ENGLISH, from: ANN });
    await c.fake.waitFor("sendMessage", toChat(ENGLISH.id, "now receives announcements"));
    c.fake.callbackQuery({ data: "lang:id", chat: ENGLISH, from: ANN });
    await c.fake.waitFor("editMessageText", toChat(ENGLISH.id, "Bahasa diganti ke Bahasa Indonesia"));
    expect(c.app.deps.groups.get(ENGLISH.id)).toMatchObject({ language: "id", languageChosen: true });
    // Subscribing again keeps the choice.
    c.fake.message({ text: "/subscribe", chat: ENGLISH, from: ANN });
    await c.fake.waitFor(
      "sendMessage",
      toChat(ENGLISH.id, "Pengumuman untuk grup ini dikirim dalam Bahasa Indonesia."),
    );
    const summary = await compose(c, { text: "Rapat IKM besok.", audience: "all" });
    expect(text(summary)).not.toContain("memilih bahasa");
    expect(service(c).subscriptions.subscribers()).toEqual([
      expect.objectContaining({ languageChosen: true }),
    ]);
  });
});

describe("/wilayah with today's province names", () => {
  it("ties 'Papua Tengah' to the programme's Papua entry and says so", async () => {
    const c = await setupAnnounce();
    c.fake.setChatMember(ENGLISH.id, SITI.id, "administrator");
    c.fake.message({ text: "/wilayah Papua Tengah, Kota Makassar", chat: ENGLISH, from: SITI });
    const reply = await c.fake.waitFor("sendMessage", toChat(ENGLISH.id, "terhubung dengan provinsi"));
    expect(text(reply)).toContain(
      "Papua Tengah kini memuat lokasi program yang dalam sumber tercatat di provinsi Papua",
    );
    expect(text(reply)).toContain("Kota Makassar termasuk provinsi program Sulawesi Selatan.");
    expect(service(c).subscriptions.get(ENGLISH.id).provinces).toEqual(["papua", "sulsel"]);
    c.fake.message({ text: "/wilayah Bali", chat: ENGLISH, from: SITI });
    await c.fake.waitFor("sendMessage", toChat(ENGLISH.id, "Bukan provinsi program: Bali"));
  });
});
