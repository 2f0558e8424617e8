import { describe, expect, it } from "vitest";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

// How people typing fast on phones word their questions, as blind set 142 showed: each case failed
// on the code before its fix. Earlier sets' cases are in `wording-of-blind-sets.test.ts`.

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

describe("texting shorthand", () => {
  it("a shorthand for a chat spelling is read as the word that spelling stands for ('emg' → 'emang' → 'memang')", async () => {
    const criteria = await ask("emg pertimbangannya apa aja?", ["program lanjutan target awalnya apa aja"]);
    expect(criteria.kind).toBe("answer");
    expect(criteria.text).toMatch(/^Daerah dipilih berdasarkan tiga pertimbangan/);
  });

  it("a short name of the industry says the writer's language: SMI English, IKM Indonesian", async () => {
    expect((await ask("SMI = ?")).lang).toBe("en");
    expect((await ask("IKM = ?")).lang).toBe("id");
  });

  it("'indo' is Indonesia", async () => {
    const since = await ask("kpn mulai kerjasama ikm indo jepang");
    expect(since.kind).toBe("answer");
    expect(since.text).toContain("2013");
  });
});

describe("where a person said it", () => {
  it("is how her statements were given: an official release", async () => {
    const en = await ask("where did she say this?", ["Who is Gati Wibawaningsih?"]);
    expect(en.kind).toBe("answer");
    expect(en.text).toContain("official release");
    const id = await ask("gati ngomong di mana?");
    expect(id.kind).toBe("answer");
    expect(id.text).toContain("rilis resmi");
    // No place is named: the answer says so, whatever place is asked.
    expect((await ask("Gati bicara di kota mana?")).text).toMatch(/^Sumber tidak menyebut tempat/);
  });

  it("where she lives is not in the sources", async () => {
    const lives = await ask("where does Gati live?");
    expect(lives.kind).toBe("fallback");
    expect(lives.text).toContain("Gati Wibawaningsih");
  });
});

describe("'ada … ga?' asks whether something is", () => {
  it("the 'ga' after what is said to exist is a question tag, not a denial", async () => {
    const silver = await ask("Sulsel ada gak produk perak?");
    expect(silver.text).toMatch(/^Ya, benar/);
    expect(silver.text).toContain("Makassar");
    // A "not" inside what is asked about still denies, and so does one that sets a thing against
    // another ("ada timah bukan emas") or says there is none ("tidak ada kopi").
    expect((await ask("sulsel ga ada produk perak kan?")).text).toMatch(/^Tidak tepat/);
    expect((await ask("Babel ada timah bukan emas ya?")).text).toMatch(/^Ya, benar/);
    expect((await ask("di Samosir ada ulos tidak ada kopi kan?")).text).toMatch(/^Ya, benar/);
  });
});

describe("a year after the sources", () => {
  it("is one they can't speak of, when nothing they date is named with it", async () => {
    const added = await ask("tahun 2020 ada provinsi baru ga yg ikut");
    expect(added.kind).toBe("fallback");
    expect(added.text).toContain("2020");
    expect((await ask("Tahun 2020 programnya gak lanjut ya?")).kind).toBe("fallback");
    // Beside a year they know, or of a region, it is checked against what they date.
    const phase = await ask("Phase one ran from 2013 to 2018, correct?");
    expect(phase.kind).toBe("answer");
    expect(phase.text).toContain("2016");
    expect((await ask("Did Papua join in 2020?")).text).toContain("2017");
    // So is one of a group, a product or a person the sources date.
    expect((await ask("the coffee one joined in 2018, right?")).text).toMatch(/^Not quite[\s\S]*2017/);
    expect((await ask("Gati announced it in 2018, right?")).text).toMatch(/^Not quite[\s\S]*2017/);
  });
});

describe("a noun in '-ing' asked by 'what … did'", () => {
  it("is what the question asks ('what training did …'), and the sources don't say it", async () => {
    const training = await ask("what training did the facilitators get");
    expect(training.kind).toBe("fallback");
    expect(training.text).toContain('"training"');
    expect((await ask("What training did the tofu makers in South Konawe receive?")).kind).toBe("fallback");
  });
});

