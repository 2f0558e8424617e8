import { describe, expect, it } from "vitest";
import { spellsOut } from "../src/answer/expansions.ts";

describe("spellsOut: whether a phrase is a short name's long form", () => {
  it.each<[string, string]>([
    ["jica", "Japan International Cooperation Agency"],
    ["kemenperin", "Kementerian Perindustrian"],
    ["ditjen", "Direktorat Jenderal"],
    ["ikm", "Industri Kecil dan Menengah"],
    ["moi", "Ministry of Industry"],
    ["pcr", "project completion report"],
  ])("%s is spelt out by %j", (short, phrase) => {
    expect(spellsOut(short, phrase)).toBe(true);
  });

  it.each<[string, string]>([
    ["unico", "UNICO International Corporation"],
    ["kri", "KRI International Corp."],
    ["kri", "konsultan"],
    ["jica", "Japan Agency"],
    ["sme", "small and medium industry"],
  ])("%s is not spelt out by %j", (short, phrase) => {
    expect(spellsOut(short, phrase)).toBe(false);
  });
});
