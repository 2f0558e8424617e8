import { describe, expect, it } from "vitest";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

describe("a message without a question mark", () => {
  it("led by a word the bot doesn't know asks for what it names; it is no statement to check", async () => {
    const reply = await ask("jadwal kapal pelni makassar-surabaya");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("jadwal");
  });

  it("that begins by asking for a list is a request, not a statement: no 'Ya, benar'", async () => {
    const reply = await ask("sebutin nama2 ikm sepatu di mojokerto yg ikut dong");
    expect(reply.text).not.toMatch(/^Ya, benar/);
    // The names of the businesses at a place are not in the sources: said so, with the place's facts.
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(/^Sumber tidak menyebut nama/);
    expect(reply.text).toContain("Mojokerto");
    expect((await ask("what are the names of the SMEs in Pontianak?")).kind).toBe("fallback");
  });
});

describe("small talk", () => {
  it("is laughter alone; laughter beside a question is the question", async () => {
    for (const [message, lang] of [
      ["wkwkwk", "id"],
      ["haha", undefined],
      ["lol", "en"],
    ] as const) {
      const reply = await ask(message);
      expect(reply.kind, message).toBe("smalltalk");
      if (lang) expect(reply.lang, message).toBe(lang);
    }
    const asked = await ask("what does that stand for lol", ["WHO IS THE JAPANESE PARTNER???"]);
    expect(asked.kind).toBe("answer");
    expect(asked.text).toContain("Japan International Cooperation Agency");
    expect((await ask("Have a nice day.")).kind).toBe("smalltalk");
  });

  it("is never a question of how to do something, whatever word of small talk it holds", async () => {
    // ("kesehatan" holds "sehat", as in "how are you".)
    expect((await ask("cara bikin akun BPJS kesehatan gmn")).kind).not.toBe("smalltalk");
  });
});

describe("words that join a clause", () => {
  it("'when' before a verb in -ing asks nothing of time: 'does it matter when choosing regions?'", async () => {
    const budget = await ask("Does the budget source matter when choosing regions?");
    expect(budget.kind).toBe("answer");
    expect(budget.text).toMatch(/APBN/);
    expect(budget.text).not.toMatch(/published/);
    const weighed = await ask("are underdeveloped regions taken into account when choosing?");
    expect(weighed.kind).toBe("answer");
    expect(weighed.text).toMatch(/underdeveloped/);
    // (A question of time still asks it.)
    expect((await ask("when is the programme starting?")).text).toMatch(/2013/);
  });

  it("'biar' is 'agar' (so that): the aim is asked", async () => {
    const reply = await ask("biar ikm bisa bersaing di pasar mana?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/domestik/);
  });
});

describe("goods with a word after them that alone means nothing", () => {
  it("are one kind of goods: 'honey producers'", async () => {
    const reply = await ask("does it cover honey producers");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("honey producers");
    const about = await ask("what about honey producers?");
    expect(about.kind).toBe("not_in_programme");
    expect(about.text).toContain("honey producers");
    // (A year after them is still a year.)
    expect((await ask("batik 2017 termasuk?")).text).toMatch(/tidak menyebut batik di antara/);
  });
});
