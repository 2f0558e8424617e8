import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

/** The reply to `question`, after `history` in the same chat. */
async function ask(question: string, ...history: string[]): Promise<Reply> {
  const engine: AnswerEngine = await testEngine();
  return engine.askAfter(history, question);
}

/** Expects every name in the reply and none of the names set aside. */
function expectOnly(reply: Reply, kept: string[], setAside: string[]): void {
  for (const name of kept) expect(reply.text, reply.text).toContain(name);
  for (const name of setAside) expect(reply.text, reply.text).not.toContain(name);
}

describe("what a question sets aside ('selain …', 'other than …')", () => {
  it("is left out of the group asked about", async () => {
    expectOnly(
      await ask("Selain Sulsel, provinsi 2017 apa aja?"),
      ["Kepulauan Bangka Belitung", "Sulawesi Tenggara", "Papua", "Jawa Timur"],
      ["Sulawesi Selatan:"],
    );
    expectOnly(
      await ask("kota/kab tahap 2013 selain mojokerto dan pontianak?"),
      ["Samosir", "Tegal", "Palu"],
      ["Mojokerto", "Pontianak"],
    );
  });

  it("reads a list closed by 'and' as one, and a name after a comma as what is asked", async () => {
    expectOnly(
      await ask(
        "Except North Sumatra, Central Java, Central Sulawesi and East Java, which 2013 province is left?",
      ),
      ["West Kalimantan"],
      ["North Sumatra", "Central Java"],
    );
    const outside = await ask("selain kalbar, kalimantan timur ikut gak?");
    expect(outside.kind).toBe("not_in_programme");
    expect(outside.text).not.toContain("Ya, Kalimantan Barat");
    expect((await ask("Besides Makassar, is Manado in the programme?")).kind).toBe("not_in_programme");
  });

  it("leaves a province's other entries, and a product of two things its other half", async () => {
    expectOnly(
      await ask("Produk Jawa Timur selain alas kaki apa?"),
      ["Pasuruan", "komponen kapal"],
      ["Mojokerto"],
    );
    expect((await ask("Sultra selain tahu bikin apa?")).text).toContain("tempe");
    // A place the question names stays: the report says more of its field than the product's name.
    expect((await ask("Per the JICA report, what does Tegal make besides metalwork?")).text).toContain(
      "ship components",
    );
  });

  it("leaves the other considerations", async () => {
    const reply = await ask("Pertimbangan pemilihan daerah selain sumber dukungan apa saja?");
    expectOnly(reply, ["tema strategis", "tema afirmatif"], ["Sumber dukungan:"]);
  });

  it("is set aside from what the chat just asked, or from the group of what it just named", async () => {
    expectOnly(
      await ask("selain sumut?", "provinsi 2013 apa aja?"),
      ["Jawa Tengah", "Sulawesi Tengah", "Jawa Timur", "Kalimantan Barat"],
      ["Sumatera Utara"],
    );
    expectOnly(
      await ask("kalau selain sulteng?", "Sulawesi Tengah ikut sejak 2013?"),
      ["Sumatera Utara", "Jawa Tengah", "Kalimantan Barat"],
      ["Sulawesi Tengah:"],
    );
    expect((await ask("selain cokelat?", "sulteng produknya apa?")).text).toContain("rotan");
  });

  it("says when nothing is left, and that the sources don't name what they leave unnamed", async () => {
    const none = await ask("Provinsi 2013 di Sulawesi selain Sulawesi Tengah ada lagi?");
    expect(none.text).toMatch(/^Tidak ada yang lain/);
    expect(none.text).toContain("Sulawesi Tengah");
    // Palu "and the surrounding regencies": the others are there, unnamed.
    expect((await ask("Selain Palu, kabupaten mana saja di Sulteng yang ikut?")).kind).toBe("fallback");
  });

  it("read from a clause opening the message, frames the question after it", async () => {
    const later = await ask("Selain lima provinsi 2017 itu, provinsi mana yang bergabung tahun 2018?");
    expect(later.kind).toBe("fallback");
    expect(later.text).toContain("2018");
    // (Unless it names a fact the question asks more of.)
    expect(
      (await ask("Besides spreading the cluster concept, who gets placed in the regions?")).text,
    ).toContain("facilitator");
  });

  it("asked 'who else' of regions, asks which others", async () => {
    const reply = await ask("selain Sulsel siapa lagi?", "Sulsel target awal program lanjutan bukan?");
    expect(reply.kind).toBe("answer");
    expectOnly(reply, ["Jawa Timur", "Papua"], ["Sulawesi Selatan:"]);
  });

  it("of a consideration, by what it holds, asks the rest of it; by its name, the others", async () => {
    expect((await ask("Besides the state budget, where else can support come from?")).text).toContain(
      "deconcentration",
    );
  });

  it("counts what is left, of the chat's last list too", async () => {
    const outside = await ask("and how many of them are outside Java?", "list all the phase-one provinces");
    expect(outside.text).toMatch(/^Three provinces: North Sumatra, Central Sulawesi and West Kalimantan/);
  });

  it("counts what is left", async () => {
    expect((await ask("How many 2017 provinces besides Papua?")).text).toMatch(/^Four provinces: /);
    expect((await ask("Berapa provinsi di luar Jawa yg ikut tahap awal 2013?")).text).toMatch(
      /^Tiga provinsi: Sumatera Utara, Sulawesi Tengah dan Kalimantan Barat/,
    );
  });
});

describe("the rest, asked after an answer", () => {
  it("is the other considerations, places or provinces of the group", async () => {
    const criteria = await ask(
      "yang lain apa?",
      "Salah satu pertimbangan pemilihan daerah itu sumber dukungan kan?",
    );
    expectOnly(criteria, ["tema strategis", "tema afirmatif"], ["Sumber dukungan:"]);
    expect(
      (await ask("the other city?", "Mojokerto is one of the East Java programme cities, right?")).text,
    ).toContain("Pasuruan");
    expectOnly(
      await ask("yang lainnya?", "Papua ikut yang tahun 2017 ya?"),
      ["Kepulauan Bangka Belitung", "Sulawesi Tenggara"],
      ["Papua:"],
    );
  });
});
