import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  const engine: AnswerEngine = await testEngine();
  return engine.askAfter(history, question);
}

describe("a word the sources don't know, where the question asks it", () => {
  it("English asks the noun its phrase ends with, after a question word or a possessive", async () => {
    for (const question of [
      "What market share did the Palu chocolate reach?",
      "What is the facilitators' salary?",
      "Who was JICA's project leader for phase 1?",
      "Who is the project manager on the JICA side?",
      "What is Gati Wibawaningsih's educational background?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
    }
    // "What's the X of Y?": X is asked.
    expect((await ask("What's the production capacity of the Pasuruan foundries?")).kind).toBe("fallback");
    expect((await ask("What is the official name of the project?")).kind).toBe("answer");
    // After the thing a possessive points to comes the question's verb.
    expect((await ask("When did the DG's official statement reach Bisnis?")).kind).toBe("answer");
    // A word followed by "the" is the question's verb: the sources are asked for.
    expect((await ask("Which sources mention the special allocation fund (DAK)?")).kind).toBe("answer");
  });

  it("a short word with another vowel is another word, not a misspelt one ('ports' are not 'parts')", async () => {
    expect((await ask("Which ports are used to ship Pasuruan's ship components?")).kind).toBe("fallback");
  });

  it("a letter left out plus another that is no neighbouring key is another word ('calories' is not 'carries')", async () => {
    const reply = await ask("how many calories are in a banana?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toContain("published");
    // A letter left out and a neighbouring key is still a slip.
    expect((await ask("kalimantn barat produknya apa")).text).toContain("lidah buaya");
  });

  it("a short word with an extra vowel is another word ('kuota' is not 'kota'); a doubled one is a slip", async () => {
    expect((await ask("Ada kuota peserta per kabupaten nggak?")).kind).toBe("fallback");
    expect((await ask("tempe tahuu")).text).toContain("Sulawesi Tenggara");
  });

  it("the sources name no experts: 'Japanese experts' are not the practical facilitators", async () => {
    const reply = await ask("Are there Japanese experts stationed in Palu?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toContain("practical facilitators");
  });

  it("Indonesian 'mana saja' asks which; a word after 'yang' says what the asked thing does", async () => {
    expect((await ask("Universitas mana saja yang dilibatkan dalam program ini?")).kind).toBe("fallback");
    expect((await ask("Prefektur Jepang mana yang menjadi mitra Kabupaten Tegal?")).kind).toBe("fallback");
    // After "siapa yang" comes what the person asked did: a deed the sources don't know is asked.
    expect((await ask("Siapa yang menggantikan Bu Gati sebagai Dirjen IKM?")).kind).toBe("fallback");
    expect((await ask("Siapa yang bilang begitu?")).text).toContain("Gati");
    const ready = await ask("Provinsi mana saja yg siap ikut tahun 2017?");
    expect(ready.kind).toBe("answer");
    expect(ready.text).toContain("Papua");
  });
});

describe("yes-or-no questions", () => {
  it("ask whether what follows the subject is so: an unknown word there is not in the sources", async () => {
    for (const question of ["Did Gati ever visit Dogiyai?", "Is the Tegal metal cluster ISO certified?"]) {
      expect((await ask(question)).kind, question).toBe("fallback");
    }
  });

  it("whether something takes part is asked of that thing, whatever follows", async () => {
    const batch = await ask("Was Samosir part of the original batch or the 2017 expansion?");
    expect(batch.kind).toBe("answer");
    expect(batch.text).toContain("first phase");
    expect((await ask("Did Bengkulu join back in 2013?")).kind).toBe("not_in_programme");
  });
});

describe("facts the sources never give", () => {
  it("what a product is made into", async () => {
    expect((await ask("Lidah buaya Pontianak diolah jadi minuman apa aja?")).kind).toBe("fallback");
    // Which provinces were made the first targets is given.
    expect((await ask("Tiga provinsi yang dijadikan target awal program lanjutan itu apa saja?")).kind).toBe(
      "answer",
    );
  });
});

describe("choices a question offers", () => {
  it("unknown choices are what is asked; known ones are answered", async () => {
    expect((await ask("Kopi Dogiyai jenisnya arabika atau robusta?")).kind).toBe("fallback");
    expect((await ask("What rattan products are made in Palu, chairs or baskets?")).kind).toBe("fallback");
    const origin = await ask("fasilitator praktisnya itu orang mana? dari jepang atau org lokal?");
    expect(origin.kind).toBe("answer");
    expect(origin.text).toContain("lokal");
    const markets = await ask("Produk IKM yang dibina nanti diarahkan ke pasar mana, lokal atau ekspor?");
    expect(markets.text).toContain("internasional");
  });
});

describe("what a question asks of the programme", () => {
  it("'what is … all about?' describes the programme, not what its name means", async () => {
    const reply = await ask(
      "In a nutshell, what is this Indonesia-Japan small industry cooperation all about?",
    );
    expect(reply.text).toContain("JICA");
    expect(reply.text).not.toMatch(/^IKM stands for/);
  });
});

describe("a region outside the programme", () => {
  it("is outside whatever is asked of the programme there, unless a thing is asked by name", async () => {
    const reply = await ask("Di Bantul ada binaan JICA utk IKM gak?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Bantul");
    expect((await ask("What's the street address of the JICA office in Jakarta?")).kind).toBe("fallback");
  });
});

describe("the asker's introduction", () => {
  it("is context of its own: the place it names is not the question's", async () => {
    const reply = await ask(
      "Selamat siang. Saya mahasiswa ekonomi di Medan yg lagi nulis skripsi ttg IKM. Kerja sama Indonesia-Jepang ini sebenarnya mulai jalan tahun berapa ya?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2013");
    expect(reply.text).not.toContain("Medan");
  });

  it("is a sentence that states, before one that asks, whatever place words it holds", async () => {
    // "kabupaten" can ask which regency; said of the asker before a question, it only names.
    const reply = await ask(
      "Kepada Yth. Admin. Saya staf Dinas Perindustrian kabupaten. Mohon info, ada berapa pertimbangan yang dipakai Kemenperin dalam memilih daerah untuk program ini? Terima kasih.",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("tiga");
    // Without the question mark it is still the asker's question ("… kabupaten mana").
    expect(
      (await ask("Saya staf dinas. Mohon info kabupaten mana yang ikut di Jawa Tengah.")).text,
    ).toContain("Tegal");
  });

  it("ends at a sentence's full stop after a short word, and may say who asks with 'here'", async () => {
    const reply = await ask(
      "Founder of a small hardware start-up here. How does the central government bring regional governments into the programme?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("cluster");
  });

  it("ends at a dash, and a request after it opens the question", async () => {
    const lesson = await ask(
      "I'm preparing a lesson plan — give me a short overview of the Japan–Indonesia small industry project.",
    );
    expect(lesson.text).toContain("2013");
    const day = await ask(
      "Sy ASN dari kementerian lain, mau nanya: keterangan resmi Bu Gati diterima Bisnis hari apa?",
    );
    expect(day.text).toContain("Senin");
  });

  it("names the word 'it' then means ('What does it stand for?')", async () => {
    const reply = await ask('I keep seeing "IKM" in Indonesian news about Japan. What does it stand for?');
    expect(reply.text).toMatch(/^IKM stands for Industri Kecil dan Menengah/);
  });

  it("goes on with what the asker says of themselves, which is not asked", async () => {
    const reply = await ask(
      "Hello, I own a small leather shoe workshop and would love to be part of this. How do I apply?",
    );
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("how to apply");
  });

  it("'provinsi kami' is the region it names, however the question names the programme", async () => {
    const reply = await ask(
      "Kepada Yth. pengelola layanan, saya anggota DPRD Kalimantan Timur. Apakah provinsi kami termasuk dalam kerja sama pengembangan IKM dengan JICA? Hormat kami.",
    );
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Kalimantan Timur");
  });
});

describe("a preface before a colon", () => {
  it("that names nothing is said around the question, not asked", async () => {
    const reply = await ask(
      "Sorry, silly question from a tourism office intern: what does IKM actually stand for?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Industri Kecil dan Menengah");
  });

  it("that names something says what the question after it is about", async () => {
    const reply = await ask("West Java regency of Garut: any IKM cluster there in this programme?");
    expect(reply.kind).toBe("not_in_programme");
  });
});

describe("statements sent without a question", () => {
  it("are checked as if a tag ended them", async () => {
    const start = await ask("Program ini mulainya tahun 2015.");
    expect(start.kind).toBe("answer");
    expect(start.text).toMatch(/^Tidak/);
    expect(start.text).toContain("2013");
    const date = await ask("The Bisnis article was published in January 2018.");
    expect(date.text).toMatch(/^Not quite\./);
    expect(date.text).toContain("25 December 2017");
  });

  it("names offered for the consultants are corrected by the consultants the report names", async () => {
    const reply = await ask("The project's consultants were JETRO and Mitsubishi.");
    expect(reply.text).toContain("KRI International");
    // Beside a fact of the programme, an organisation is only context.
    const local = await ask(
      "Does the programme rely on outside consultants as facilitators, or on local people?",
    );
    expect(local.text).toContain("local resources");
  });

  it("a hedge ('I believe') and 'launched' check the start", async () => {
    const reply = await ask("The programme was launched in 2010, I believe.");
    expect(reply.text).toMatch(/^Not quite\./);
    expect(reply.text).toContain("2013");
  });

  it("a product put in another city of its province is corrected by where it is made", async () => {
    const reply = await ask("Tofu and tempeh are made in Kendari under the programme.");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Not quite\./);
    expect(reply.text).toContain("South Konawe");
  });
});

describe("a name's possessive", () => {
  it("joins a phrase: 'JICA's report' is the JICA report", async () => {
    const reply = await ask("According to JICA's report, where was the ulos weaving located?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Samosir");
    // What a possessive points to, where no phrase joins, is still asked.
    expect((await ask("What is Gati Wibawaningsih's educational background?")).kind).toBe("fallback");
  });
});

describe("a person's dates", () => {
  it("the sources date what they said, not when they took office", async () => {
    expect((await ask("Sejak kapan Bu Gati menjabat Dirjen IKM?")).kind).toBe("fallback");
    const said = await ask("Kapan Gati mengatakan itu?");
    expect(said.kind).toBe("answer");
    expect(said.text).toContain("25 Desember 2017");
  });
});

describe("what 'how many' counts", () => {
  it("is the noun it asks of: facilitators the sources don't count, provinces they do", async () => {
    for (const question of [
      "How many facilitators were placed in each province?",
      "Ada berapa fasilitator yang ditempatkan di daerah?",
    ])
      expect((await ask(question)).kind, question).toBe("fallback");
    // Before "berapa", the noun a relative clause describes.
    const involved = await ask("Pas tahap awal, provinsi yg dilibatin ada brp?");
    expect(involved.kind).toBe("answer");
    expect(involved.text).toContain("lima provinsi");
  });
});

describe("a sentence that states, before one that asks", () => {
  it("says what the question is about and asks nothing of its own", async () => {
    const reply = await ask(
      "Proyek yang berjalan sejak 2013 itu punya nama resmi dalam bahasa Inggris. Apa namanya?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Nama resminya "The Project of Small and Medium Industry/);
    expect(reply.text).not.toContain("lima provinsi");
    // Asked with a question mark, it is the question; the sentence before it is chatter.
    const bali = await ask(
      "Heading to the Island of the Gods next week. Does Bali have any project in this programme?",
    );
    expect(bali.kind).toBe("not_in_programme");
    // A sentence that asks by its words is still a question of its own.
    const two = await ask("Sebutkan provinsi tahap pertama. Kapan program mulai?");
    expect(two.text).toContain("Samosir");
    expect(two.text).toContain("2013");
  });
});

describe("names joined by 'dan' after a question word", () => {
  it("are asked together: 'Kapan Sultra dan Babel mulai didampingi?' asks when each started", async () => {
    const reply = await ask("Kapan Sulawesi Tenggara dan Bangka Belitung mulai didampingi?");
    // They only declared in 2017 they were ready: the sources don't say when work began.
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("menyatakan siap bergabung pada 2017");
    const begun = await ask("In what year did Kemenperin and JICA begin working together?");
    expect(begun.kind).toBe("answer");
    expect(begun.text).toContain("2013");
  });
});

describe("a statement that puts a region in a group", () => {
  it("opens with yes or no before the facts that bear it out", async () => {
    expect((await ask("Papua was one of the three first targets of the follow-up programme.")).text).toMatch(
      /^Yes, that's right\./,
    );
    expect((await ask("Papua termasuk tahap pertama.")).text).toMatch(/^Tidak tepat\./);
    // A place is in the group its own entry is in: Pasuruan is East Java's 2017 place.
    expect((await ask("Pasuruan ikut tahap pertama kan?")).text).toMatch(/^Tidak tepat\./);
    expect((await ask("Mojokerto ikut tahap pertama kan?")).text).toMatch(/^Ya, benar\./);
    // "Only" is not so of a province in another group too (a group chosen from another is the same line).
    expect((await ask("East Java only appears in the first phase, doesn't it?")).text).toMatch(
      /^Not quite\./,
    );
    expect((await ask("Sulsel hanya di target awal kan?")).text).toMatch(/^Ya, benar\./);
  });
});

describe("the same question again, of another region", () => {
  it("keeps the group it was narrowed to ('Sultra juga?' after 'Sulsel termasuk target awal?')", async () => {
    const reply = await ask("Sultra juga?", ["Sulsel termasuk target awal?"]);
    expect(reply.text).toMatch(/^Sulawesi Tenggara tidak termasuk target awal program lanjutan/);
    const jatim = await ask("kalau Jatim?", ["Sulsel termasuk target awal program lanjutan?"]);
    expect(jatim.text).toMatch(/^Jawa Timur termasuk target awal program lanjutan/);
  });
});

describe("how long the partners have worked together", () => {
  it("is how long the programme has run", async () => {
    const reply = await ask("How long have Kemenperin and JICA been working together on this?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("since 2013");
  });
});

describe("the provinces of 2017", () => {
  it("declared they were ready: when work began there, the sources don't say", async () => {
    const reply = await ask("When did activities in the 2017 provinces actually start on the ground?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("declared");
    // 'activity' asks nothing of its own: a region outside is outside.
    expect((await ask("Any activity in Pekanbaru, Riau?")).kind).toBe("not_in_programme");
  });
});

describe("'there', 'di sini'", () => {
  it("is the region the chat or the asker's introduction has just named", async () => {
    const ntb = await ask("I'm researching West Nusa Tenggara (NTB). Is there any IKM-JICA cluster there?");
    expect(ntb.kind).toBe("not_in_programme");
    const hotel = await ask("Saya pemilik hotel di Makassar. Kerajinan apa yang dikembangkan di sini?");
    expect(hotel.text).toContain("perak dan emas");
    expect((await ask("ada klaster di sana?", ["Sulteng ikut program?"])).text).toContain("Palu");
  });

  it("a full stop after a closing quote ends a sentence", async () => {
    const reply = await ask("The coverage talks about an 'affirmative theme'. What does that refer to?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("underdeveloped");
  });
});

describe("a count offered for checking", () => {
  it("is answered yes or no by the count the sources give", async () => {
    expect((await ask("Di fase pertama ada sepuluh provinsi yang ikut.")).text).toMatch(/^Tidak tepat\./);
    expect((await ask("Tahap pertama ada tujuh provinsi #cmiiw")).text).toMatch(/^Tidak tepat\./);
    expect((await ask("The first phase had five provinces.")).text).toMatch(/^Yes, that's right\./);
    expect((await ask("There are 3 first targets, right?")).text).toMatch(/^Yes, that's right\./);
  });
});

describe("another country offered as the programme's", () => {
  it("is corrected by its partners; asked without a claim, the sources don't cover it", async () => {
    const korea = await ask("Program IKM ini kerja sama dengan Korea lewat KOICA, kan?");
    expect(korea.kind).toBe("answer");
    expect(korea.text).toMatch(/^Tidak tepat\./);
    expect(korea.text).toContain("JICA");
    expect((await ask("Is the programme also in Malaysia?")).kind).toBe("fallback");
  });
});

describe("how many provinces at the start", () => {
  it("counts the group the programme began with", async () => {
    const reply = await ask("Berapa provinsi yang ikut di awal program?");
    expect(reply.text).toMatch(/^Tahap pertama \(sejak 2013\): lima provinsi/);
  });
});

describe("what a 'how' question says is done to its subject", () => {
  it("is asked: a deed the sources don't know is not in them", async () => {
    expect((await ask("How are facilitators recruited and paid?")).kind).toBe("fallback");
    const brought = await ask(
      "How are regional governments brought into the programme by the central government?",
    );
    expect(brought.text).toContain("cluster");
    // An adverb only says how.
    expect((await ask("How is the project officially named?")).text).toContain("Improved Service Delivery");
  });
});

describe("a note's own words", () => {
  it("ask for what the note says, answered by the entry's card ('kapan Papua dimekarkan?')", async () => {
    for (const question of [
      "Papua dimekarkan tahun berapa sehingga Dogiyai pindah provinsi?",
      "In what year was Papua split so that Dogiyai changed province?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toContain("2022");
    }
  });
});

describe("a regency by its English name and a spaced hyphen", () => {
  it("'East Lombok' is Kabupaten Lombok Timur; ' - ' ends a clause", async () => {
    const lombok = await ask("East Lombok regency - do they have a cluster under this scheme?");
    expect(lombok.kind).toBe("not_in_programme");
    expect(lombok.text).toContain("Lombok Timur");
    const jica = await ask("I'm a reporter from Osaka. JICA keeps coming up here - what is it exactly?");
    expect(jica.text).toMatch(/^Japan International Cooperation Agency/);
  });
});

describe("small talk beside a question", () => {
  it("is not the message: who edited it is asked after 'oh gitu'", async () => {
    const reply = await ask("oh gitu. yg ngedit siapa?", ["Berita Bisnis itu siapa penulisnya?"]);
    expect(reply.text).toContain("Annisa Margrit");
    expect((await ask("Are you a human or a bot?")).kind).toBe("smalltalk");
  });

  it("asking to join a group is a greeting; asking how to join the programme is a question", async () => {
    expect((await ask("assalamualaikum, izin gabung grup")).kind).toBe("smalltalk");
    expect((await ask("izin gabung program gimana caranya?")).kind).not.toBe("smalltalk");
  });

  it("the bot addressed by its name is greeted, not asked about; 'tanya IKM' in a question still asks", async () => {
    expect((await ask("Selamat pagi, Tanya IKM")).kind).toBe("smalltalk");
    expect((await ask("Halo Tanya IKM, produk sulsel apa?")).text).toMatch(
      /^Sulawesi Selatan: kerajinan perak/,
    );
    expect((await ask("mau tanya IKM itu apa?")).text).toMatch(/^IKM adalah singkatan/);
    expect((await ask("Ini siapa ya?")).kind).toBe("smalltalk");
  });

  it("asking whether it is a bot, or who one is talking to, is small talk in both languages", async () => {
    for (const question of [
      "Kamu ini bot ya?",
      "ini bot ya?",
      "Are you a bot or a real person?",
      "hello, who am i talking to?",
    ])
      expect((await ask(question)).kind, question).toBe("smalltalk");
  });

  it("a greeting before a question about the programme is the question", async () => {
    const reply = await ask("hi, what is this Indonesia-Japan IKM programme about?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("JICA");
  });
});

describe("Javanese and Sundanese words mixed into Indonesian", () => {
  it("read as their Indonesian equivalents", async () => {
    expect((await ask("mas, IKM iku singkatan opo to?")).text).toContain("Industri Kecil dan Menengah");
    expect((await ask("sing ngomong soal dasar pemilihan daerah itu sopo, mas?")).text).toContain("Gati");
    expect((await ask("matur suwun")).kind).toBe("smalltalk");
  });
});

describe("the partnership is the programme", () => {
  it("when the partners began working together is when the programme began, alone or as a follow-up", async () => {
    expect((await ask("and the year?", ["who are the partners?"])).text).toContain("2013");
    expect((await ask("tahunnya?", ["siapa mitranya?"])).text).toContain("2013");
    // Asked beside the programme's start, the partners are still named.
    expect(
      (await ask("Sejak kapan, dengan lembaga apa, dan untuk tujuan apa kerja sama ini?")).text,
    ).toContain("JICA");
  });

  it("whether it still runs this year, the sources of 2017 can't say", async () => {
    for (const question of [
      "Is the programme still running this year?",
      "masih jalan ga program ini taun ini?",
    ])
      expect((await ask(question)).kind, question).toBe("fallback");
    // "taun" is still the year: "mulai dari taun brp?" asks when it began.
    expect((await ask("kerja sama Jepang-Indonesia buat IKM ini mulai dari taun brp?")).text).toContain(
      "2013",
    );
  });
});

describe("more everyday words for what the sources do say", () => {
  it("big or small industry asks what IKM is; which country asks the partner; a tl;dr asks the overview", async () => {
    expect((await ask("Program ini menyasar industri besar atau IKM?")).text).toMatch(
      /industri kecil dan menengah/i,
    );
    expect((await ask("IKM means big industry, I think.")).text).toContain("small and medium industry");
    expect((await ask("Which country is Indonesia's partner in this IKM cooperation?")).text).toContain(
      "Japan International Cooperation Agency",
    );
    expect((await ask("tldr of the programme pls, making a youtube short")).text).toContain("JICA");
    // Companies by size the sources don't name are still not answered.
    expect(
      (await ask("Which large companies were linked with the supporting industries in Pasuruan?")).kind,
    ).toBe("fallback");
  });

  it("the programme's social accounts are contacts the sources don't give; who made the bot is small talk", async () => {
    for (const question of ["ada ig resmi programnya ga?", "ada grup wa resmi program ini?"])
      expect((await ask(question)).kind, question).toBe("fallback");
    for (const question of ["siapa yg bikin kamu?", "Are you a bot or a person?"])
      expect((await ask(question)).kind, question).toBe("smalltalk");
  });
});

describe("'how much' asks an amount", () => {
  it("which the sources never give, unless it is an amount of time; the question beside it is still answered", async () => {
    expect((await ask("how much did phase 1 cost")).kind).toBe("fallback");
    expect((await ask("how much time did phase one take?")).text).toContain("2013–2016");
    const both = await ask("What does Papua develop there, and how much does the coffee sell for?");
    expect(both.kind).toBe("answer");
    expect(both.text).toContain("Dogiyai");
  });

  it("a plural is its singular within a phrase: 'local governments'", async () => {
    expect((await ask("do local governments play any role in it?")).text).toContain("regional governments");
  });
});

describe("how the aim is reached", () => {
  it("is the programme's approach, asked after its aim; how to weave is still instructions", async () => {
    expect((await ask("Bagaimana cara mencapainya?", ["Apa tujuan program ini?"])).text).toContain("klaster");
    expect((await ask("how will they achieve that?", ["what is the aim?"])).text).toContain("cluster");
    expect((await ask("How do they plan to do that?", ["What's the programme's aim?"])).text).toContain(
      "cluster",
    );
    expect((await ask("Bagaimana cara menenun ulos yang benar?")).kind).toBe("fallback");
  });
});

describe("a word the answer holds", () => {
  it("is explained by it, even where it looks like a misspelt name", async () => {
    const reply = await ask("Sumber dukungan itu maksudnya dari anggaran apa saja?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("APBN");
    // A misspelt name still asks "did you mean".
    expect((await ask("tngh sulawsi")).text).toMatch(/^Saya kurang yakin/);
  });
});

describe("writing, with nothing named", () => {
  it("'who wrote it?', 'who edited it?' ask of the article; a word of writing beside 'apa' asks what", async () => {
    expect((await ask("who wrote it")).text).toContain("Regi Yanuar Widhia Dinnata");
    expect((await ask("who edited it")).text).toContain("Annisa Margrit");
    expect((await ask("nama resmi programnya apaan ya, mau ditulis di makalah")).text).toContain(
      "Improved Service Delivery",
    );
  });

  it("the day the official statement was received is its article's", async () => {
    expect((await ask("keterangan resminya diterima hari apa")).text).toContain("Senin, 25 Desember 2017");
  });
});

describe("a statement about what a criterion is for", () => {
  it("is answered by what the criterion means", async () => {
    const reply = await ask("tema afirmatif itu buat kota2 besar kan");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("tertinggal");
    // Asking an amount of its budget is still not answered.
    expect((await ask("how much APBN money went into this")).kind).toBe("fallback");
  });
});

describe("a source's own details", () => {
  it("its number, date and time, and the firms on it, in the words fact-checkers use", async () => {
    for (const [question, fact] of [
      ["Nomor dokumen laporan penyelesaian proyek JICA itu berapa?", "IL JR 16-035"],
      ["Date and time of the Bisnis.com article, please.", "11:34 WIB"],
      ["Which consultancies are named on the JICA completion report?", "UNICO"],
    ] as const) {
      const reply = await ask(question);
      // (A fallback shows the source's card too: the kind says it answered.)
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toContain(fact);
    }
  });
});

describe("regional words and the asker's own region", () => {
  it("'though' after a follow-up says nothing of what is asked", async () => {
    const reply = await ask("which city though?", ["Which province does footwear?"]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Mojokerto City");
  });

  it("'rek', Papuan 'sa … tong pu daerah', 'iya kan'; 'merek' is still a brand", async () => {
    expect((await ask("Mojokerto dapat program apa rek?")).text).toContain("alas kaki");
    expect((await ask("sa dari Dogiyai, tong pu daerah masuk program untuk produk apa?")).text).toMatch(
      /^Papua: pengolahan kopi/,
    );
    expect((await ask("Saya dari Tegal. Daerah kami bikin apa di program ini?")).text).toMatch(
      /^Jawa Tengah: komponen logam/,
    );
    expect(
      (await ask("Bangka Belitung ngembangin kerajinan pewter timah di Bangka Barat, iya kan?")).text,
    ).toMatch(/^Ya, benar\./);
    expect((await ask("Merek sepatu Mojokerto apa saja yang dibina?")).kind).toBe("fallback");
  });

  it("how the programme works, registration, and what it is for by size", async () => {
    expect((await ask("How does the programme actually work in the regions?")).text).toContain("cluster");
    expect((await ask("Kapan pendaftaran gelombang berikutnya?")).kind).toBe("fallback");
    expect((await ask("The programme is only for large companies.")).text).toMatch(
      /small and medium industry/i,
    );
  });
});

describe("the size of industry the programme is for", () => {
  it("asked as a choice of sizes is what IKM means; 'how big' asks an amount the sources don't give", async () => {
    for (const question of [
      "Is the programme about big factories or small businesses?",
      "Fokus kerja sama Kemenperin-JICA ini industri besar atau industri kecil?",
      "program IKM JICA ini fokusnya ke industri besar atau yg kecil?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^IKM (adalah singkatan|stands for)/);
    }
    expect((await ask("How big is the DAK allocation for this programme?")).kind).toBe("fallback");
    expect((await ask("How can a small or medium industry apply to join the programme?")).kind).toBe(
      "fallback",
    );
  });
});

describe("where the facilitators come from", () => {
  it("is the approach: practical facilitators drawn from local resources", async () => {
    expect((await ask("Fasilitator praktis di program ini tuh orang dari mana?")).text).toContain(
      "sumber daya lokal",
    );
    expect(
      (await ask("orangnya diambil dari mana?", ["Di program ini ada fasilitator praktis ya?"])).text,
    ).toContain("sumber daya lokal");
  });
});

describe("domestic or foreign markets", () => {
  it("are the aim, however the question puts them; where a product is sold is still not in the sources", async () => {
    for (const question of [
      "does the programme target domestic or export markets?",
      "Program ini buat bantu jual di pasar dalam negeri atau luar negeri?",
      "program ini bikin IKM bs bersaing sampe luar negeri gitu ga? tujuannya apa sih",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^(Tujuannya|The aim)/);
    }
    expect((await ask("Di mana kopi Dogiyai dijual?")).kind).toBe("fallback");
  });
});

describe("why a side of the cooperation took part", () => {
  it("is the aim when asked of the side whose aim the sources give, and not given for the other", async () => {
    for (const question of [
      "Why did Japan decide to support this?",
      "Kenapa Jepang mau kerja sama dgn Indonesia di bidang IKM?",
      "JICA kenapa mau bantu?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      // What the sources do give follows: the aim, as the ministry states it.
      expect(reply.text, question).toMatch(/Kemenperin/);
      expect(reply.text, question).toMatch(/productivity|produktivitas/);
    }
    for (const question of [
      "Why did Indonesia team up with Japan on small industries?",
      "Kenapa pemerintah menggandeng Jepang untuk IKM? Apa harapannya?",
      "Kenapa sih Kemenperin kerja sama dgn Jepang buat IKM?",
      "Why does the programme work with JICA?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/productivity|produktivitas/);
    }
  });
});

describe("what a question asks to exist", () => {
  it("is its whole phrase after 'ada', the words the sources don't know in it too", async () => {
    for (const question of [
      "Apakah ada strategi pengarusutamaan gender dalam program ini?",
      "Apakah ada sertifikasi halal untuk produk tahu tempe?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
    }
    // What the sources do know still answers.
    expect((await ask("Apakah ada klaster di Papua?")).kind).toBe("answer");
  });
});
