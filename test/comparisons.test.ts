import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("two subjects compared", () => {
  it("are each stated, unless the comparison judges", async () => {
    const themes = await ask("Strategic theme vs affirmative theme, what is the difference?");
    expect(themes.kind).toBe("answer");
    expect(themes.text).toContain("supporting industries");
    expect(themes.text).toContain("border");
    const places = await ask("Tegal vs Samosir: which provinces are they in?");
    expect(places.text).toContain("Central Java");
    expect(places.text).toContain("North Sumatra");
    // (Which is better, bigger or cheaper, the sources never judge.)
    const bigger = await ask("Mana yang lebih besar, cluster tenun Samosir vs cluster logam Tegal?");
    expect(bigger.text).toContain("Sumber tidak menilai atau membandingkan");
  });

  it("by batch are each dated; by how many places they have, each's places are given", async () => {
    const batch = await ask("Tegal sama Mojokerto satu angkatan?");
    expect(batch.text).toContain("Kabupaten Tegal: tahap pertama, sejak 2013");
    expect(batch.text).toContain("Kota Mojokerto: tahap pertama, sejak 2013");
    const more = await ask("Does East Java have more programme locations than Papua?");
    expect(more.kind).toBe("answer");
    expect(more.text).toContain("Pasuruan");
    expect(more.text).toContain("Dogiyai");
    // (More of what the sources give no figures for, or which is better, is a judgement.)
    expect((await ask("Lebih banyak mana dananya, dari APBN atau dari DAK?")).kind).toBe("fallback");
    expect((await ask("Kenapa program ini lebih bagus dari program UMKM biasa?")).kind).toBe("fallback");
  });

  it("with one side named, compare it with what the last answer was about", async () => {
    const sultra = await ask("Bedanya sama Sultra apa?", ["Apa produk Sulsel di program ini?"]);
    expect(sultra.text).toContain("perak");
    expect(sultra.text).toContain("tahu dan tempe");
    const babel = await ask("And how is that different from Bangka Belitung?", [
      "What does Papua make in the programme?",
    ]);
    expect(babel.text).toContain("coffee");
    expect(babel.text).toContain("pewter");
  });

  it("that puts a region outside the programme beside one in it is not borne out", async () => {
    for (const question of [
      "Sulut sama Sulteng, sama-sama ikut tahun 2013?",
      "Does Central Kalimantan work on aloe vera like West Kalimantan?",
      "Denpasar sama Makassar, kerajinan perak emasnya ikut dua-duanya?",
    ]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^(Tidak tepat|Not quite)/);
      expect(reply.text, question).not.toMatch(/Ya, benar|Yes, that's right/);
    }
    expect((await ask("Sulteng ikut tahun 2013 kan?")).text).toMatch(/^Ya, benar/);
    // (The asker's own place is no claim: "I make shoes in Bandung. Can I join?")
    for (const intro of [
      "I make shoes in Bandung. Can I join?",
      "Saya pengrajin perak di Kotagede. Bisa ikut program?",
    ])
      expect((await ask(intro)).text, intro).not.toMatch(/^(Not quite|Tidak tepat)/);
  });
});
