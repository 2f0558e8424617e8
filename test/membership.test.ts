import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerEngine } from "../src/answer/engine.ts";
import { isInProgramme, membershipOf } from "../src/answer/membership.ts";
import { testEngine } from "./support/app.ts";

// Membership has one truth: the region's official code. Whatever words name a programme province
// or place, in either language, the bot never says it is outside the programme; and no region
// outside it is ever presented as inside.

const ASKED = {
  id: (name: string) => [
    `Apakah ${name} termasuk program ini?`,
    `${name} ikut program IKM-JICA?`,
    `${name}?`,
  ],
  en: (name: string) => [
    `Is ${name} part of the programme?`,
    `Does ${name} take part in the programme?`,
    `${name}?`,
  ],
};
const SAYS_OUTSIDE = [
  "tidak termasuk program",
  "tidak termasuk tempat",
  "bukan salah satu",
  "sendiri tidak disebut",
  "not part of the programme",
  "not one of the places",
  "itself is not named",
];
const SAYS_INSIDE = /^(Ya|Yes)[,.]/;

/** Every way people name a programme province: its names, its terms, the official name with "Provinsi". */
function provinceNames(engine: AnswerEngine): Array<[string, string]> {
  return engine.knowledge.provinces.flatMap((p) => {
    const official = engine.areas.byCode.get(p.area)?.name ?? p.name.id;
    const names = [
      p.name.id,
      p.name.en,
      ...p.terms,
      official,
      `Provinsi ${official}`,
      `Provinsi ${p.name.id}`,
      `${p.name.en} Province`,
    ];
    return [...new Set(names)].map((name): [string, string] => [p.id, name]);
  });
}

/** Every way people name a programme place: as the sources write it, officially, and by its kind. */
function placeNames(engine: AnswerEngine): Array<[string, string]> {
  return engine.knowledge.provinces.flatMap((p) =>
    p.entries.flatMap((e) => {
      const official = engine.areas.byCode.get(e.place.area)?.name ?? e.place.name;
      const bare = official.replace(/^(Kabupaten|Kota) /, "");
      const forms = official.startsWith("Kota ")
        ? [`Kota ${bare}`, `${bare} City`]
        : [`Kabupaten ${bare}`, `Kab. ${bare}`, `${bare} Regency`];
      return [...new Set([e.place.name, e.place.en, official, bare, ...forms])].map(
        (name): [string, string] => [e.place.area, name],
      );
    }),
  );
}

describe("a programme province or place, in every form, both languages", () => {
  it("is never said to be outside the programme", async () => {
    const engine = await testEngine();
    const named = [...provinceNames(engine), ...placeNames(engine)];
    expect(named.length).toBeGreaterThan(60);
    for (const [, name] of named) {
      for (const question of [...ASKED.id(name), ...ASKED.en(name)]) {
        const reply = engine.ask(question);
        expect(reply.kind, question).toBe("answer");
        for (const phrase of SAYS_OUTSIDE) expect(reply.text.toLowerCase(), question).not.toContain(phrase);
      }
    }
  });

  it("Kabupaten Dogiyai, in Papua in 2017 and in Papua Tengah since 2022, is in under either province's name", async () => {
    const engine = await testEngine();
    for (const question of [
      "Apakah Papua Tengah termasuk program ini?",
      "Is Central Papua part of the programme?",
      "Dogiyai, Papua Tengah?",
    ]) {
      const reply = engine.ask(question);
      expect(reply.kind, question).toBe("answer");
      expect(reply.text, question).toContain("Dogiyai");
    }
  });
});

describe("a region outside the programme", () => {
  it("is never presented as inside (500 regions sampled, both languages)", async () => {
    const engine = await testEngine();
    const outside = [...engine.areas.provinces, ...engine.areas.regencies].filter((area) => {
      const m = membershipOf(area.code, engine.knowledge, engine.areas);
      return m !== undefined && isInProgramme(m) !== true;
    });
    expect(outside.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(
        fc.constantFrom(...outside),
        fc.constantFrom("id" as const, "en" as const),
        fc.nat(2),
        (area, lang, form) => {
          const question = ASKED[lang](area.name)[form] as string;
          const reply = engine.ask(question);
          expect(["not_in_programme", "fallback"], `${question} → ${reply.text}`).toContain(reply.kind);
          expect(reply.text, question).not.toMatch(SAYS_INSIDE);
        },
      ),
      { numRuns: 500, seed: 20261129 },
    );
  });
});

describe("a region by another name (an abbreviation, an old name, a nickname)", () => {
  it("is in or out of the programme as its official code says, in both languages", async () => {
    const engine = await testEngine();
    const checked = [...engine.knowledge.regions.otherNames].flatMap(([code, names]) => {
      const m = membershipOf(code, engine.knowledge, engine.areas);
      // (A province that holds a place by a later split, or a place's surroundings, is neither.)
      const plain = m !== undefined && m.status !== "holds" && m.status !== "surroundings";
      return plain ? names.map((name) => ({ name, inside: isInProgramme(m) === true })) : [];
    });
    expect(checked.length).toBeGreaterThan(100);
    for (const { name, inside } of checked)
      for (const lang of ["id", "en"] as const) {
        const question = ASKED[lang](name)[0] as string;
        const reply = engine.ask(question);
        if (inside)
          for (const phrase of SAYS_OUTSIDE)
            expect(reply.text, `${question} → ${reply.text}`).not.toContain(phrase);
        else expect(reply.text, `${question} → ${reply.text}`).not.toMatch(SAYS_INSIDE);
      }
    // "Bumi Cendrawasih" is Papua; "Kota Kembang" is Bandung, outside it.
    expect((await engine.ask("kalo yg di bumi cendrawasih bikin apa?")).text).toContain("Dogiyai");
    expect((await engine.ask("kota kembang masuk program kerjasama ini gak")).kind).toBe("not_in_programme");
  });
});

