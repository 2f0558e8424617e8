import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AnswerEngine, AskOptions, Reply, ReplyKind } from "../src/answer/engine.ts";
import { loadEngine } from "../src/answer/load.ts";
import { type Subject, subjectRef } from "../src/answer/subject.ts";
import { shownAs } from "../src/answer/writer.ts";
import { PROGRAMME_ATTRIBUTES } from "../src/knowledge/schema.ts";
import { LANGS } from "../src/lang.ts";
import { testEngine } from "./support/app.ts";

const KNOWLEDGE = fileURLToPath(new URL("../knowledge/programme.yaml", import.meta.url));
const QUESTIONS = fileURLToPath(new URL("./eval/questions.jsonl", import.meta.url));

let shared: Promise<AnswerEngine> | undefined;

/** The engine over the real knowledge file, built once for every test of this file. */
function setup(): Promise<AnswerEngine> {
  shared ??= loadEngine(KNOWLEDGE);
  return shared;
}

async function ask(question: string, options?: AskOptions): Promise<Reply> {
  return (await setup()).ask(question, options);
}

/** Every subject the knowledge can answer, as references: what buttons and deep links carry. */
function everyRef(engine: AnswerEngine): string[] {
  const k = engine.knowledge;
  const subjects: Subject[] = [
    ...k.provinces.map((p): Subject => ({ kind: "province", id: p.id })),
    ...k.provinces.flatMap((p) =>
      p.entries.map((_, entry): Subject => ({ kind: "place", province: p.id, entry })),
    ),
    ...k.products.map((p): Subject => ({ kind: "product", id: p.id })),
    ...k.selection.criteria.map((c): Subject => ({ kind: "criterion", id: c.id })),
    ...k.people.map((p): Subject => ({ kind: "person", id: p.id })),
    ...k.organisations.map((o): Subject => ({ kind: "org", id: o.id })),
    ...PROGRAMME_ATTRIBUTES.map((id): Subject => ({ kind: "topic", id })),
    ...k.glossary.map((g): Subject => ({ kind: "term", id: g.id })),
    ...k.cohorts.map((c): Subject => ({ kind: "cohort", id: c.id })),
    ...Object.keys(k.sources).map((id): Subject => ({ kind: "source", id })),
    ...k.regions.islands.map((_, index): Subject => ({ kind: "island", index })),
    { kind: "criteria" },
    { kind: "officials" },
    { kind: "list" },
  ];
  return subjects.map(subjectRef);
}

describe("a region shown as the question named it", () => {
  it("capitalises a short word alone as an abbreviation, and words beside others as words", () => {
    expect(shownAs("Nusa Tenggara Timur", "ntt")).toBe("NTT (Nusa Tenggara Timur)");
    expect(shownAs("Kabupaten Bogor", "kab bogor")).toBe("Kab Bogor (Kabupaten Bogor)");
    expect(shownAs("Nusa Tenggara Timur", "flores")).toBe("Flores (Nusa Tenggara Timur)");
  });
});

describe("a title in another language", () => {
  it("does not decide the reply's language; the words around it do", async () => {
    const reply = await ask(
      "Mohon penjelasan: apa itu The Project of Small and Medium Industry Development Based on Improved Service Delivery?",
    );
    expect(reply.lang).toBe("id");
    expect((await ask("What Is The Programme About?")).lang).toBe("en");
  });
});

describe("the reply speaks the question's language", () => {
  it.each<[string, AskOptions, "id" | "en"]>([
    ["Papua mengembangkan apa?", {}, "id"],
    ["Produk apa yang dikembangkan di Sumatera Utara?", {}, "id"],
    ["What does Papua produce?", {}, "en"],
    ["Which province works on aloe vera?", {}, "en"],
    ["Halo", {}, "id"],
    ["Thank you!", {}, "en"],
    ["Papua", {}, "id"],
    ["Papua", { defaultLang: "en" }, "en"],
    ["What does Papua produce?", { lang: "id" }, "id"],
    ["Produk Papua apa?", { lang: "en" }, "en"],
  ])("%j %j → %s", async (question, options, lang) => {
    expect((await ask(question, options)).lang).toBe(lang);
  });

  it("writes the whole answer in the language asked for, whatever the question's", async () => {
    expect((await ask("What does Papua produce?", { lang: "id" })).text).toContain("pengolahan kopi");
    expect((await ask("Produk Papua apa?", { lang: "en" })).text).toContain("coffee processing");
    expect((await ask("Produk Papua apa?", { lang: "en" })).sourceLine).toMatch(/^Source: /);
  });
});

describe("each kind of reply", () => {
  it.each<[string, ReplyKind]>([
    ["Produk Papua apa?", "answer"],
    ["How are the regions selected?", "answer"],
    ["Siapa Dirjen IKM Kemenperin?", "answer"],
    ["Apakah Aceh termasuk dalam program ini?", "not_in_programme"],
    ["Is Bali part of the programme?", "not_in_programme"],
    ["Halo", "smalltalk"],
    ["Thank you!", "smalltalk"],
    ["Resep rendang yang enak", "fallback"],
    ["Who won the football world cup?", "fallback"],
    ["", "fallback"],
  ])("%j → %s", async (question, kind) => {
    expect((await ask(question)).kind).toBe(kind);
  });
});

describe("a question with typos or slang still finds its answer", () => {
  it.each<[string, string, string[]]>([
    ["typo", "papau kopi dimana", ["Dogiyai"]],
    ["typo", "sulawsi selatn", ["Makassar", "perak"]],
    ["typo", "wht does west kalimantn make", ["aloe vera"]],
    ["typo", "kalimantan barrat", ["lidah buaya"]],
    ["typo", "dogiyay", ["Dogiyai", "kopi"]],
    ["typo", "kpoi", ["Papua", "Dogiyai"]],
    ["slang", "papua bikin apa", ["pengolahan kopi", "Dogiyai"]],
    ["slang", "sulsel ngembangin apa", ["perak", "Makassar"]],
    ["slang", "produk jatim apa aja?", ["alas kaki", "Pasuruan"]],
    ["slang", "produk2 jatim", ["alas kaki", "Pasuruan"]],
    ["slang", "jatim produknya apa aja sih", ["alas kaki", "Pasuruan"]],
  ])("%s: %j", async (_, question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    for (const text of expected) expect(reply.text).toContain(text);
  });
});

describe("a word written in capitals is a name, corrected only into a name", () => {
  it("USAID is not 'usai' (an end): the partners are named", async () => {
    const reply = await ask("Is USAID a partner?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("JICA");
    expect(reply.text).not.toContain("end");
  });

  it.each<[string, string]>([
    ["Siapa mitra JIKA di Indonesia?", "Kemenperin"],
    ["PRODUK SULSEL APA", "perak"],
  ])("%j: a name in capitals, or a message in caps lock, is still corrected", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });
});

describe("a short name's long form is given only where the sources spell it out", () => {
  it.each<[string, string]>([
    ["What does JICA stand for?", "Japan International Cooperation Agency"],
    ["Kemenperin singkatan dari apa?", "Kementerian Perindustrian"],
    ["what does MoI stand for", "Ministry of Industry"],
  ])("%j: the long form the sources give", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it.each<[string, string]>([
    ["What does UNICO stand for?", "The sources don't spell out what UNICO stands for."],
    ["KRI singkatan apa?", "Sumber tidak menyebut kepanjangan KRI."],
  ])("%j: no long form in the sources, said so, with what they do say", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain(expected);
    expect(reply.text).toMatch(/consultant|konsultan/);
  });

  it("who KRI and UNICO are is still the consultants' card", async () => {
    const reply = await ask("who are KRI and UNICO");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("consultants");
  });
});

