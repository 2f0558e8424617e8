import { describe, expect, it } from "vitest";
import { otherPartiesIn } from "../src/answer/other-parties.ts";
import { askAfter as ask } from "./support/app.ts";

describe("another organisation named where the programme's own belongs", () => {
  it.each<[string, string, string]>([
    ["Program JETRO dan Kemenperin buat IKM itu mulai tahun berapa?", "bukan JETRO", "2013"],
    [
      "Ini kerja sama IKM sama JICA atau JETRO sih?",
      "Japan International Cooperation Agency (JICA), bukan JETRO",
      "JICA",
    ],
    [
      "Ini programnya Kemenkop UKM atau Kemenperin?",
      "Kementerian Perindustrian (Kemenperin), bukan Kemenkop UKM",
      "Ditjen IKM",
    ],
    [
      "The Japanese embassy's coffee project in Papua is in which regency?",
      "not Japanese embassy",
      "Dogiyai",
    ],
    ["Kemenkop UKM-JICA di Sulteng produknya apa aja?", "bukan Kemenkop UKM", "rotan"],
  ])("%j is answered, correcting the name", async (question, note, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text.split("\n")[0]).toContain(note);
    expect(reply.text).toContain(fact);
  });

  it("says no 'yes' to a statement built on the other organisation", async () => {
    const reply = await ask(
      "Was the Japanese embassy the partner of Kemenperin for the SMI project that started in 2013?",
    );
    expect(reply.text).toMatch(
      /^The sources name Japan International Cooperation Agency \(JICA\), not Japanese embassy\./,
    );
    expect(reply.text).not.toContain("Yes");
  });

  it.each([
    "Apa itu JETRO?",
    "What does JETRO do for Indonesian exporters?",
    "JBIC itu lembaga apa sih?",
    "Berapa dana dari JBIC ke program ini?",
    "Program Kemenkop UKM utk UMKM apa aja?",
  ])("does not answer %j, about the other organisation itself", async (question) => {
    expect((await ask(question)).kind).toBe("fallback");
  });

  it("finds the names as written, ties them to the programme by the words beside them", () => {
    const parties = new Map([
      ["jetro", "JP"],
      ["kemenkop ukm", "ID"],
    ]);
    const attaching = new Set(["program", "jica"]);
    expect(otherPartiesIn("Program JETRO di Sulsel?", parties, attaching)).toEqual({
      found: [{ name: "JETRO", country: "JP" }],
      rest: "Program   di Sulsel?",
      attached: true,
    });
    expect(otherPartiesIn("Apa itu JETRO?", parties, attaching)?.attached).toBe(false);
    expect(otherPartiesIn("Kemenkop-UKM's JICA project", parties, attaching)?.found).toEqual([
      { name: "Kemenkop-UKM", country: "ID" },
    ]);
    expect(otherPartiesIn("Produk Sulsel apa?", parties, attaching)).toBeUndefined();
  });

  it("names the programme's own for each country, keeps a verdict on a statement", async () => {
    const both = await ask("Program Kemendag dan JETRO buat IKM itu mulai tahun berapa?");
    expect(both.text.split("\n")[0]).toBe(
      "Sumber menyebut Kementerian Perindustrian (Kemenperin), bukan Kemendag. Sumber menyebut Japan International Cooperation Agency (JICA), bukan JETRO.",
    );
    const heard = await ask("Saya dengar dari JETRO kalau ulos dari Sumut, benar?");
    expect(heard.text.split("\n")[0]).toBe("Ya, benar.");
    expect((await ask("Is JICA different from JETRO?")).text).not.toContain("bukan JETRO");
  });
});
