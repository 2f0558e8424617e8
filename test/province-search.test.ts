import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../src/answer/engine.ts";
import {
  MAX_QUERY_CHARS,
  type ProvinceSearch,
  type ProvinceSearchResult,
  provinceSearch,
} from "../src/answer/province-search.ts";
import { testEngine } from "./support/app.ts";

let engine: AnswerEngine;
let search: ProvinceSearch;
beforeAll(async () => {
  engine = await testEngine();
  search = provinceSearch(engine);
});

/** Hits as short strings: "jatim.1" for an entry, "a:11" for a region outside the programme. */
function hits(result: ProvinceSearchResult): string[] {
  return result.hits.map((h) => (h.kind === "entry" ? `${h.province}.${h.entry}` : `a:${h.code}`));
}

const ALL = [
  "sumut.0",
  "jateng.0",
  "sulteng.0",
  "jatim.0",
  "jatim.1",
  "kalbar.0",
  "babel.0",
  "sultra.0",
  "sulsel.0",
  "papua.0",
];

describe("finding programme entries by what people type", () => {
  it.each([
    // names, English names, abbreviations
    ["sulsel", "exact", ["sulsel.0"]],
    ["south sulawesi", "exact", ["sulsel.0"]],
    ["Sulawesi-Selatan", "exact", ["sulsel.0"]],
    ["jatim", "exact", ["jatim.0", "jatim.1"]],
    ["east java", "exact", ["jatim.0", "jatim.1"]],
    // typos
    ["sulawsi selatan", "exact", ["sulsel.0"]],
    ["papau", "exact", ["papua.0"]],
    ["mojokrto", "exact", ["jatim.0"]],
    // regencies and cities
    ["dogiyai", "exact", ["papua.0"]],
    ["makassar", "exact", ["sulsel.0"]],
    ["kab dogiyai", "exact", ["papua.0"]],
    // products, in either language
    ["kopi", "exact", ["papua.0"]],
    ["coffee", "exact", ["papua.0"]],
    ["ulos", "exact", ["sumut.0"]],
    ["tempe", "exact", ["sultra.0"]],
    // several words narrow down, or add up when they have nothing in common
    ["jatim kapal", "exact", ["jatim.1"]],
    ["kopi papua", "exact", ["papua.0"]],
    ["jatim 2013", "exact", ["jatim.0"]],
    ["sulsel jatim", "exact", ["jatim.0", "jatim.1", "sulsel.0"]],
    // question words around a name
    ["produk sulsel apa?", "exact", ["sulsel.0"]],
    ["<b>kopi</b>", "exact", ["papua.0"]],
  ])("%j → %s %j", (query, method, expected) => {
    const result = search.search(query);
    expect(result.method).toBe(method);
    expect(hits(result)).toEqual(expected);
  });
});

describe("words still being typed", () => {
  it.each([
    ["sula", ["sulteng.0", "sultra.0", "sulsel.0"]],
    ["kalim", ["kalbar.0"]],
    ["dogi", ["papua.0"]],
    ["maka", ["sulsel.0"]],
    ["samo", ["sumut.0"]],
    ["south sula", ["sultra.0", "sulsel.0"]],
  ])("%j → %j by word beginnings", (query, expected) => {
    const result = search.search(query);
    expect(result.method).toBe("prefix");
    expect(hits(result)).toEqual(expected);
  });

  it("reads a half-typed word with a typo fuzzily", () => {
    const result = search.search("sulwe");
    expect(result.method).toBe("fuzzy");
    expect(hits(result).sort()).toEqual(["sulsel.0", "sulteng.0", "sultra.0"]);
  });
});

describe("regions outside the programme", () => {
  it.each([
    ["aceh", ["a:11"]],
    ["bali", ["a:51"]],
    ["jawa barat", ["a:32"]],
    ["surabaya", ["a:35.78"]],
    // Papua Tengah holds Dogiyai today: its card says so.
    ["papua tengah", ["a:94"]],
  ])("%j → one card %j", (query, expected) => {
    const result = search.search(query);
    expect(result.method).toBe("area");
    expect(hits(result)).toEqual(expected);
  });

  it("gives one card for a name that is both a regency and a city", () => {
    expect(search.search("bandung").hits).toHaveLength(1);
  });

  it("adds the region's card after the programme's when both are named", () => {
    expect(hits(search.search("aceh kopi"))).toEqual(["papua.0", "a:11"]);
  });
});

describe("every province, or none", () => {
  it.each([[""], ["   "], ["🙂"], ["produk"], ["apa"]])("%j lists every entry", (query) => {
    const result = search.search(query);
    expect(result.method).toBe("all");
    expect(hits(result)).toEqual(ALL);
  });

  it.each([
    ["tahap pertama", ["sumut.0", "jateng.0", "sulteng.0", "jatim.0", "kalbar.0"]],
    ["2017", ["jatim.1", "babel.0", "sultra.0", "sulsel.0", "papua.0"]],
  ])("%j lists the entries of that phase", (query, expected) => {
    expect(hits(search.search(query))).toEqual(expected);
  });

  it.each([["zzzz"], ["jica"], ["kriteria"], ["halo"], ["コーヒー"], ["qwxv plmk"]])(
    "%j finds nothing (the chat answers it instead)",
    (query) => {
      expect(search.search(query)).toEqual({ method: "none", hits: [] });
    },
  );

  it("survives long noise in any script", () => {
    const noise = "ẞ😀<>&\"'%$#@!~`|\\\u0000\u202e日本語 كلمة zzqx ".repeat(20).slice(0, MAX_QUERY_CHARS);
    const result = search.search(noise);
    expect(result.hits.length).toBeLessThanOrEqual(50);
    expect(() => search.search(noise.repeat(10))).not.toThrow();
  });
});

describe("one search per engine", () => {
  it("is built once per engine and reused", () => {
    expect(provinceSearch(engine)).toBe(search);
  });
});
