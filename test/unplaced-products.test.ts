import { describe, expect, it } from "vitest";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

async function ask(question: string, history: string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

describe("goods the sources place nowhere, asked whether the programme covers them", () => {
  it("are outside it: the reply names them and lists the products the sources give", async () => {
    for (const [question, goods] of [
      ["Batik termasuk?", "batik"],
      ["ada program sawit gak?", "sawit"],
      ["Batik dan songket termasuk?", "batik dan songket"],
      ["Does the programme cover batik?", "batik"],
      ["Is there a seaweed project?", "seaweed"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).toContain(goods);
      expect(reply.text, question).toMatch(/tenun ulos|ulos weaving/);
      expect(reply.text, question).toMatch(/pengolahan kopi|coffee processing/);
      expect(reply.sources.length, question).toBeGreaterThan(0);
    }
  });

  it("asked again of other goods, in a follow-up, are outside it too", async () => {
    const reply = await ask("kalau songket?", ["Batik termasuk produk program ini?"]);
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("songket");
    // After a product of the programme was asked in, so are the goods after it.
    for (const [question, before] of [
      ["and batik?", "is ulos weaving covered?"],
      ["makes sense, and palm oil?", "is coffee covered?"],
    ] as const) {
      const after = await ask(question, [before]);
      expect(after.kind, question).toBe("not_in_programme");
    }
    // After the products were listed, whether one more is among them.
    const listed = await ask("batik ada?", ["Produk apa aja yang dikembangin?"]);
    expect(listed.kind).toBe("not_in_programme");
    expect((await ask("Is batik one of the products?")).kind).toBe("not_in_programme");
  });

  it("of a region, of the asker's own business, or beside words the sources don't know, are not answered so", async () => {
    for (const question of [
      "How do I apply to join this programme with my small batik business?",
      "Apakah UMKM kuliner kaya keripik bisa ikutan program ini?",
      "Were any participants sent to Japan for training?",
    ])
      expect((await ask(question)).kind, question).toBe("fallback");
    expect((await ask("Kalbar programnya sawit kan?")).text).toMatch(/^Tidak tepat/);
  });
});

describe("goods named in more than one word", () => {
  it("are read as one: 'kelapa sawit' is outside the programme as 'Batik' is", async () => {
    for (const [question, goods] of [
      ["kelapa sawit masuk program?", "kelapa sawit"],
      ["Is palm oil covered?", "palm oil"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).toContain(goods);
    }
  });

  it("beside a product's generic word, name another kind of it: 'tenun songket' is no ulos", async () => {
    for (const [question, goods] of [
      ["tenun songket masuk program gak?", "tenun songket"],
      ["Is songket weaving covered?", "songket weaving"],
      ["kerajinan gerabah ikut program?", "kerajinan gerabah"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).toContain(goods);
    }
    // (The generic word alone is still the product.)
    expect((await ask("tenun termasuk?")).text).toMatch(/^Tenun ulos/);
  });

  it("with a word the bot doesn't know right after them, name one kind: 'fish cracker', 'kerupuk ikan'", async () => {
    for (const [question, goods] of [
      ["is fish cracker included?", "fish cracker"],
      ["kerupuk ikan termasuk?", "kerupuk ikan"],
      // ("bags" is no slip of "bagus", a word that alone reads as nothing.)
      ["leather bags?", "leather bags"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).toContain(goods);
    }
    expect((await ask("leather bags?")).lang).toBe("en");
    // (A word before them is no kind of goods: "kaya keripik" is "like crisps".)
    expect((await ask("UMKM kuliner kaya keripik bisa ikut?")).text).not.toContain("kaya keripik");
  });

  it("asked where, or with nothing else said, are outside it too", async () => {
    for (const [question, goods] of [
      ["tenun songket di mana?", "tenun songket"],
      ["where is batik made?", "batik"],
      ["does it cover batik?", "batik"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).toContain(goods);
    }
  });
});

describe("goods asked yes or no of a region of the programme", () => {
  it("are not confirmed by the region's card: 'Not quite', and what the region makes", async () => {
    for (const question of [
      "is songket weaving developed in North Sumatra?",
      "batik jateng masuk program?",
      "is Central Java's batik part of the programme?",
    ]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^(Not quite|Tidak tepat)\./);
      expect(reply.text, question).not.toMatch(/^(Yes|Ya)\b/m);
    }
  });
});

describe("a list of places each with a product of two words", () => {
  it("sets two items apart by 'and' alone, three or more by semicolons", async () => {
    const two = await ask("Where does the programme work in East Java?");
    expect(two.text).toMatch(/Mojokerto City \(footwear\) and Pasuruan City/);
    const three = await ask("Sulawesi Utara ikut?");
    expect(three.text).toMatch(/untuk tahu dan tempe; dan Makassar/);
  });
});

describe("goods beside a product the programme has", () => {
  it("qualify it: 'sepatu kulit' is footwear, answered as such", async () => {
    const reply = await ask("sepatu kulit termasuk?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/Alas kaki/);
  });
});