describe("a report's code", () => {
  it("'kodenya?' after the report is its number; code to write is not asked of the programme", async () => {
    const code = await ask("kodenya?", ["laporan jica terbit kpn"]);
    expect(code.kind).toBe("answer");
    expect(code.text).toContain("IL JR 16-035");
    expect((await ask("what's its code?", ["Who are the consultants on the JICA report?"])).text).toContain(
      "16-035",
    );
    expect((await ask("write me some code to sort a list")).kind).toBe("fallback");
    // Of anything else, the sources give no code.
    expect((await ask("Sulsel kodenya berapa?")).kind).toBe("fallback");
    expect(
      (await ask("no, the other one — the reporter", ["Who is the editor of the article?"])).text,
    ).toContain("Regi");
  });
});

describe("a bare 'since when?' after a region", () => {
  it("asks since when the region takes part, not when the programme began", async () => {
    const sulsel = await ask("sejak kapan?", ["produk sulsel apa?"]);
    expect(sulsel.text).toContain("Sulawesi Selatan");
    expect(sulsel.text).toContain("2017");
    expect((await ask("since when?", ["what does North Sumatra make?"])).text).toMatch(
      /^North Sumatra.*2013/,
    );
    // After a fact of the programme, it is still the programme's start.
    expect((await ask("since when?", ["what is the aim of the programme?"])).text).toContain("since 2013");
  });
});

describe("a choice whose one side the sources know", () => {
  it("is answered by that side; a choice of two things they don't know is not", async () => {
    const release = await ask("Pernyataan Dirjen IKM soal ini disampaikan lewat apa? wawancara atau rilis?");
    expect(release.kind).toBe("answer");
    expect(release.text).toContain("rilis resmi");
    const who = await ask("is it the ministry of industry running this or someone else?");
    expect(who.kind).toBe("answer");
    expect(who.text).toContain("Ministry of Industry");
    expect((await ask("kopinya arabika atau robusta?")).kind).toBe("fallback");
  });
});

describe("'yang disebut' (the so-called, the one mentioned)", () => {
  it("asks no name: what follows is asked", async () => {
    const strategic = await ask("Yang disebut tema strategis itu isinya apa?");
    expect(strategic.kind).toBe("answer");
    expect(strategic.text).toContain("industri pendukung");
    expect((await ask("APBN yang disebut di bagian sumber dukungan itu maksudnya apa?")).kind).toBe("answer");
    // "disebut apa" still asks what something is called.
    expect((await ask("fasilitatornya disebut fasilitator apa?")).text).toContain("praktis");
  });
});

describe("a bare 'and X?' after a question the sources don't answer", () => {
  it("asks X the same thing, which they don't answer either", async () => {
    const papua = await ask("and in Papua?", ["what is the population of Makassar?"]);
    expect(papua.kind).toBe("fallback");
    expect(papua.text).toContain('"population" for Papua');
    expect((await ask("kalau Jatim?", ["populasi sulsel brp?"])).text).toMatch(
      /^Sumber tidak menyebut "populasi"/,
    );
    // After an answer, it asks what that answer did.
    expect((await ask("kalau Jatim?", ["produk sulsel apa?"])).text).toMatch(/^Jawa Timur punya dua lokasi/);
    // A yes or no of words the sources don't know is not carried ("dekat" is Malay for "in").
    expect((await ask("Aceh pula macam mana?", ["Program ni ada dekat Sumatera tak?"])).kind).toBe(
      "not_in_programme",
    );
  });
});

describe("when a person did something", () => {
  it("is when her statement came, if that is asked; when she took office, the sources don't say", async () => {
    expect((await ask("kapan gati jadi dirjen")).kind).toBe("fallback");
    expect((await ask("When did Gati Wibawaningsih become director general?")).kind).toBe("fallback");
    const statement = await ask("When was the official statement received?");
    expect(statement.kind).toBe("answer");
    expect(statement.text).toContain("25 December 2017");
    expect((await ask("Kapan Dirjen IKM ngasih keterangan resmi itu ke Bisnis?")).text).toContain(
      "25 Desember 2017",
    );
    expect((await ask("when did she say it", ["who is the director general"])).text).toContain(
      "25 December 2017",
    );
    // Any word of saying, or none: "When did Gati comment on the programme?".
    expect((await ask("When did Gati Wibawaningsih comment on the programme?")).kind).toBe("answer");
    expect((await ask("Kapan rilis dari Bu Gati keluar?")).text).toContain("25 Desember 2017");
  });
});

