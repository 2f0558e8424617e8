import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

/** The reply to `question`. */
async function ask(question: string): Promise<Reply> {
  const engine: AnswerEngine = await testEngine();
  return engine.ask(question);
}

describe("a statement of several claims", () => {
  it("is wrong when one of them is, whatever the others", async () => {
    // In the follow-up's first targets (right), began in 2015 (wrong).
    const reply = await ask("Jatim masuk target awal program lanjutan dan mulainya 2015 kan?");
    expect(reply.text).toMatch(/^Tidak tepat/);
  });

  it("a count the answer gives in words is checked against it", async () => {
    const reply = await ask("Papua was one of the three first targets of the follow-up programme.");
    expect(reply.text).toMatch(/^Yes, that's right/);
    expect(reply.text).toContain("(three: South Sulawesi, East Java and Papua)");
  });
});

describe("a start year claimed for a province that only declared it was ready", () => {
  it("is not confirmed or corrected: the sources don't say when it began", async () => {
    for (const question of [
      "Apakah program lanjutan di Pasuruan benar-benar dimulai tahun 2018?",
      "The Papua coffee project started in 2019, right?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).not.toMatch(/^(Ya|Yes|Tidak tepat|Not quite)/);
      expect(reply.text, question).toMatch(/2017/);
    }
  });

  it("put in a group it is not in, is corrected by its entry", async () => {
    const reply = await ask("Bangka Belitung sudah ikut program sejak tahap pertama tahun 2013 ya?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("menyatakan siap bergabung pada 2017");
  });
});

describe("a channel where the asker heard something", () => {
  it("is where they heard it, not a channel they ask for", async () => {
    const reply = await ask("di grup wa katanya program ini baru mulai 2015, bener?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("2013");
    // Asked for, a group is still a channel the sources don't give.
    expect((await ask("ada grup wa nya ga?")).kind).toBe("fallback");
  });
});

describe("a statement of who said it", () => {
  it("naming an office the speaker doesn't hold, is corrected by who said it", async () => {
    for (const question of [
      "The statement was given by the Minister of Industry himself, right?",
      "katanya yg ngomong itu menteri perindustrian langsung",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^(Not quite|Tidak tepat)/);
      expect(reply.text, question).toContain("Gati Wibawaningsih");
    }
  });
});

describe("a yes-or-no question that dates the programme", () => {
  it("is answered with the year the sources give, whatever the opening", async () => {
    for (const question of [
      "Apakah program ini dimulai tahun 2015?",
      "did the programme start in 2015?",
      "Was the cooperation launched in 2010?",
      "did phase 1 last until 2020?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^(Tidak tepat|Not quite)/);
      expect(reply.text, question).toMatch(/2013–2016/);
    }
    expect((await ask("did the programme start in 2013?")).text).toMatch(/^Yes, that's right/);
  });

  it("of a group whose start the sources don't give, is not corrected", async () => {
    const reply = await ask("did the follow-up programme actually start in 2018?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^Not quite/);
  });

  it("asking whether anything happened in a year, is not a claim", async () => {
    const reply = await ask("Tahun 2019 ada provinsi baru yang ikut nggak?");
    expect(reply.kind).toBe("fallback");
  });
});

describe("a statement ended by a tag and a word of address", () => {
  it("is offered for checking, as without the address", async () => {
    for (const question of ["program ini mulai 2015 ya kak?", "Denger2 program ini mulai 2015 ya kak?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^Tidak tepat/);
    }
  });
});

describe("a statement put as true or false", () => {
  it("is checked as a statement, in Indonesian as in English", async () => {
    for (const [question, verdict] of [
      ["Benar atau salah: kerja sama IKM Indonesia–Jepang dimulai tahun 2015.", /^Tidak tepat/],
      ["Benar atau salah: pemilihan daerah didasarkan pada empat pertimbangan.", /^Tidak tepat/],
      ["Benar atau salah: Kalimantan Barat mengembangkan olahan lidah buaya.", /^Ya, benar/],
      ["True or false: the programme started in 2015.", /^Not quite/],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(verdict);
    }
  });
});

describe("the year a region joined, offered for checking", () => {
  it("of a region that started, is checked against its start", async () => {
    const wrong = await ask("Did Central Java join in 2015?");
    expect(wrong.text).toMatch(/^Not quite/);
    expect(wrong.text).toContain("since 2013");
    // The verdict is not followed by a "yes" to another question (whether it is in at all).
    expect(wrong.text).not.toMatch(/Yes, Central Java/);
    expect((await ask("Apakah Jateng ikut tahun 2013?")).text).toMatch(/^Ya, benar/);
  });

  it("of a region that only declared it was ready, is not given a date the sources don't give", async () => {
    const reply = await ask("Apakah Sulawesi Tenggara akhirnya benar-benar bergabung pada 2018?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("menyatakan siap bergabung pada 2017");
  });

  it("naming a group by its year, is about the group", async () => {
    const reply = await ask("Is Pasuruan part of the 2013 group or the 2017 group?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("declared ready to join in 2017");
  });
});

describe("a product the sources place nowhere, put on a programme region", () => {
  it("is corrected by the region's entries", async () => {
    for (const [question, product] of [
      ["Kalbar tu programnye sawit kan?", "lidah buaya"],
      ["Tegal kuwe program batik toh, mas?", "komponen logam"],
      ["north sumatra is batik", "ulos"],
      ["Mojokerto does batik in this programme, yeah?", "footwear"],
    ] as const) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^(Tidak tepat|Not quite)/);
      expect(reply.text, question).toContain(product);
    }
  });

  it("a word that is no product is no claim of one", async () => {
    const reply = await ask("Kalbar programnya sudah maju kan?");
    expect(reply.text).not.toMatch(/^Tidak tepat/);
  });

  it("asked of a region outside the programme, is that the programme is not there", async () => {
    const reply = await ask("Di Jogja ada program Kemenperin–JICA buat batik nggak?");
    expect(reply.kind).toBe("not_in_programme");
  });
});

describe("a product put in a group of a province", () => {
  it("is checked against that group's entry", async () => {
    const wrong = await ask("Jawa Timur pada fase pertama fokus pada komponen kapal, kan?");
    expect(wrong.text).toMatch(/^Tidak tepat/);
    expect(wrong.text).toContain("alas kaki");
    expect((await ask("Jawa Timur pada fase pertama fokus pada alas kaki, kan?")).text).toMatch(/^Ya, benar/);
  });
});

describe("a year said to start something", () => {
  it("is checked against the years things started, not any year the answer gives", async () => {
    for (const claim of [
      "Program ini mulai tahun 2016 kan?",
      "The programme started in 2016.",
      "Did the first phase start in 2016?",
    ])
      expect((await ask(claim)).text, claim).toMatch(/^(Tidak tepat|Not quite)/);
    for (const claim of ["Program ini mulai tahun 2013 kan?", "Phase one ran until 2016, right?"])
      expect((await ask(claim)).text, claim).toMatch(/^(Ya, benar|Yes, that's right)/);
  });
});

describe("a request to check", () => {
  it("offers what follows for checking", async () => {
    expect((await ask("Cek dong, Tegal itu bikin alas kaki?")).text).toMatch(
      /^Tidak tepat[\s\S]*komponen logam/,
    );
    expect((await ask("Can you check this: Mojokerto makes footwear?")).text).toMatch(/^Yes, that's right/);
  });
});

describe("a region said not to take part", () => {
  it("is checked by whether the programme works there, without a yes of its own after the no", async () => {
    for (const claim of ["Sulsel tidak termasuk program ini, kan?", "Bukannya Papua nggak ikut ya?"]) {
      const reply = await ask(claim);
      expect(reply.text, claim).toMatch(
        /^Tidak tepat\. Menurut sumber:\n(Sulawesi Selatan|Papua) termasuk program ini/,
      );
    }
    const asked = await ask("Does West Papua take part? I mean Papua Barat, not Papua.");
    // (The name the asker settled on is the one echoed: "Papua Barat", with or without the first.)
    expect(asked.text).toMatch(/^(West Papua \()?Papua Barat\)? is not part of the programme/);
    // (Not Papua's card; the island's programme place is named as where to look.)
    expect(asked.text).not.toMatch(/^Papua: coffee/m);
  });

  it('"bukannya" opens a statement to check', async () => {
    expect((await ask("Bukannya yang ngomong itu menteri?")).text).toMatch(
      /^Tidak tepat[\s\S]*Gati Wibawaningsih/,
    );
  });
});

describe("a start claimed for a region", () => {
  it("before it declared it was ready, is wrong; of a province with both, the started entry bears it out", async () => {
    expect((await ask("Papua ikut sejak 2013 kan?")).text).toMatch(
      /^Tidak tepat[\s\S]*menyatakan siap bergabung pada 2017/,
    );
    const jatim = await ask("Jatim mulai 2013 kan?");
    expect(jatim.text).toMatch(
      /^Ya, benar[\s\S]*Mojokerto: tahap pertama, sejak 2013[\s\S]*Pasuruan: menyatakan siap/,
    );
  });
});

describe("the newest or the oldest source", () => {
  it("is the source of that date, and one named for it is checked", async () => {
    expect((await ask("Which source is the oldest?")).text).toMatch(/^JICA, KRI International/);
    expect((await ask("Sumber paling baru yang mana?")).text).toMatch(/^Bisnis\.com/);
    expect((await ask("lebih dulu mana, Tempo atau Bisnis.com?")).text).toMatch(/^Tempo\.co/);
    expect((await ask("The newest source is the JICA report from 2016, right?")).text).toMatch(
      /^Not quite[\s\S]*Bisnis\.com/,
    );
  });
});

describe("a product put in a place of a province", () => {
  it("is checked against that place, not the whole province", async () => {
    const wrong = await ask("Alas kaki Jatim itu di Pasuruan kan?");
    expect(wrong.text).toMatch(/^Tidak tepat[\s\S]*Alas kaki: dikembangkan di Jawa Timur, Kota Mojokerto/);
    expect((await ask("Alas kaki Jatim di Mojokerto kan?")).text).toMatch(/^Ya, benar/);
  });
});

describe("an open question built on what the facts contradict is answered by correcting it", () => {
  it.each<[string, RegExp, string[]]>([
    ["Kenapa Makassar fokusnya ke tenun ulos?", /^Tidak tepat/, ["Samosir", "perak"]],
    [
      "Which rattan workshops in Pasuruan are part of the project?",
      /^Not quite/,
      ["Palu", "ship components"],
    ],
    ["Why was Bangka Belitung chosen as a first target of the follow-up?", /^Not quite/, ["Papua"]],
    ["Kenapa program IKM Indonesia-Jepang baru mulai tahun 2015?", /^Tidak tepat/, ["2013"]],
    ["Kenapa klaster ulos Sumut ditaruh di Medan?", /^Tidak tepat/, ["Samosir"]],
  ])("%j", async (question, opening, facts) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(opening);
    for (const fact of facts) expect(reply.text).toContain(fact);
  });

  it.each<string>([
    // A true premise: the sources don't say why.
    "Why does Pasuruan focus on ship components?",
    // A product word for something else, between places outside the programme.
    "Jadwal kapal Pelni dari Kupang ke Ende kapan?",
    // A year the sources never mention, with a word they don't know.
    "Kenapa Jepang motong anggaran programnya tahun 2020?",
  ])("%j: no premise to correct, the sources don't say", async (question) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("fallback");
  });

  it("a region outside the programme is answered as such", async () => {
    expect((await ask("Kenapa Lampung dapet klaster kopi?")).kind).toBe("not_in_programme");
  });
});

describe("newsroom shorthand", () => {
  it.each<[string, RegExp, string]>([
    ["Caption: Penenun ulos Samosir, Sumut — peserta proyek IKM RI-Jepang. Benar?", /^Ya, benar/, "Samosir"],
    [
      "Caption: 'Footwear makers in Mojokerto, East Java, phase one of the JICA project.' Accurate?",
      /^Yes/,
      "Mojokerto",
    ],
    // A region put in a province it does not lie in.
    ["Caption: lidah buaya Pontianak, Kalteng. Benar?", /^Tidak tepat/, "Kalimantan Barat"],
  ])("%j: a label before a colon says what kind of text follows", async (question, opening, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(opening);
    expect(reply.text).toContain(fact);
  });
});

describe("why an office was held by a name the sources don't know", () => {
  it("is corrected by who held it", async () => {
    const reply = await ask("Kenapa Dirjen IKM waktu itu dijabat Airlangga?");
    expect(reply.text).toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("Gati Wibawaningsih");
  });
});

describe("a forwarded message offered for checking", () => {
  it("'legit?', 'hoax?' offer what it says for checking", async () => {
    const reply = await ask("Forwarded: 'Phase 1 of the JICA SMI project ran 2013-2016.' legit?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Yes, that's right/);
    const wrong = await ask("Diteruskan: proyek fase 1 IKM-JICA mulai tahun 2015. hoax ya?");
    expect(wrong.text).toMatch(/^Tidak tepat/);
    expect(wrong.text).toContain("2013");
  });

  it("the channel it came through is where it was heard, not a channel asked for", async () => {
    const reply = await ask(
      "Someone posted on FB: 'Makassar silver & gold crafts join the Japan-backed SMI programme (2017)' Is this correct?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Yes, that's right/);
    expect(reply.text).not.toContain("how to apply");
  });

  it("a channel said in one sentence and the check asked in another are read together", async () => {
    const reply = await ask(
      "Got this on WhatsApp: 'North Sumatra = ulos weaving, Central Java = metal components, East Java = footwear, all under the Japan SMI project.' True?",
    );
    expect(reply.text).toMatch(/^Yes, that's right/);
    expect(reply.text).toContain("Mojokerto");
  });

  it("a phone number or a sum of money is no year or count to check", async () => {
    for (const question of [
      "Forwarded: 'JICA gives every small business Rp 25 million in cash. Claim via WhatsApp 0812-3456-7890.' legit?",
      "Pesan berantai: kuota 1.000 IKM per provinsi untuk program Jepang, cepat daftar sebelum penuh!! bener?",
    ]) {
      const reply = await ask(question);
      expect(reply.text, question).not.toMatch(/^(Not quite|Tidak tepat)/);
      expect(reply.text, question).not.toMatch(/\b(812|3456|7890)\b/);
    }
  });

  it("a year the sources never give, of a thing they never name, is not checked", async () => {
    const reply = await ask("A forward says phase two got a three-year extension in 2020. Is that a hoax?");
    expect(reply.kind).toBe("fallback");
  });
});

describe("a statement that a region outside takes part, with a product", () => {
  it("is answered by the region's membership, not by where the product is", async () => {
    for (const question of [
      "Info: Bengkulu ikut program IKM-JICA buat olahan kopi. bener?",
      "Forwarded: 'Aceh Gayo coffee joins the Japan SMI project' true?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
    }
  });

  it("a product put in a region outside is corrected by where it is", async () => {
    const reply = await ask("Ulos weaving is the West Sumatra part of the programme, right?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Samosir");
  });
});

describe("a start year asked yes or no of the programme", () => {
  it("is checked against its start, not read as the group of that year", async () => {
    for (const question of ["did it start in 2017?", "the programme started in 2017?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^Not quite/);
      expect(reply.text, question).toContain("since 2013");
    }
  });

  it("of a region, the region's group answers it", async () => {
    const reply = await ask("Did Papua start in 2017?");
    expect(reply.text).toContain("declared ready to join in 2017");
    expect(reply.text).not.toMatch(/^(Yes|Not quite)/);
  });
});

describe("which source says a region outside the programme takes part", () => {
  it("none does: the region is not in the programme", async () => {
    for (const question of [
      "Which source says Bali is part of the programme?",
      "Sumber yang menyebut Aceh ikut program ini apa?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("not_in_programme");
      expect(reply.text, question).not.toMatch(/^(This comes from|Jawaban ini bersumber)/);
    }
  });

  it("of a programme province, the sources that say so", async () => {
    const reply = await ask("Which source says Papua is part of the programme?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Bisnis.com");
  });
});

describe("whether a source says a fact of a group", () => {
  it("is answered from what it says of the group, not from its card", async () => {
    const reply = await ask("Apakah INDUSTRY.co.id menyebut tahap pertama 2013–2016? Boleh saya kutip?");
    expect(reply.text).not.toMatch(/^Tidak tepat/);
    expect(reply.text).toContain("2013–2016");
    expect(reply.sources).toContain("industry-2017");
  });
});

describe("a group named by its year in a statement to check", () => {
  it("is checked against the group, not asked when it began", async () => {
    const wrong = await ask(
      "Broadcast: tahun 2017 ada 7 provinsi baru yang siap ikut program IKM Jepang. bener?",
    );
    expect(wrong.text).toMatch(/^Tidak tepat/);
    expect(wrong.text).toContain("lima provinsi");
    expect((await ask("tahun 2017 ada 5 provinsi yang siap ikut, bener?")).text).toMatch(/^Ya, benar/);
  });
});

describe("review: a tag question about a channel still asks for that channel", () => {
  it("'Bisa tanya di grup WA kan?' is how to take part, which the sources don't describe", async () => {
    const reply = await ask("Bisa tanya di grup WA kan?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("cara mendaftar");
  });
});

describe("what a place outside the programme is known for", () => {
  it("is neither borne out nor denied: the sources don't cover the place, and say where the product is", async () => {
    for (const [question, opening] of [
      // (The verdict is the first line; where the district lies follows it.)
      [
        "Is Kotagede known for silver?",
        /^The sources don't cover that place[^\n]*\nKotagede is in Kota Yogyakarta\./,
      ],
      ["Jogja terkenal perak kan?", /^Sumber tidak membahas tempat itu/],
      ["Is Bandung famous for ulos?", /^The sources don't cover that place/],
    ] as const) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(opening);
      expect(reply.text, question).not.toMatch(/Not quite|Tidak tepat/);
      expect(reply.text, question).toMatch(/Makassar|Samosir/);
    }
  });

  it("is still corrected when the programme's product is put there", async () => {
    for (const question of ["The coffee project is in Paniai, right?", "Makassar terkenal ulos kan?"]) {
      expect((await ask(question)).text, question).toMatch(/^(Not quite|Tidak tepat)/);
    }
  });
});

describe("a month offered for checking", () => {
  it("of something the sources date by its year alone, is not confirmed: the sources give no month", async () => {
    for (const question of [
      "Programnya mulai Januari 2013 ya?",
      "Did the programme start in January 2013?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).not.toMatch(/^(Ya|Yes)/);
      expect(reply.text, question).toMatch(/2013/);
    }
  });

  it("of a source, is checked against the source's date", async () => {
    const right = await ask("Artikel Bisnis terbit Desember 2017 kan?");
    expect(right.text).toMatch(/^Ya, benar\./);
    const wrong = await ask("Artikel Bisnis terbit November 2017 kan?");
    expect(wrong.text).toMatch(/^Tidak tepat/);
    expect(wrong.text).toContain("25 Desember 2017");
  });
});

describe("a consideration offered as why a region was chosen", () => {
  it("is not confirmed: the sources never say which consideration a region was chosen on", async () => {
    for (const question of [
      "Papua dipilih karena daerah tertinggal kan?",
      "Sulsel dipilih krn daerah perbatasan ya?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toContain("Sumber tidak menyebut pertimbangan mana yang berlaku untuk");
      // The considerations are given once, all three.
      expect(reply.text.match(/tema afirmatif/gi), question).toHaveLength(1);
    }
  });

  it("asked what a consideration means, with a region as an example, is answered", async () => {
    const reply = await ask("Tema afirmatif itu dipertimbangkan utk daerah seperti apa? (kayak Papua gitu)");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/daerah tertinggal/);
  });

  it("'jabarin' asks to explain; it names no region", async () => {
    const reply = await ask("Tolong jabarin kriteria sumber dukungan");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/APBN/);
    expect(reply.text).not.toMatch(/Jawa Barat/);
  });
});

describe("a region said to be outside the programme", () => {
  it("is answered 'not quite' when it is in, however the denial is worded", async () => {
    for (const question of [
      "Papua isn't in it, right?",
      "Papua isn't included, right?",
      "Sulsel nggak ikut kan?",
    ]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^(Not quite|Tidak tepat)/);
    }
  });

  it("asked about with a 'not' that ends the question, is not confirmed as a claim", async () => {
    const reply = await ask("Kaltara masuk ga? Nunukan kan daerah perbatasan");
    expect(reply.text).not.toMatch(/^Ya, benar/);
    expect(reply.text).toMatch(/tidak termasuk program ini/);
  });
});

describe("a person offered for checking", () => {
  it("put in an organisation, is checked against the person's office", async () => {
    for (const question of [
      "Gati Wibawaningsih itu orang JICA kan?",
      "Is Gati from JICA?",
      "Regi itu wartawan JICA ya?",
    ]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^(Not quite|Tidak tepat)/);
    }
    const right = await ask("Gati orang Kemenperin kan?");
    expect(right.text).toMatch(/^Ya, benar\./);
    expect(right.text).toContain("Kementerian Perindustrian");
  });

  it("as who said something, is checked against who speaks in the sources", async () => {
    const wrong = await ask("quote soal target awal itu kata Annisa ya?");
    expect(wrong.text).toMatch(/^Tidak tepat/);
    expect(wrong.text).toContain("Gati Wibawaningsih");
    const right = await ask("Gati bilang soal target awal kan?");
    expect(right.text).toMatch(/^Ya, benar\./);
    // What the speaker is said to have said is what is checked, when the statement gives it.
    const content = await ask("Menurut Gati, target awal itu 4 provinsi kan?");
    expect(content.text).toMatch(/^Tidak tepat/);
    expect(content.text).toMatch(/tiga provinsi/);
  });
});

describe("a number offered for checking", () => {
  it("claims how many: checked against the count the sources give", async () => {
    const right = await ask("Jatim ada 2 lokasi kan?");
    expect(right.text).toMatch(/^Ya, benar\./);
    expect(right.text).toContain("dua lokasi");
    const wrong = await ask("Sulsel punya 2 lokasi kan?");
    expect(wrong.text).toMatch(/^Tidak tepat/);
    expect(wrong.text).toContain("satu lokasi");
    expect((await ask("pertimbangannya ada 4 ya?")).text).toMatch(/^Tidak tepat[\s\S]*tiga pertimbangan/);
  });

  it("of something the sources never count, is a count they don't give, not a 'no'", async () => {
    for (const question of [
      "Ada 50 IKM yang dibina kan?",
      "Ada 100 IKM yang dibina kan?",
      "Gati bilang ada 100 IKM yg dibina, bener?",
    ]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toMatch(/^Sumber tidak memberi angka itu/);
    }
  });

  it("that names a group counts nothing: the membership is what is checked", async () => {
    const reply = await ask("Sultra termasuk 3 target awal kan?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Tidak tepat/);
  });
});

describe("the year a region is said to have joined", () => {
  it("is checked against the region's own group, not read as asking about another group", async () => {
    for (const question of ["Sumut ikut 2017 ya?", "Sumut baru ikut 2017 ya kak?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toMatch(/^Tidak tepat[\s\S]*sejak 2013/);
    }
    const right = await ask("Papua ikut 2017 kan?");
    expect(right.text).toMatch(/^Ya, benar\.[\s\S]*menyatakan siap bergabung pada 2017/);
  });
});

describe("the year a region is said to have first joined", () => {
  it("is checked against its earliest group: East Java was in the first phase, before 2017", async () => {
    for (const question of ["So East Java only came in in 2017?", "Jatim baru ikut 2017 ya?"]) {
      const reply = await ask(question);
      expect(reply.text, question).toMatch(/^(Not quite|Tidak tepat)[\s\S]*2013/);
    }
    // The 2017 location alone is no claim of a first year.
    expect((await ask("Jatim ikut 2017 kan?")).text).toMatch(/^Ya, benar\./);
    expect((await ask("Papua baru ikut 2017 ya?")).text).toMatch(/^Ya, benar\./);
  });

  it("'run all the way to' a year dates an end", async () => {
    const reply = await ask("Did phase one run all the way to 2018?");
    expect(reply.text).toMatch(/^Not quite[\s\S]*2013–2016/);
  });
});

describe("claims the review of this session's rules caught", () => {
  it("a count is checked on the noun it was put on: nine provinces, ten locations", async () => {
    expect((await ask("Ada 10 provinsi kan?")).text).toMatch(/^Tidak tepat/);
    expect((await ask("There are 10 provinces, right?")).text).toMatch(/^Not quite/);
    expect((await ask("Program ini ada di 9 provinsi kan?")).text).toMatch(/^Ya, benar/);
  });

  it("what a speaker is said to have said is checked by itself, not confirmed by the speaker", async () => {
    for (const question of [
      "Gati bilang Bali ikut kan?",
      "Gati bilang programnya tidak jalan kan?",
      "Gati said the programme ended, right?",
    ])
      expect((await ask(question)).text, question).not.toMatch(/^(Ya, benar|Yes, that's right)/);
  });

  it("what a speaker is said to have said of the programme is answered of the programme, not of the speaker", async () => {
    for (const question of [
      "Gati said the programme ended, right?",
      "Gati bilang programnya sudah selesai kan?",
      "Menurut Gati, program sudah berakhir?",
    ]) {
      const text = (await ask(question)).text;
      expect(text, question).toMatch(
        /^(The sources don't say when the programme ends|Sumber tidak menyebut kapan program ini berakhir)/,
      );
      expect(text, question).not.toMatch(/Gati Wibawaningsih (ends|berakhir)/);
    }
  });

  it("an end of the programme is not confirmed by the year its first phase is dated to", async () => {
    for (const question of ["Gati said the programme ended in 2016, right?", "program ini berakhir 2016 ya?"])
      expect((await ask(question)).text, question).toMatch(/^(Not quite|Tidak tepat)\./);
    // (Of the first phase it is so.)
    expect((await ask("phase 1 ended in 2016, right?")).text).toMatch(/^Yes, that's right/);
  });

  it("that no one in the sources says is given no speaker: 'who said the programme ended?'", async () => {
    for (const question of ["who said the programme ended?", "siapa yang bilang programnya sudah selesai?"]) {
      const reply = await ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).not.toMatch(/Gati/);
    }
    // The report that dates the first phase is named once, without a doubled article.
    const report = (await ask("who said the first phase ended in 2016?")).text;
    expect(report).toMatch(/recorded in The Project on Small and Medium Industry/);
  });

  it("asked of the speaker, the speaker stays what is asked about", async () => {
    // (Which source gives her office is the one that names her: not the JICA report.)
    const source = await ask("Which source says Gati is the Director General of IKM?");
    expect(source.sources).toEqual(["bisnis-2017"]);
    expect((await ask("Gati said the programme is good. Is she the Director General?")).text).toMatch(
      /^Gati Wibawaningsih — Director General/,
    );
  });

  it("a second time, or the newcomers, is no claim of a first year", async () => {
    expect((await ask("East Java joined a second time in 2017, right?")).text).toMatch(/^Yes, that's right/);
    expect((await ask("Jatim termasuk yang baru ikut 2017 kan?")).text).toMatch(/^Ya, benar/);
    expect((await ask("Jatim cuma ikut 2013 ya?")).text).toMatch(/^Tidak tepat/);
  });
});
