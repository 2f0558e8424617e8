import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { stemCandidates } from "../src/answer/normalise.ts";
import { testEngine } from "./support/app.ts";

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  const engine: AnswerEngine = await testEngine();
  return engine.askAfter(history, question);
}

describe("an ordinal beside the word for the considerations", () => {
  it("names that consideration, in the order the sources give them, not a phase", async () => {
    for (const [question, name] of [
      ["Pertimbangan ketiga buat milih daerah itu namanya apa?", "Pengembangan tema afirmatif"],
      ["What's the third consideration for choosing regions?", "Affirmative themes"],
      ["kriteria kedua apa", "Pengembangan tema strategis"],
      ["the last criterion?", "Affirmative themes"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(new RegExp(`^${name}, (salah satu|one of)`));
    }
  });

  it("enumerating questions ('pertama, …') or asking who was picked first, is no consideration", async () => {
    const reply = await ask("Which of them were picked first?", [
      "How many provinces were ready to join in 2017?",
    ]);
    expect(reply.text).toContain("South Sulawesi");
    expect(reply.text).not.toMatch(/^Sources of support/);
  });

  it("after the count of considerations, 'the third' is the third of them", async () => {
    const reply = await ask("Yang ketiga apa?", ["Ada berapa pertimbangan dalam memilih daerah?"]);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Pengembangan tema afirmatif, salah satu dari tiga pertimbangan/);
  });
});

describe("a region someone is from", () => {
  it("says who asks, not what, when the question names something else", async () => {
    const aim = await ask(
      "Pendengar dari Kendari nanya nih: tujuan kerja sama Kemenperin sama JICA itu buat apa, Mas?",
    );
    expect(aim.kind).toBe("answer");
    expect(aim.text).toMatch(/^Tujuannya/);
    const parts = await ask(
      "Two quick ones from a listener in Makassar: when did it start, and who's the Japanese partner?",
    );
    expect(parts.kind).toBe("answer");
    expect(parts.text).toContain("2013");
    expect(parts.text).toContain("JICA");
    expect(parts.text).not.toContain("Makassar");
  });

  it("is what is asked when nothing else is, or when the question asks whether it is in, or 'here'", async () => {
    expect((await ask("Pendengar dari Kendari nanya, masuk program ga?")).kind).toBe("not_in_programme");
    expect((await ask("I'm in Yogyakarta, any IKM–JICA project here?")).kind).toBe("not_in_programme");
    // A word that means more than a person is no origin: "penenun" is weaving.
    expect(
      (await ask("Mbah saya penenun di Nusa Tenggara Timur, daerahnya masuk program Jepang ini tidak?")).kind,
    ).toBe("not_in_programme");
  });
});

describe("who asks, said after the question", () => {
  it("is context, not a question of its own ('We want to write about the silver workshops')", async () => {
    const reply = await ask(
      "Is there a programme cluster in Bali? We want to write about the silver workshops in Celuk.",
    );
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).not.toContain("silver");
    // A sentence that backs the claim up still claims.
    expect((await ask("Bukankah kerja sama ini dimulai 2015? Saya ingat betul itu.")).text).toContain("2013");
  });
});

describe("small talk", () => {
  it("quoted is mentioned, not said: a request to translate a greeting is no greeting", async () => {
    for (const question of [
      "Tolong terjemahkan 'selamat pagi' ke dalam bahasa Jepang.",
      "Ajarin dong bahasa Jepangnya 'selamat pagi'.",
    ])
      expect((await ask(question)).kind, question).toBe("fallback");
    expect((await ask("'halo'")).kind).toBe("smalltalk");
  });

  it("thanks that asks nothing is thanks, whatever else it says", async () => {
    expect((await ask("Makasih ya, membantu banget buat tugas sekolah")).kind).toBe("smalltalk");
    expect((await ask("makasih, trus produk papua apa?")).text).toContain("Dogiyai");
  });

  it("regional greetings greet; 'apa kabar terbaru' asks for news the sources of 2017 can't give", async () => {
    expect((await ask("Sampurasun, Tanya IKM!")).kind).toBe("smalltalk");
    expect((await ask("Horas!")).kind).toBe("smalltalk");
    expect((await ask("Apa kabar terbaru dari program ini tahun ini?")).kind).toBe("fallback");
    expect((await ask("What's the latest news about the programme?")).kind).toBe("fallback");
  });
});

