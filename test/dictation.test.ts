import { describe, expect, it } from "vitest";
import { asTyped } from "../src/answer/dictation.ts";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

const ask = async (question: string): Promise<Reply> => (await testEngine()).ask(question);

describe("a message dictated to a phone", () => {
  const asks = (word: string) => ["apa", "what", "mana"].includes(word);
  it("has the punctuation it spells out: 'tanda tanya', 'question mark', and 'koma' after a question word", () => {
    expect(asTyped("produk nya apa tanda tanya", asks)).toBe("produk nya apa ?");
    expect(asTyped("what does papua make question mark", asks)).toBe("what does papua make ?");
    expect(asTyped("produk nya apa koma kotanya apa", asks)).toBe("produk nya apa , kotanya apa");
    // ("koma" and "titik" are words too: a coma, a semicolon; and a message with marks of its own
    // means them.)
    expect(asTyped("apakah pasien koma bisa ikut", asks)).toBe("apakah pasien koma bisa ikut");
    expect(asTyped("apa maksud titik koma dalam nama program", asks)).toBe(
      "apa maksud titik koma dalam nama program",
    );
    expect(asTyped("Berapa titik lokasi program?", asks)).toBe("Berapa titik lokasi program?");
    // (Numbers are never read as a list's items: "1 pabrik dan 2 toko" counts.)
    expect(asTyped("saya punya 1 pabrik sepatu dan 2 toko di Mojokerto bisa ikut program", asks)).toBe(
      "saya punya 1 pabrik sepatu dan 2 toko di Mojokerto bisa ikut program",
    );
  });

  it("is answered as typed: the spelt-out marks are no words the sources lack", async () => {
    const asked = await ask("sulawesi selatan produk nya apa tanda tanya");
    expect(asked.kind).toBe("answer");
    expect(asked.text).toContain("perak");
    const twoParts = await ask("kalimantan barat itu produk nya apa koma kotanya apa");
    expect(twoParts.kind).toBe("answer");
    expect(twoParts.text).toContain("lidah buaya");
    expect(twoParts.text).toContain("Pontianak");
    // (A count in a message is no list of questions: no "Ya, benar" to whether a business may join.)
    const counts = await ask("saya punya 1 pabrik sepatu dan 2 toko di Mojokerto bisa ikut program");
    expect(counts.text).not.toMatch(/^Ya, benar/);
  });
});

describe("chat words", () => {
  it("'mantul' acknowledges; 'thanks bro' is thanked in English", async () => {
    expect((await ask("mantul")).kind).toBe("smalltalk");
    const thanks = await ask("thanks bro");
    expect(thanks.kind).toBe("smalltalk");
    expect(thanks.lang).toBe("en");
  });

  it("'kmn' asks where: a question, not a statement to check", async () => {
    const reply = await ask("sy fasilitator di kalbar, laporan kegiatan dikirim kmn");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^Tidak tepat/);
  });

  it("'mks' beside words the bot doesn't know is Makassar, not thanks", async () => {
    expect((await ask("cuaca mks besok hujan ga")).kind).toBe("fallback");
    expect((await ask("mks ya")).kind).toBe("smalltalk");
  });
});

describe("chat abbreviations", () => {
  it("are read as the words they shorten: 'stlh 2017' asks after the sources' last year", async () => {
    const reply = await ask("apakah sultra jadi ikut beneran stlh 2017?");
    // (Not "Ya, benar": the sources of 2017 can't say what came after it.)
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^Ya, benar/);
    expect(reply.text).toContain("Konawe Selatan");
    const support = await ask("Sumber dukungan sbg syarat pemilihan daerah itu maksudnya anggaran apa?");
    expect(support.kind).toBe("answer");
    expect(support.text).toContain("APBN");
  });
});
describe("a question about the bot itself", () => {
  it("is small talk, whatever it names of the bot: 'a person or a bot?', 'the IKM bot?', 'bot aktif?'", async () => {
    for (const question of [
      "who are you exactly? a person or a bot?",
      "Hello! Is this the IKM bot?",
      "Tes tes, bot aktif?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("smalltalk");
      expect(reply.text, question).toMatch(/Tanya IKM/);
    }
    // (A test asked of taking part is no test of the bot.)
    expect((await ask("Ada tes untuk ikut program?")).kind).not.toBe("smalltalk");
  });
});

describe("help asked with words the bot doesn't know", () => {
  it("is help with those, not a question of what the bot can do", async () => {
    expect((await ask("Can you help with my calculus homework?")).kind).toBe("fallback");
    expect((await ask("Apakah ada bantuan mesin untuk pengrajin?")).kind).toBe("fallback");
    expect((await ask("what can you help me with?")).kind).toBe("smalltalk");
  });
});

describe("small talk quoted in a request for a fact the sources never give", () => {
  it("is the request: 'translate “terima kasih …” into Japanese' is no thanks", async () => {
    expect((await ask("translate “terima kasih atas kerja samanya” into Japanese pls")).kind).toBe(
      "fallback",
    );
    expect((await ask("translate good morning into Japanese")).kind).toBe("fallback");
  });
});
