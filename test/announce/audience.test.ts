import { describe, expect, it } from "vitest";
import {
  inAudience,
  matchProvinces,
  parseAudience,
  type Subscriber,
  textLang,
} from "../../src/announce/audience.ts";
import { testEngine } from "../support/app.ts";

const group = (over: Partial<Subscriber> = {}): Subscriber => ({
  chatId: -1,
  language: undefined,
  provinces: [],
  ...over,
});

describe("who is in an audience", () => {
  it.each([
    ["all subscribed groups", { kind: "all" } as const, group(), true],
    [
      "a group of a chosen province",
      { kind: "provinces", provinces: ["papua"] } as const,
      group({ provinces: ["jatim", "papua"] }),
      true,
    ],
    [
      "a group of another province",
      { kind: "provinces", provinces: ["papua"] } as const,
      group({ provinces: ["jatim"] }),
      false,
    ],
    ["a group tied to no province", { kind: "provinces", provinces: ["papua"] } as const, group(), false],
    [
      "an English group, English audience",
      { kind: "lang", lang: "en" } as const,
      group({ language: "en" }),
      true,
    ],
    ["a group without a language reads Indonesian", { kind: "lang", lang: "id" } as const, group(), true],
    ["a group without a language is not English", { kind: "lang", lang: "en" } as const, group(), false],
  ])("%s", (_name, audience, g, expected) => {
    expect(inAudience(audience, g)).toBe(expected);
  });

  it("reads back only well-formed audiences", () => {
    expect(parseAudience('{"kind":"provinces","provinces":["papua"]}')).toEqual({
      kind: "provinces",
      provinces: ["papua"],
    });
    expect(parseAudience('{"kind":"lang","lang":"fr"}')).toBeUndefined();
    expect(parseAudience("not json")).toBeUndefined();
  });
});

describe("which version a group reads", () => {
  it("its own language when written, else the only one there is", () => {
    expect(textLang({ id: "a", en: "b" }, "en")).toBe("en");
    expect(textLang({ id: "a", en: "b" }, undefined)).toBe("id");
    expect(textLang({ id: "a" }, "en")).toBe("id");
    expect(textLang({ en: "b" }, "id")).toBe("en");
  });
});

describe("province names typed after /province", () => {
  it.each([
    ["Papua", ["papua"], []],
    ["papua, Jawa Timur", ["papua", "jatim"], []],
    ["sulsel dan jatim", ["sulsel", "jatim"], []],
    ["East Java and South Sulawesi", ["jatim", "sulsel"], []],
    ["Provinsi Papua; papua", ["papua"], []],
    ["Papua, Atlantis", ["papua"], ["Atlantis"]],
    ["Bali", [], ["Bali"]],
  ])("%s", async (input, ids, unknown) => {
    const engine = await testEngine();
    expect(matchProvinces(input, engine.knowledge.provinces)).toEqual({ ids, unknown });
  });
});
