import { describe, expect, it } from "vitest";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("a request for the last answer again is about that answer", () => {
  it.each<[string, string, string]>([
    ["provinsi mana aja yang ikut dari 2013?", "ulangi dong", "Sumatera Utara — tenun ulos"],
    ["tujuan programnya apa?", "bahasa gampangnya?", "daya saing"],
    ["is East Java in both phases?", "simpler please, I'm confused", "Mojokerto"],
    [
      "what is the IKM cooperation between Indonesia and Japan?",
      "shorter please",
      "small and medium industry",
    ],
  ])("after %j, %j", async (before, question, expected) => {
    const reply = await ask(question, [before]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("with nothing said before, there is nothing to say again", async () => {
    expect((await ask("ulangi dong")).kind).toBe("fallback");
  });

  it("a question of its own, or a task with words of its own, is not a request to repeat", async () => {
    const named = await ask("the Japanese agency, what was it called again?", ["Sulsel produknya apa?"]);
    expect(named.text).toContain("Japan International Cooperation Agency");
    expect((await ask("translate arigatou", ["what's jica"])).kind).toBe("fallback");
  });
});

describe("a count that names nothing of its own counts what the last answer listed", () => {
  it.each<[string, string, string]>([
    ["what are your sources?", "so how many is that?", "That makes four sources: Bisnis.com"],
    ["sumber informasimu apa aja?", "jadi ada berapa sumber?", "Jumlahnya empat sumber"],
    [
      "which are the first targets of the follow-up?",
      "how many is that?",
      "That makes three provinces: South Sulawesi",
    ],
  ])("after %j, %j", async (before, question, expected) => {
    const reply = await ask(question, [before]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("a count of something the list was not about is not the list's count", async () => {
    for (const question of ["how much budget did each get?", "how many jobs did it create?"]) {
      const reply = await ask(question, ["Which provinces were in phase one?"]);
      expect(reply.kind, question).toBe("fallback");
    }
  });
});

describe("a message that points back to an earlier answer, with none in the chat", () => {
  it.each<string>(["kata yang tadi itu artinya apa sih?", "and the last one on your list?"])(
    "%j says there is nothing to go back to",
    async (question) => {
      const reply = await ask(question);
      expect(reply.kind).toBe("fallback");
      expect(reply.text).toMatch(/no earlier answer in this chat|Tidak ada jawaban sebelumnya/);
    },
  );

  it("with an answer before, it points to that answer; thanks for it is small talk", async () => {
    expect((await ask("kata yang tadi itu artinya apa sih?", ["Apa itu IKM?"])).text).toContain(
      "Industri Kecil",
    );
    expect((await ask("thanks, your last answer was really helpful!")).kind).toBe("smalltalk");
  });
});