describe("a phrase of the knowledge that holds a question word asks by it", () => {
  it("'OJK itu lembaga apa?' asks about OJK, which the sources don't name", async () => {
    const reply = await ask("OJK itu lembaga apa?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("ojk");
  });

  it("'Kerja sama dengan lembaga apa?' is still the partners", async () => {
    const reply = await ask("Kerja sama dengan lembaga apa?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("JICA");
  });
});

describe("a task done with the facts gets the facts it names", () => {
  it.each<[string, string]>([
    ["bikinin caption IG soal program ini", "JICA"],
    ["Write an Instagram caption about ulos weaving in Samosir under the JICA project.", "Samosir"],
    ["Draft a tweet about Bangka Belitung's pewter crafts joining the programme.", "pewter"],
    // Its headline is the output, not a name asked for.
    ["Give me a catchy headline about aloe vera from West Kalimantan.", "Pontianak"],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it.each<string>([
    "Bantuin bikin caption IG dong, yang aesthetic gitu",
    "Quiz: What is the step-by-step application procedure for an SMI that wants to join?",
  ])("%j: a task that names no facts, or asks how to join, is not answered with them", async (question) => {
    expect((await ask(question)).kind).toBe("fallback");
  });
});

describe("a list of questions, numbered, lettered, bulleted or slashed, is answered item by item", () => {
  it.each<[string, string[]]>([
    ["• tujuan program • siapa dirjen IKM-nya", ["daya saing", "Gati"]],
    [
      "a) apa saja pertimbangan memilih daerah b) provinsi mana yang jadi target awal",
      ["afirmatif", "Papua"],
    ],
    ["kapan mulai / siapa dirjennya", ["2013", "Gati"]],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    for (const text of expected) expect(reply.text).toContain(text);
  });

  it("a time or a count is no list marker", async () => {
    expect((await ask("Artikel Bisnis terbit jam 11.34 WIB kan?")).text).toMatch(/^Ya, benar/);
  });
});

describe("implicit requests: curiosity, needs and half-sentences ask about what they name", () => {
  it.each<[string, string]>([
    ["Lagi cari info soal lidah buaya Pontianak", "Kalimantan Barat"],
    ["I'd love to hear about South Sulawesi.", "silver"],
    ["Kurang paham istilah fasilitator praktis", "fasilitator"],
    ["Not sure what Kemenperin is.", "Ministry of Industry"],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("a request is no statement to check: a year the sources never mention is not 'Not quite'", async () => {
    const reply = await ask("Kasih tau rencana program ini tahun 2025");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).not.toMatch(/^Tidak tepat/);
  });
});

describe("people's next steps and questions about the information itself", () => {
  it.each<string>([
    "Saya harus hubungi siapa buat ikut program ini?",
    "Gimana caranya jadi fasilitator praktis di program ini?",
  ])(
    "%j: how to take part, which the sources don't describe (not the programme's card)",
    async (question) => {
      const reply = await ask(question);
      expect(reply.kind).toBe("fallback");
      expect(reply.text).toContain("kontak");
    },
  );

  it.each<string>([
    "Sumber utamamu yang mana?",
    "Can I trust what you tell me?",
    "Bisa dipercaya nggak info dari kamu?",
  ])("%j: where the answers come from", async (question) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Bisnis.com");
    expect(reply.text).toContain("2017");
  });
});

describe("a name the sources don't know, written as one", () => {
  it("asked about, is what the question is about: the sources don't say", async () => {
    const reply = await ask("What programmes does Kemendag run for exporters?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("kemendag");
  });

  it("offered for checking, is the claim: the facts correct it", async () => {
    const reply = await ask("so the Japanese partner is JETRO?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("JICA");
  });

  it("inside a quote, is the quoted text's", async () => {
    const reply = await ask("«Sudah berlangsung di lima provinsi Tanah Air» — provinsi mana aja itu?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Samosir");
  });
});

describe("a bare follow-up with a word the sources don't give asks that word", () => {
  it.each<[string, string]>([
    ["ulos dmn", "populasi samosir"],
    ["pasuruan", "populasi?"],
    ["ulos where", "samosir population"],
  ])("%j then %j: the sources don't say", async (before, question) => {
    const engine = await setup();
    expect(engine.askAfter([before], question).kind).toBe("fallback");
  });

  it("a follow-up that leans on the question before still asks it", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["Tenun ulos dikembangkan di mana?"], "Kalau kopi?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Dogiyai");
  });
});

describe("push-back on the last answer: the sources hold", () => {
  it.each<[string, string, RegExp, string[]]>([
    [
      "Sumut ngembangin produk apa di program ini?",
      "itu salah deh, bukannya songket?",
      /^Tidak tepat/,
      ["ulos"],
    ],
    [
      "What does North Sumatra make in the JICA project?",
      "Are you sure? I thought it was batik.",
      /^Not quite/,
      ["ulos"],
    ],
    ["Jatim di fase satu kotanya apa?", "bukannya Pasuruan?", /^Tidak tepat/, ["Mojokerto", "Pasuruan"]],
    ["Jatim di fase satu kotanya apa?", "bukannya Mojokerto?", /^Ya, benar/, ["Mojokerto"]],
    ["Which phase was Papua in?", "phase one, surely? Papua has been in since 2013", /^Not quite/, ["2017"]],
    [
      "Kalimantan Barat produknya apa?",
      "lho, bukannya Kalbar itu yang rotan?",
      /^Tidak tepat/,
      ["lidah buaya", "Sulawesi Tengah"],
    ],
  ])("%j then %j", async (before, question, opening, facts) => {
    const engine = await setup();
    const reply = engine.askAfter([before], question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(opening);
    for (const fact of facts) expect(reply.text).toContain(fact);
  });

  it("a push-back that offers nothing is answered with what the sources say, neither yes nor no", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["Sumut produknya apa?"], "hmm, are you sure?");
    expect(reply.text).toMatch(/^That is what the sources say:/);
    expect(reply.text).toContain("ulos");
  });

  it("accepted, the chat moves on: 'fine. what about the ship components?'", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["Which city for East Java's footwear?"],
      "fine. what about the ship components?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Pasuruan");
  });

  it("a regency the sources leave unnamed ('Palu and the surrounding regencies') is not confirmed", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["Sulawesi Tengah itu di kota mana?"], "bukannya Poso?");
    expect(reply.text).not.toMatch(/^Ya, benar/);
    expect(reply.text).toContain("Palu");
  });

  it("a region outside the programme offered instead is answered as such", async () => {
    const engine = await setup();
    expect(engine.askAfter(["provinsi program apa aja?"], "bukannya Aceh juga ikut?").kind).toBe(
      "not_in_programme",
    );
  });

  it("asked for its source, the push-back gets the source", async () => {
    const engine = await setup();
    expect(engine.askAfter(["Ulos di Samosir ya?"], "yakin? sumbernya apa?").text).toContain("Bisnis.com");
  });
});

describe("a word that completes another region's name from the one the chat asked about", () => {
  it.each<[string[], string, string, string]>([
    [["south sulawesi products", "central sulawesi?"], "southeast?", "answer", "tofu"],
    [["produk sulawesi tengah"], "kalo tenggara?", "answer", "tahu"],
    [["what does East Java make?"], "and west?", "not_in_programme", "West Java"],
  ])("%j then %j", async (history, question, kind, expected) => {
    const engine = await setup();
    const reply = engine.askAfter(history, question);
    expect(reply.kind).toBe(kind);
    expect(reply.text).toContain(expected);
  });
});

