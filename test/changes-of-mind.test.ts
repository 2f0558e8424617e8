import { describe, expect, it } from "vitest";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("a change of mind in one message asks what follows it", () => {
  it.each<[string, string, string]>([
    ["produk Jatim apa, eh maksudnya Jateng", "Tegal", "alas kaki"],
    ["Kalbar produknya apa? sori, maksudnya Sumut.", "ulos", "lidah buaya"],
    ["What does Pasuruan make — no wait, what does Makassar make?", "silver", "ship components"],
    ["Where's the ulos weaving — scratch that, where's the aloe vera processing?", "Pontianak", "Samosir"],
    [
      "Tahu tempe itu dari provinsi mana ya, eh bukan, yg perak dan emas maksudnya",
      "Sulawesi Selatan",
      "Konawe",
    ],
    ["Jateng... eh bukan, Jatim, produk fase pertamanya apa?", "alas kaki", "Tegal"],
    ["Which provinces joined in 2013 — I mean, which declared they were ready in 2017?", "Papua", "Samosir"],
    ["IKM singkatan dari... eh maksud sy kepanjangannya apa", "Industri Kecil dan Menengah", "Tujuannya"],
  ])("%j", async (question, expected, abandoned) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
    expect(reply.text).not.toContain(abandoned);
  });

  it("a region outside the programme, meant instead of one in it, is answered as outside", async () => {
    const reply = await ask("Kalbar ikut kan? eh maksud sy Kaltim");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Kalimantan Timur");
    expect(reply.text).not.toMatch(/^Ya/);
  });

  it("is answered in the whole message's language", async () => {
    const reply = await ask("Is West Bangka in — sorry, I wrote that wrong, Bangka Barat?");
    expect(reply.lang).toBe("en");
    expect(reply.text).toContain("pewter");
  });

  it("what explains the question does not replace it", async () => {
    const both = await ask("Jatim produknya apa? maksudnya dua-duanya ya, fase 1 dan yg 2017");
    expect(both.text).toContain("alas kaki");
    expect(both.text).toContain("komponen kapal");
    expect(both.text).not.toMatch(/^Tidak tepat/);
    // ("maksudnya apa?" asks what something means.)
    const meaning = await ask("Menyatakan siap maksudnya apa?");
    expect(meaning.kind).toBe("answer");
    // ("nggak jadi target" is "not made a target", no change of mind.)
    const not = await ask("Yang nggak jadi target awal yang mana?", [
      "Lima provinsi baru tahun 2017 apa saja?",
    ]);
    expect(not.text).toContain("Bangka Belitung");
  });
});

describe("a change of mind that opens a message changes the chat's last question", () => {
  it.each<[string, string, string, string]>([
    // (Not Kalbar's card; its place is named only as where the programme works on Kalimantan.)
    ["Produk Kalbar apa?", "eh bukan Kalbar, Kalteng", "Kalimantan Tengah", "Kalimantan Barat: olahan"],
    ["Provinsi mana aja yg ikut sejak 2013?", "bukan itu, yang tahun 2017", "Dogiyai", "Samosir"],
    ["Jateng produknya apa?", "eh maksud sy kabupatennya mana", "Tegal", "Tujuannya"],
    [
      "What's the aim of the programme?",
      "no sorry, I meant how the regions were chosen",
      "three considerations",
      "productivity",
    ],
  ])("after %j, %j", async (before, question, expected, abandoned) => {
    const reply = await ask(question, [before]);
    expect(reply.text).toContain(expected);
    expect(reply.text).not.toContain(abandoned);
  });

  it("keeps the chat's language when the correction is only a name", async () => {
    const reply = await ask("eh typo, Sulteng", ["Sulut ikut gak min?"]);
    expect(reply.lang).toBe("id");
    expect(reply.text).toContain("Sulawesi Tengah");
  });
});

describe("taking a message back is small talk", () => {
  it.each([
    "oops, never mind",
    "sorry, typo",
    "eh salah kirim, abaikan aja",
    "maaf typo tadi",
    "ralat, gak jadi nanya hehe",
  ])("%j", async (message) => {
    expect((await ask(message)).kind).toBe("smalltalk");
  });

  it("after a question too", async () => {
    expect((await ask("Sorry — ignore my last message.", ["What does Sumut make?"])).kind).toBe("smalltalk");
  });
});

describe("words that drop a question outright", () => {
  it.each<[string, string]>([
    ["berapa anggarannya? eh gak usah, tahun mulainya aja", "2013"],
    ["kontak fasilitator Papua ada? kalo gak ada, kabupaten mana yg ikut di Papua?", "Dogiyai"],
    ["omzet IKM Sulsel naik brp? eh skip, produknya aja apa", "perak"],
    ["berapa biaya program di Tegal? ah gak penting, Tegal produknya apa?", "komponen logam"],
    ["who are the facilitators by name? skip that, where are they drawn from?", "local resources"],
  ])("%j asks what follows", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("a condition drops what came before only when the sources can't answer it", async () => {
    const both = await ask("Is Sumut in the programme? if not, what does Papua make?");
    expect(both.text).toMatch(/^Yes, North Sumatra is part of the programme/);
    expect(both.text).toContain("coffee");
  });

  it("a statement opened by 'Correction:' is still checked", async () => {
    expect((await ask("Correction: the programme started in 2012.")).text).toMatch(/^Not quite[\s\S]*2013/);
  });

  it("is looked for only in a message the reader reads whole", async () => {
    const long = `${"Produk Sulsel apa? ".repeat(40)}eh maksudnya Jateng`;
    expect((await ask(long)).text).not.toMatch(/^Jawa Tengah/);
  });
});
