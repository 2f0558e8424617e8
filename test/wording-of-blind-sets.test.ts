import { describe, expect, it } from "vitest";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

// How people word their questions, as the blind sets 140 and 141 (and set 139's leftovers) showed:
// each case failed on the code before its fix. The older cases are in `everyday-wording.test.ts`.

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

describe("the asker saying who and where they are", () => {
  it("a greeting from a region greets; it asks nothing of the region", async () => {
    expect((await ask("Good evening from Jakarta.")).kind).toBe("smalltalk");
    expect((await ask("Selamat pagi dari Makassar!")).kind).toBe("smalltalk");
    expect((await ask("Halo, saya dari Makassar.")).kind).toBe("smalltalk");
    // A question after it is still the question's.
    expect((await ask("halo dari mojokerto, produk apa ya?")).text).toContain("alas kaki");
  });

  it("'my name is …', 'nama saya …' is the asker's name, not a question of the programme's name", async () => {
    const sato = await ask(
      "Hello, my name is Sato, I am working at a consultancy in Tokyo. Nice to meet you.",
    );
    expect(sato.kind).toBe("smalltalk");
    expect((await ask("nama saya Budi, salam kenal")).kind).toBe("smalltalk");
    const budi = await ask("namaku Budi, produk sulsel apa?");
    expect(budi.text).toContain("perak");
    expect(budi.text).not.toContain("budi");
    // Asked of the programme, a name is still its name.
    expect((await ask("nama programnya apa?")).text).toContain("Improved Service Delivery");
  });

  it("'is it in the programme?' after a region asks of that region, not which regions are", async () => {
    const gowa = await ask("Saya dari Kabupaten Gowa. Apakah termasuk program?");
    expect(gowa.kind).toBe("not_in_programme");
    expect(gowa.text).toContain("Gowa");
    const sulsel = await ask("ikut program ga?", ["produk sulsel apa?"]);
    expect(sulsel.text).toMatch(/^Ya, Sulawesi Selatan termasuk/);
    expect((await ask("Kami di Ambon, Maluku. Ikut program ini nggak?")).kind).toBe("not_in_programme");
    // Asking which regions still lists them.
    const which = await ask("siapa saja yang ikut program?", ["produk sulsel apa?"]);
    expect(which.text).toContain("Papua");
  });

  it("requirements asked right after wanting to join are what it takes to join, not the region criteria", async () => {
    const join = await ask("Saya mau ikut program, syaratnya apa?");
    expect(join.kind).toBe("fallback");
    expect(join.text).toMatch(/^Sumber tidak menyebut syarat bagi usaha/);
    expect((await ask("syaratnya apa?", ["saya mau ikut program ini"])).kind).toBe("fallback");
    // After anything else, "syaratnya" is how regions are chosen.
    expect((await ask("syaratnya apa?", ["produk sulsel apa?"])).text).toMatch(/^Daerah dipilih/);
  });
});

describe("two groups compared", () => {
  it("lists each group, the earlier first, however each is named (a name, a year)", async () => {
    const en = await ask("What's the difference between the 2013 phase and the 2017 expansion?");
    expect(en.text.indexOf("First phase")).toBeGreaterThanOrEqual(0);
    expect(en.text.indexOf("First phase")).toBeLessThan(en.text.indexOf("declared in 2017"));
    expect(en.text).toContain("North Sumatra");
    expect(en.text).toContain("Bangka Belitung");
    const id = await ask("Bedanya tahap pertama sama yang 2017 apa?");
    expect(id.text).toContain("Sumatera Utara");
    expect(id.text).toContain("siap bergabung");
  });

  it("of a region, gives its entry in each group", async () => {
    const jatim = await ask("Jatim di fase pertama sama di 2017 bedanya apa?");
    expect(jatim.text).toContain("Mojokerto");
    expect(jatim.text).toContain("Pasuruan");
    expect((await ask("Sebutin produk Jatim di tahap pertama dan di 2017")).text).toContain("kapal");
  });

  it("a group's own year, or the group it was chosen from, names no second group", async () => {
    const targets = await ask("Apa saja target awal program lanjutan 2017?");
    expect(targets.text).toContain("Papua");
    expect(targets.text).not.toContain("Sumatera Utara");
  });
});

