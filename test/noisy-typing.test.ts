import { describe, expect, it } from "vitest";
import { unstretched } from "../src/answer/normalise.ts";
import { runTogether, sentenceRunTogether } from "../src/answer/run-together.ts";
import { askAfter as ask, testEngine } from "./support/app.ts";

describe("a question typed as one word", () => {
  it.each<[string, string[]]>([
    ["sultraproduknyaapa", ["tempe"]],
    [
      "limaprovinsi2013apaaja",
      ["Sumatera Utara", "Jawa Tengah", "Sulawesi Tengah", "Jawa Timur", "Kalimantan Barat"],
    ],
    ["siapadirjenIKMdiartikel2017", ["Gati"]],
    ["whatdoeseastjavamake?", ["footwear", "ship components"]],
    ["whichcityisthewestkalimantanaloeprojectin?", ["Pontianak"]],
  ])("%j is read word by word", async (question, facts) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    for (const fact of facts) expect(reply.text).toContain(fact);
  });

  it("says thanks back and names a region outside the programme", async () => {
    expect((await ask("makasihbanyakya")).kind).toBe("smalltalk");
    const outside = await ask("kaltaraikutgak?");
    expect(outside.kind).toBe("not_in_programme");
    expect(outside.text).toContain("Kalimantan Utara");
  });

  it("leaves a long word it does not know whole, not made of the vocabulary's short words", async () => {
    const engine = await testEngine();
    const read = (word: string) => engine.vocabulary.tokens(word).map((t) => t.text);
    for (const word of ["memperhitungkan", "penggantinya", "university", "workshops", "perkenalkan"])
      expect(read(word)).toEqual([expect.not.stringContaining(" ")]);
    const known = (w: string) => ["apa", "itu", "per", "hi", "kan"].includes(w);
    expect(
      sentenceRunTogether(
        "memperhitungkan",
        (w) => (known(w) ? 1 : undefined),
        () => true,
      ),
    ).toBeUndefined();
  });

  it("keeps digits whole and two long known words as they were read before", () => {
    const cost = (w: string) => (["lima", "provinsi", "apa"].includes(w) ? 1 : undefined);
    expect(sentenceRunTogether("limaprovinsi2013apa", cost, (w) => w === "provinsi")).toEqual([
      "lima",
      "provinsi",
      "2013",
      "apa",
    ]);
    expect(runTogether("produksulsel", (w) => w === "produk" || w === "sulsel")).toEqual([
      "produk",
      "sulsel",
    ]);
  });
});

describe("letters stretched, spelt out, or shouted", () => {
  it.each<[string, string]>([
    ["jatenggggg produknyaa apaa minnn", "komponen logam"],
    ["jatiiim tahun 2013 produknyaa apaaa?", "alas kaki"],
    ["tema a.f.i.r.m.a.t.i.f itu apa?", "perbatasan"],
    ["3 t.a.r.g.e.t a.w.a.l program lanjutan apa aja?", "Papua"],
  ])("%j", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });

  it("reads letters spelt out as the word, the region outside the programme too", async () => {
    const outside = await ask("S U M B A R ikut program ini gak?");
    expect(outside.kind).toBe("not_in_programme");
    expect(outside.text).toContain("Sumatera Barat");
    expect((await ask("M A K A S I H 🙏")).kind).toBe("smalltalk");
  });

  it("halves letters written twice, fewest first", () => {
    expect(unstretched("apaa")).toEqual(["apa"]);
    expect(unstretched("produknyaa")[0]).toBe("produknya");
    expect(unstretched("kopi")).toEqual([]);
  });

  it("answers a shouted question in its language, laughter after it or not", async () => {
    const reply = await ask("WHICH CITY IS IT IN THOUGH??? lol", ["sulteng produknya apa???"]);
    expect(reply.lang).toBe("en");
    expect(reply.text).toContain("Palu");
  });

  it("keeps numbers listed one by one, an email address and an affixed word as they are", async () => {
    const engine = await testEngine();
    const read = (text: string) => engine.vocabulary.tokens(text).map((t) => t.text);
    expect(read("tahap 1 2 3")).toEqual(["tahap", "1", "2", "3"]);
    expect(read("budi2017@gmail.com sulsel")).toEqual(["sulsel"]);
    expect(read("ketenagakerjaan")).toEqual([expect.not.stringContaining(" ")]);
    expect(read("ketenagakerjaan")).toHaveLength(1);
  });
});
