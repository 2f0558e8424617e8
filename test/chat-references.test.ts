import { describe, expect, it } from "vitest";
import { askAfter } from "./support/app.ts";

const ask = askAfter;

describe("the rest of a group the chat has walked through", () => {
  it("is the members it has not named yet", async () => {
    const one = await ask("satu lagi apa?", ["Sulsel masuk target awal?", "Papua juga?"]);
    expect(one.kind).toBe("answer");
    expect(one.text).toMatch(/^Jawa Timur/);
    const others = await ask("and the others?", [
      "Which provinces joined in 2013?",
      "what does North Sumatra make?",
    ]);
    expect(others.text).toContain("Central Java");
    expect(others.text).toContain("West Kalimantan");
    expect(others.text).not.toContain("North Sumatra");
  });

  it("but with a region in view and a group named, it is no rest of the group", async () => {
    // (Still answered with the 2017 list, which holds East Java's entry; not with the others alone.)
    const reply = await ask("and the other one, from 2017?", [
      "What industry does East Java have in phase 1?",
    ]);
    expect(reply.text).toContain("ship components");
  });
});

describe("a pronoun for a person, after an answer about no one", () => {
  it("is the last person the chat's answers were about", async () => {
    const when = await ask("kapan dia sampaikan itu?", [
      "Gati Wibawaningsih itu siapa?",
      "dari kementerian mana?",
    ]);
    expect(when.text).toMatch(/^Gati Wibawaningsih/);
    // (What she said of the chat's last subject is that subject: the aim.)
    const said = await ask("what did she say about it?", ["Who is Gati?", "What is the aim?"]);
    expect(said.text).toMatch(/^The aim is/);
    const role = await ask("jabatannya apa?", [
      "lima provinsi baru 2017 itu siapa yang umumin?",
      "dia dari Kemenperin?",
    ]);
    expect(role.text).toContain("Direktur Jenderal");
  });
});

describe("whom a person works for", () => {
  it("is their organisation, as their card says; the programme's partners are still its partners", async () => {
    expect((await ask("Gati Wibawaningsih kerja di instansi mana?")).text).toMatch(
      /^Gati Wibawaningsih — Direktur Jenderal[^\n]*Kementerian Perindustrian/,
    );
    const her = await ask("dia dari organisasi mana?", ["Gati Wibawaningsih itu siapa?"]);
    expect(her.text).toMatch(/^Gati Wibawaningsih/);
    const partner = await ask("Who is she working with from Japan?", ["Gati Wibawaningsih siapa?"]);
    expect(partner.text).toContain("Japan International Cooperation Agency");
  });
});

describe("what someone said, asked by what it was about", () => {
  it("'according to Gati, which …?' asks the group, attributed to her", async () => {
    const reply = await ask("According to Gati, which provinces are the first targets of the follow-up?");
    expect(reply.text).toMatch(/^The first targets of the follow-up programme/);
  });

  it("a person named beside a group, asked which provinces, asks the group's", async () => {
    const reply = await ask("Bu Gati sebut ada target awal program lanjutan, provinsinya yg mana aja?");
    expect(reply.text).toMatch(/^Target awal program lanjutan/);
  });

  it("'Gati bilang … melibatkan siapa?' asks what she said, not who said it", async () => {
    const reply = await ask("Gati bilang pemerintah pusat melibatkan siapa?");
    expect(reply.text).toMatch(/^Pemerintah pusat melibatkan pemerintah daerah/);
    expect((await ask("Who said the central government involves the regions?")).text).toContain("Gati");
  });

  it("'where did she say the facilitators come from?' asks the approach", async () => {
    const reply = await ask("Where did Gati say the practical facilitators come from?");
    expect(reply.text).toContain("local resources");
    expect(reply.text).not.toContain("nine provinces");
  });
});

describe("two questions of a follow-up, each a sentence of its own", () => {
  it("the first, naming nothing, asks of the chat's subject; the second of what it names", async () => {
    const reply = await ask("kabupatennya apa? sama Babel produknya apa?", ["Sultra produknya apa min?"]);
    expect(reply.text).toMatch(/^Di Sulawesi Tenggara[^\n]*Konawe Selatan/);
    expect(reply.text).toContain("Bangka Barat");
  });
});

describe("a clause that only announces a list of questions", () => {
  it("asks nothing: the items are answered", async () => {
    const reply = await ask(
      "Halo, ada beberapa pertanyaan:\n1. Di Papua lokasinya di kabupaten apa\n2. Provinsi mana yg kerajinan perak",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Dogiyai");
    expect(reply.text).toContain("Sulawesi Selatan");
  });
});

describe("after a question the sources can't answer, 'what do you know about X?'", () => {
  it("asks what the sources say of X, not the same question again", async () => {
    const kalbar = await ask("ok, so what do you know about West Kalimantan?", [
      "how many aloe vera firms were trained?",
    ]);
    expect(kalbar.kind).toBe("answer");
    expect(kalbar.text).toContain("Pontianak");
    const her = await ask("then what do you know about her?", [
      "can you give me Gati Wibawaningsih's phone number?",
    ]);
    expect(her.text).toMatch(/^Gati Wibawaningsih/);
  });
});

describe("why the bot doesn't know, and what it would cost", () => {
  it.each<[string, string]>([
    ["kenapa kamu gak tau?", "berapa anggaran program?"],
    ["why don't you know that?", "what's the budget?"],
    ["is it free?", "how much does it cost to join?"],
  ])("%j after %j: the sources don't say", async (question, before) => {
    expect((await ask(question, [before])).kind).toBe("fallback");
  });

  it("a complaint before a question of its own does not stop it being answered", async () => {
    const reply = await ask("ugh, you don't know anything. When did it even start?", [
      "what were the results?",
    ]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2013");
  });
});

describe("a place in a list after one consideration", () => {
  it("is the consideration at that place", async () => {
    expect((await ask("yg kedua?", ["Pertimbangan pertama apa?"])).text).toMatch(
      /^Pengembangan tema strategis/,
    );
    expect((await ask("and the third?", ["What is the first consideration?"])).text).toMatch(
      /^Affirmative themes/,
    );
  });
});

describe("whether a group of the programme still runs", () => {
  it("is what the sources of 2017 cannot say", async () => {
    const reply = await ask("is it still running today?", [
      "the article is from December 2017?",
      "it lists five new provinces?",
    ]);
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("December 2017");
  });

  it("but 'this year' in the article, asked which year, is 2017", async () => {
    const reply = await ask(
      "The article says 'this year' five more provinces declared they were ready - which year is that?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2017");
  });
});

describe("how two things relate", () => {
  it("asks about both, not the word 'link'", async () => {
    const maluku = await ask("what's the link between Maluku and the JICA cooperation?");
    expect(maluku.kind).toBe("not_in_programme");
    expect(maluku.text).toContain("Maluku");
    const groups = await ask("How does the first phase relate to the 2017 group, year-wise?");
    expect(groups.kind).toBe("answer");
  });
});

describe("after a non-answer, asked again about the programme", () => {
  it("'fine, what can you tell me about the programme in general?' is no small talk", async () => {
    const reply = await ask("fine, what can you tell me about the programme in general?", [
      "how do I apply?",
    ]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2013");
  });
});
