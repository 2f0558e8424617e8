import { describe, expect, it } from "vitest";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("the region in view that lies furthest one way on the map", () => {
  it.each<[string, string, string]>([
    [
      "Provinsi paling timur di program ini apa?",
      "Menurut peta, yang paling timur",
      "Papua: pengolahan kopi",
    ],
    ["What's the westernmost province in the programme?", "furthest west", "North Sumatra: ulos weaving"],
    ["Provinsi paling utara di program ini yang mana?", "paling utara", "Sumatera Utara: tenun ulos"],
    ["Among the first-phase provinces, which lies farthest east?", "furthest east", "Central Sulawesi: agro"],
    [
      "Of the two Java provinces in the programme, which is further east?",
      "of Central Java and East Java: East Java",
      "Mojokerto",
    ],
    ["What's the westernmost location named in the programme?", "Samosir Regency, Tegal Regency", "Samosir"],
  ])("%j", async (question, line, card) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(line);
    expect(reply.text).toContain(card);
  });

  it("after a list, of that list ('Yang paling barat?' after the 2017 provinces)", async () => {
    const reply = await ask("Yang paling barat?", ["Daftar provinsi 2017 apa saja?"]);
    expect(reply.text).toMatch(/^Menurut peta, yang paling barat di antara .*: Kepulauan Bangka Belitung\./);
    expect(reply.text).not.toContain("Sumatera Utara");
  });

  it("a region outside the programme is never put in view", async () => {
    const reply = await ask("Is Papua Barat the easternmost participant?");
    expect(reply.text).not.toContain("By the map");
    expect(reply.text).toContain("not part of the programme");
  });
});

describe("the most or fewest of what the sources list, counted", () => {
  it.each<[string, string]>([
    [
      "Which province has the most locations in the programme?",
      "Most programme locations, counted in the sources: two — East Java: Mojokerto City and Pasuruan City.",
    ],
    [
      "Pulau mana yang paling banyak provinsinya di program ini?",
      "tiga — Sulawesi: Sulawesi Tengah, Sulawesi Tenggara dan Sulawesi Selatan",
    ],
    [
      "Kelompok mana yang paling sedikit anggotanya: tahap pertama, daftar 2017, atau target awal?",
      "Provinsi paling sedikit dalam satu kelompok, dihitung dari sumber: tiga — target awal program lanjutan",
    ],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("the most of what the sources never count is a judgement they don't make", async () => {
    for (const question of [
      "Which cluster employs the most workers?",
      "Which province got the most money?",
      "Which is the most successful province?",
    ])
      expect((await ask(question)).kind, question).toBe("fallback");
  });
});

describe("a superlative said of a region outside the programme describes it", () => {
  it("'Does Lampung, the southernmost province of Sumatra, take part?' asks about Lampung", async () => {
    const reply = await ask("Does Lampung, the southernmost province of Sumatra, take part?");
    expect(reply.text).not.toContain("By the map");
    expect(reply.text).toContain("Lampung is not part of the programme");
  });

  it("'outside Java' sets Java aside", async () => {
    const reply = await ask("Which first-phase provinces are outside Java?");
    expect(reply.text).toContain("North Sumatra");
    expect(reply.text).not.toContain("Central Java:");
  });
});

describe("review: superlatives of one region, and of what has none", () => {
  it("one region named is checked against all the programme's", async () => {
    const reply = await ask("Is North Sumatra the easternmost province?");
    expect(reply.text).toContain("By the map, the furthest east of North Sumatra, Central Java");
    expect(reply.text).toContain(": Papua.");
  });

  it("an island with no programme province is not ranked as having zero", async () => {
    const reply = await ask("Which island has the fewest provinces, Bali or Java?");
    expect(reply.text).not.toMatch(/: 0 —|Bali: \./);
  });
});
