import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("a disagreement put to the bot", () => {
  it.each<[string, string, string, string]>([
    // question, the side the facts bear out, a fact of it, a fact the reply must not give as the answer
    [
      "Teman saya bilang ulos itu dari Sumut, saya bilang dari Sulsel, siapa yang benar?",
      "Sumut",
      "Samosir",
      "Gati",
    ],
    [
      "Bos saya bilang program ini mulai 2013, rekan saya bilang 2017. Siapa yang benar?",
      "2013",
      "sejak 2013",
      "Gati",
    ],
    [
      "My boss says the programme started in 2013, my colleague says 2017 — who is right?",
      "2013",
      "since 2013",
      "Not quite",
    ],
    [
      "Tofu and tempeh: South Konawe (me) or Dogiyai (my friend)? Who's right?",
      "South Konawe",
      "Southeast Sulawesi",
      "coffee",
    ],
    [
      "Cokelat dan rotan: kata dosen saya Sulteng, kata teman saya Sultra. Siapa yang benar?",
      "Sulteng",
      "Palu",
      "tempe",
    ],
  ])("%j names the side the sources bear out", async (question, side, fact, not) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text.split("\n")[0]).toContain(side);
    expect(reply.text).toContain(fact);
    expect(reply.text).not.toContain(not);
  });

  it("says when each side is right, and gives the facts of each", async () => {
    const reply = await ask("Di tahap 2013 ada Sumut kata saya, ada Sulteng kata teman. Siapa yang benar?");
    expect(reply.text.split("\n")[0]).toBe("Semuanya sesuai sumber.");
    expect(reply.text).toContain("Sumatera Utara");
    expect(reply.text).toContain("Sulawesi Tengah");
  });

  it("says when neither is, then what the sources say", async () => {
    const reply = await ask(
      "Teman bilang tenun ulos itu dari Sulsel, saya bilang dari Papua. Siapa yang benar?",
    );
    expect(reply.text.split("\n")[0]).toMatch(/tidak ada yang tepat/);
    expect(reply.text).toContain("Sumatera Utara");
  });

  it("answers a side given as one choice of two", async () => {
    const reply = await ask("Sulteng produknya cokelat atau tempe? Teman saya bilang tempe.");
    expect(reply.text).toContain("cokelat");
    expect(reply.text.split("\n")[0]).not.toContain("tempe");
  });

  it("settles whether a region takes part by its membership, and a dispute the sources can't settle is not answered", async () => {
    const outside = await ask(
      "Ada yg bilang Maluku ikut program ini, ada yg bilang tidak. Mana yg bener min?",
    );
    expect(outside.kind).toBe("not_in_programme");
    expect(outside.text).toContain("Maluku");
    const budget = await ask("Teman bilang anggarannya 5 miliar, saya bilang 10 miliar. Siapa benar?");
    expect(budget.kind).toBe("fallback");
    const grant = await ask("Teman bilang JICA kasih hibah uang, saya bilang pinjaman. Yang bener yg mana?");
    expect(grant.kind).toBe("fallback");
  });

  it("leaves a message with one voice and no choice as it was", async () => {
    const reply = await ask("Gita Wibawaningsih, the DG? or am I mixing names up?");
    expect(reply.text).toContain("Gati Wibawaningsih");
    const said = await ask("Gati bilang pemerintah pusat melibatkan siapa?");
    expect(said.text).toMatch(/pemerintah daerah/);
  });

  it("settles a disagreement told over two messages", async () => {
    const year = await ask("My colleague says 2017. Who is right?", [
      "My boss says the Kemenperin–JICA programme started in 2013.",
    ]);
    expect(year.text.split("\n")[0]).toBe("The sources bear out 2013.");
    const place = await ask("Saya bilang Dogiyai. Siapa yg bener?", [
      "Teman saya bilang kopi Papua di program ini ada di Kabupaten Konawe Selatan.",
    ]);
    expect(place.text.split("\n")[0]).toBe("Yang sesuai sumber: Dogiyai.");
    // (A message after a claim that takes no side is asked as it is.)
    const next = await ask("produk sulsel apa?", ["Teman saya bilang kopi Papua ada di Konawe Selatan."]);
    expect(next.text).toMatch(/^Sulawesi Selatan: kerajinan perak/);
  });

  it("checks a product put at a place there, not in the province named beside it", async () => {
    const reply = await ask("Kopi Papua ada di Konawe Selatan, bener?");
    expect(reply.text.split("\n")[0]).toBe("Tidak tepat. Menurut sumber:");
  });

  it("answers plainly what it cannot weigh side by side", async () => {
    // Lists on each side, more sides than are checked, sides that differ in two things.
    const lists = await ask(
      "Teman saya bilang target awal Papua, Sulsel, dan Jatim, saya bilang Papua, Sulsel, dan Sultra. Siapa yang benar?",
    );
    expect(lists.text).not.toMatch(/^Semuanya sesuai sumber/);
    expect(lists.text).toContain("Jawa Timur");
    const four = await ask(
      "Teman bilang ulos dari Papua, adik bilang Sulsel, ayah bilang Jatim, saya bilang Sumut. Siapa yang benar?",
    );
    expect(four.text).not.toContain("tidak ada yang tepat");
    expect(four.text).toContain("Sumatera Utara");
    const two = await ask(
      "Teman bilang ulos dari Sumut tahun 2013, saya bilang kopi dari Papua tahun 2017, siapa yang benar?",
    );
    expect(two.text).not.toContain("tidak ada yang tepat");
  });

  it("takes no side for a voice that names none of a choice's sides", async () => {
    const reply = await ask("My teacher says JICA is Japanese. Is Papua or Maluku in the programme?");
    expect(reply.text).toContain("Maluku is not part of the programme");
    const after = await ask("Kata saya Papua ikut tahap pertama. Benar?", [
      "Sulsel atau Sultra yang bikin tahu?",
    ]);
    expect(after.text.split("\n")[0]).toBe("Tidak tepat. Menurut sumber:");
  });

  it("checks each of two products with the region said with it", async () => {
    expect((await ask("Papua bikin kopi dan Makassar bikin perak kan?")).text).toMatch(/^Ya, benar\./);
  });

  it("says no 'yes' to what is claimed of a product rightly placed, exporting", async () => {
    for (const question of [
      "Apakah Samosir ekspor ulos ke Jepang?",
      "Do Dogiyai people export coffee to Japan?",
    ]) {
      const reply = await ask(question);
      expect(reply.text).not.toMatch(/^(Ya, benar|Yes, that's right)/);
    }
  });

  it("settles whether a region takes part by its membership, an island's too", async () => {
    const member = await ask("Teman bilang Papua ikut program, saya bilang Maluku ikut. Siapa yang benar?");
    expect(member.text.split("\n")[0]).toBe("Yang sesuai sumber: Papua.");
    const island = await ask("My friend says Bali is in the programme, I say Papua. Who is right?");
    expect(island.text.split("\n")[0]).toBe("The sources bear out Papua.");
    const product = await ask("Teman bilang ulos dari Sumut, saya bilang dari Bali. Siapa yang benar?");
    expect(product.text.split("\n")[0]).toBe("Yang sesuai sumber: Sumut.");
  });
});