describe("where to read more", () => {
  it("is answered with the sources and the official channels, not 'not sure what you mean'", async () => {
    const more = await ask("Where can I find more info about this?");
    expect(more.kind).toBe("answer");
    expect(more.nextSteps).toBe(true);
    expect(more.text).toContain("kemenperin.go.id");
    const id = await ask("info lebih lanjut di mana?");
    expect(id.text).toContain("Tempo.co");
    expect(id.text).toContain("kanal resmi");
    // Of what is named: its sources ("read" is no hearsay here).
    expect((await ask("Where can I read more from the ministry itself?")).text).toContain("Bisnis.com");
  });

  it("'more info about' a subject named, asking no where, is that subject's card", async () => {
    expect((await ask("info lebih lanjut tentang Papua")).text).toMatch(/^Papua: pengolahan kopi/);
  });
});

describe("a request after an acknowledgement", () => {
  it("'oh gitu, sebutin dong', 'ok I believe you. name them' ask for the list, not small talk", async () => {
    const id = await ask("oh gitu, sebutin dong", ["Berapa provinsi di fase pertama?"]);
    expect(id.kind).toBe("answer");
    expect(id.text).toContain("Sumatera Utara");
    const en = await ask("ok I believe you. name them", ["How many provinces were in the first phase?"]);
    expect(en.text).toContain("North Sumatra");
    // An acknowledgement alone is still small talk.
    expect((await ask("oke sip", ["Berapa provinsi di fase pertama?"])).kind).toBe("smalltalk");
  });
});

describe("the Japanese partner asked by a word for an institution", () => {
  it("'lembaga Jepangnya apa?' is JICA, also as the second of two questions", async () => {
    const both = await ask("IKM itu singkatan apa, dan lembaga Jepangnya apa?");
    expect(both.text).toContain("Industri Kecil dan Menengah");
    expect(both.text).toContain("Japan International Cooperation Agency");
    expect((await ask("What is the Japanese agency?")).text).toContain("JICA");
  });
});

