import { describe, expect, it } from "vitest";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("a statement that denies a claim is right where the claim is wrong", () => {
  it.each<[string, RegExp]>([
    ["Rattan isn't from South Sulawesi, is it?", /^Yes, that's right/],
    ["Rotan bukan dari Sulsel kan?", /^Ya, benar/],
    ["Rattan isn't from Central Sulawesi, is it?", /^Not quite/],
    ["Bu Gati bukan menteri kan?", /^Ya, benar/],
    ["Southeast Sulawesi didn't join in 2013, did it?", /^Yes, that's right/],
  ])("%j", async (question, opening) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(opening);
  });

  it("a leading 'Isn't …?' offers what follows for checking, as 'Bukankah …?' does", async () => {
    for (const question of ["Isn't rattan from South Sulawesi?", "Bukankah rotan dari Sulsel?"]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^(Not quite|Tidak tepat)/);
      expect(reply.text, question).toMatch(/Central Sulawesi|Sulawesi Tengah/);
    }
  });

  it("a yes-or-no question in words the sources don't know, or followed by a question, offers nothing to check", async () => {
    const exported = await ask("gimana kabar kopi Dogiyai sekarang, udah ekspor belum?");
    expect(exported.text).not.toMatch(/^Ya, benar/);
    const osaka = await ask("wasn't there a signing in Osaka? what was the date?");
    expect(osaka.kind).toBe("fallback");
  });

  it("a yes-or-no question that puts a product in the wrong province is corrected", async () => {
    const reply = await ask("Is rattan from South Sulawesi?");
    expect(reply.text).toMatch(/^Not quite/);
    expect(reply.text).toContain("Central Sulawesi");
  });

  it.each<[string, string]>([
    ["Sulawesi Utara ya yg kakao?", "Sulawesi Tengah"],
    ["was it North Konawe for the tofu?", "South Konawe"],
    ["East Kalimantan aloe vera, was it?", "West Kalimantan"],
  ])("a guess that puts a product in a region outside is corrected: %j", async (question, where) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^(Not quite|Tidak tepat)/);
    expect(reply.text).toContain(where);
  });

  it("whether the programme is in a region outside is still asked as such", async () => {
    for (const question of [
      "Does the programme cover Central Kalimantan's rattan?",
      "Kenapa Lampung dapet klaster kopi?",
    ])
      expect((await ask(question)).kind, question).toBe("not_in_programme");
    expect((await ask("ntt tenun?", ["ulos"])).kind).toBe("not_in_programme");
  });

  it("'Didn't Papua split in 2020?' is corrected with the year of the split", async () => {
    const reply = await ask("Didn't Papua split in 2020?");
    expect(reply.text).toMatch(/^Not quite/);
    expect(reply.text).toContain("2022");
  });

  it("'or not' and a trailing 'ga?' ask; they deny nothing", async () => {
    expect((await ask("Papua ikut atau tidak?")).text).toMatch(/^Ya, Papua termasuk/);
    const reply = await ask("NTT ada ga?", ["Provinsi apa aja yg baru gabung 2017?"]);
    expect(reply.kind).toBe("not_in_programme");
  });
});

describe("a follow-up that denies something of the last answer", () => {
  it.each<[string, string, RegExp, string]>([
    ["What does South Sulawesi make?", "So not rattan then?", /^Yes, that's right/, "silver and gold"],
    ["Sulsel produknya apa?", "Bukan rotan ya berarti?", /^Ya, benar/, "perak dan emas"],
    ["Kapan program ini mulai?", "Bukan 2017 kan?", /^Ya, benar/, "sejak 2013"],
    ["Papua ngembangin apa?", "Lokasinya bukan di Jayapura kan?", /^Ya, benar/, "Dogiyai"],
    ["Kalbar bikin apa?", "Bukan di Pontianak kan?", /^Tidak tepat/, "Pontianak"],
    [
      "Where's the footwear cluster?",
      "That's not in Central Java, is it?",
      /^Yes, that's right/,
      "Mojokerto",
    ],
  ])("after %j, %j", async (before, question, opening, restated) => {
    const reply = await ask(question, [before]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(opening);
    expect(reply.text).toContain(restated);
  });

  it("whether a region takes part is still the programme's to answer", async () => {
    const reply = await ask("Papua nggak ikut kan?", ["Sulsel produknya apa?"]);
    expect(reply.text).toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("Papua termasuk program ini");
  });

  it("a push-back that offers another thing is no denial", async () => {
    const reply = await ask("serius? bukan Bandung?", ["Where's the metal components cluster?"]);
    expect(reply.text).not.toMatch(/^(Ya, benar|Yes, that's right)/);
  });
});

describe("which of a group are not in another", () => {
  it("a word of choosing between 'not' and the group still sets the group aside", async () => {
    const reply = await ask("Which of the 2017 provinces weren't picked as first targets?");
    expect(reply.text).toContain("Bangka Belitung Islands");
    expect(reply.text).toContain("Southeast Sulawesi");
    expect(reply.text).not.toContain("South Sulawesi —");
  });
});
