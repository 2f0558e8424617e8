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
});

describe("goods with a word the bot doesn't know after them", () => {
  it("are one kind of goods, asked with nothing else said: 'what about leather bags?'", async () => {
    const about = await ask("what about leather bags?");
    expect(about.kind).toBe("not_in_programme");
    expect(about.text).toContain("leather bags");
    // (A year after them is still a year; a word the bot knows is not of them: "batik mahal".)
    expect((await ask("batik 2017 termasuk?")).text).toMatch(/tidak menyebut batik di antara/);
    expect((await ask("batik mahal ya")).text).not.toContain("batik mahal");
  });
});

describe("what the session's blind review found", () => {
  it("a statement with a word before it, or one that counts, is still checked", async () => {
    for (const q of [
      "haha the programme started in 2015",
      "tbh the programme started in 2015",
      "Five provinces joined in 2015",
    ])
      expect((await ask(q)).text, q).toMatch(/^Not quite/);
    expect((await ask("temen gw bilang sulsel produknya kopi")).text).toMatch(/^Tidak tepat/);
  });

  it("'during' is no verb in -ing, and the programme's own name is no name of businesses", async () => {
    expect((await ask("when during the programme did Papua join?")).text).toMatch(/2017/);
    expect((await ask("what is the name of the SMI programme in East Java?")).text).not.toMatch(
      /name no one/,
    );
  });

  it("requirements to join a part of the programme are still those of taking part", async () => {
    expect((await ask("syarat IKM ikut klaster?")).text).toMatch(/^Sumber tidak menyebut syarat bagi usaha/);
  });
});

describe("where a claim was heard, and a request of the bot", () => {
  it("'in our WhatsApp group' is where the claim was heard: the claim is checked", async () => {
    const reply = await ask("Someone in our WhatsApp group said phase 1 had six provinces. Is that right?");
    expect(reply.text).toMatch(/^Not quite/);
    expect(reply.text).toMatch(/five provinces/);
    // (A WhatsApp group asked for is still a contact the sources don't give.)
    expect((await ask("is there a WhatsApp group for the programme?")).kind).toBe("fallback");
  });

  it("'Can you name …?' asks the bot to do something: it is no claim to confirm", async () => {
    const reply = await ask("Can you name some of the tofu makers in South Konawe?");
    expect(reply.text).not.toMatch(/^Yes/);
  });
});

describe("where the bot's answers come from", () => {
  it("is asked of its sources, not of an earlier answer: 'Where do your answers come from?'", async () => {
    for (const q of ["Where do your answers come from? Which main article?", "jawabanmu dari mana?"]) {
      const reply = await ask(q);
      expect(reply.kind, q).toBe("answer");
      expect(reply.text, q).toContain("Bisnis.com");
    }
  });
});