describe("the language of a message no word of the knowledge marks", () => {
  it("is read from how its letters look, when they look clearly one way", async () => {
    for (const [question, lang] of [
      ["weather tomorrow", "en"],
      ["free equipment?", "en"],
      ["who won the football match", "en"],
      ["cuaca besok gimana", "id"],
      ["resep rendang", "id"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.lang, question).toBe(lang);
    }
  });
});

describe("which group a region is in", () => {
  it("asked of a named region, or of the chat's last one, is answered by its entries", async () => {
    const named = await ask("Sulawesi Tengah ikut di tahap yang mana, awal atau lanjutan?");
    expect(named.text).toMatch(/^Sulawesi Tengah: .*\(tahap pertama, sejak 2013\)/);
    expect(named.text).not.toContain("tidak termasuk");
    const chosen = await ask("Itu tahap awal atau program lanjutan?", [
      "Komponen logam itu di Jawa Tengah kan?",
      "Kabupaten mana?",
    ]);
    expect(chosen.text).toMatch(/^Jawa Tengah: .*\(tahap pertama, sejak 2013\)/);
    const was = await ask("Was it a phase-1 province?", [
      "What does South Sulawesi make in the programme?",
      "Which city?",
    ]);
    expect(was.text).toMatch(/^South Sulawesi: .*\(declared ready to join in 2017\)/);
  });

  it("leaves questions of a group's products or list alone", async () => {
    const both = await ask("Jatim di tahap pertama produknya apa, lalu di gelombang 2017 apa?");
    expect(both.text).toContain("Pasuruan");
    const list = await ask("Tahap pertama provinsi mana saja?", ["Produk Papua apa?"]);
    expect(list.text).toMatch(/^Tahap pertama \(sejak 2013\) — lima provinsi/);
  });
});

describe("a letter pasted into the chat", () => {
  it("is read without its salutation and closing", async () => {
    const reply = await ask(
      "Dear Sir/Madam, I represent a small importer of Indonesian handicrafts. I would be grateful if you could tell me which products were developed in the first phase of the programme. I look forward to hearing from you.",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("ulos");
    const id = await ask(
      "Kepada Yth. Admin, Apakah Nusa Tenggara Barat, khususnya Lombok, ikut serta dalam program IKM Indonesia–Jepang? Atas perhatiannya terima kasih.",
    );
    expect(id.kind).toBe("not_in_programme");
    expect(id.text).not.toContain("perhatian");
    // Thanks alone is still thanks.
    expect((await ask("Terima kasih.")).kind).toBe("smalltalk");
  });

  it("a membership question split by an aside is one question ('apakah Maluku, misalnya Kota Ambon, termasuk …')", async () => {
    const reply = await ask(
      "Dengan hormat, mohon informasi apakah Maluku, misalnya Kota Ambon, termasuk dalam program pengembangan IKM bersama Jepang. Terima kasih.",
    );
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).not.toContain("sembilan provinsi:");
  });

  it("its polite small talk is small talk, and a request to translate is no thanks", async () => {
    expect((await ask("Good afternoon, I hope you are well.")).kind).toBe("smalltalk");
    expect((await ask("May I ask whom I am corresponding with?")).kind).toBe("smalltalk");
    expect(
      (await ask('Dear Sir/Madam, please translate "Thank you for your business" into Japanese.')).kind,
    ).toBe("fallback");
    expect((await ask("translate 'thank you very much' into Japanese pls")).kind).toBe("fallback");
  });
});

describe("what the asker wants the answer for", () => {
  it("says why they ask, not what, when its words name nothing", async () => {
    for (const question of [
      "Can you give me a quick overview of the programme for my travel blog?",
      "Ceritain dong singkat soal kerja sama Kemenperin–JICA ini, buat konten blog jalan-jalan aku",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toContain("2013");
    }
    // "for my shoe workshop in Mojokerto" names what is asked about.
    expect((await ask("how do I apply for my shoe workshop in Mojokerto?")).kind).toBe("fallback");
  });
});

describe("why a province shows up twice", () => {
  it("is its entry in each group", async () => {
    for (const question of [
      "Why does East Java show up in both phases of the programme?",
      "Kenapa Jawa Timur muncul dua kali dalam daftar provinsi program ini?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/Mojokerto/);
      expect(reply.text, question).toMatch(/Pasuruan/);
    }
    // Why it was chosen, or let in again, the sources don't say.
    expect((await ask("Why was East Java chosen?")).kind).toBe("fallback");
    expect((await ask("Kenapa Jatim bisa masuk dua kali?")).kind).toBe("fallback");
    expect((await ask("Why does East Java show up twice in the programme?")).kind).toBe("answer");
  });
});

describe("Indonesian coloured by a regional language", () => {
  it("is read as the standard words it stands for", async () => {
    for (const [question, expected] of [
      // Malay of Pontianak: a final "a" said "e"; "kamek nak tau" is "saya mau tahu".
      ["Kamek nak tau Kalbar produk ape, kotenye mane?", /lidah buaya[\s\S]*Pontianak/],
      ["Pewter timah Babel tu di kabupaten mane?", /Bangka Barat/],
      // Javanese: "-e"/"-ne" where Indonesian has "-nya"; "kuwi", "lan", "opo".
      ["Mas, Tegal produke opo lan provinsine opo?", /Jawa Tengah[\s\S]*komponen logam/],
      ["JICA kuwi kepanjangane opo, mas?", /Japan International Cooperation Agency/],
      ["Sing nulis berita Bisnis.com kuwi sopo, mas?", /Regi Yanuar/],
      // Manado and Ambon Malay ("beta", "par"), Sundanese ("-na"), Minangkabau ("-o", "-iah"),
      // Betawi ("aye", "ente", "nyang").
      ["Beta mau tau, produk Sulsel par program ini apa?", /kerajinan perak dan emas/],
      ["Kumaha atuh cara milih daerahna?", /tiga pertimbangan/],
      ["Awak nio tau, baa caro daerah dipiliah?", /tiga pertimbangan/],
      ["Aye mau nanya, ente tau kagak siapa nyang ngasih keterangan?", /Gati Wibawaningsih/],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.lang, question).toBe("id");
      expect(reply.text, question).toMatch(expected);
    }
  });

  it('an address word of the east is no product ("kaka" is not kakao)', async () => {
    const thanks = await ask("Makasih banyak e kaka, sa senang skali.");
    expect(thanks.kind).toBe("smalltalk");
    const reply = await ask("Kabupaten mana, kaka?", ["Papua masuk program IKM Jepang kah?"]);
    expect(reply.text).toContain("Dogiyai");
    expect(reply.text).not.toMatch(/kakao/);
  });

  it('an English word is not read as a regional form ("note" is not "nota")', async () => {
    const reply = await ask("please note: when did the cooperation start?");
    expect(reply.text).toContain("2013");
  });
});

describe("who chose the regions", () => {
  it("is not in the sources: the answer says so, and who set out the considerations", async () => {
    for (const [question, line] of [
      ["Who chose the regions?", "The sources don't say who chooses the regions"],
      ["Siapa yang milih daerah-daerah itu, ki?", "Sumber tidak menyebut siapa yang memilih daerahnya"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toContain(line);
      expect(reply.text, question).toContain("Gati Wibawaningsih");
      expect(reply.text, question).toMatch(/APBN/);
    }
    // Asked how, the considerations alone.
    expect((await ask("How are regions chosen?")).text).not.toContain("Gati");
  });
});

describe("how someone joins", () => {
  it("asks for instructions, which the sources don't give", async () => {
    for (const question of [
      "gimana caranya IKM bisa ikut program ini?",
      "Lae, kek mana caranya penenun ulos di Samosir bisa ikut program ini?",
      "Kalau saya mau daftar, ke mana?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/^Sumber tidak menjelaskan cara mendaftar/);
    }
  });

  it("of a region, asks whether or how it came in", async () => {
    expect((await ask("bagaimana Sulsel bisa ikut program?")).kind).toBe("answer");
    expect((await ask("yang di Jogja gimana, ikut?", ["Jawa Tengah masuk fase 1?"])).kind).toBe(
      "not_in_programme",
    );
    expect((await ask("How does the central government get regional governments involved?")).kind).toBe(
      "answer",
    );
  });
});

describe("a place the sources don't know", () => {
  it("asked whether it takes part, is not answered by its product's entry", async () => {
    for (const question of [
      // (A village; Andoolo, a district, is now read as its regency: see districts.test.ts.)
      "Ko, pengrajin tahu di Ambesea ikut program kah?",
      "Mas, bengkel logam nang Kebasen melu program ora?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/^Sumber tidak menyebut ".*(ambesea|kebasen)/);
    }
  });

  it("beside a region the sources know, only says where that is", async () => {
    const reply = await ask("Pulau Samosir di Danau Toba ikut program ini bukan?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Samosir");
  });
});

describe("Malay of Malaysia, Brunei and Singapore", () => {
  it("is read as the Indonesian words it shares a meaning with", async () => {
    for (const [question, expected] of [
      ["Apa matlamat program ni?", /produktivitas/],
      ["Bila program ni mula?", /2013/],
      ["Fasa pertama tu dari tahun berapa sampai tahun berapa?", /2013–2016/],
      ["Syarikat perunding Jepun mana yang ada dalam laporan JICA?", /KRI International/],
      ["Siapa rakan Jepun dalam program ni?", /Japan International Cooperation Agency/],
      ["Produk agro Sulawesi Tengah tu di bandar mana?", /Palu/],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(expected);
    }
  });

  it('keeps "bila" of a condition in a letter from asking when', async () => {
    const reply = await ask(
      "Dengan hormat, saya membaca bahwa Sumatera Utara mengembangkan kopi dalam program ini. Mohon koreksinya bila keliru.",
    );
    expect(reply.text).toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("ulos");
  });
});

describe("a writer or editor offered for checking", () => {
  it("is checked by who wrote and who edited the article", async () => {
    for (const [question, verdict] of [
      ["Artikel tu ditulis oleh Annisa Margrit kan?", /^Tidak tepat/],
      ["The article was written by Annisa Margrit, right?", /^Not quite/],
      ["Was the article written by Regi Yanuar?", /^Yes, that's right/],
      ["Was it edited by Annisa Margrit?", /^Yes, that's right/],
    ] as const) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(verdict);
      expect(reply.text, question).toMatch(/(Written by|Ditulis oleh) Regi Yanuar Widhia Dinnata/);
    }
  });
});

describe("where, asked of what has no place", () => {
  it("of a consideration, is what it says; of a person's organisation, her card", async () => {
    const support = await ask("Sumber dukungan itu maksudnya dana dari mana?");
    expect(support.kind).toBe("answer");
    expect(support.text).toMatch(/^Sumber dukungan, salah satu dari tiga pertimbangan.*APBN/);
    const gati = await ask("Gati Wibawaningsih tu dari kementerian mana?");
    expect(gati.kind).toBe("answer");
    expect(gati.text).toContain("Kementerian Perindustrian");
  });

  it("which regions a consideration names, or where a person lives, the sources don't say", async () => {
    expect((await ask("daerah mana aja yg dianggap tertinggal di program ini?")).kind).toBe("fallback");
    expect((await ask("Where does Gati live?")).kind).toBe("fallback");
  });
});

describe("sources set aside", () => {
  it("leave the others to be listed", async () => {
    for (const [question, intro] of [
      ["Ada sumber lain selain Bisnis.com tak?", "Selain Bisnis.com, sumbernya:"],
      ["Which other outlets besides Bisnis.com reported this?", "Besides Bisnis.com, the sources are:"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(new RegExp(`^${intro}`));
      expect(reply.text, question).toContain("INDUSTRY.co.id");
      expect(reply.text, question).toContain("Tempo.co");
      expect(reply.text, question).not.toMatch(/• Bisnis\.com/);
    }
  });
});

describe("what an abbreviation stands for", () => {
  it('is its meaning, not the programme\'s aim ("untuk apa")', async () => {
    const reply = await ask("Kemenperin tu singkatan untuk apa?");
    expect(reply.text).toMatch(/^Kementerian Perindustrian \(Kemenperin\)/);
  });
});

describe("what a question names first", () => {
  it('right after "apa itu", is what is asked; the names after it say which', async () => {
    for (const question of [
      "apa itu program IKM JICA?",
      "apa itu kerja sama pengembangan IKM Indonesia–Jepang?",
    ]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^Sejak 2013 Kementerian Perindustrian/);
    }
    expect((await ask("apa itu IKM dalam program ini?")).text).toMatch(/^IKM adalah singkatan/);
  });

  it('"salah satu" (one of) is no claim of wrong', async () => {
    const reply = await ask("Apakah Riau jadi salah satu lokasi program IKM dengan JICA?");
    expect(reply.kind).toBe("not_in_programme");
  });
});

describe("regions set side by side", () => {
  it("in a question of membership or of where, are each answered, not judged", async () => {
    const riau = await ask("Riau vs North Sumatra — is Riau in too?");
    expect(riau.text).toMatch(/^Riau and Kepulauan Riau are not part of the programme/);
    // Islands with no province of the programme are said with them, once; an island of a
    // province named is said with its province.
    const islands = await ask("Bali dan Lombok ikut?");
    expect(islands.text).toMatch(/^Bali dan Lombok \(Nusa Tenggara Barat\) tidak termasuk program ini/);
    expect(islands.text.match(/Provinsi program:/g)).toHaveLength(1);
    // (Islands of one province name it once; each island's line where the programme is on it stays.)
    const nusa = await ask("Are Lombok and Sumbawa in?");
    expect(nusa.text).toMatch(/^Lombok and Sumbawa \(Nusa Tenggara Barat\) are not part of the programme/);
    const apart = await ask("Bali dan Aceh ikut?");
    expect(apart.text).toMatch(/^Aceh dan Bali tidak termasuk program ini/);
    expect(apart.text).toContain("Di pulau Sumatera, program ini ada di Kabupaten Samosir");
    const both = await ask("NTB dan Lombok ikut?");
    expect(both.text).toMatch(/^NTB \(Nusa Tenggara Barat\) tidak termasuk program ini/);
    expect(both.text).not.toMatch(/Lombok/);
    const tegal = await ask("Tegal vs Pasuruan — which one is in Central Java?");
    expect(tegal.kind).toBe("answer");
    expect(tegal.text).toMatch(/^Central Java: metal components in Tegal Regency/);
    // Set side by side alone, or judged, they are compared: the sources never do.
    expect((await ask("Which works better, the cluster approach or placing facilitators?")).kind).toBe(
      "fallback",
    );
  });

  it("likened to a region of the programme, a region outside it is what is asked", async () => {
    for (const question of [
      "Jawa Barat ikut juga nggak kayak Jateng dan Jatim?",
      "Does North Sulawesi take part like South Sulawesi does?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      // (Not their cards; the island's programme places may be named as where to look instead.)
      expect(reply.text, question).not.toMatch(/^(Jawa Tengah|Jawa Timur|South Sulawesi)[:,]/m);
      // (South Sulawesi's card gives "Makassar (silver and gold crafts)"; the island's line, its province.)
      expect(reply.text, question).not.toMatch(/Makassar \((?!South Sulawesi|Sulawesi Selatan)/);
    }
  });
});

describe("a comparison", () => {
  it("of which group has more provinces, is that they have the same number, each's named", async () => {
    for (const question of [
      "Lebih banyak mana, provinsi tahap pertama atau yang siap gabung 2017?",
      "Which group has more provinces, phase 1 or the 2017 group?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(
        /^(Jumlah provinsi sama banyak.*masing-masing lima|The same number of provinces.*five each)/,
      );
      expect(reply.text, question).toMatch(/2017/);
    }
    const after = await ask("yang 2017 lebih banyak atau sama?", ["Tahap pertama ada berapa provinsi?"]);
    expect(after.text).toContain("lima provinsi");
  });

  it("judging the choices it offers, is a judgement the sources never make", async () => {
    for (const question of [
      "Mana yang lebih efektif, konsep klaster atau fasilitator praktis?",
      "Which works better, the cluster approach or placing facilitators?",
      "Mana yang lebih banyak hasilnya, Tegal atau Mojokerto?",
    ]) {
      expect((await ask(question)).kind, question).toBe("fallback");
    }
  });
});

describe("a misspelling", () => {
  it('is not corrected into a short word of small talk ("batik" is no "baik")', async () => {
    const reply = await ask("Bagaimana cara membuat motif batik parang?");
    expect(reply.kind).toBe("fallback");
  });
});

describe("a source where the asker read something", () => {
  it("is where they read it, not a source or a speaker asked about", async () => {
    const strategic = await ask("The article mentions strategic themes. What is meant by that?");
    expect(strategic.text).toMatch(/^Strategic themes, one of the three considerations/);
    const maluku = await ask("A post says Maluku is also in the Kemenperin–JICA SMI programme. Is it?");
    expect(maluku.kind).toBe("not_in_programme");
    expect(maluku.text).not.toMatch(/stated by/);
  });

  it("asked which, or who wrote it, is still asked", async () => {
    expect((await ask("Which source says phase 1 ran from 2013 to 2016?")).text).toMatch(/INDUSTRY\.co\.id/);
    expect((await ask("artikelnya ditulis siapa, editornya siapa?")).text).toMatch(/Regi Yanuar/);
  });
});

describe("a summary", () => {
  it("asked of nothing the programme names, is not the programme's", async () => {
    expect((await ask("Summarise the latest Federal Reserve decision.")).kind).toBe("fallback");
    const programme = await ask(
      "Hi, I work for a trade office in Jakarta. Can you summarise the Kemenperin–JICA cooperation on small industry?",
    );
    expect(programme.text).toMatch(/^Since 2013/);
  });
});

describe("a sentence quoting what the asker read", () => {
  it("before a question, says what it is about: only the names it quotes count", async () => {
    const involved = await ask(
      "Di berita ditulis «pemerintah pusat turut melibatkan pemerintah daerah». Pemdanya dilibatkan lewat apa?",
    );
    expect(involved.text).toMatch(/^Pemerintah pusat melibatkan pemerintah daerah/);
    const together = await ask(
      'Bisnis.com writes "Kemenperin dengan JICA berkomitmen memajukan industri Tanah Air". What are they actually doing together?',
    );
    expect(together.text).toMatch(/^The cooperation is run by/);
  });

  it("after where it was read, and before a question of truth, is the claim", async () => {
    const jogja = await ask("Di grup WA: «Yogyakarta jadi salah satu provinsi program IKM Jepang». Betul?");
    expect(jogja.kind).toBe("not_in_programme");
  });

  it("naming nothing of the programme, is what is asked", async () => {
    expect((await ask("Katanya «Timnas Indonesia lolos Piala Dunia». Kapan mainnya?")).kind).toBe("fallback");
    expect((await ask("Apa arti kata «ikigai»?")).kind).toBe("fallback");
  });
});

describe("the asker's own place", () => {
  it('("kota kami", "my regency") is the region they said they are from', async () => {
    const nabire = await ask("Saya dari Nabire. Apakah kabupaten kami masuk program kerja sama ini?");
    expect(nabire.kind).toBe("not_in_programme");
    expect(nabire.text).toMatch(/^Kabupaten Nabire/);
    const pasuruan = await ask("What does the programme develop in my city?", ["I'm from Pasuruan."]);
    expect(pasuruan.text).toMatch(/ship components/);
    expect(pasuruan.text).not.toMatch(/ulos/);
  });

  it("is not the region next to it, named to say where it is", async () => {
    for (const question of [
      "Saya orang Brebes, tetangga Tegal. Apakah kabupaten kami termasuk program IKM?",
      "I'm from Kubu Raya, right next to Pontianak. Does the programme cover my regency?",
      "Saya dari Pemalang, Jawa Tengah. Daerah kami termasuk program ini?",
      "Is Tana Toraja in South Sulawesi part of the programme?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).not.toMatch(/^(Ya|Yes)/);
    }
    // Near a programme place, with no other region named, the place is where the asker is.
    const palu = await ask("I'm a cacao farmer near Palu. What does the programme make here?");
    expect(palu.text).toMatch(/cacao/);
  });
});

describe("when something else happened", () => {
  it("at a region or a source (an unknown verb), is a date the sources don't give", async () => {
    for (const question of ["When was Samosir regency established?", "When was Tempo magazine founded?"])
      expect((await ask(question)).kind, question).toBe("fallback");
    // The programme's own events, and a day (only ever a source's), are dated.
    expect((await ask("Kapan Tegal bergabung?")).text).toMatch(/sejak 2013/);
    expect((await ask("What day of the week was the press release received?")).text).toMatch(/Monday|Sunday/);
    const joined = await ask("When East Java signed up again in 2017, which industry was it for?");
    expect(joined.text).toMatch(/ship components/);
  });
});

describe("regions a question of which sets aside", () => {
  it("by island or by name, leave the others of its group", async () => {
    const notSulawesi = await ask("Which of the nine provinces is NOT on Sulawesi?");
    expect(notSulawesi.text).toMatch(/^North Sumatra/);
    expect(notSulawesi.text).not.toMatch(/^(South|Southeast|Central) Sulawesi:/m);
    const offJava = await ask("Produk provinsi tahun 2017 yang bukan dari Jawa apa aja?");
    expect(offJava.text).toMatch(/pewter[\s\S]*tahu dan tempe[\s\S]*perak[\s\S]*kopi/);
    expect(offJava.text).not.toMatch(/Pasuruan/);
    const targets = await ask("Kecuali Jatim, target awal program lanjutan apa saja?");
    expect(targets.text).toMatch(/^Sulawesi Selatan[\s\S]*Papua/);
    expect(targets.text).not.toMatch(/^Jawa Timur/m);
  });

  it('"if not", a guess to check, or a count sets nothing aside', async () => {
    const kalimantan = await ask(
      "Kalimantan Selatan ada dalam senarai tak? Kalau tak, Kalimantan mana yang ada?",
    );
    expect(kalimantan.text).toMatch(/^Kalimantan Selatan tidak termasuk[\s\S]*Kalimantan Barat/);
    expect((await ask("Kerajinan pewter di kabupaten mana? Bukan di Belitung ya?")).text).toMatch(
      /Bangka Barat/,
    );
  });
});

describe("a list the asker named", () => {
  it("answered one by one, is what 'the second one' points to", async () => {
    const first = [
      "Aku mau nanya soal Sumut, Jateng, sama Kalbar di program IKM sama JICA ini.",
      "Sumut dulu deh, produknya apa?",
    ];
    const second = await ask("Oke, terus yang kedua?", first);
    expect(second.kind).toBe("answer");
    expect(second.text).toMatch(/^Jawa Tengah: komponen logam/);
    const english = [
      "I am curious about North Sumatra, Central Java and West Kalimantan",
      "start with North Sumatra, what is made there?",
    ];
    expect((await ask("and the third one?", english)).text).toMatch(/^West Kalimantan: processed aloe vera/);
  });
});

describe("a question passed on", () => {
  it("after who asks it and a colon, is asked whoever the preface names", async () => {
    expect((await ask("Rekan saya dari JICA tanya: tenun ulos dikembangkan di provinsi mana?")).text).toMatch(
      /^Tenun ulos: dikembangkan di Sumatera Utara/,
    );
    expect((await ask("My manager asks: is Bali included?")).kind).toBe("not_in_programme");
  });
});

describe("a question relayed without a colon", () => {
  it("is asked; who passes it on is not", async () => {
    const kendari = await ask("A caller from Kendari asks which regency the tofu and tempeh work is in.");
    expect(kendari.kind).toBe("answer");
    expect(kendari.text).toMatch(/South Konawe/);
    expect((await ask("My manager asks whether Bali is included.")).kind).toBe("not_in_programme");
    expect((await ask("Member nanya, Sulsel produknya apa?")).text).toMatch(
      /^Sulawesi Selatan: kerajinan perak/,
    );
    // Named before the word that passes it on, a region is still asked about.
    expect((await ask("Sulsel, mau tanya, produknya apa?")).text).toMatch(/kerajinan perak/);
  });
});

describe("thanks that asks nothing", () => {
  it("is thanks, whatever else it says the bot doesn't know", async () => {
    expect((await ask("Thanks, I'll pass this on to my manager.")).kind).toBe("smalltalk");
    expect((await ask("Makasih, tapi anggaran Papua berapa?")).kind).not.toBe("smalltalk");
  });
});

describe("voice notes typed out by the phone", () => {
  it("reads numbers said in words as the number, in both languages", async () => {
    const engine = await testEngine();
    const words = (text: string) =>
      engine.vocabulary
        .tokens(text)
        .map((t) => t.text)
        .join(" ");
    expect(words("tahun dua ribu tujuh belas")).toBe("tahun 2017");
    expect(words("dua puluh lima desember")).toBe("25 desember");
    expect(words("twenty seventeen")).toBe("2017");
    expect(words("two thousand and sixteen")).toBe("2016");
    expect(words("nineteen ninety eight")).toBe("1998");
    // One number word alone stays a word ("lima provinsi lain" names a group); units in a row are
    // no number ("dua tiga hari").
    expect(words("lima provinsi lain")).toBe("lima provinsi lain");
    expect(words("dua tiga hari")).toBe("dua tiga hari");
    // Nor do number words that begin a name.
    expect(words("kabupaten lima puluh kota")).toBe("kabupaten lima puluh kota");
  });

  it("answers with what was said: years in words, letters by name, names heard as two words", async () => {
    const year = await ask("jawa timur yang ikut tahun dua ribu tujuh belas itu di kota mana");
    expect(year.text).toContain("Kota Pasuruan");
    expect((await ask("so the cooperation started in twenty fifteen right")).text).toMatch(/^Not quite\./);
    expect((await ask("apa itu i ka em")).text).toContain("Industri Kecil dan Menengah");
    expect((await ask("uh what does ji ai si ei actually stand for")).text).toContain(
      "Japan International Cooperation Agency",
    );
    expect((await ask("eee di dogi yai itu programnya soal apa ya")).text).toContain("kopi");
    expect((await ask("what about ponti anak what do they do there")).text).toContain("aloe vera");
    expect((await ask("kona we selatan itu programnya produk apa")).text).toContain("tahu dan tempe");
  });

  it("a period claimed for the first phase is checked against its dates", async () => {
    expect((await ask("the first phase ran from twenty thirteen to twenty sixteen")).text).toMatch(
      /^Yes, that's right\.[\s\S]*dated 2013–2016/,
    );
    expect((await ask("the first phase ran from 2013 to 2015, right?")).text).toMatch(/^Not quite\./);
  });
});

describe("a message copied from social media", () => {
  it("is read without its mentions, links, forwarding header, trailing hashtags and signature", async () => {
    const mentioned = await ask(
      "@TanyaIKMbot ini program kerja sama IKM Indonesia–Jepang tuh sebenernya apa sih? 🤔 #IKM #JICA",
    );
    expect(mentioned.text).toMatch(/^Sejak 2013 Kementerian Perindustrian/);
    const signed = await ask(
      "pemerintah pusat ngelibatin pemerintah daerah lewat cara apa aja? — Sari, Tegal",
    );
    expect(signed.text).toContain("klaster");
    const linked = await ask(
      "Saw this link news.example.id/ikm-jepang-2017 — what's the goal of the cooperation, in plain words?",
    );
    expect(linked.text).toContain("productivity");
    expect((await ask("makasih banyak min 🙏 #IKM")).kind).toBe("smalltalk");
    // A source's own name is no link.
    expect((await ask("Kapan berita INDUSTRY.co.id terbit?")).text).toContain("24 Desember 2017");
  });
});

describe("a word's root, behind the prefix", () => {
  it("before a vowel, 'men-' and 'mem-' swallowed a t or a p: 'menempatkan' is tempat, never empat", () => {
    expect(stemCandidates("menempatkan")[0]).not.toBe("empat");
    expect(stemCandidates("menempatkan")).toContain("tempat");
    expect(stemCandidates("menempatkan").indexOf("tempat")).toBeLessThan(
      stemCandidates("menempatkan").indexOf("empat"),
    );
    expect(stemCandidates("memakai").indexOf("pakai")).toBeLessThan(
      stemCandidates("memakai").indexOf("akai"),
    );
    // Before a consonant nothing was swallowed.
    expect(stemCandidates("mendapatkan")).toContain("dapat");
  });

  it("a statement about placing facilitators claims no number", async () => {
    const reply = await ask(
      "B/S: Pemerintah pusat menempatkan fasilitator praktis dengan memanfaatkan sumber daya lokal.",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/fasilitator praktis/);
    expect(reply.text).not.toMatch(/angka/);
  });
});

describe("'dll', 'etc.' at the end of a list", () => {
  it("ask nothing more: the question is answered", async () => {
    const reply = await ask("siapa yg bilang pemilihan daerah berdasarkan sumber dukungan dll?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Gati Wibawaningsih");
    expect((await ask("who said regions are picked on support sources etc?")).text).toContain(
      "Gati Wibawaningsih",
    );
  });
});

describe("a word's root, behind 'ke-'", () => {
  it("'ke-' before three letters is seldom a prefix: 'ketua' is no 'tua' (oldest)", () => {
    expect(stemCandidates("ketua")).not.toContain("tua");
    expect(stemCandidates("ketiga")).toContain("tiga");
  });
});

describe("who made an announcement", () => {
  it("asks who said it", async () => {
    const reply = await ask("Who made the announcement?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^That was stated by Gati Wibawaningsih/);
  });
});

describe("an acknowledgement before a question", () => {
  it("is the question, not small talk: 'ok, is there a deadline?' after a question of the programme", async () => {
    for (const history of [["What is the programme?"], ["How do I join the programme?"], []]) {
      const reply = await ask("ok, is there a deadline?", history);
      expect(reply.kind, history.join()).toBe("fallback");
    }
    // What the sources don't hold is said so, after a question or not.
    expect((await ask("ok, is there a deadline?", ["What is the programme?"])).text).toMatch(
      /^The sources say nothing about "deadline"/,
    );
    expect((await ask("ok. how do they do it?", ["What's the aim?"])).text).toMatch(/cluster/);
    // A word of what is asked says a question follows, without a question word.
    // (The year of the programme whose name was asked: it began in 2013.)
    expect((await ask("mantap. kalo tahunnya?", ["nama programnya apa?"])).text).toMatch(/sejak 2013/);
    // A question opened as one that checks what was said asks it again.
    expect((await ask("ok, is that true?", ["the programme started in 2013?"])).text).toMatch(/since 2013/);
    expect((await ask("sip. trus hasilnya gimana, berhasil?", ["sulteng produknya apa?"])).kind).toBe(
      "fallback",
    );
  });

  it("asking the bot to do something, or of the last answer, is not asked of the word it names", async () => {
    const elaborate = await ask("can you elaborate?", ["how are regions selected?"]);
    expect(elaborate.text).not.toMatch(/nothing about "elaborate"/);
    expect((await ask("is it recent?", ["what does Papua make?"])).text).not.toMatch(
      /nothing about "recent"/,
    );
  });

  it("alone, or in a sentence that asks nothing, is still small talk", async () => {
    for (const message of [
      "ok",
      "ok?",
      "Have a nice day.",
      "ok makes sense.",
      "oke sip?",
      "ok deh, gitu aja?",
      "hmm ok?",
      "ok bos?",
    ])
      expect((await ask(message)).kind, message).toBe("smalltalk");
  });
});

describe("a yes-or-no question of a thing the sources don't know, after a question", () => {
  it("asks whether that thing is there, not the question before again", async () => {
    const reply = await ask("is there a deadline?", ["What is the programme?"]);
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(/^The sources say nothing about "deadline"/);
    // (A year names a time of the chat's subject: "and back in 2017?" still follows up.)
    expect((await ask("and back in 2017?", ["Which province is Dogiyai in?"])).kind).toBe("answer");
  });
});