describe("a province named by its capital city", () => {
  it("is that province, in or out of the programme, in both languages; a capital asked of a province is not known", async () => {
    const engine: AnswerEngine = await testEngine();
    const medan = await engine.ask("Provinsi yang beribu kota Medan itu mengembangkan produk apa?");
    expect(medan.kind).toBe("answer");
    expect(medan.text).toContain("Sumatera Utara");
    expect(medan.text).toContain("ulos");
    // "ibu kotanya Kendari" reads as "ibu | kota Kendari" (the city's name) and still names a capital.
    expect((await engine.ask("Kalau provinsi yang ibu kotanya Kendari, produknya apa?")).text).toContain(
      "tempe",
    );
    const semarang = await engine.ask("What's made in the province whose capital is Semarang?");
    expect(semarang.text).toContain("Central Java");
    expect(semarang.text).toContain("Tegal");
    const bandung = await engine.ask("provinsi beribu kota Bandung ikut program?");
    expect(bandung.kind).toBe("not_in_programme");
    expect(bandung.text).toMatch(/^Jawa Barat tidak termasuk/);
    expect((await engine.ask("What's the capital of South Sulawesi?")).kind).toBe("fallback");
    expect((await engine.ask("apa ibukota sulsel")).kind).toBe("fallback");
  });
});

describe("a region outside, asked with a product", () => {
  it("is answered as outside when the question asks whether it takes part; a claim still puts the product right", async () => {
    const engine: AnswerEngine = await testEngine();
    const ntt = await engine.ask("Tenun ikat NTT ikut ga ya?");
    expect(ntt.kind).toBe("not_in_programme");
    expect(ntt.text).toMatch(/^NTT \(Nusa Tenggara Timur\) tidak termasuk/);
    expect((await engine.ask("Aceh masuk ga? kopi Gayo kan terkenal")).kind).toBe("not_in_programme");
    expect((await engine.ask("The coffee project is in Paniai, right?")).text).toMatch(
      /^Not quite\.[\s\S]*Dogiyai/,
    );
    // Why a region outside was chosen, or what was chosen for it: it was not.
    const chosen = await engine.ask("What product was chosen for East Nusa Tenggara?");
    expect(chosen.kind).toBe("not_in_programme");
    expect(chosen.text).not.toContain("considerations");
  });
});

describe("a region outside the programme, on an island where it works", () => {
  it("is answered with where the programme works on that island: the asker's next step", async () => {
    const engine = await testEngine();
    const papua = engine.ask("Papua Barat ikut?");
    expect(papua.kind).toBe("not_in_programme");
    expect(papua.text).toMatch(/Di pulau Papua, program ini ada di Kabupaten Dogiyai/);
    const kaltara = engine.ask("Is Kaltara in?");
    expect(kaltara.text).toMatch(
      /On the island of Kalimantan \(Borneo\), the programme works in Pontianak City \(West Kalimantan\) for/,
    );
    // Each place with its province and product, no brackets inside brackets.
    const sulut = engine.ask("Sulawesi Utara ikut?").text;
    expect(sulut).toMatch(/Kota Palu dan kabupaten di sekitarnya \(Sulawesi Tengah\) untuk produk agro \(/);
    expect(sulut).not.toMatch(/\([^()]*\(/);
    // The place named is cited: the JICA report names the programme's places.
    expect(kaltara.sources).toContain("jica-pcr-2016");
    // Regions named alike on one island (the province and the regency of Gorontalo), or several
    // on one island, get the line too.
    expect(engine.ask("Is Gorontalo in the programme?").text).toMatch(/On the island of Sulawesi/);
    expect(engine.ask("Aceh dan Sumatera Barat ikut?").text).toMatch(/Di pulau Sumatera, .*Samosir/);
    // An island without one says so, and no more.
    expect(engine.ask("Bali ikut?").text).not.toMatch(/Di pulau/);
  });

  it("is known by its name written as one word ('Pangkalpinang' for Kota Pangkal Pinang)", async () => {
    const reply = (await testEngine()).ask("Pangkalpinang ikut program?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toMatch(/Kabupaten Bangka Barat/);
    const capital = (await testEngine()).ask("provinsi yang beribukota Pangkalpinang produknya apa?");
    expect(capital.text).toMatch(/^Kepulauan Bangka Belitung: kerajinan pewter timah/);
    const governed = (await testEngine()).ask(
      "What does the programme develop in the province governed from Pangkalpinang?",
    );
    expect(governed.text).toMatch(/^Bangka Belitung Islands: tin pewter crafts/);
  });
});

describe("why a region outside the programme was not chosen", () => {
  it("the sources don't say: the reply says so, with the considerations they give (kind fallback)", async () => {
    const engine = await testEngine();
    for (const [question, said] of [
      ["Kenapa Bali gak dipilih?", "Sumber tidak menyebut mengapa Bali tidak dipilih."],
      ["Why wasn't Aceh chosen?", "The sources don't say why Aceh was not chosen."],
    ] as const) {
      const reply = engine.ask(question);
      expect(reply.kind, question).toBe("fallback");
      expect(reply.text, question).toContain(said);
      expect(reply.text, question).toMatch(/APBN/);
    }
    // Why it was chosen rests on a wrong premise: it is outside the programme.
    expect(engine.ask("Why was Maluku chosen for the programme?").kind).toBe("not_in_programme");
  });
});