describe("chat spellings", () => {
  it("'ningkatin' is 'meningkatkan': what the programme raises is its aim", async () => {
    const reply = await ask("Program ini buat ningkatin apa aja dari IKM?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/produktivitas dan daya saing/);
  });
});

describe("how a place or product of the programme stands today", () => {
  it("is not in the 2017 sources: said so, with what they do say of it", async () => {
    for (const question of [
      "Klaster alas kaki di Mojokerto itu masih aktif sampai sekarang nggak ya?",
      "Is the tofu cluster in South Konawe still active today?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/December 2017|Desember 2017/);
      expect(reply.text, question).not.toMatch(/^Ya, benar|^Yes/);
    }
    const after = await ask("Is it still running today?", ["What's the pewter project?"]);
    expect(after.kind).toBe("fallback");
    expect(after.text).toContain("West Bangka");
  });

  it("is answered where the knowledge notes what changed since: 'is Dogiyai still in Papua today?'", async () => {
    const reply = await ask("Is Dogiyai still in Papua province today?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Papua Tengah");
  });
});

describe("where goods sell", () => {
  it("of a place or a product, the sources never say: said so, with what they say of it", async () => {
    for (const question of [
      "ekspor lidah buaya pontianak ke negara mana aja",
      "Apakah tahu tempe Konawe Selatan sudah ekspor?",
      "How is West Bangka pewter marketed abroad?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/sales or export markets|penjualan atau pasar ekspor/);
    }
  });

  it("of the programme, its aim names the markets: 'is the programme about exports?'", async () => {
    for (const question of ["Is the programme about exports?", "Apakah program ini untuk pasar ekspor?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/international markets|internasional/);
    }
  });
});

describe("goods asked of which province makes them", () => {
  it("are outside the programme when the sources place them nowhere: 'which province makes batik?'", async () => {
    for (const question of ["which province makes batik?", "provinsi mana yang bikin batik?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).toMatch(/batik/);
    }
  });
});

describe("a time of day asked of regions alone", () => {
  it("is of a timetable or a clock, which the sources don't give: no membership card", async () => {
    for (const question of ["Jadwal KRL Bogor-Jakarta jam berapa aja?", "What time is it now in Jakarta?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/^(Sumber tidak menyebut hal itu|The sources don't say that)/);
    }
    // (The time a source came out is still its own: answered.)
    const published = await ask("At what time was the Bisnis article published?");
    expect(published.text).toMatch(/11[:.]34/);
  });
});

describe("a yes-or-no question of the programme that names no name", () => {
  it("asks whether what follows the programme is so: words the bot doesn't know there are asked", async () => {
    for (const question of [
      "Does the programme help with export certification?",
      "Apakah program ini pakai metode kaizen?",
      "Apakah program ini pakai metode Kaizen?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
    }
    // (A region named is still what it asks of; a choice offered is answered with the facts; of a
    // fact of the programme, what the fact says answers: "are facilitators recruited locally?")
    for (const question of [
      "Apakah fasilitatornya dari daerah setempat?",
      "Are facilitators recruited locally?",
    ])
      expect((await ask(question)).text, question).toMatch(/local resources|sumber daya lokal/);
    expect((await ask("Does the programme operate in Banten?")).kind).toBe("not_in_programme");
    const choice = await ask("Are the facilitators sent from Japan or drawn from local resources?");
    expect(choice.kind).toBe("answer");
    expect(choice.text).toMatch(/local resources/);
  });
});

describe("a yes-or-no question with no name, in a message that offers a choice or names a country", () => {
  it("is answered with the facts the choice or the country is checked against", async () => {
    const choice = await ask(
      "Are the practical facilitators flown in from Japan, or drawn from local people?",
    );
    expect(choice.kind).toBe("answer");
    expect(choice.text).toMatch(/local resources/);
    const korea = await ask("Is the programme a cooperation with the country called Korea?");
    expect(korea.text).toContain("don't mention Korea");
    const merdeka = await ask("Apakah program ini ada sejak Indonesia Merdeka?");
    expect(merdeka.text).toContain("2013");
  });
});

describe("a region outside the programme asked whether it takes part", () => {
  it("is outside, whatever else the question names there: 'Aceh's Gayo coffee, is it in the programme?'", async () => {
    const reply = await ask("What about Aceh's Gayo coffee, is it in the programme?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toMatch(/^Aceh is not part of the programme/);
  });
});

describe("a claim that the programme is another organisation's", () => {
  it("is corrected with the organisation the sources name: 'program ini dari kementerian koperasi kan?'", async () => {
    const reply = await ask("program jica ini dr kementerian koperasi ukm kan");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(
      /^Sumber menyebut Kementerian Perindustrian \(Kemenperin\), bukan kementerian koperasi/,
    );
    // (Asked of that organisation's own programmes, it is that organisation that is asked of.)
    expect((await ask("Program Kemenkop UKM utk UMKM apa aja?")).kind).toBe("fallback");
  });
});

describe("another country claimed as the programme's partner", () => {
  it("is corrected whatever words describe its body: 'the project is with china's aid agency right?'", async () => {
    const reply = await ask("the project is with china's aid agency right?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Not quite/);
    expect(reply.text).toContain("JICA");
    // (A request that names a country asks nothing of the programme's partner.)
    expect((await ask("Rekomendasi drama Korea yang seru dong, Nak 😄")).kind).toBe("fallback");
  });
});

describe("a title checked against the answer", () => {
  it("is not borne out by the answer quoting it as a word the sources don't mention", async () => {
    const reply = await ask("Is Bali in the programme and who is its governor?");
    expect(reply.text).not.toMatch(/^Yes/);
    expect(reply.text).toContain("no province on Bali");
  });
});

describe("a yes-or-no question of the partners and a year", () => {
  it("checks the year: 'Apakah' asks nothing of who, and no 'the sources don't give that date' follows a yes", async () => {
    const reply = await ask("Apakah Kemenperin bekerja sama dengan JICA sejak 2013?");
    expect(reply.text).toMatch(/^Ya, benar\.\nKerja sama ini berlangsung sejak 2013/);
    expect(reply.text).not.toContain("tidak memberi tanggal");
  });
});

describe("officials and researchers asking carefully (set 139)", () => {
  it("a person's official title is her office, not the programme's official name", async () => {
    const reply = await ask("What was Gati Wibawaningsih's official title at the time?");
    expect(reply.text).toContain("Director General of Small and Medium Industry");
    expect(reply.text).not.toContain("official name");
    // The programme's own title is still its name.
    expect((await ask("What is the project's full title?")).text).toContain("Improved Service Delivery");
  });

  it("'siapa yang menyatakan …' asks who said it", async () => {
    const reply = await ask(
      "Siapa yang menyatakan bahwa pemilihan daerah didasarkan atas sumber dukungan, tema strategis, dan tema afirmatif?",
    );
    expect(reply.text).toContain("Gati Wibawaningsih");
    // The provinces that declared themselves ready are still the 2017 ones.
    expect((await ask("Provinsi apa saja yang menyatakan siap bergabung pada 2017?")).text).toContain(
      "Dogiyai",
    );
  });

  it("'besides Bisnis.com' sets aside Bisnis.com only, once; the sources named after it are asked of", async () => {
    const reply = await ask(
      "Which sources besides Bisnis.com carried the same press release, and on which date?",
    );
    expect(reply.text).not.toMatch(/Besides .*Bisnis\.com, Bisnis\.com/);
    expect(reply.text).toContain("INDUSTRY.co.id");
    expect(reply.text).toContain("Tempo.co");
    expect(reply.text).toContain("24 December 2017");
    expect((await ask("Ada sumber lain selain Bisnis.com dan Tempo?")).text).toMatch(
      /^Selain Bisnis\.com dan Tempo\.co, sumbernya:/,
    );
  });

  it("'write' asks for writing: never 'writer', the reporter of the sources", async () => {
    // (Read as a misspelt "writer", it named the journalist who wrote the Bisnis article.)
    const aceh = await ask("Write a headline about the JICA SMI project in Aceh.");
    expect(aceh.kind).toBe("not_in_programme");
    expect(aceh.text).not.toContain("Regi");
    // Writing about what the sources don't cover is not a question about the programme.
    const script = await ask("Write me a Python script that sorts a list of numbers.");
    expect(script.kind).toBe("fallback");
    expect(script.text).not.toContain("North Sumatra");
  });

  it("the names of the businesses at a place 'that take part in the programme' are not the place's name", async () => {
    const reply = await ask("Siapa saja nama IKM alas kaki di Mojokerto yang ikut program?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(/^Sumber tidak menyebut nama/);
    // The programme's own name, asked in a province, is still its name there.
    expect((await ask("what is the name of the SMI programme in East Java?")).kind).toBe("answer");
  });

  it("'untuk keperluan pemberitaan' frames the question, it asks no source", async () => {
    const reply = await ask(
      "Untuk keperluan pemberitaan, mohon konfirmasi: kerja sama ini dimulai tahun 2013, benar?",
    );
    expect(reply.text).toMatch(/^Ya, benar\.\nKerja sama ini berlangsung sejak 2013/);
  });

  it("a product put in the wrong region is corrected, whatever words it doesn't know come with it", async () => {
    const toraja = await ask("Does the project include Toraja coffee from South Sulawesi?");
    expect(toraja.text).toMatch(/^Not quite/);
    expect(toraja.text).toContain("Coffee processing: developed in Papua");
    // Rightly placed, the unknown words ask what the sources can't bear out: no "Yes".
    const market = await ask("Apakah lidah buaya Pontianak sudah tembus pasar Jepang?");
    expect(market.kind).toBe("fallback");
    expect(market.text).not.toMatch(/^Ya/);
  });

  it("the organisations that wrote a source are its authors, not the programme's partners", async () => {
    const reply = await ask(
      "Which organisations are named as authors of the JICA Project Completion Report?",
    );
    expect(reply.text).toMatch(/^JICA, KRI International Corp\., UNICO International Corporation/);
    expect(reply.text).not.toContain("Ministry of Industry");
  });

  it("whether a region was in a group, asked yes or no, is answered yes or no", async () => {
    expect((await ask("Was Papua in the first phase?")).text).toMatch(/^Not quite/);
    expect((await ask("Apakah Sulteng termasuk tahap pertama?")).text).toMatch(/^Ya, benar/);
    // A region outside named with it is answered by its membership, with no verdict on the pair.
    expect((await ask("Lombok sama Pontianak ikut tahap pertama?")).text).not.toMatch(/^Ya/);
  });

  it("a greeting with the asker's introduction, asking nothing, is a greeting", async () => {
    const kyoto = await ask("Good morning. I am a researcher from Kyoto University, nice to meet you.");
    expect(kyoto.kind).toBe("smalltalk");
    expect((await ask("Halo, saya peneliti dari Universitas Gadjah Mada, salam kenal.")).kind).toBe(
      "smalltalk",
    );
    // With a question it is the question's.
    expect((await ask("Halo, saya peneliti dari UGM, apa produk Papua?")).text).toContain("kopi");
  });

  it("trying the service out is small talk", async () => {
    expect((await ask("Mohon maaf, saya hanya ingin mencoba layanan ini terlebih dahulu.")).kind).toBe(
      "smalltalk",
    );
    expect((await ask("just trying this out")).kind).toBe("smalltalk");
  });

  it("'two' counts; it names no phase: 'East Java's two industries' are both of its entries", async () => {
    const reply = await ask("How do East Java's two industries differ between the phases?");
    expect(reply.text).toContain("footwear");
    expect(reply.text).toContain("ship components");
    // "the two lists" are both groups.
    const twice = await ask("Does any province appear more than once across the two lists?");
    expect(twice.text).toContain("East Java");
  });

  it("'a human or a bot?' is a question about the bot", async () => {
    expect((await ask("Kamu ini bot atau manusia?")).kind).toBe("smalltalk");
    expect((await ask("Excuse me, am I talking to a human or a bot?")).kind).toBe("smalltalk");
  });
});
