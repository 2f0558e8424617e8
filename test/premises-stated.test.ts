import { describe, expect, it } from "vitest";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("a statement before a question is what the question builds on", () => {
  it.each([
    "Program ini kan sejak 2013, total anggarannya berapa?",
    "JICA is the partner — how much money did Japan put in?",
    "Papua joined for coffee; how many tonnes does Dogiyai export?",
    "Aloe vera from Pontianak is in the programme — which supermarkets sell it?",
  ])("when the question is not answered, neither is the message: %j", async (message) => {
    const reply = await ask(message);
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^(Ya, benar|Yes, that's right)/);
  });

  it("when it is, the answer holds what it asks", async () => {
    expect((await ask("Kan Sulsel bikin kerajinan perak, nah kotanya di mana?")).text).toContain("Makassar");
    const surname = await ask("The Director General's first name is Gati — what's her surname?");
    expect(surname.kind).toBe("answer");
    expect(surname.text).toContain("Wibawaningsih");
  });

  it("a question of its own, or a request to check, is no statement", async () => {
    const listed = await ask("a. Start year? b. What is the total budget JICA provided?");
    expect(listed.kind).toBe("answer");
    expect(listed.text).toContain("2013");
    const check = await ask(
      "Dengan hormat, saya membaca bahwa Sumatera Utara mengembangkan kopi dalam program ini. Mohon koreksinya bila keliru.",
    );
    expect(check.kind).toBe("answer");
    expect(check.text).toContain("ulos");
  });
});

describe("a question of why before another question", () => {
  it("is no statement: it is answered", async () => {
    // (Why Papua takes part is why it was chosen: the sources don't say which consideration applied.)
    const why = await ask("Kenapa Papua ikut, total anggarannya berapa?");
    expect(why.text).toContain("Sumber tidak menyebut pertimbangan mana yang berlaku untuk Papua");
  });
});

describe("a statement the facts refute, before a question", () => {
  it("is still corrected", async () => {
    expect((await ask("Program ini kan sejak 2010, total anggarannya berapa?")).text).toMatch(
      /^Tidak tepat[\s\S]*2013/,
    );
    expect((await ask("Sulsel bikin kopi kan, berapa ton produksinya?")).text).toMatch(
      /^Tidak tepat[\s\S]*perak/,
    );
  });
});

describe("a statement asked to be confirmed, before another question", () => {
  it("is confirmed, and the question answered", async () => {
    const reply = await ask(
      "So the programme started in 2013, right? Actually, what year did phase 2 start?",
    );
    expect(reply.text).toMatch(/^Yes, that's right/);
  });
});

describe("the start of 'the JICA partnership'", () => {
  it("is the cooperation's start, never 'the sources don't give that date' beside a yes", async () => {
    const when = await ask("When did the JICA partnership start?");
    expect(when.text).toMatch(/^The cooperation has been running since 2013/);
    const so = await ask("So the JICA partnership started in 2013.");
    expect(so.text).toMatch(/^Yes, that's right\.\nThe cooperation has been running since 2013/);
    expect(so.text).not.toContain("don't give that date");
    // (Asked who, with the year beside it, the partners answer.)
    const who = await ask("Kemenperin bermitra dengan lembaga Jepang apa untuk pengembangan IKM sejak 2013?");
    expect(who.text).toContain("Japan International Cooperation Agency");
  });
});