describe("chatter before a question that names its own subject is not asked about", () => {
  it.each<[string, string]>([
    [
      "Raining cats and dogs here in Jakarta. Anyway, which province makes ulos in the IKM programme?",
      "North Sumatra",
    ],
    ["Pagi-pagi udah ngopi dua gelas. Di program IKM ini ada berapa provinsi waktu mulai 2013?", "lima"],
    ["Jakarta panas banget hari ini. Program IKM ini ada di provinsi mana aja?", "Papua"],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("a statement before a question that names nothing says what it is about", async () => {
    const reply = await ask("Samosir itu indah sekali. Produknya apa?");
    expect(reply.text).toContain("ulos");
  });
});

describe("keyboard slips: words run together, a key held too long, a name's next word mistyped", () => {
  it.each<[string, string]>([
    ["Jatengproduknya apa", "logam"],
    ["tiga provinsi target awal programlanjutan itu mana aja", "Papua"],
    ["IKM singkatan apaa", "Industri Kecil dan Menengah"],
    ["lidah biaya dari provinsi mana ya", "Kalimantan Barat"],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(expected);
  });

  it("a filler word written as a name mid-sentence is the name one slip away ('Jika' for JICA)", async () => {
    const reply = await ask("laporan Jika terbit kapan");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2016");
    // An honorific is no name: "Kak" is not DAK.
    expect((await ask("Assalamualaikum, selamat siang Kak")).kind).toBe("smalltalk");
  });

  it("a long word is not split into short ones: 'dialokasikan' is no 'dia lokasikan'", async () => {
    expect((await ask("Berapa dana DAK yang dialokasikan untuk Papua?")).kind).toBe("fallback");
  });
});

describe("a slip the asker corrects in the same message is read as meant", () => {
  it.each<[string, string[]]>([
    ["Sulfur produk nya apa?\n*Sulsel", ["perak", "Makassar"]],
    ["Tegel dapet program apa? Tegal maksudnya", ["logam", "Tegal"]],
    ["Sultan produknya apa? sorry Sulteng", ["kakao", "Palu"]],
    ["Makan sar dapet apa? Makassar", ["perak"]],
    ["Sulfur bikin apa, Pasukan bikin apa? (Sulsel, Pasuruan)", ["perak", "komponen kapal"]],
    ["Samosa sama Tegel itu dapet program apa? *Samosir *Tegal", ["ulos", "logam"]],
    ["what's the clutter approach about *cluster", ["cluster"]],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    for (const text of expected) expect(reply.text).toContain(text);
  });

  it("a name after a question, when the question names nothing like it, is asked about too", async () => {
    const reply = await ask("Produk Sulsel apa? Sultra");
    expect(reply.text).toContain("Makassar");
    expect(reply.text).toContain("Konawe Selatan");
  });

  it("an afterthought that names nothing corrects nothing", async () => {
    const reply = await ask("Kemenperin adalah kementerian apa? Maaf, saya orang asing.");
    expect(reply.text).toContain("Kementerian Perindustrian");
  });
});

describe("one fact, asked three ways: coffee is processed in Dogiyai, Papua", () => {
  it.each<[string, string]>([
    ["where is coffee processed?", "coffee processing"],
    ["papua bikin apa", "pengolahan kopi"],
    ["Dogiyai?", "pengolahan kopi"],
  ])("%j", async (question, product) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Papua");
    expect(reply.text).toContain("Dogiyai");
    expect(reply.text.toLowerCase()).toContain(product);
    expect(reply.sources).toContain("bisnis-2017");
  });
});

describe("a province in the programme twice", () => {
  it.each<[string, string[]]>([
    ["Jawa Timur", ["2", "alas kaki", "Kota Mojokerto", "komponen kapal", "Kota Pasuruan"]],
    ["East Java", ["2", "footwear", "Mojokerto City", "ship components", "Pasuruan City"]],
  ])("%j names both entries", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    for (const text of expected) expect(reply.text).toContain(text);
  });
});

describe("regions outside the programme", () => {
  it("Aceh: not in the programme, with the programme's provinces", async () => {
    const reply = await ask("Apakah Aceh termasuk dalam program ini?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.subjects).toMatchObject([{ kind: "area", code: "11" }]);
    expect(reply.text).toContain("Aceh");
    for (const province of ["Sumatera Utara", "Jawa Timur", "Papua"]) expect(reply.text).toContain(province);
  });

  it("Papua Tengah: the province Dogiyai belongs to since 2022, with the note saying so", async () => {
    const engine = await setup();
    const note = engine.knowledge.provinces.find((p) => p.id === "papua")?.entries[0]?.note?.text.id;
    const reply = await ask("Papua Tengah");
    expect(note).toBeDefined();
    expect(reply.text).toContain("Dogiyai");
    expect(reply.text).toContain(note);
  });

  it("Surabaya: a city of a programme province, answered with that province's places", async () => {
    const reply = await ask("Surabaya");
    expect(reply.kind).toBe("not_in_programme");
    for (const text of ["Kota Surabaya", "Jawa Timur", "Kota Mojokerto", "Kota Pasuruan"])
      expect(reply.text).toContain(text);
  });

  // A programme place answers only to its own form: Kabupaten Pasuruan (35.14), Kabupaten
  // Mojokerto (35.16) and Kota Tegal (33.76) are other regions than the programme's Kota Pasuruan,
  // Kota Mojokerto and Kabupaten Tegal.
  it.each([
    ["Kabupaten Pasuruan", "35.14"],
    ["Kabupaten Mojokerto", "35.16"],
    ["Kota Tegal", "33.76"],
  ])("%s is another region than the programme place of that name", async (question, code) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.subjects).toMatchObject([{ kind: "area", code }]);
  });
});

describe("a question about a programme region that the sources do not answer", () => {
  // Not answered (kind fallback), but specifically: what the sources don't say, what they do
  // say about the region, citing exactly that, and where to ask next.
  it.each([
    ["population of Papua?", "population", "Papua", "Dogiyai"],
    ["postal code of Makassar?", "postal code", "Makassar", "silver"],
    ["jumlah penduduk Papua?", "penduduk", "Papua", "Dogiyai"],
    ["kode pos Makassar?", "kode pos", "Makassar", "perak"],
  ])("%j → the sources don't say %j about %s", async (question, asked, region, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain(`"${asked}"`);
    expect(reply.text).toContain(region);
    expect(reply.text).toContain(fact);
    expect(reply.text).toContain("kemenperin.go.id");
    expect(reply.sources).toEqual(["bisnis-2017"]);
  });
});

describe("every answer cites its sources", () => {
  it("every answer to the project's question set has a source line", async () => {
    const engine = await setup();
    const questions = readFileSync(QUESTIONS, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { q: string }).q);
    let answered = 0;
    for (const q of questions) {
      const reply = engine.ask(q);
      if (reply.kind !== "answer" && reply.kind !== "not_in_programme") continue;
      answered++;
      expect(reply.sourceLine, q).toMatch(/^(Sumber|Source): \S/);
      expect(reply.sources.length, q).toBeGreaterThan(0);
    }
    expect(answered).toBeGreaterThan(questions.length / 2);
  });

  it("every subject of the knowledge, in both languages, has a source line", async () => {
    const engine = await setup();
    for (const ref of everyRef(engine)) {
      for (const lang of LANGS) {
        const reply = engine.answerRef(ref, lang);
        expect(reply, ref).toBeDefined();
        expect(reply?.sourceLine, `${ref} ${lang}`).not.toBe("");
      }
    }
  });
});

describe("a low-confidence question offers choices that answer", () => {
  it.each<[string, string]>([
    ["tngh sulawsi", "i.3"],
    ["kalbr sltn", "p.kalbar"],
  ])("%j offers %s", async (question, ref) => {
    const engine = await setup();
    const reply = engine.ask(question);
    expect(reply.kind).toBe("fallback");
    expect(reply.suggestions.map((s) => s.ref)).toContain(ref);
    for (const s of reply.suggestions) {
      expect(s.label).not.toBe("");
      const answer = engine.answerRef(s.ref, reply.lang);
      expect(answer?.kind, s.ref).toBe("answer");
      expect(answer?.sourceLine, s.ref).not.toBe("");
    }
  });

  it("an off-topic question offers none", async () => {
    expect((await ask("Resep rendang yang enak")).suggestions).toEqual([]);
  });
});

