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
    // (What happened in such a year, or who joined then, the sources don't say.)
    expect((await ask("What did the programme do in 2015?")).kind).toBe("fallback");
    expect((await ask("Which provinces joined in 2015?")).kind).toBe("fallback");
  });

  it("since when a 2017 province takes part is when it declared it was ready; when work began there is not given", async () => {
    const joined = await ask("Babel ikut mulai tahun berapa?");
    expect(joined.kind).toBe("answer");
    expect(joined.text).toContain("menyatakan siap bergabung pada 2017");
    expect((await ask("Kapan Sultra mulai programnya?")).kind).toBe("fallback");
  });

  it("'who joined at the same time?' after a province asks the others of its group", async () => {
    const after = await ask("Who joined at the same time?", ["When did Bangka Belitung join?"]);
    expect(after.text).toContain("Southeast Sulawesi");
    expect((await ask("barengan sama siapa aja?", ["Papua ikut tahun berapa?"])).text).toContain(
      "Sulawesi Tenggara",
    );
  });
});

describe("before and after", () => {
  it("a group is the group before or after it", async () => {
    const after = await ask("After the first phase, which provinces declared they were ready to join?");
    expect(after.text).toMatch(/^The provinces that declared in 2017 they were ready to join/);
    expect((await ask("What happened after the first phase ended?")).text).toContain(
      "Bangka Belitung Islands",
    );
    const before = await ask("Before the 2017 additions, which provinces were already in?");
    expect(before.text).toMatch(/^First phase \(since 2013\)/);
    expect((await ask("And after that?", ["Which provinces were in the first phase?"])).text).toContain(
      "declared in 2017",
    );
  });

  it("a place is its province's entry of the group before or after it", async () => {
    expect((await ask("Sebelum Pasuruan, Jatim kegiatannya di kota mana?")).text).toContain("Mojokerto");
    expect((await ask("After Mojokerto, which East Java city came in, in 2017?")).text).toContain("Pasuruan");
    expect((await ask("and before that?", ["Where did East Java's 2017 work take place?"])).text).toMatch(
      /^East Java: footwear in Mojokerto/,
    );
  });

  it("'maaf sebelumnya' anchors nothing; nothing before the first group is what the sources don't give", async () => {
    expect((await ask("Maaf sebelumnya, Pasuruan bikin apa?")).text).toContain("Kota Pasuruan");
    expect((await ask("Sebelum Sumut, provinsi mana yang ikut?")).kind).toBe("fallback");
    expect((await ask("Before Gati, who was Director General?")).kind).toBe("fallback");
    expect(
      (await ask("trus sebelum itu Jatim di kota mana?", ["Jatim di 2017 kegiatannya di kota mana?"])).text,
    ).toContain("Mojokerto");
  });

  it("only frames a question of something else, and after the sources' last year asks what they can't tell", async () => {
    expect((await ask("Did productivity actually go up in Mojokerto after phase 1? Any figures?")).kind).toBe(
      "fallback",
    );
    expect((await ask("What happens after 2017?")).kind).toBe("fallback");
    // (How many there are today, the sources of 2017 can't tell.)
    expect((await ask("how many provinces are in the programme today?")).kind).toBe("fallback");
  });
});