describe("words of the 2017 additions, and idioms that only look like the sources' words", () => {
  it("'nambah berapa', 'yang tambahan' name the provinces that came in 2017", async () => {
    expect((await ask("trus yg 2017 nambah berapa?", ["Berapa provinsi di fase pertama?"])).text).toContain(
      "lima",
    );
    expect((await ask("terus lima yg tambahan?", ["provinsi tahap pertama apa aja?"])).text).toContain(
      "Papua",
    );
    // A thank-you that learnt something ("nambah ilmu"), or one more question, names no group.
    expect((await ask("Wah nambah ilmu, makasih ya", ["produk sulsel apa?"])).kind).toBe("smalltalk");
    expect((await ask("Pertanyaan tambahan, program ini sejak kapan?")).text).toContain("sejak 2013");
  });

  it("'ended up in' is no end, 'what came out of it' asks results, not a publication", async () => {
    const split = await ask("In what year was Papua split so that Dogiyai ended up in Papua Tengah?");
    expect(split.kind).toBe("answer");
    expect(split.text).toContain("2022");
    expect((await ask("what came out of it?", ["Phase one ran until 2016, right?"])).kind).toBe("fallback");
  });
});

describe("'how many of those?' after an island's provinces", () => {
  it("counts the provinces, not the island that framed them", async () => {
    const count = await ask("how many of those?", ["Ada provinsi dari Sulawesi yang ikut?"]);
    expect(count.text).toMatch(/^That makes three provinces/);
  });
});

describe("a start claimed of the programme beside a group or a source", () => {
  it("is answered first by when it began", async () => {
    const group = await ask("The programme started in 2017 with five provinces, right?");
    expect(group.text).toMatch(/^Not quite[\s\S]*since 2013/);
    const report = await ask("the programme started after the 2016 JICA report, right?");
    expect(report.text).toMatch(/^Not quite[\s\S]*since 2013[\s\S]*June 2016/);
    // A group's own start, named by its words, is the group's ("Did the second phase … begin?").
    expect((await ask("Did the second phase of the programme begin in 2017?")).text).not.toContain(
      "Not quite",
    );
    // A start of what the group does, in a year the sources don't know, is still theirs to not say.
    expect((await ask("Did the five provinces from 2017 actually start the programme in 2018?")).kind).toBe(
      "fallback",
    );
  });
});

describe("a name offered for the programme", () => {
  it("is checked against its name, whatever words of the name it offers ('Partnership')", async () => {
    const name = await ask("The programme is called 'Indonesia Japan SME Partnership', isn't it?");
    expect(name.text).toContain("Improved Service Delivery");
    // Asked to name its partners, or a name offered for them or its approach, is not its name.
    expect((await ask("Name the Japanese partner and the Indonesian ministry.")).text).toContain("JICA");
    expect((await ask("Mitra Jepang program ini namanya JICA, kan?")).text).not.toContain("Improved Service");
    expect((await ask("Pendekatan program ini disebut pengembangan klaster, kan?")).text).not.toContain(
      "Improved",
    );
  });
});

describe("who wrote and who edited, asked together", () => {
  it("names both", async () => {
    const both = await ask("Siapa penulis dan editor artikel Bisnis?");
    expect(both.text).toContain("Regi Yanuar Widhia Dinnata");
    expect(both.text).toContain("Annisa Margrit");
    // One asked, one named.
    expect((await ask("Siapa penulis artikel Bisnis?")).text).not.toContain("Annisa");
  });
});

describe("a region outside the programme asked with goods of the programme's", () => {
  it("is answered with where the programme develops those goods", async () => {
    const malang = await ask("Is Malang part of the silver programme?");
    expect(malang.kind).toBe("not_in_programme");
    expect(malang.text).toContain("Kabupaten Malang");
    expect(malang.text).toContain("Makassar");
    const aceh = await ask("Ada program kopi di Aceh?");
    expect(aceh.kind).toBe("not_in_programme");
    expect(aceh.text).toContain("Dogiyai");
    // Without goods, the region alone.
    expect((await ask("Is Malang part of the programme?")).text).not.toContain("Makassar");
  });
});

describe("registering, said around 'daftar'", () => {
  it("asks how to join, which the sources don't describe; 'daftar provinsi' is still a list", async () => {
    const how = await ask("gimana cara saya daftar?", [
      "Saya penenun ulos di Samosir.",
      "Samosir ikut program apa?",
    ]);
    expect(how.kind).toBe("fallback");
    expect(how.text).toMatch(/^Sumber tidak menjelaskan cara mendaftar/);
    expect((await ask("trus daftarnya gimana bang?", ["Konsel ikut program tahu tempe kan?"])).kind).toBe(
      "fallback",
    );
    expect((await ask("daftar provinsinya apa aja?")).text).toMatch(
      /^Program ini mencakup sembilan provinsi/,
    );
  });
});
