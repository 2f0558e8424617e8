import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("a time relation", () => {
  it("'selama', 'during' read as words of time, not as a greeting misspelt", async () => {
    const during = await ask("Selama 2013-2016 cokelat dan rotan dikembangin di provinsi mana?");
    expect(during.kind).toBe("answer");
    expect(during.text).toContain("Sulawesi Tengah");
    expect((await ask("Was Southeast Sulawesi already in during the first phase?")).text).not.toContain(
      '"during"',
    );
  });

  it("a year within a group's dates is of that group when its provinces or products are asked", async () => {
    const provinces = await ask("In 2014, which provinces was the project working in?");
    expect(provinces.text).toMatch(/^First phase \(since 2013\) — five provinces/);
    expect((await ask("Tahun 2015, Kalbar lagi ngembangin apa dlm program ini?")).text).toContain(
      "lidah buaya",
    );
    // (What happened in such a year, the sources don't say.)
    expect((await ask("What did the programme do in 2015?")).kind).toBe("fallback");
  });

  it("since when a 2017 province takes part is when it declared it was ready; when work began there is not given", async () => {
    const joined = await ask("Babel ikut mulai tahun berapa?");
    expect(joined.kind).toBe("answer");
    expect(joined.text).toContain("menyatakan siap bergabung pada 2017");
    expect((await ask("Kapan Sultra mulai programnya?")).kind).toBe("fallback");
  });

  it("'at the same time as' a province asks the others of its group", async () => {
    const papua = await ask("Which provinces got ready at the same time as Papua?");
    for (const province of ["Bangka Belitung Islands", "Southeast Sulawesi", "South Sulawesi"])
      expect(papua.text).toContain(province);
    expect(papua.text).not.toMatch(/^Papua:/m);
    const sumut = await ask("Yang ikut bareng Sumut di 2013 siapa aja?");
    expect(sumut.text).toContain("Kalimantan Barat");
    expect(sumut.text).not.toMatch(/^Sumatera Utara:/m);
    const after = await ask("Who joined at the same time?", ["When did Bangka Belitung join?"]);
    expect(after.text).toContain("Southeast Sulawesi");
  });
});
