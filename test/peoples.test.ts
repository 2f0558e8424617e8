import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("a region named by its people", () => {
  it.each<[string, string]>([
    ["Orang Palu dapat program produk apa?", "cokelat"],
    ["Wong Tegal ikut dari tahun berapa?", "2013"],
    ["Arek Jatim dapet program apa aja?", "Mojokerto"],
    ["Warga Bangka Barat masuk provinsi apa?", "Kepulauan Bangka Belitung"],
    ["Orang Bugis dapat apa?", "perak"],
    ["What do Bugis people make in this programme?", "silver"],
    ["Orang Kaili kebagian komoditas apa aja?", "rotan"],
    ["Orang Tolaki tahun berapa ikut?", "2017"],
    ["Is there anything for the Batak in this programme?", "ulos"],
    ["Wong Jowo Tengah dapet apa?", "komponen logam"],
  ])("%j is answered of the region", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });

  it("says a people's region outside the programme is outside it", async () => {
    const reply = await ask("Orang Sunda dapat program apa?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Jawa Barat");
  });

  it("leaves a question about something else the sources don't know unanswered", async () => {
    expect((await ask("Kenapa warteg kebanyakan orang Tegal ya?")).kind).toBe("fallback");
    expect((await ask("How do you say 'good morning' in Javanese?")).kind).toBe("fallback");
    expect((await ask("Oke makasih min, berarti saya menang taruhan 😄")).kind).toBe("smalltalk");
  });

  it("takes the people of a region who ask for who asks, not what", async () => {
    const ikm = await ask("Anak Makassar nanya, IKM itu singkatan apa?");
    expect(ikm.text).toContain("Industri Kecil dan Menengah");
    expect(ikm.text).not.toContain("perak");
  });
});