describe("a forged or stale reference answers nothing", () => {
  it.each([
    "",
    "p.",
    "p.atlantis",
    "P.papua",
    "x.papua",
    "p.papua;drop",
    "pl.papua.99",
    "pl.papua.-1",
    "pr.unobtainium",
    "c.nothing",
    "ps.nobody",
    "o.nobody",
    "t.nonexistent",
    "a.99.99",
    "l0",
    `p.${"a".repeat(100)}`,
  ])("%j", async (ref) => {
    const engine = await setup();
    for (const lang of LANGS) expect(engine.answerRef(ref, lang)).toBeUndefined();
  });

  // A forged list of a phase with no entries ("l3" … "l9") is stale, not "0 provinces".
  it.each(["l3", "l9"])("%j, a phase the programme does not have", async (ref) => {
    expect((await setup()).answerRef(ref, "id")).toBeUndefined();
  });
});

describe("a region named another way than its official name", () => {
  it.each([
    ["Kopi Flores termasuk program?", "Flores (Nusa Tenggara Timur)"],
    ["Is West Java part of the programme?", "West Java (Jawa Barat)"],
    ["Aceh?", "Aceh tidak termasuk"],
  ])("%j names it as asked", async (question, shown) => {
    const engine = await testEngine();
    const reply = engine.ask(question);
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain(shown);
  });
});

describe("what a question asks, read from its shape", () => {
  it("what a name's possessive points to is asked of that name", async () => {
    const reply = await ask("Who was JICA's chief advisor on the project?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain('"chief advisor"');
  });

  it("a contraction is no possessive", async () => {
    expect((await ask("How's it going?")).kind).toBe("smalltalk");
  });

  it("a greeting quoted in a request is not small talk", async () => {
    expect((await ask("Tolong terjemahkan 'selamat pagi' ke bahasa Jepang")).kind).toBe("fallback");
  });

  it("'not only X?' of a province answers all it has", async () => {
    const reply = await ask("Jatim bukan cuma alas kaki kan?");
    expect(reply.text).toContain("alas kaki");
    expect(reply.text).toContain("kapal");
  });

  it("naming a city asks where", async () => {
    expect((await ask("Name the city where the aloe vera processing happens")).text).toContain("Pontianak");
  });

  it("a person named by role is who is asked about, beside a word of the programme's organisers", async () => {
    expect((await ask("Who is the reporter behind the Bisnis.com piece?")).text).toContain("Regi Yanuar");
  });

  it("a pronoun points to the one person the previous answer named", async () => {
    const engine = await setup();
    // Not the list of the programme's officials, which "official" alone would ask for.
    const reporter = engine.askAfter(["Who is Regi?"], "is he an official of the programme?");
    expect(reporter.text).toContain("Regi Yanuar Widhia Dinnata");
    expect(reporter.text).toContain("Not an official of the programme");
    const editor = engine.askAfter(["Who is Annisa Margrit?"], "is she part of the programme?");
    expect(editor.text).toContain("Annisa Margrit");
    expect(editor.text).not.toContain("nine provinces");
  });
});

describe("a question word asks within its own sentence", () => {
  it("a sentence after the question is no part of what it asks", async () => {
    const reply = await ask("nama resmi proyek kerja sama kemenperin-JICA apa ya? sy perlu utk laporan");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Improved Service Delivery");
  });

  it("a sentence ends at an acronym's full stop before a capital", async () => {
    const reply = await ask(
      "Selamat siang min, saya mahasiswa yang lagi nulis skripsi soal klaster IKM. Mau tanya: (1) nama resmi programnya apa, (2) sejak kapan?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Improved Service Delivery");
  });
});

describe("English question words that join a clause", () => {
  it("'… when choosing regions' asks no date: the criterion is described", async () => {
    const reply = await ask("what counts as 'sources of support' when choosing regions?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("APBN");
  });

  it("'and when …' still asks when", async () => {
    const reply = await ask("What is the project's official name and when did the first phase start?");
    expect(reply.text).toContain("Improved Service Delivery");
    expect(reply.text).toContain("2013");
  });
});

describe("English word forms and a sentence that only adds detail", () => {
  it("'considered', 'picking' read as their base words; 'in the order the DG gave them' asks nothing", async () => {
    const engine = await setup();
    const question =
      "what are the three things considered when picking regions, in the order the DG gave them?";
    const reply = engine.ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("APBN");
    // The list it gave is what "the second one" points to.
    const second = engine.askAfter([question], "the second one, what's that about?");
    expect(second.text).toMatch(/^Strategic themes/);
  });

  it("a chat spelling mistyped is corrected into it ('bkin' → 'bikin' → 'buat')", async () => {
    const reply = await ask("sultra bkin apa di progam ini");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("tempe");
  });

  it("a word is not 'corrected' by adding or dropping its first letter ('order' is not 'border')", async () => {
    const engine = await setup();
    expect(engine.vocabulary.correct("order")).toBeUndefined();
    expect(engine.vocabulary.correct("kalimantn")).toBe("kalimantan");
  });
});

describe("what the sources don't name", () => {
  it("a thing asked for that the sources never name is asked of the programme ('pelatihannya kapan?')", async () => {
    const reply = await ask("Pelatihannya kapan dan di mana? saya mau ikut yg di Makassar");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain('"pelatihannya"');
  });

  it("whether the programme takes in something it never names is not answered with its list", async () => {
    const reply = await ask("Apakah UMKM kuliner kaya keripik bisa ikutan program ini?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("keripik");
  });

  it("a word inside a word of the answer is not explained by it ('menteri' is not in 'kementerian')", async () => {
    expect((await ask("Siapa menteri perindustrian waktu itu?")).kind).toBe("fallback");
  });
});

describe("follow-ups about the list or the sources just given", () => {
  it("'is X one of them?' asks whether X is in the group just listed", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["Which provinces are the first targets of the follow-up programme?"],
      "is Central Sulawesi one of them?",
    );
    expect(reply.text).toMatch(/^Central Sulawesi is not one of the first targets/);
  });

  it("'is X one of them?' of a member says yes first, then its entry of the group it was chosen from", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["Which provinces are the first targets of the follow-up programme?"],
      "is East Java one of them?",
    );
    expect(reply.text).toMatch(/^East Java is one of the first targets[^\n]*\nEast Java: ship components/);
    expect(reply.text).not.toContain("Mojokerto");
  });

  it("'what did she say about X?' asks what was said of X, not who said it again", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["Who is the Director General of IKM?"],
      "what did she say about how regions are chosen?",
    );
    expect(reply.text).toMatch(/^Regions are selected on three considerations/);
  });

  it("'in total, across both groups' counts the whole programme, whatever group a year names", async () => {
    const reply = await ask(
      "In total, how many provinces are named across both the 2013 group and the 2017 group?",
    );
    expect(reply.text).toMatch(/^The programme covers nine provinces/);
  });

  it("'berapa sumber?' counts the sources, 'pakai' and 'jawab' asking nothing of their own", async () => {
    expect((await ask("Kamu pakai berapa sumber untuk menjawab?")).text).toMatch(
      /^Jawaban bersumber dari empat sumber/,
    );
  });

  it("'how many in total?' after two lists counts the whole programme", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["brp provinsi di fase pertama?", "yg 2017 brp?"],
      "total jadinya brp provinsi?",
    );
    expect(reply.text).toMatch(/^Program ini mencakup sembilan provinsi/);
    // Right after one group's list, its total is that group's.
    const one = engine.askAfter(["provinsi mana aja yg jadi target awal program lanjutan?"], "brp totalnya?");
    expect(one.text).toMatch(/^Target awal program lanjutan: tiga provinsi/);
  });

  it("'why those three?' right after a group asks why it was chosen; 'di sana' is the place just named", async () => {
    const engine = await setup();
    const why = engine.askAfter(
      ["Which provinces are the first targets of the follow-up programme?"],
      "why those three?",
    );
    expect(why.text).toContain("Regions are selected on three considerations");
    expect(engine.askAfter(["Kab Dogiyai ikut program?"], "produk apa di sana").text).toContain("kopi");
  });

  it("a list stays in view while the chat walks through it", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["apa aja pertimbangan pemilihan daerahnya?", "yg pertama maksudnya apa?"],
      "kalau yg kedua?",
    );
    expect(reply.text).toMatch(/^Pengembangan tema strategis/);
  });

  it("'which phase is that?' is answered with the card that says it", async () => {
    const engine = await setup();
    expect(engine.askAfter(["Mojokerto bikin apa di program ini?"], "itu fase yg mana?").text).toContain(
      "tahap pertama",
    );
  });

  it("'the report' is the JICA report; 'which one is in English?' picks from the sources just listed", async () => {
    const engine = await setup();
    expect(engine.askAfter(["siapa konsultan di laporan JICA?"], "laporannya terbit kapan?").text).toContain(
      "2016",
    );
    const listed = engine.ask("Berita soal ini dimuat di media apa aja?");
    expect(listed.text).toContain("Tempo.co");
    expect(listed.text).toContain("INDUSTRY.co.id");
    const english = engine.askAfter(["Berita soal ini dimuat di media apa aja?"], "which one is in English?");
    expect(english.subjects.map(subjectRef)).toEqual(["s.industry-2017", "s.jica-pcr-2016"]);
  });
});

