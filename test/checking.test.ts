import { describe, expect, it } from "vitest";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

// Checking and comparing: what a question takes for granted, checked against the facts (the
// twenty-second session). Each case failed on the code before its fix.

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

describe("a why of a denial", () => {
  it("is corrected when the region is in the group it is said to be outside", async () => {
    const jatim = await ask("Kenapa Jawa Timur gak ikut gelombang 2017?");
    expect(jatim.kind).toBe("answer");
    expect(jatim.text).toMatch(/^Tidak tepat/);
    expect(jatim.text).toContain("Kota Pasuruan");
    const papua = await ask("Why wasn't Papua in the 2017 group?");
    expect(papua.text).toMatch(/^Not quite/);
    expect(papua.text).toContain("Dogiyai");
  });

  it("stays a why when the denial holds, and a denied alternative is no premise", async () => {
    const sulsel = await ask("Kenapa Sulsel tidak termasuk tahap pertama?");
    expect(sulsel.kind).toBe("fallback");
    expect(sulsel.text).not.toMatch(/^Tidak tepat/);
    const papua = await ask("Knp yg dipilih kopi, bukan sagu, utk Papua?");
    expect(papua.kind).toBe("fallback");
    expect(papua.text).not.toMatch(/^Tidak tepat/);
  });
});

describe("goods asked of a place by a word that names them", () => {
  it("are the place's, not corrected: 'komponen' names Pasuruan's too", async () => {
    const pasuruan = await ask("Pasuruan bikin komponen apa?");
    expect(pasuruan.kind).toBe("answer");
    expect(pasuruan.text).not.toMatch(/^Tidak tepat/);
    expect(pasuruan.text).toContain("Kota Pasuruan");
    const tegal = await ask("What ship components does Tegal make?");
    expect(tegal.text).not.toMatch(/^Not quite/);
  });
});

describe("whether an organisation is a partner", () => {
  it("is answered with who it is, beside who the partners are", async () => {
    const unico = await ask("UNICO juga mitra?", ["Siapa mitranya?"]);
    expect(unico.text).toMatch(/^KRI International Corp\. & UNICO International Corporation: Dua konsultan/);
    expect(unico.text).toContain("JICA) sebagai mitra dari Jepang");
    const kri = await ask("Is KRI a partner?");
    expect(kri.text).toContain("consultants named on JICA's completion report");
  });

  it("of a partner, is the partners' card alone", async () => {
    const jica = await ask("Is JICA a partner?");
    expect(jica.text).toMatch(/^The cooperation is run by/);
    expect(jica.text).not.toContain("consultants");
  });
});

describe("which of two has more", () => {
  it("is only of what the sources list, and 'fewer' asks which has fewer", async () => {
    const people = await ask("Which has more people, Java or Sulawesi?");
    expect(people.kind).toBe("fallback");
    const facilitators = await ask("Which has more facilitators, phase 1 or 2017?");
    expect(facilitators.text).not.toMatch(/five each/);
    const fewer = await ask("Mana yang lebih sedikit, tahap pertama atau target awal?");
    expect(fewer.text).toMatch(
      /^Lebih sedikit provinsi di target awal program lanjutan, dihitung dari sumber: tiga/,
    );
  });

  it("says when they have the same number, with each one's", async () => {
    const id = await ask("Lebih banyak mana provinsinya, tahap pertama atau yg 2017?");
    expect(id.text).toMatch(/^Jumlah provinsi sama banyak, dihitung dari sumber: masing-masing lima/);
    const en = await ask("Which has more places, the first group or the 2017 group?");
    expect(en.text).toMatch(/^The same number of provinces, counted in the sources: five each/);
  });

  it("names the one with more, and the other's count", async () => {
    const groups = await ask(
      "Which group has more provinces, the first phase or the follow-up's first targets?",
    );
    expect(groups.text).toMatch(
      /^More provinces in first phase \(since 2013\), counted in the sources: five/,
    );
    expect(groups.text).toContain("against three in the first targets");
    const islands = await ask("Which has fewer programme provinces, Kalimantan or Sulawesi?");
    expect(islands.text).toMatch(/^Fewer programme provinces in Kalimantan/);
    expect(islands.text).toContain("against three in Sulawesi");
  });
});

