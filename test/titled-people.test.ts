import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("a title the sources don't give, put on a person they name", () => {
  it.each<[string, string, string]>([
    [
      "Menteri Gati bilang IKM di Sumut dikembangkan untuk produk apa?",
      "Sumber menyebut Gati Wibawaningsih sebagai Direktur Jenderal Industri Kecil dan Menengah (Dirjen IKM), Kementerian Perindustrian, bukan Menteri.",
      "tenun ulos",
    ],
    [
      "What did Minister Gati say Central Java produces under the programme?",
      "The sources give Gati Wibawaningsih as Director General of Small and Medium Industry, Ministry of Industry, not Minister.",
      "metal components",
    ],
    [
      "According to Gati, the Minister of Cooperatives, what is the strategic theme about?",
      "The sources give Gati Wibawaningsih as Director General of Small and Medium Industry, Ministry of Industry, not the Minister of Cooperatives.",
      "supporting industries",
    ],
  ])("%j is corrected first, then answered", async (question, note, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text.split("\n")[0]).toBe(note);
    expect(reply.text).toContain(fact);
  });

  it("is no title when it is a word of address, or the role the sources give", async () => {
    const cases: Array<[string, string]> = [
      ["Mrs Wibawaningsih said East Java's product in the 2013 phase was what?", "footwear"],
      ["Direktur Jenderal Gati bilang apa soal tema afirmatif?", "daerah tertinggal"],
    ];
    for (const [question, fact] of cases) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toContain(fact);
      expect(reply.text, question).not.toMatch(/not |bukan /);
    }
  });

  it("is only words of office and names joined to the name: no other person's, nor past punctuation", async () => {
    for (const question of [
      "Dubes Jepang dan Gati menandatangani apa?",
      "Kata Menteri, Dirjen Gati bilang apa soal tema afirmatif?",
      "Gati, wakil dari Kemenperin, bilang apa soal target awal?",
    ])
      expect((await ask(question)).text, question).not.toMatch(/bukan|not /);
  });

  it("is corrected in the language of the whole message", async () => {
    const reply = await ask("Gati, the Minister of Cooperatives?");
    expect(reply.lang).toBe("en");
    expect(reply.text).toMatch(
      /^The sources give Gati Wibawaningsih as .*, not the Minister of Cooperatives\./,
    );
  });

  it("stays a statement to check where it is one, as do the roles that name someone", async () => {
    expect((await ask("Bu Gati itu menteri ya?")).text).toMatch(/^Tidak tepat/);
    expect((await ask("I read that the editor was Regi Yanuar. Is that right?")).text).toContain("Annisa");
  });
});

describe("a person named as who said something", () => {
  it.each<[string, string]>([
    ["Menurut Gati, sejak tahun berapa kerja sama IKM Indonesia-Jepang berjalan?", "2013"],
    [
      "According to the Director General of Small and Medium Industry, when did the cooperation start?",
      "2013",
    ],
    ["Gati bilang IKM di Sumut dikembangkan untuk produk apa?", "tenun ulos"],
  ])("%j is answered what was asked of what they said", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
    expect(reply.text).not.toContain("Gati Wibawaningsih —");
  });

  it("of a region outside the programme, says it is outside", async () => {
    expect((await ask("Bu Gati bilang Aceh dapat program apa?")).kind).toBe("not_in_programme");
  });

  it("is still asked about where the question is where they are quoted", async () => {
    expect((await ask("Is Gati Wibawaningsih quoted in the JICA report or somewhere else?")).text).toContain(
      "Bisnis",
    );
  });
});

describe("an office the sources name nobody in", () => {
  it("asked what its holder said, is what the sources don't quote", async () => {
    for (const question of [
      "Bupati Dogiyai bilang apa soal kopi?",
      "Wali Kota Makassar ngomong apa soal program ini?",
    ]) {
      expect((await ask(question)).kind, question).toBe("fallback");
    }
  });

  it("only framing a question the facts answer, is left aside", async () => {
    const reply = await ask("Jubir JICA bilang olahan lidah buaya dikembangkan di provinsi mana?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Kalimantan Barat");
  });

  it("asked who held it, is what the sources don't say; said to be the speaker, is corrected", async () => {
    expect(
      (await ask("Who was Indonesia's Minister of Industry when this cooperation was announced?")).kind,
    ).toBe("fallback");
    expect((await ask("katanya yg ngomong itu menteri perindustrian langsung")).text).toContain(
      "Wibawaningsih",
    );
  });
});

describe("a person addressed or named as who said it", () => {
  it("is greeted, or whom a question is put to, not what it asks about", async () => {
    expect((await ask("Selamat pagi Bu Dirjen!")).kind).toBe("smalltalk");
    expect((await ask("Good morning, Director General!")).kind).toBe("smalltalk");
    expect((await ask("Pagi Bu Gati, minta info program dong")).text).toMatch(/^Sejak 2013 Kementerian/);
    expect((await ask("Pak Dirjen, produk Sulsel apa?")).text).toMatch(/^Sulawesi Selatan: kerajinan perak/);
    // (Asked about, or named in a statement, a person is still who it is about.)
    expect((await ask("Bu Gati itu siapa?")).text).toMatch(/^Gati Wibawaningsih/);
    expect((await ask("Ibu Gati jadi Dirjen IKM mulai tahun berapa?")).kind).toBe("fallback");
  });

  it("is given when the question asks who wrote or edited the article", async () => {
    expect((await ask("Menurut Gati, siapa editor beritanya?")).text).toMatch(/^Annisa Margrit/);
    expect((await ask("According to Gati, who wrote the article?")).text).toMatch(/^Regi Yanuar/);
    // ("Siapa dirjen yang bilang …?" asks who said it.)
    expect((await ask("Siapa dirjen yang bilang tiga pertimbangan?")).text).toMatch(/^Itu disampaikan Gati/);
    expect((await ask("Gati bilang pemerintah pusat melibatkan siapa?")).text).toContain("pemerintah daerah");
  });
});

describe("a fact put in the mouth of an office the sources don't quote", () => {
  it("is neither borne out nor denied: they don't say the office said it, and say what they do", async () => {
    for (const question of [
      "Bener gak Gubernur Sulsel bilang Makassar bikin perak?",
      "Is it true the Governor of South Sulawesi said Makassar makes silver?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/gubernur|governor/);
      expect(reply.text, question).toContain("Makassar");
      expect(reply.text, question).not.toMatch(/Tidak tepat|Not quite|Ya, benar|Yes, that's right/);
    }
  });
});
