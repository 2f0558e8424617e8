import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("a district (kecamatan, distrik) named in a question", () => {
  it.each<[string, string, string]>([
    [
      "Pangururan itu masuk program kerja sama IKM dengan JICA nggak?",
      "Pangururan ada di Kabupaten Samosir.",
      "ulos",
    ],
    [
      "Is Andoolo part of the programme? What's the product?",
      "Andoolo is in Kabupaten Konawe Selatan.",
      "tofu",
    ],
    ["Kecamatan Adiwerna produknya apa?", "Adiwerna ada di Kabupaten Tegal.", "komponen logam"],
    // A short name is read after the word for a district only ("harian" is a word too).
    ["Kecamatan Harian masuk program JICA? produknya apa?", "Harian ada di Kabupaten Samosir.", "ulos"],
    ["Tamalate ikut program?", "Tamalate ada di Kota Makassar.", "perak"],
  ])("%j is answered as its regency, said first", async (question, first, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text.split("\n")[0]).toBe(first);
    expect(reply.text).toContain(fact);
  });

  it("is placed before what is said of its regency, and a verdict comes first", async () => {
    const two = await ask("Pangururan ikut? Btw tiket masuk Borobudur berapa?");
    const lines = two.text.split("\n");
    expect(lines[0]).toBe("Pangururan ada di Kabupaten Samosir.");
    // (Borobudur's regency is said where the question about it is answered, not at the top.)
    const borobudur = lines.indexOf("Borobudur ada di Kabupaten Magelang.");
    expect(borobudur).toBeGreaterThan(lines.findIndex((l) => l.includes("tenun ulos")));
    const confirmed = await ask("Pangururan di Kabupaten Samosir kan, yang ulos itu?");
    expect(confirmed.text).toMatch(/^Ya, benar\.\nPangururan ada di Kabupaten Samosir\./);
  });

  it("says a district outside the programme is outside it, with its regency", async () => {
    const reply = await ask("Kotagede kan sentra perak, ikut program gak?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Kota Yogyakarta");
  });

  it("is not read where the name is also a village of a programme place elsewhere", async () => {
    // Kebasen is a district of Banyumas and a village of Kabupaten Tegal, where the programme is:
    // saying "outside" could be wrong, so the name stays one the bot does not know.
    const reply = await ask("Mas, bengkel logam nang Kebasen melu program ora?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toContain("Banyumas");
  });

  it("is not read as a word of a longer name, nor beside a region of another province", async () => {
    // Merdeka (Karo), Permata (Bener Meriah), Siantan (Anambas): words of other names here.
    expect((await ask("Apakah program ini ada sejak Indonesia Merdeka?")).text).toContain("2013");
    expect((await ask("Bank Permata ikut mendanai program?")).text).not.toContain("Bener Meriah");
    const siantan = await ask("Siantan di Pontianak itu dapet program apa?");
    expect(siantan.text).not.toContain("Anambas");
    expect(siantan.text).toContain("Pontianak");
    // A district of the region named beside it still is one; so is a name after "kalau".
    expect((await ask("Kecamatan Tallo di Makassar dapet program apa?")).text).toMatch(
      /^Tallo ada di Kota Makassar\./,
    );
    expect((await ask("Kalau Pangururan?")).text).toMatch(/^Pangururan ada di Kabupaten Samosir\./);
  });

  it("is read only as a name: a word that contains one, or a lower-case word, is not", async () => {
    expect((await ask("kemerdekaan")).text).not.toContain(" ada di ");
    expect((await ask("tamalate ikut program?")).text).not.toContain("Tamalate ada di");
  });
});

describe("a place named that the sources don't know", () => {
  it("addressed to someone is no place: the chat's last place is still asked about", async () => {
    expect((await ask("Which city, Pak Budi?", ["What does South Sulawesi make?"])).text).toContain(
      "Makassar",
    );
  });

  it("is asked about, not the chat's last place again", async () => {
    const reply = await ask("kalau Ubud?", ["Toraja Utara masuk program?"]);
    expect(reply.text).not.toContain("Toraja Utara");
    // A word of the last region's name is that region's: "yang Tenggara" after the two Sulawesi.
    const named = await ask("yang Tenggara produknya apa?", [
      "provinsi baru 2017 apa aja?",
      "yang Sulawesi ada dua ya?",
    ]);
    expect(named.text).toContain("tempe");
  });

  it("in a region outside the programme, asked yes or no, is answered by its being outside", async () => {
    const reply = await ask("Do they work with sarong weavers in Samarinda, East Kalimantan?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Samarinda");
  });
});

describe("what it takes a business to join in a programme place", () => {
  it("is what the sources don't give: they say only how regions are chosen", async () => {
    const reply = await ask("Syarat ikut program buat IKM di Palu apa aja?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("syarat bagi usaha");
  });

  it("is not answered 'yes' by the place being a programme place", async () => {
    for (const question of [
      "Do I need to pay to join the programme in Pasuruan?",
      "Bayar gak kalau mau ikut program di Pasuruan?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).not.toMatch(/^(Yes|Ya)\b/);
    }
  });
});