describe("'the first one' across a chat's answers", () => {
  it("points to the first subject the chat's answers were about when none gave a list", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["what's in Central Java?", "and West Kalimantan?"],
      "where is the first one located exactly?",
    );
    expect(reply.text).toContain("Tegal");
    expect(reply.text).not.toContain("Pontianak");
  });
});

describe("the whole programme's count", () => {
  it("says how its groups add up, and which province is in both", async () => {
    const reply = await ask("berapa provinsi?");
    expect(reply.text).toContain("sembilan provinsi");
    expect(reply.text).toContain("tahap pertama (sejak 2013) — lima provinsi");
    expect(reply.text).toContain("(Jawa Timur ada di keduanya)");
    const list = await ask("Which provinces are in the programme?");
    expect(list.text).toContain("first phase (since 2013) — five provinces");
  });
});

describe("how many, of a group", () => {
  it("counts a group's own locations when asked for locations", async () => {
    const reply = await ask("brp lokasi kab/kota yg disebut utk 5 provinsi baru 2017?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("lima lokasi");
    expect(reply.text).toContain("Kota Pasuruan");
    expect(reply.text).not.toContain("Mojokerto");
  });

  it("counts a group's provinces, whatever verb the question uses ('picked')", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["which provinces joined in 2017?"],
      "how many of those were picked as first targets?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("three provinces");
  });
});

describe("a group named beside an organisation", () => {
  it("is what is asked about ('menurut Kemenperin, target awal …?')", async () => {
    const reply = await ask(
      "Menurut keterangan Kemenperin, provinsi mana saja yang jadi target awal program lanjutan?",
    );
    expect(reply.text).toMatch(/^Target awal program lanjutan — tiga provinsi/);
    const english = await ask(
      "According to the Ministry of Industry, which provinces are the first targets?",
    );
    expect(english.text).toMatch(/^The first targets of the follow-up programme/i);
  });
});

describe("who wrote a source, and how many there are", () => {
  it("who wrote a source that names no writer is not in the sources; whether it wrote about it is", async () => {
    expect((await ask("Who wrote the Tempo article?")).kind).toBe("fallback");
    expect((await ask("Siapa penulis berita di INDUSTRY.co.id?")).kind).toBe("fallback");
    expect((await ask("tempo juga nulis soal ini?")).kind).toBe("answer");
  });

  it("a report's authors are its publishers", async () => {
    const reply = await ask("Who authored the JICA completion report?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("KRI International Corp.");
  });

  it("what a source 'adds' about the subject just answered is asked of that subject", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["apa produk Jateng?"], "and what does the JICA report add about it?");
    expect(reply.text).toContain("ship components");
  });

  it("'how many sources?' counts them", async () => {
    expect((await ask("How many sources is your information from?")).text).toMatch(
      /^The answers come from four sources/,
    );
  });
});

describe("how many times, and how many of a term", () => {
  it("'Jatim muncul berapa kali?' counts its places; 'how many IKM?' the sources don't count", async () => {
    expect((await ask("Jatim muncul berapa kali di program ini?")).text).toMatch(
      /^Jawa Timur punya dua lokasi program/,
    );
    expect((await ask("How many IKM have been assisted?")).kind).toBe("fallback");
  });

  it("an entry that names several counts them ('how many consulting firms?'); what it lacks it doesn't", async () => {
    expect((await ask("Berapa perusahaan konsultan yang disebut di laporan JICA?")).text).toMatch(
      /^Ada dua: KRI International Corp\. dan UNICO International Corporation\./,
    );
    expect((await ask("How many staff does JICA have?")).kind).toBe("fallback");
  });
});

describe("several questions at once, in chat words", () => {
  it("'sejak kapan, dengan lembaga apa, dan untuk tujuan apa?' answers each part", async () => {
    const reply = await ask("Sejak kapan, dengan lembaga apa, dan untuk tujuan apa kerja sama ini?");
    for (const fact of ["sejak 2013", "Japan International Cooperation Agency", "produktivitas"])
      expect(reply.text).toContain(fact);
  });

  it("a name asked after a fact of the programme is the programme's name", async () => {
    const reply = await ask("Kapan program mulai dan apa namanya?");
    for (const fact of ["sejak 2013", "Improved Service Delivery"]) expect(reply.text).toContain(fact);
    expect(reply.text).not.toContain("Sumber tidak menyebut");
  });

  it("question words joined by 'dan' each ask of what follows them", async () => {
    const reply = await ask("sejak kapan dan sama siapa kerjasamanya?");
    for (const fact of ["sejak 2013", "Japan International Cooperation Agency"])
      expect(reply.text).toContain(fact);
  });

  it("'+' joins two questions, but inside brackets it adds", async () => {
    const reply = await ask("name of the project + the japanese partner?");
    for (const fact of ["Improved Service Delivery", "as the Japanese partner"])
      expect(reply.text).toContain(fact);
    const sum = await ask("total provinsi yg terlibat (tahap 1 + yg 2017) ada brp? jatim kan dobel");
    expect(sum.text).toContain("sembilan");
  });

  it("'kapan?' after the whole programme's count asks when the programme began", async () => {
    const first = await ask("Kerja sama IKM Indonesia-Jepang itu apa?");
    const count = await ask("Di berapa provinsi?", { previous: first.previous });
    const when = await ask("kapan?", { previous: count.previous });
    expect(when.kind).toBe("answer");
    expect(when.text).toMatch(/^Kerja sama ini berlangsung sejak 2013/);
  });

  it("a count of provinces after a question of the start counts at the start, in one message or 'back then'", async () => {
    const reply = await ask("When did it start, and in how many provinces?");
    for (const fact of ["since 2013", "five provinces"]) expect(reply.text).toContain(fact);
    const then = await ask("Waktu itu di berapa provinsi?", {
      previous: (await ask("Sejak kapan kerja sama IKM dengan Jepang berjalan?")).previous,
    });
    expect(then.text).toContain("lima provinsi");
    expect((await ask("berapa provinsi?")).text).toContain("sembilan provinsi");
  });
});

describe("when the 2017 group declared, in chat words", () => {
  it("'nyatakan' is 'menyatakan'; the group's name gives its year once", async () => {
    const reply = await ask("provinsi yg nyatakan siap gabung itu tahun brp?");
    expect(reply.text).toMatch(/^Provinsi yang menyatakan siap bergabung pada 2017: Jawa Timur/);
  });
});

