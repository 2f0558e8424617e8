import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  const engine: AnswerEngine = await testEngine();
  return engine.askAfter(history, question);
}

describe("what a question asks for, read from its words", () => {
  it("a statement asked with a question mark is checked like one that asks 'was it …?'", async () => {
    const reply = await ask("The JICA completion report came out in 2018?");
    expect(reply.text).toMatch(/^Not quite\./);
    expect(reply.text).toContain("June 2016");
  });

  it("a month or a day is given for the sources' own dates, and said missing for the programme's years", async () => {
    expect((await ask("Berita kerja sama IKM ini keluar bulan apa?")).text).toContain("25 Desember 2017");
    const start = await ask("Bulan apa tepatnya program ini dimulai?");
    expect(start.kind).toBe("fallback");
    expect(start.text).toContain("2013");
    expect((await ask("On what exact date was the MoU signed?")).kind).toBe("fallback");
  });

  it("an article's publication date says its weekday", async () => {
    expect((await ask("What day of the week was the Bisnis article published?")).text).toContain(
      "Monday, 25 December 2017",
    );
  });

  it("'document' names a source, and the JICA report's note says the phase it covers", async () => {
    const reply = await ask("What kind of document is IL JR 16-035?");
    expect(reply.sources).toEqual(["jica-pcr-2016"]);
    expect((await ask("Which phase does the JICA report cover?")).text).toContain("first phase");
    // It covers one group: asked of the other, the sources hold no report.
    expect((await ask("Apakah ada laporan completion report untuk fase kedua?")).kind).toBe("fallback");
  });

  it("an unknown noun before 'mana'/'apa', or a verb after who/where, is what is asked", async () => {
    const prefecture = await ask("Prefektur mana di Jepang yang terlibat dalam kerja sama ini?");
    expect(prefecture.kind).toBe("fallback");
    expect(prefecture.text).toContain("prefektur");
    expect((await ask("Who signed the cooperation agreement on the Japanese side?")).kind).toBe("fallback");
    expect(
      (await ask("Where are they headquartered?", ["Who are the consultants on the JICA report?"])).kind,
    ).toBe("fallback");
    // A verb says how, not what ("nyebutnya", "dibutuhkan"), and "prepared" asks who wrote.
    expect((await ask("JICA nyebutnya apa soal Tegal?", ["Tegal bikin apa?"])).kind).toBe("answer");
    expect((await ask("Dalam pengembangan tema strategis, apa yang dibutuhkan?")).kind).toBe("answer");
    expect((await ask("Who prepared the JICA project completion report?")).text).toContain(
      "KRI International",
    );
  });

  it("a name between the question word and the noun only qualifies the noun asked", async () => {
    expect((await ask("Which Makassar workshops were selected?")).kind).toBe("fallback");
    expect((await ask("Merek sepatu Mojokerto apa saja yang dibina?")).kind).toBe("fallback");
    expect((await ask("Ada lowongan kerja di proyek JICA ini?")).kind).toBe("fallback");
    // A name the noun belongs to is still answered: "which directorate inside the ministry".
    expect(
      (await ask("Which directorate inside the Ministry of Industry handles this cooperation?")).kind,
    ).toBe("answer");
  });

  it("'sy mau jadi fasilitator, gmn caranya?' asks for instructions the sources don't give", async () => {
    expect((await ask("Sy mau jadi fasilitator praktis, gmn caranya?")).kind).toBe("fallback");
    expect((await ask("saya mau tahu gimana cara kerjanya")).kind).toBe("answer");
  });

  it("question words alone ask of what the next piece names; two complete questions stay two", async () => {
    expect((await ask("Kapan dan di mana MoU kerja sama ini ditandatangani?")).kind).toBe("fallback");
    const two = await ask(
      "ceritain dong kak singkatnya program IKM indonesia-jepang ini, dari kapan & sama siapa",
    );
    expect(two.text).toContain("2013");
    expect(two.text).toContain("JICA");
  });

  it("a name in Japanese is not in the sources, which name the programme in English and Indonesian", async () => {
    expect((await ask("What's the Japanese name of the project?")).kind).toBe("fallback");
    expect((await ask("Tolong terjemahkan 'selamat pagi' ke bahasa Jepang")).kind).toBe("fallback");
  });

  it("another country is named by its short name too", async () => {
    const reply = await ask("Program KOICA Korea buat UMKM ada apa aja?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("Korea tidak disebut");
  });

  it("a role asked of a source that names no one in it is not another source's person", async () => {
    expect((await ask("Who was the reporter of the Tempo article?")).kind).toBe("fallback");
    expect((await ask("Who was the reporter of the Bisnis article?")).text).toContain("Regi Yanuar");
  });
});

describe("statements offered for checking", () => {
  it("a product put in the wrong region is corrected by where it is, without the wrong region's card", async () => {
    const reply = await ask("The coffee project is in Kabupaten Paniai, right?");
    expect(reply.text).toMatch(/^Not quite\./);
    expect(reply.text).toContain("Dogiyai");
    expect(reply.text).not.toContain("Paniai");
  });

  it("a meaning offered for checking is answered with the sources' meaning", async () => {
    const reply = await ask("The affirmative theme means favouring big exporting companies, right?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("border");
  });

  it("a start year offered for checking is checked against the start, not read as the 2017 group", async () => {
    const reply = await ask("wkwk katanya program ini baru mulai 2017 ya kak?");
    expect(reply.text).toMatch(/^Tidak tepat\./);
    expect(reply.text).toContain("sejak 2013");
  });
});

describe("groups, counts and lists", () => {
  it("'which … aren't first targets?' excludes that group from the one it names", async () => {
    const reply = await ask("Which of the 2017 provinces aren't first targets?");
    expect(reply.text).toContain("Bangka Belitung");
    expect(reply.text).toContain("Southeast Sulawesi");
    for (const target of ["Makassar", "Pasuruan", "Dogiyai"]) expect(reply.text).not.toContain(target);
  });

  it("a phrase of scope before a question belongs to it", async () => {
    expect((await ask("Dari lima provinsi fase pertama, mana yang paling berhasil?")).kind).toBe("fallback");
  });

  it("provinces counted beside one province are the programme's", async () => {
    const reply = await ask(
      "Counting East Java only once, how many different provinces appear across both lists?",
    );
    expect(reply.text).toContain("nine provinces");
  });

  it("a group's members come in the sources' order, so 'the first one' is theirs", async () => {
    const first = await ask("yang pertama disebut itu produknya apa?", [
      "Provinsi mana saja yang jadi target awal?",
    ]);
    expect(first.text).toContain("Sulawesi Selatan");
    const last = await ask("What does the last one on that list make?", [
      "List the five provinces that joined in 2017, in the order the article gives.",
    ]);
    expect(last.text).toContain("Pasuruan");
  });
});

describe("follow-ups", () => {
  it("who wrote or edited a source is answered with that person, whom 'she' then means", async () => {
    expect((await ask("Who edited the Bisnis article?")).text).toMatch(/^Annisa Margrit — the editor/);
    const official = await ask("is she an official of the programme?", ["Who edited the Bisnis article?"]);
    expect(official.text).toContain("Not an official of the programme");
    // "it" is still the article: its time is the source's.
    expect((await ask("Who edited the article and what time did it go up?")).text).toContain("11:34");
  });

  it("provinces asked after 'who said …' are those of what was said", async () => {
    const reply = await ask("provinsinya apa aja?", [
      "Siapa yang bilang ada tiga provinsi jadi target awal?",
    ]);
    expect(reply.text).toContain("Sulawesi Selatan");
    expect(reply.text).not.toContain("Gati");
  });

  it("'name them' lists what was counted", async () => {
    const reply = await ask("name them", ["How many provinces declared themselves ready in 2017?"]);
    expect(reply.text).toContain("Bangka Belitung");
  });

  it("a programme fact asked again of a source is that fact's card", async () => {
    const reply = await ask("is it worded differently in the JICA report?", [
      "What is the programme's official name?",
    ]);
    expect(reply.text).toContain("in Indonesia");
  });

  it("'how do they go about it?' after the aim asks how the programme works", async () => {
    const reply = await ask("how do they go about it?", ["What's the purpose of the programme?"]);
    expect(reply.text).toContain("facilitators");
    expect((await ask("masih jalan sampai sekarang?", ["Program ini sejak kapan?"])).kind).toBe("fallback");
  });

  it("an Indonesian region name keeps an English chat in English", async () => {
    const reply = await ask("And Nusa Tenggara Barat?", ["Does the programme include Sulawesi Tenggara?"]);
    expect(reply.lang).toBe("en");
    expect(reply.kind).toBe("not_in_programme");
  });
});

describe("the asker and their own business", () => {
  it("a sentence that introduces the asker is context, not the question", async () => {
    expect(
      (await ask("Saya punya usaha tahu di Konawe Selatan, gimana cara daftar ikut program ini?")).kind,
    ).toBe("fallback");
    const context = await ask("Saya staf dinas di Sulawesi Selatan. Produknya apa?");
    expect(context.text).toContain("perak");
  });

  it("'provinsi kami' after the asker names their region is that region", async () => {
    const reply = await ask(
      "Kepada Yth. pengelola layanan, saya anggota DPRD Kalimantan Timur. Apakah provinsi kami termasuk dalam kerja sama ini? Hormat kami.",
    );
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toMatch(/^Kalimantan Timur tidak termasuk/);
  });

  it("whether the asker's business may join asks for requirements the sources don't give", async () => {
    const reply = await ask("Apakah usaha saya bisa ikut program ini?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("syarat");
  });

  it("'sampai sekarang' asks about today: of the programme, the sources of 2017 can't say", async () => {
    expect((await ask("Apakah program ini masih jalan sampai sekarang?")).kind).toBe("fallback");
    // Of a regency, what the sources say of its province since 2022 answers it.
    const regency = await ask("Dogiyai sampai sekarang masih Provinsi Papua kan?");
    expect(regency.kind).toBe("answer");
    expect(regency.text).toContain("Papua Tengah");
  });
});

describe("how long lies between two dated facts", () => {
  it("is worked out from the sources' dates, as finely as they give them, citing both", async () => {
    const days = await ask("Berapa hari selisih antara berita Tempo dan berita Bisnis?");
    expect(days.text).toBe(
      "Dari Tempo.co (24 Desember 2017) sampai Bisnis.com (25 Desember 2017) berselang satu hari.",
    );
    expect(days.sources).toEqual(["tempo-2017", "bisnis-2017"]);
    const months = await ask("How many months lie between the JICA report and the Bisnis article?");
    expect(months.text).toContain(
      "came about 18 months (about 1.5 years) before Bisnis.com (25 December 2017)",
    );
    // The programme's start is given as a year only: the length is about so many years.
    const old = await ask("How old was the cooperation when the Bisnis article came out?");
    expect(old.text).toMatch(
      /^The start of the cooperation \(2013\) came about four years before Bisnis\.com/,
    );
  });

  it("a group's own period measures how long it lasted", async () => {
    const reply = await ask("How many years did the first phase last?");
    expect(reply.text).toBe("The first phase (since 2013) is dated 2013–2016: about three years.");
    // Beside another dated thing, a group stands for its start.
    const between = await ask("Berapa tahun antara tahap pertama dan berita Bisnis?");
    expect(between.text).toBe(
      "Dari tahap pertama (sejak 2013) sampai Bisnis.com (25 Desember 2017) berselang sekitar empat tahun.",
    );
  });

  it("takes what the chat just named, and one dated thing alone asks what the words ask besides", async () => {
    const reply = await ask("Jadi berapa tahun jaraknya?", [
      "Kapan program ini mulai?",
      "Kapan berita Bisnis terbit?",
    ]);
    expect(reply.text).toContain("sekitar empat tahun");
    const twoParts = await ask(
      "When was the Bisnis article published, and how many years had the cooperation been running by then?",
    );
    expect(twoParts.text).toContain("25 December 2017, 11:34 WIB");
    expect(twoParts.text).toContain("about four years before Bisnis.com");
    // Nothing dated: the sources give no length.
    expect((await ask("How old is Gati Wibawaningsih?")).kind).toBe("fallback");
  });
});

describe("a condition put around a question", () => {
  it("said of the asker, is context: the question after it is asked of what it names", async () => {
    const position = await ask(
      "Suppose I cite Gati Wibawaningsih in a paper — what was her position at the time?",
    );
    expect(position.text).toMatch(/^Gati Wibawaningsih — Director General/);
    const claim = await ask("Suppose I said Papua's part is coffee processing in Dogiyai — is that correct?");
    // The verdict says yes once: the region's card drops its own.
    expect(claim.text).toMatch(/^Yes, that's right\.\nDogiyai Regency is a programme location in Papua\./);
  });

  it("of something else, asks nothing itself: the question after it is what is asked", async () => {
    const successor = await ask(
      "Seandainya Gati Wibawaningsih sudah tidak menjabat, siapa penggantinya sebagai Dirjen IKM?",
    );
    expect(successor.kind).toBe("fallback");
    expect(successor.text).toContain('"penggantinya"');
    const exports = await ask(
      "Kalau pengolahan kopi di Dogiyai sudah berjalan, hasil kopinya diekspor ke mana?",
    );
    expect(exports.kind).toBe("fallback");
  });
});

describe("why something is what it is", () => {
  it("is said not to be in the sources, beyond the aim and the considerations for regions", async () => {
    const product = await ask("Why tofu and tempeh for Southeast Sulawesi?");
    expect(product.kind).toBe("fallback");
    expect(product.text).toMatch(/^The sources don't say why/);
    // Was "Yes, that's right": a why-question is no claim to confirm.
    const ended = await ask("Why did the first phase end in 2016?");
    expect(ended.kind).toBe("fallback");
    expect(ended.text).not.toContain("that's right");
    expect((await ask("Kenapa program ini dibuat?")).text).toContain("produktivitas");
    // A "why" that questions the answer is a claim to check.
    expect(
      (await ask("kenapa tadi bilang ada rotan juga? bukannya cuma cokelat?", ["Apa produk Sulteng?"])).kind,
    ).toBe("answer");
  });
});

describe("what the sources say nothing of, asked in words of what they do", () => {
  it("a work the sources don't know, asked who wrote it, is not the article", async () => {
    expect((await ask("Who wrote Romeo and Juliet?")).kind).toBe("fallback");
    expect((await ask("Who wrote the article?")).text).toMatch(/^Regi Yanuar Widhia Dinnata/);
  });

  it("when a person took office is a date the sources don't give; when her statement came, they do", async () => {
    expect((await ask("When was Gati Wibawaningsih appointed Director General?")).kind).toBe("fallback");
    expect((await ask("Kapan Gati Wibawaningsih dilantik menjadi Dirjen IKM?")).kind).toBe("fallback");
    expect(
      (await ask("when was her statement received?", ["Who is the Director General quoted?"])).kind,
    ).toBe("answer");
  });

  it("the year of what an entry's note says is known when the note is asked about", async () => {
    const split = await ask("Since Papua was split in 2022, which province does Dogiyai belong to?");
    expect(split.kind).toBe("answer");
    expect(split.text).toMatch(/^Papua: coffee processing in Dogiyai Regency[\s\S]*Papua Tengah/);
    expect((await ask("What happened in 2022?")).kind).toBe("fallback");
  });
});

describe("results or counts asked of a region outside the programme", () => {
  it("are answered that the region is not in it; a judgement of nothing in it is no question of it", async () => {
    expect((await ask("Apa dampak program ini buat IKM di Lampung?")).kind).toBe("not_in_programme");
    expect((await ask("What was the impact of the programme in Bengkulu?")).kind).toBe("not_in_programme");
    expect((await ask("Berapa IKM di Aceh yang ikut program ini?")).kind).toBe("not_in_programme");
    expect((await ask("Where's the best ramen in Jakarta?")).kind).toBe("fallback");
  });
});
