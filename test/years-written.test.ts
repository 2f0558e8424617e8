import { describe, expect, it } from "vitest";
import { withFullYears } from "../src/answer/normalise.ts";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("a year written short is this century's", () => {
  it.each<[string, string]>([
    ["back in '13", "back in 2013"],
    ["Jatim thn 13 produknya apa?", "Jatim thn 2013 produknya apa?"],
    ["trus thn '17?", "trus thn 2017?"],
    ["Periode 13–16 itu", "Periode 2013–2016 itu"],
    ["tahap 13 sampai 16", "tahap 2013–2016"],
    ["the 2013-16 project", "the 2013-2016 project"],
    // Not a year: a count, a time, a date.
    ["13 provinsi", "13 provinsi"],
    ["tahun 90-an", "tahun 1990-an"],
    ["pada 2017 - 25 IKM dilatih", "pada 2017 - 25 IKM dilatih"],
    ["periode 16-13", "periode 16-13"],
    ["jam 11", "jam 11"],
    ["2017-12-25 — berita apa?", "2017-12-25 — berita apa?"],
  ])("%j", (text, expected) => {
    expect(withFullYears(text)).toBe(expected);
  });

  it("and is answered as the year", async () => {
    const jatim = await ask("Jatim thn 13 produknya apa?");
    expect(jatim.text).toContain("alas kaki");
    const then = await ask("and in '17?", ["What did East Java work on in 2013?"]);
    expect(then.text).toContain("Pasuruan");
  });
});

describe("a span of years names a period", () => {
  it("not a question of when something ended", async () => {
    const reply = await ask("Alas kaki di tahap 2013 sampai 2016 itu di kota mana?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Mojokerto");
  });

  it("the aim or name of the 2013–2016 project is the programme's", async () => {
    const aim = await ask("What was the aim of the cooperation that started in the 2013-2016 phase?");
    expect(aim.text).toMatch(/^The aim is to raise the productivity/);
    const name = await ask("What's the official name of the 2013 to 2016 project?");
    expect(name.text).toContain("Improved Service Delivery");
    // (The sources name no name for the follow-up programme.)
    const later = await ask("Apa nama resmi program lanjutan yang diumumkan pada 2017?");
    expect(later.text).not.toContain("Improved Service Delivery");
  });
});