describe("more ways of asking, read the same as the plain ones", () => {
  it.each([
    ["what is the official project name?", "Improved Service Delivery"],
    ["What's the report code of the JICA completion report?", "IL JR 16-035"],
    ["Who gave the statement?", "Gati Wibawaningsih"],
    ["Jawa Timur muncul berapa kali di daftar provinsi?", "dua lokasi"],
    ["So where is the footwear hub?", "Mojokerto"],
  ])("%j", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });

  it.each([
    "Apakah program ini juga bantu sertifikasi halal?",
    "Jam berapa artikel Tempo diterbitkan?",
    "did it work? any numbers?",
    "How does this compare with GIZ's SME programmes?",
  ])("%j is not answered (and not small talk)", async (question) => {
    expect((await ask(question)).kind).toBe("fallback");
  });

  it("'who edited it?' after an answer about its writer asks of the source that answer cites", async () => {
    const engine = await setup();
    expect(engine.askAfter(["Siapa Regi Yanuar?"], "who edited it?").text).toMatch(
      /^Annisa Margrit — the editor/,
    );
  });

  it("'english please' asks for the reply in English", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["Provinsi tahap pertama apa aja?"], "sebutin lagi dong, english please");
    expect(reply.lang).toBe("en");
    expect(reply.text).toContain("North Sumatra");
  });
});

describe("sources asked for by their language, none named", () => {
  it("'where did the English version appear?' names the sources in English", async () => {
    const reply = await ask("In which publication did the English version appear?");
    expect(reply.subjects.map(subjectRef)).toContain("s.industry-2017");
    expect(reply.subjects.map(subjectRef)).not.toContain("s.bisnis-2017");
  });
});

describe("a date", () => {
  it("asked of sources, names those of that date; its year names no group of provinces", async () => {
    const reply = await ask("media apa saja yang memberitakan ini tgl 24 des 2017?");
    expect(reply.subjects.map(subjectRef)).toEqual(["s.industry-2017", "s.tempo-2017"]);
    expect(reply.text).not.toContain("menyatakan siap bergabung");
  });
});

describe("a quoted title or name", () => {
  it("names the source whose title it quotes", async () => {
    const reply = await ask(
      "Which outlet carried 'Indonesia dan Jepang Kembangkan Industri Kecil di Lima Provinsi'?",
    );
    expect(reply.subjects.map(subjectRef)).toEqual(["s.tempo-2017"]);
  });

  it("names the programme's name, whose words ask nothing ('based on' is no selection)", async () => {
    const reply = await ask(
      "Is it true the project is called 'SMI Development Based on Improved Service Delivery'?",
    );
    expect(reply.text).toMatch(/^Its official name is/);
  });

  it("that matches nothing is read like the rest ('What is \"olahan lidah buaya\"?')", async () => {
    expect((await ask('What is "olahan lidah buaya"?')).text).toMatch(/aloe vera/);
  });
});

describe("what years a phase covers", () => {
  it("is its dates", async () => {
    expect((await ask("What years does the first phase cover?")).text).toContain("2013–2016");
  });
});

describe("how many, on an island", () => {
  it("counts the programme's provinces there, of a group when one is named", async () => {
    expect((await ask("ada berapa provinsi program di pulau jawa?")).text).toBe(
      "Di Jawa: dua provinsi program — Jawa Tengah dan Jawa Timur.",
    );
    const newcomers = await ask("How many Sulawesi provinces declared in 2017 they were ready to join?");
    expect(newcomers.text).toMatch(/two .*: Southeast Sulawesi and South Sulawesi/);
    expect(newcomers.sources).toEqual(["bisnis-2017"]);
  });
});

describe("questions the sources hold no answer to, by their form", () => {
  it.each([
    // How long, asked of anything but the programme or a phase.
    ["berapa lama Gati jadi dirjen?", /^Sumber tidak menyebut berapa lama/],
    // How many of a thing the sources give no number of.
    ["How many facilitators were placed in phase 1?", /^The sources don't give that figure/],
    // How to get something done, in chat words.
    ["gmn caranya biar usaha sy bisa ikut?", /^Sumber tidak menjelaskan cara mendaftar/],
    // The programme's results.
    ["hasil programnya apa aja?", /^Sumber tidak menilai/],
    // A comparison with a thing the sources don't know.
    ["How is this different from the One Village One Product programme?", /^The sources say nothing about/],
    // Why a province is in the programme twice.
    [
      "Kenapa Jatim bisa masuk dua kali?",
      /Sumber tidak menyebut pertimbangan mana yang berlaku untuk Jawa Timur/,
    ],
  ])("%j", async (question, expected) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(expected);
  });

  it("a time of day of anything but an article, and the end of the 2017 group ('fase keduanya')", async () => {
    expect((await ask("Skrg jam berapa di Jepang?")).kind).toBe("fallback");
    expect((await ask("jam berapa artikel bisnis terbit?")).text).toContain("11:34 WIB");
    const end = await ask("fase keduanya kapan selesai?");
    expect(end.kind).toBe("fallback");
    expect(end.text).toMatch(
      /^Sumber tidak menyebut kapan provinsi yang menyatakan siap bergabung pada 2017 berakhir/,
    );
  });

  it("how long the programme has run, and a phase's dates, are still answered", async () => {
    expect((await ask("berapa lama program ini sudah berjalan?")).text).toContain("sejak 2013");
    expect((await ask("How long did the first phase last?")).text).toContain("2013–2016");
  });
});

describe("words people use for the programme's organisers and sources", () => {
  it.each([
    ["Ditjen IKM kepanjangannya apa?", "Direktorat Jenderal Industri Kecil dan Menengah"],
    ["Di Kemenperin, direktorat mana yang pegang program ini?", "Direktorat Jenderal IKM"],
    ["Who put out the completion report?", "KRI International Corp."],
    ["papua programnya ttg apa?", "kopi"],
  ])("%j", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });
});