describe("leaving the programme", () => {
  it("said of the year the sources have it join, is corrected", async () => {
    const papua = await ask("Why did Papua leave the programme in 2017?");
    expect(papua.text).toMatch(/^Not quite/);
    expect(papua.text).toContain("declared ready to join in 2017");
    const jica = await ask("Kenapa JICA mundur dari kerja sama ini tahun 2013?");
    expect(jica.text).toMatch(/^Tidak tepat/);
    expect(jica.text).toContain("sejak 2013");
  });

  it("is said of who is named, not of the group a year names; 'keluar dari' alone comes from", async () => {
    const jica = await ask("Why did JICA pull out in 2016?");
    expect(jica.text).toMatch(
      /^The sources don't say that Japan International Cooperation Agency \(JICA\) left/,
    );
    const gati = await ask("Kenapa Gati mundur tahun 2017?");
    expect(gati.text).not.toMatch(/^Tidak tepat/);
    const tegal = await ask("Produk yang keluar dari Kabupaten Tegal apa?");
    expect(tegal.text).toMatch(/^Jawa Tengah: komponen logam di Kabupaten Tegal/);
    const anyone = await ask("Did anyone quit the programme?");
    expect(anyone.text).toMatch(/^The sources say nothing of anyone leaving/);
  });

  it("otherwise is something the sources say of no one, and of a region outside, that it never was in", async () => {
    const samosir = await ask("Why did Samosir drop out in 2015?");
    expect(samosir.kind).toBe("fallback");
    expect(samosir.text).toMatch(/^The sources don't say that Samosir Regency left or dropped out/);
    const bali = await ask("Did Bali withdraw from the programme?");
    expect(bali.kind).toBe("not_in_programme");
  });
});

describe("a region said to be only in one group", () => {
  it("is corrected with all its places, 'doang' beside 'cuma' saying only", async () => {
    const jatim = await ask("Jatim cuma ada di fase pertama doang?");
    expect(jatim.text).toMatch(/^Tidak tepat/);
    expect(jatim.text).toContain("Kota Pasuruan");
    const en = await ask("East Java is only in the first phase, right?");
    expect(en.text).toMatch(/^Not quite/);
    expect(en.text).toContain("Pasuruan City");
  });
});

describe("a year guessed at, asking when", () => {
  it("is answered with the year the sources give, not taken as the group asked", async () => {
    const tegal = await ask("Sejak kapan Tegal ikut program, 2017 ya?");
    expect(tegal.kind).toBe("answer");
    expect(tegal.text).toMatch(/^Jawa Tengah, Kabupaten Tegal: tahap pertama, sejak 2013/);
    const papua = await ask("Kapan Papua ikut program, 2017?");
    expect(papua.text).toMatch(/^Papua, Kabupaten Dogiyai: menyatakan siap bergabung pada 2017/);
  });
});

describe("funding sources", () => {
  it("are the sources of support, in the asker's language", async () => {
    const dak = await ask("Is the DAK one of the funding sources considered?");
    expect(dak.text).toMatch(
      /^Sources of support, one of the three considerations regions are chosen on: whether state budget \(APBN\) is available/,
    );
    // (Said as a consideration for choosing regions, not as who funds the programme.)
    const ofProgramme = await ask("What are the funding sources of the programme?");
    expect(ofProgramme.text).toContain("one of the three considerations regions are chosen on");
    const funding = await ask("total funding");
    expect(funding.kind).toBe("fallback");
    expect(funding.lang).toBe("en");
  });
});

describe("a pronoun beside an organisation or a date", () => {
  it("asks of the person the chat just named", async () => {
    const he = await ask("Is he from the ministry?", ["Who wrote the Bisnis article?"]);
    expect(he.text).toMatch(/^Regi Yanuar Widhia Dinnata — the Bisnis.com reporter/);
    const her = await ask("ok, so what was her role in December 2017?", ["Is Gati still the DG today?"]);
    expect(her.text).toMatch(/^Gati Wibawaningsih — Director General/);
  });

  it("asking what the person said of them, is about them", async () => {
    const provinces = await ask("Which provinces did she announce in 2017?", ["Who is Gati Wibawaningsih?"]);
    expect(provinces.text).toMatch(/^The provinces that declared in 2017 they were ready to join/);
    const jica = await ask("Apa kata dia soal JICA?", ["Who is Gati Wibawaningsih?"]);
    expect(jica.text).toMatch(/^Japan International Cooperation Agency \(JICA\)/);
  });

  it("compared with another organisation, is not the person", async () => {
    const jica = await ask("And how is JICA different from her ministry?", ["Who is Gati?"]);
    expect(jica.text).not.toMatch(/^Gati/);
  });
});

describe("whose name is asked", () => {
  it("is the noun after 'name of' or after 'siapa nama': one the sources don't name is said so", async () => {
    const leader = await ask("What's the name of the JICA project leader?");
    expect(leader.kind).toBe("fallback");
    expect(leader.text).toContain('"leader"');
    const head = await ask("Siapa nama kepala perwakilan JICA di Indonesia?");
    expect(head.kind).toBe("fallback");
  });

  it("of a person named, is her name, whatever word says which", async () => {
    const gati = await ask("Siapa nama asli Bu Gati?");
    expect(gati.text).toMatch(/^Gati Wibawaningsih/);
  });

  it("of the programme itself is its name, whatever word says which name", async () => {
    for (const question of ["Apa nama rasmi projek ni?", "what's the project called officially?"]) {
      const reply = await ask(question);
      expect(reply.text, question).toContain("Improved Service Delivery");
    }
  });
});

describe("a basis for choosing regions offered for checking", () => {
  it("in words the sources don't hold, is answered with their considerations, unjudged", async () => {
    const id = await ask("Pemilihan daerahnya berdasarkan jumlah penduduk ya?");
    expect(id.text).toMatch(/^Daerah dipilih berdasarkan tiga pertimbangan/);
    // ("Poverty" may be what the affirmative theme means in other words: no "Not quite".)
    const en = await ask("Regions were chosen based on poverty, right?");
    expect(en.text).toMatch(/^Regions are selected on three considerations/);
    const three = await ask("Daerah dipilih berdasarkan tiga pertimbangan kan?");
    expect(three.text).toMatch(/^Ya, benar/);
  });

  it("is not what a business needs to join, nor who said it", async () => {
    expect((await ask("Ada syarat omzet minimal buat ikut program ini?")).kind).toBe("fallback");
    const who = await ask("yg ngomong soal 3 pertimbangan itu Menperin ya?");
    expect(who.text).toContain("Gati");
  });
});

describe("'fase berapa'", () => {
  it("asks which phase, by its number, not how many", async () => {
    const mojokerto = await ask("yg Mojokerto itu fase berapa?", ["Jatim bikin apa?"]);
    expect(mojokerto.kind).toBe("answer");
    expect(mojokerto.text).toContain("Kota Mojokerto (tahap pertama, sejak 2013)");
    const papua = await ask("Papua tahap ke berapa?");
    expect(papua.text).toContain("menyatakan siap bergabung pada 2017");
  });
});

describe("the next stage", () => {
  it("is the follow-up programme, whose first targets are named", async () => {
    const papua = await ask("Is Papua one of the three provinces picked to go first in the next stage?");
    expect(papua.text).toContain(
      "first targets of the follow-up programme (three: South Sulawesi, East Java and Papua)",
    );
  });
});

describe("why a region takes part", () => {
  it("asks why it was chosen, not whether it takes part", async () => {
    const papua = await ask("Kenapa Papua masuk program?");
    expect(papua.text).not.toMatch(/^Ya, Papua termasuk/);
    expect(papua.text).toContain("Sumber tidak menyebut pertimbangan mana yang berlaku untuk Papua");
    const outside = await ask("Kenapa Lampung ikut?");
    expect(outside.kind).toBe("not_in_programme");
  });
});

describe("what the second review found", () => {
  it("regions compared within a group are not counted across all groups", async () => {
    const phase = await ask("Di tahap pertama, mana lebih banyak, Jawa atau Sulawesi?");
    expect(phase.text).not.toMatch(/^Lebih banyak provinsi program di Sulawesi/);
  });

  it("a region said not to be among a group is about the region", async () => {
    const jatim = await ask("East Java is NOT among the three first targets?");
    expect(jatim.text).toContain("East Java is one of the first targets");
  });

  it("'siapa nama orang yang …' asks the person described", async () => {
    const writer = await ask("siapa nama orang yang nulis artikel");
    expect(writer.kind).toBe("answer");
  });

  it("a pronoun beside an organisation asks of the person only yes or no", async () => {
    const wrote = await ask("What did he write about JICA?", ["Who wrote the Bisnis article?"]);
    expect(wrote.text).toMatch(/^Japan International Cooperation Agency/);
  });

  it("a why of a city's denial is not corrected by its province's group", async () => {
    const mojokerto = await ask("Kenapa Mojokerto tidak jadi target awal?");
    expect(mojokerto.text).not.toMatch(/^Tidak tepat/);
  });
});
