import { describe, expect, it } from "vitest";
import { respelt } from "../src/answer/normalise.ts";
import { askAfter as ask } from "./support/app.ts";

describe("a word in the spelling of before 1972", () => {
  it("is written as it is spelt today", () => {
    expect(respelt("pasoeroean")).toBe("pasuruan");
    expect(respelt("atjeh")).toBe("aceh");
    expect(respelt("djawa")).toBe("jawa");
    expect(respelt("soerabaja")).toBe("surabaya");
    expect(respelt("palu")).toBeUndefined();
  });

  it.each<[string, string]>([
    ["Pasoeroean (ejaan Belanda) — industri apa di program 2017?", "komponen kapal"],
    ["Di Djawa Tengah (ejaan lama) program ini bikin apa?", "komponen logam"],
    ["Paloe ejaan Belanda — produknya apa di program?", "rotan"],
  ])("%j is answered of the region it names", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });

  it("names a region outside the programme as well", async () => {
    const reply = await ask("Atjeh ikut program gak?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Aceh");
  });
});

describe("a region by an older, colonial or foreign name", () => {
  it.each<[string, string, string]>([
    ["Oost-Java tahun 2013 produknya apa?", "answer", "alas kaki"],
    [
      "Midden-Java, as the Dutch called it: what is the programme's product there?",
      "answer",
      "metal components",
    ],
    ["Batavia ikut program IKM ini?", "not_in_programme", "Jakarta"],
    ["East Borneo — is it in the programme?", "not_in_programme", "Kalimantan Timur"],
    ["Buitenzorg — is it in the programme?", "not_in_programme", "Bogor"],
  ])("%j", async (question, kind, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe(kind);
    expect(reply.text).toContain(fact);
  });
});

describe("what a message says around its question", () => {
  it("a country named for a time or a spelling is no party to the programme", async () => {
    const reply = await ask(
      "Jatim dulu zaman Belanda provinsi Oost-Java. Di 2017 industri apa yg masuk, di kota mana?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("Pasuruan");
    // A country asked about is still one the sources don't name, "called" or not.
    expect((await ask("Apakah Belanda ikut program ini?")).text).toContain("Belanda tidak disebut");
    expect((await ask("Is the programme a cooperation with the country called Korea?")).text).toContain(
      "don't mention Korea",
    );
    expect((await ask("Apakah mitra program ini Belanda masa itu?")).text).toContain("Belanda tidak disebut");
  });

  it("a year of a statement before the question dates nothing asked", async () => {
    const reply = await ask("Banten broke away from West Java in 2000. Is it included?");
    expect(reply.kind).toBe("not_in_programme");
    expect(reply.text).toContain("Banten");
    // Unless the question checks the statement.
    expect((await ask("I heard the Mojokerto cluster closed down in 2018. right?")).kind).toBe("fallback");
  });
});