describe("a start year claimed for the group that only declared it was ready", () => {
  it("is a date the sources don't give, not 'Not quite'", async () => {
    const reply = await ask("Did the five new provinces actually get started in 2018?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(/^The sources don't give that date/);
    expect((await ask("Apakah lima provinsi baru mulai tahun 2018?")).text).toMatch(
      /^Sumber tidak memberi tanggal/,
    );
    // A start before they declared is wrong.
    expect((await ask("Provinsi 2017 mulai 2016 ya?")).text).toMatch(/^Tidak tepat/);
  });
});

describe("which languages the bot speaks", () => {
  it("is answered: Indonesian and English, and how to keep one", async () => {
    const id = await ask("bisa bahasa inggris gak?");
    expect(id.kind).toBe("smalltalk");
    expect(id.text).toContain("bahasa Indonesia dan bahasa Inggris");
    expect(id.text).toContain("/bahasa");
    expect((await ask("Do you speak English?")).text).toContain("/lang");
    // The sources' languages are no question of the bot's.
    expect((await ask("What languages are the sources in?")).kind).not.toBe("smalltalk");
  });
});

describe("a request is no statement to check", () => {
  it("'I want to know about …', 'I'd love to learn more about …', 'Could you explain …?' get no 'Yes, that's right'", async () => {
    for (const q of [
      "I want to know about the Papua coffee",
      "I'd love to learn more about the Papua coffee",
      "Could you explain the Papua coffee project?",
    ]) {
      const reply = await ask(q);
      expect(reply.text, q).toMatch(/^Papua: coffee processing/);
    }
    expect((await ask("Can you describe the silver crafts in Makassar?")).text).toContain("silver and gold");
    // Asked to confirm, it is checked.
    expect((await ask("Could you confirm Papua makes coffee?")).text).toMatch(/^Yes/);
  });
});

describe("the officials the sources name", () => {
  it("'siapa saja pejabat yang disebut?' lists them; it asks no name of the programme", async () => {
    const id = await ask("siapa saja pejabat yang disebut?");
    expect(id.text).toContain("Gati Wibawaningsih");
    expect(id.text).not.toContain("Improved Service Delivery");
    // The programme's official name is still its name.
    expect((await ask("What's the project's official English name?")).text).toContain(
      "Improved Service Delivery",
    );
  });

  it("besides one set aside, none other is named, as the sources say", async () => {
    expect((await ask("Besides Gati, which other officials are named?")).text).toMatch(/^None other/);
    expect((await ask("Selain Gati, siapa lagi pejabat yang disebut?")).text).toMatch(/^Tidak ada yang lain/);
  });
});

describe("whether the programme reached its targets", () => {
  it("is an evaluation the sources don't make", async () => {
    const reply = await ask("Fase 1 capai target gak sih?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(/^Sumber tidak menilai/);
    expect((await ask("Did phase one achieve its targets?")).kind).toBe("fallback");
  });
});

describe("the newsroom that received the release", () => {
  it("'diterima redaksi hari apa?' asks the day the release was received", async () => {
    const reply = await ask("Hari apa keterangan resmi itu diterima redaksi?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Senin, 25 Desember 2017");
  });
});

describe("a group named by its year, asked yes or no", () => {
  it("gets its yes or no as a group named by its name does", async () => {
    expect((await ask("Was Central Sulawesi in the 2017 group?")).text).toMatch(/^Not quite/);
    expect((await ask("Was Papua in the 2017 group?")).text).toMatch(/^Yes/);
  });
});

describe("who the bot is, asked beside an organisation", () => {
  it("'Anda ini siapa? … petugas Kemenperin?', 'Are you from JICA?' are about the bot", async () => {
    const id = await ask(
      "Mohon maaf, Anda ini siapa? Apakah saya sedang berbicara dengan petugas Kemenperin?",
    );
    expect(id.kind).toBe("smalltalk");
    expect(id.text).toMatch(/^Saya Tanya IKM/);
    expect((await ask("Are you from JICA?")).kind).toBe("smalltalk");
    // Help asked of an organisation is a question of it.
    expect((await ask("Ada bantuan mesin gratis nggak dari JICA?")).kind).toBe("fallback");
  });
});

describe("the provinces involved", () => {
  it("'Which provinces are involved?' lists the provinces, not who runs the programme", async () => {
    const reply = await ask("Which provinces are involved?");
    expect(reply.text).toMatch(/^The programme covers nine provinces/);
    expect((await ask("I'm scouting Bengkulu for a plant. Is the province involved?")).kind).toBe(
      "not_in_programme",
    );
    // Who is involved is still the partners.
    expect((await ask("Who is involved in the programme?")).text).toContain("JICA");
  });

  it("'What sources do you use for your answers?' lists the sources", async () => {
    expect((await ask("What sources do you use for your answers?")).text).toContain("Bisnis.com");
  });
});

describe("words that name a fact by another word", () => {
  it("'who's the Japanese side?' is the partner", async () => {
    expect((await ask("and who's the Japanese side?", ["what's IKM?"])).text).toContain("JICA");
  });

  it("real results are an evaluation the sources don't make", async () => {
    expect((await ask("Udah ada hasil nyata di Konawe Selatan?")).kind).toBe("fallback");
  });
});

describe("the date of a writer", () => {
  it("is their article's: 'penulisnya siapa?' – 'tanggal sama jamnya?'", async () => {
    const reply = await ask("tanggal sama jamnya?", [
      "Saya mahasiswa, mau ngutip artikel Bisnis soal kerja sama IKM",
      "penulisnya siapa?",
    ]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("25 Desember 2017, pukul 11:34 WIB");
    expect((await ask("When did Regi write it?")).text).toContain("11:34");
    // An official's appointment is another event, which the sources don't date.
    expect((await ask("Kapan Gati diangkat?")).kind).toBe("fallback");
  });
});

describe("what a statement says the programme is about", () => {
  it("is answered by its aim, whatever words the statement uses", async () => {
    const en = await ask("the programme is mainly about cutting export tariffs to Japan, right?");
    expect(en.text).toMatch(/^The aim is to raise the productivity/);
    const gati = await ask("Gati said the main goal is to cut imports of raw materials. Is that accurate?");
    expect(gati.text).toContain("productivity");
  });

  it("a figure of what it achieved is an evaluation the sources don't make", async () => {
    const reply = await ask("Give me the percentage increase in productivity the programme achieved");
    expect(reply.kind).toBe("fallback");
  });
});

describe("the noun a 'who's the …?' question asks", () => {
  it("is asked as after 'who is the …': a role the sources don't name is said so", async () => {
    expect((await ask("Who's the project manager on the Ditjen IKM side?")).kind).toBe("fallback");
    expect((await ask("Who is the project manager on the Ditjen IKM side?")).kind).toBe("fallback");
    expect((await ask("Where's the JICA field office in Pontianak?")).kind).toBe("fallback");
    // A noun the sources give is answered.
    expect((await ask("Who's the project partner?")).text).toContain("JICA");
  });
});

describe("a product offered for the region just answered", () => {
  it("'oh kopi ya?' after Sumut's product is corrected by Sumut's entry", async () => {
    const reply = await ask("oh kopi ya?", ["Sumut produknya apa?"]);
    expect(reply.text).toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("tenun ulos");
    const en = await ask("so it is coffee, right?", ["What does North Sumatra make?"]);
    expect(en.text).toMatch(/^Not quite/);
    // A correction of the asker's own question is no claim to check.
    expect((await ask("sorry, the silver one", ["Where's the tofu and tempeh made?"])).text).toContain(
      "Makassar",
    );
  });
});

describe("what the session's new readings must not swallow (a blind review)", () => {
  it("'ikut program ga?' after a region asks of it only when it names nothing else", async () => {
    const kemenperin = await ask("Does the programme include Kemenperin?", ["What does Papua produce?"]);
    expect(kemenperin.text).not.toMatch(/^Yes, Papua/);
    const umkm = await ask("apakah UMKM saya bisa ikut program?", ["Produk Sulsel apa?"]);
    expect(umkm.text).not.toMatch(/^Ya, Sulawesi Selatan/);
  });

  it("a request to compare two groups is no statement to confirm", async () => {
    for (const q of ["Compare the 2013 phase and the 2017 expansion", "bandingkan tahap 2013 dan 2017"]) {
      const reply = await ask(q);
      expect(reply.text, q).not.toMatch(/^(Yes|Ya, benar|Not quite|Tidak tepat)/);
      expect(reply.text, q).toMatch(/(First phase|Tahap pertama)/);
    }
  });

  it("'more info' about a fact asks the fact; only where to read more gets the sources", async () => {
    expect((await ask("Any more info on how regions are chosen?")).text).toMatch(/^Regions are selected/);
    expect((await ask("more information about the programme please")).text).not.toMatch(/^This comes from/);
    expect((await ask("mau info lengkapnya dong soal provinsi yang ikut")).text).toMatch(
      /^Program ini mencakup/,
    );
  });

  it("languages asked of anything but the bot are not the bot's", async () => {
    expect((await ask("Which languages are the sources written in?")).kind).not.toBe("smalltalk");
    expect((await ask("What languages do the facilitators speak?")).kind).not.toBe("smalltalk");
  });

  it("where the bot's information comes from is no question of who it is", async () => {
    expect((await ask("Jawaban anda dari Kemenperin?")).kind).not.toBe("smalltalk");
  });

  it("the region's requirements after wanting to join are the criteria", async () => {
    const reply = await ask("syarat daerahnya apa?", ["Saya mau ikut program, syaratnya apa?"]);
    expect(reply.text).toMatch(/^Daerah dipilih/);
  });

  it("wanting to give or learn still asks how", async () => {
    expect((await ask("I want to give my products to the programme, how?")).text).toMatch(
      /^The sources don't describe how to apply/,
    );
  });

  it("an agreement reached is no evaluation; a geography question of a neighbour is not answered as the region", async () => {
    expect((await ask("Kapan kesepakatan kerja sama ini tercapai?")).text).not.toMatch(
      /^Sumber tidak menilai/,
    );
    expect((await ask("Is Papua a neighbour of Sulawesi?")).kind).toBe("fallback");
  });
});