describe("a message read as its fewest phrases", () => {
  it("'work on the ground' is 'work' + 'on the ground' (the approach), not 'work on' + two words", async () => {
    const reply = await ask("How does the programme actually work on the ground?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/facilitator/i);
  });
});

describe("why one region was chosen", () => {
  it("is not answered (the sources never say), yet gives the considerations they do give", async () => {
    const engine = await setup();
    const why = engine.ask("Kenapa Sulawesi Tenggara tidak jadi target awal?");
    expect(why.kind).toBe("fallback");
    expect(why.text).toContain("APBN");
    // The same subject and intent without "why" is answered: the answers are remembered apart.
    expect(engine.ask("kenapa sulsel dipilih?").kind).toBe("fallback");
    expect(engine.ask("sulsel dipilih berdasarkan apa?").kind).toBe("answer");
  });
});

describe("requirements to take part", () => {
  it("of a business or a person are not in the sources, which give how regions are chosen", async () => {
    const own = await ask("Apa saja syarat usaha saya untuk jadi peserta?");
    expect(own.kind).toBe("fallback");
    expect(own.text).toMatch(/syarat bagi usaha/);
    expect(own.text).toContain("APBN");
    expect(own.nextSteps).toBe(true);
  });

  it("of a part of the programme ('to become a facilitator') are not in the sources: what they say of it is", async () => {
    for (const q of [
      "What are the requirements to become a facilitator?",
      "what qualifications would a facilitator need?",
      "Apa persyaratan untuk jadi fasilitator?",
    ]) {
      const reply = await ask(q);
      expect(reply.kind, q).toBe("fallback");
      expect(reply.text, q).toMatch(
        /^(The sources don't say what that requires|Sumber tidak menyebut syaratnya)/,
      );
      expect(reply.text, q).toMatch(/local resources|sumber daya lokal/);
      expect(reply.text, q).not.toContain("APBN");
      expect(reply.nextSteps, q).toBe(true);
    }
  });

  it("of a business named by its kind ('a small business') are not in the sources either", async () => {
    expect((await ask("What are the eligibility requirements for a small business?")).kind).toBe("fallback");
  });

  it("asked by a word of eligibility alone are not the region criteria: the sources give none, and say so", async () => {
    for (const q of ["What are the eligibility requirements?", "Apa prasyaratnya?"]) {
      const reply = await ask(q);
      expect(reply.kind, q).toBe("fallback");
      expect(reply.text, q).toMatch(
        /^(Sumber tidak menyebut syarat bagi usaha|The sources give no requirements)/,
      );
      expect(reply.text, q).toContain("APBN");
    }
    // (The criteria's own words still ask how regions are chosen.)
    expect((await ask("Apa saja kriterianya?")).kind).toBe("answer");
  });

  it("of a region, or one criterion, are answered", async () => {
    expect((await ask("Apa syarat daerah bisa ikut program?")).kind).toBe("answer");
    expect((await ask("is empowering entrepreneurs one of the criteria to join?")).kind).toBe("answer");
  });
});

describe("a source named beside a question about the programme's facts", () => {
  it("says where the facts are to come from: the places of a phase, as the JICA report names them", async () => {
    const reply = await ask("Which places of the first phase does the JICA report name?");
    expect(reply.kind).toBe("answer");
    for (const place of ["Samosir", "Tegal", "Palu", "Mojokerto", "Pontianak"])
      expect(reply.text).toContain(place);
    expect(reply.sources).toContain("jica-pcr-2016");
  });

  it("is asked of the previous answer's subject in a follow-up", async () => {
    const engine = await setup();
    const reply = engine.askAfter(
      ["jatim tahap pertama produknya apa?"],
      "kotanya di mana menurut laporan JICA?",
    );
    expect(reply.text).toContain("Mojokerto");
  });

  it("that doesn't hold the facts is named as not saying them, before what the other sources say", async () => {
    const reply = await ask("menurut laporan JICA, provinsi mana saja yang siap bergabung 2017?");
    expect(reply.text).toMatch(/^JICA.* tidak menyebut hal ini/);
    expect(reply.text).toContain("Dogiyai");
    expect(reply.sources).toEqual(["bisnis-2017"]);
  });
});

describe("a message whose sentences ask nothing", () => {
  it("is a question about what it names; the other sentences are chatter", async () => {
    const reply = await ask("kota pasuruan ada? sy punya bengkel kecil2an disitu");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Kota Pasuruan");
  });
});

describe("words of writing ('nulis', 'edited')", () => {
  it("ask who wrote a source", async () => {
    const reply = await ask("yang nulis artikel bisnis siapa?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Regi Yanuar Widhia Dinnata");
  });

  it("are no question of their own in an asker's introduction", async () => {
    for (const q of [
      "Halo, saya mahasiswa yang lagi nulis skripsi soal IKM. Programnya mulai tahun berapa?",
      "sy lagi nulis laporan ttg IKM. kapan kerja samanya dimulai?",
    ]) {
      const reply = await ask(q);
      expect(reply.kind, q).toBe("answer");
      expect(reply.text, q).toMatch(/^Kerja sama ini berlangsung sejak 2013/);
    }
  });
});

describe("sources asked by what they carry and how they were published", () => {
  it("'the press release' is the sources that carried it, and 'in English' the one in English", async () => {
    const both = await ask("Which outlets carried the press release?");
    expect(both.subjects.map(subjectRef)).toEqual(["s.bisnis-2017", "s.industry-2017", "s.tempo-2017"]);
    const english = await ask("Which outlet carried the press release in English?");
    expect(english.sources).toEqual(["industry-2017"]);
    expect(english.text).toContain("In English.");
  });

  it("'published' beside another question word is that question's verb, alone it asks when", async () => {
    const who = await ask("Who published the JICA report?");
    expect(who.subjects.map(subjectRef)).toEqual(["s.jica-pcr-2016"]);
    expect(who.text).toContain("KRI International Corp.");
    expect((await ask("terbitnya kapan?")).text).toContain("25 Desember 2017");
    const engine = await setup();
    expect(engine.askAfter(["Tempo juga nulis soal ini?"], "terbitnya tanggal berapa?").text).toContain(
      "24 Desember 2017",
    );
  });
});

describe("the programme named with its own words", () => {
  it("is what 'what is it?' asks about, not the term or organisation in its name", async () => {
    for (const q of ["Program kerjasama IKM sama Jepang itu apa sih?", "proyek IKM dgn JICA itu apaan?"]) {
      const reply = await ask(q);
      expect(reply.subjects.map(subjectRef), q).toEqual(["t.summary"]);
      expect(reply.text, q).toContain("Sejak 2013");
    }
    // Asked what a word means, the word is still what is asked about.
    expect((await ask("what is IKM in this programme?")).text).toContain("stands for");
  });

  it("'small industries' is the programme's domain, not a product; 'achieve' asks its aim", async () => {
    const reply = await ask("What is the programme trying to achieve for small industries?");
    expect(reply.text).toContain("productivity and competitiveness");
  });
});

describe("a word that is a place and small talk ('mks')", () => {
  it("is Makassar in a question", async () => {
    const reply = await ask("produk mks apa?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("perak");
  });

  it("is thanks alone", async () => {
    expect((await ask("ok mks")).kind).toBe("smalltalk");
  });
});

describe("a name asked of a fact of the programme", () => {
  it("is the names it holds when it names organisations (the partners), and none for its facilitators", async () => {
    const partner = await ask("What's the name of the Japanese partner agency?");
    expect(partner.kind).toBe("answer");
    expect(partner.text).toContain("Japan International Cooperation Agency");
    expect((await ask("Siapa nama fasilitator di Tegal?")).kind).toBe("fallback");
  });
});

describe("a name asked at a place", () => {
  it("is the name of the thing asked for, which the sources don't give, not the place's", async () => {
    const reply = await ask("Apa nama koperasi tahu tempe di Konawe Selatan yang ikut?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("koperasi");
  });

  it("the place's own name is still answered", async () => {
    expect((await ask("Apa nama kabupaten program di Sulawesi Tenggara?")).text).toContain("Konawe Selatan");
  });
});

describe("when a person took office", () => {
  it("is not in the sources; when she spoke is", async () => {
    expect((await ask("Kapan Gati Wibawaningsih mulai menjabat Dirjen IKM?")).kind).toBe("fallback");
    expect((await ask("When did Gati speak about the programme?")).text).toContain("25 December 2017");
  });
});

describe("two things side by side", () => {
  it("'X vs Y: what industries?' states each one's products", async () => {
    const reply = await ask("Tegal vs Mojokerto: what industries?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("metal components");
    expect(reply.text).toContain("footwear");
  });

  it("a comparison that judges is not answered", async () => {
    expect((await ask("Tegal vs Mojokerto, which did better?")).kind).toBe("fallback");
  });
});

describe("checking a statement", () => {
  it.each([
    ["Bener ya Gati Wibawaningsih itu Dirjen IKM?", "Direktur Jenderal"],
    ["So Jawa Timur is in both phases, right?", "Mojokerto"],
  ])("%j is answered with the facts", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });

  it.each([
    ["Can you confirm the statement came from Minister Budi Santoso?", "Gati Wibawaningsih"],
    ["I heard the Japanese partner is JETRO, is that right?", "Japan International Cooperation Agency"],
    ["Artikel Bisnis itu ditulis Annisa ya?", "Ditulis oleh Regi Yanuar Widhia Dinnata"],
  ])(
    "a name the sources don't give, to confirm (%j), is answered with the one they give",
    async (question, fact) => {
      const reply = await ask(question);
      expect(reply.kind).toBe("answer");
      expect(reply.text).toContain(fact);
    },
  );

  it.each([
    ["Mojokerto bikin sepatu kan?", /^Ya, benar\.\n.*alas kaki/],
    ["So Pontianak does aloe vera, right?", /^Yes, that's right\.\n.*aloe vera/],
    ["Papua bikin kerajinan perak kan?", /^Tidak tepat\. Menurut sumber:\n.*kopi/],
    ["The tofu project is in North Sulawesi, isn't it?", /^Not quite\.[\s\S]*Southeast Sulawesi/],
    ["Can you confirm the programme began in 2015?", /^Not quite\.[\s\S]*2013/],
    ["It began in 2013, right?", /^Yes, that's right\.[\s\S]*2013/],
  ])("%j opens with whether the sources bear it out", async (question, expected) => {
    expect((await ask(question)).text).toMatch(expected);
  });

  it("a yes-or-no question gives a source's year as a claim; a year after the sources is still not answered", async () => {
    expect((await ask("Was the JICA completion report published in 2018?")).text).toMatch(
      /^Not quite\.[\s\S]*June 2016/,
    );
    expect((await ask("Apakah kerja sama ini masih berjalan di tahun 2024?")).kind).toBe("fallback");
  });

  it("a statement ended by 'ya?' asks to confirm it; 'apa ya?' still asks what", async () => {
    expect((await ask("Laporan JICA terbit tahun 2018 ya?")).text).toMatch(/^Tidak tepat\.[\s\S]*Juni 2016/);
    expect((await ask("produk papua apa ya?")).text).toMatch(/^Papua: pengolahan kopi/);
  });

  it("a product rightly placed but claimed to do more than the sources say is not confirmed", async () => {
    expect((await ask("lidah buaya pontianak udah tembus pasar jepang blm")).kind).toBe("fallback");
    expect((await ask("Has the aloe vera from Pontianak reached Japanese markets?")).kind).toBe("fallback");
  });

  it("a city named with its province is where the claim puts the product, not the whole province", async () => {
    const reply = await ask("Jatim 2017 itu alas kaki di Surabaya kan?");
    expect(reply.text).toMatch(/^Tidak tepat\.[\s\S]*Mojokerto/);
  });

  it("a question word anywhere in the last sentence makes it no yes-or-no question", async () => {
    const reply = await ask(
      "Which started earlier — ulos weaving in North Sumatra or coffee processing in Papua?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2013");
  });

  it("a product the sources never name, or a known one in the wrong region, is corrected whatever words say so", async () => {
    expect((await ask("Sulawesi Tenggara produknya rumput laut kan?")).text).toMatch(
      /^Tidak tepat\.[\s\S]*tahu dan tempe/,
    );
    expect((await ask("South Sulawesi's contribution to the programme is coffee.")).text).toMatch(
      /^Not quite\.[\s\S]*silver and gold/,
    );
  });

  it("a title put on a person is checked against the one the sources give", async () => {
    expect((await ask("bu gati itu menteri perindustrian ya")).text).toMatch(
      /^Tidak tepat\.[\s\S]*Direktur Jenderal/,
    );
    expect((await ask("Gati is the minister of industry, right?")).text).toMatch(
      /^Not quite\.[\s\S]*Director General/,
    );
    // Another thing said of her that the sources don't give is still not answered.
    expect((await ask("Gati Wibawaningsih lulusan ITB ya?")).kind).toBe("fallback");
  });

  it("a name of several words the sources don't know, offered for checking, is corrected", async () => {
    expect((await ask("JICA stands for Japan International Credit Association, right?")).text).toMatch(
      /^Not quite\. What the sources say:\nJapan International Cooperation Agency/,
    );
    expect((await ask("Can you confirm the statement came from Minister Budi Santoso?")).text).toMatch(
      /^Not quite\.[\s\S]*Gati Wibawaningsih/,
    );
    // A sentence's first words are capitalised anyway.
    expect((await ask("Mitra Jepangnya JETRO kan?")).text).toContain(
      "Japan International Cooperation Agency",
    );
    // "Who is this programme meant to help?" is no small talk.
    expect((await ask("Who is this programme meant to help?")).kind).not.toBe("smalltalk");
  });

  it("a partner put in another country is corrected by the partners", async () => {
    expect((await ask("jica itu lembaga korea ya")).text).toMatch(/^Tidak tepat\.[\s\S]*Japan International/);
  });

  it("the project's own name, offered for checking, is answered with its full name", async () => {
    const reply = await ask("the project name is SMI Development Based on Improved Service Delivery, right?");
    expect(reply.text).toMatch(/^Its official name is/);
  });

  it("a thing the sources don't name, to confirm, is still not answered", async () => {
    expect((await ask("bener ya program ini kasih modal usaha?")).kind).toBe("fallback");
  });

  it("a wrong year to confirm is answered with the year the sources give", async () => {
    const reply = await ask("Can you confirm the programme began in 2015?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("2013");
  });
});

describe("the language of a question that quotes the other one", () => {
  it("'What is 'olahan lidah buaya'?' is answered in English", async () => {
    const reply = await ask("What is 'olahan lidah buaya'?");
    expect(reply.lang).toBe("en");
    expect(reply.text).toMatch(/aloe vera/i);
  });

  it("a follow-up whose words say neither language keeps the chat's ('and Konawe Selatan?')", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["What is made in Bangka Barat?"], "and Konawe Selatan?");
    expect(reply.lang).toBe("en");
    expect(reply.text).toMatch(/tofu/i);
  });

  it("a message all in quotes keeps the quote's language", async () => {
    // (The test engine's default language is Indonesian: English here is read from the quote.)
    expect((await ask("'what does sulsel make?'")).lang).toBe("en");
  });
});

describe("a reading that keeps names whole", () => {
  it("'nomor laporan JICA' is the number of the JICA report, not a source question about JICA", async () => {
    const reply = await ask("Nomor laporan JICA-nya apa?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("IL JR 16-035");
  });
});

describe("sentences around the question", () => {
  it("unknown words of an introduction that asks nothing are not what is asked", async () => {
    const reply = await ask(
      "pagi min, sy pensiunan guru di pematangsiantar, dulu almarhum bapak sy penenun ulos. katanya ada program jepang utk ulos ya? itu di kabupaten mana sih tepatnya? mksh",
    );
    expect(reply.text).toContain("Samosir");
    expect(reply.text).not.toContain("pensiunan");
  });
});

describe("where a fact comes from", () => {
  it("'which source says that?' cites the sources of the fact just given, not of its subject", async () => {
    const engine = await setup();
    const dates = engine.ask("when did the first phase run?");
    const reply = engine.askAfter(["when did the first phase run?"], "which source says that?");
    expect(dates.sources).not.toContain("bisnis-2017");
    expect(reply.kind).toBe("answer");
    expect(reply.sources).toEqual(dates.sources);
  });

  it("the source of a fact the question states by its years cites the sources of those dates", async () => {
    const engine = await setup();
    const dates = engine.ask("when did the first phase run?");
    const reply = engine.ask("sumber yg bilang fase 1 itu 2013-2016 apa");
    expect(reply.kind).toBe("answer");
    expect(reply.sources).toEqual(dates.sources);
    expect(reply.sources).not.toContain("bisnis-2017");
  });

  it("a word's root known only inside a name still reads as that name ('laporannya')", async () => {
    const engine = await setup();
    const reply = engine.askAfter(["siapa konsultan di laporan JICA?"], "laporannya terbit kapan?");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/2016/);
  });
});

describe("a number that names something is not a count", () => {
  it.each([
    "Laporan penyelesaian proyek dari JICA itu nomornya berapa ya?",
    "What is the reference number of the completion report?",
  ])("%j → the report's number", async (question) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("IL JR 16-035");
  });

  it("a phone number is a contact the sources don't hold", async () => {
    const reply = await ask("nomor telp JICA brp?");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toContain("kontak");
  });
});

describe("small talk said around a denial of asking anything", () => {
  it.each<string>([
    "Hi there - not a question, just saying hello",
    "Nope, nothing else. Thanks!",
    "Not bad, and you? just checking in",
    "Halo! gak nanya apa-apa kok, cuma nyapa",
  ])("%j is small talk", async (message) => {
    expect((await ask(message)).kind).toBe("smalltalk");
  });

  it("'past perfect' is no thanks", async () => {
    expect((await ask("Can you explain the past perfect tense for my grammar homework?")).kind).toBe(
      "fallback",
    );
  });
});
