import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkYaml,
  describeProblem,
  formatProblem,
  KnowledgeError,
  type Problem,
} from "../src/knowledge/problems.ts";
import { nearest } from "../src/knowledge/schema-issues.ts";

// A schema that is not the knowledge file's: the module must work for any.
const schema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(["shop", "workshop"]).default("shop"),
    opened: z.union([z.string(), z.date()]).optional(),
    owners: z.record(
      z.string().regex(/^[a-z]+$/, "lower-case letters only"),
      z.object({ since: z.number() }).strict(),
    ),
    items: z
      .array(
        z
          .object({
            name: z.object({ id: z.string().min(1), en: z.string().min(1) }).strict(),
            price: z.number().int().min(0),
            tags: z.array(z.string().min(1)).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((s) => s.title !== "nothing", { error: "a title that says nothing" });

/** Every problem `text` has, as `line:column entry: words` in `lang`. */
function problems(text: string, lang: "en" | "id" = "en"): string[] {
  const checked = checkYaml(text, "shop.yaml", schema);
  if (checked.ok) return [];
  return checked.problems.map((p: Problem) => `${p.line}:${p.column} ${describeProblem(p, lang)}`);
}

const GOOD = `title: Toko Ulos
owners:
  siti: { since: 2015 }
items:
  - name: { id: Kain ulos, en: Ulos cloth }
    price: 250000
`;

describe("a file that is right", () => {
  it("gives the checked value", () => {
    const checked = checkYaml(GOOD, "shop.yaml", schema);
    expect(checked.ok && checked.value.kind).toBe("shop");
  });
});

describe("a file with mistakes lists each one where it is, by the entry's name", () => {
  it("a missing text in one language, named by the entry's name", () => {
    expect(problems(GOOD.replace(", en: Ulos cloth", ""))).toEqual([
      "5:5 items → Kain ulos: English name missing",
    ]);
  });

  it("says it in Indonesian too", () => {
    expect(problems(GOOD.replace(", en: Ulos cloth", ""), "id")).toEqual([
      "5:5 items → Kain ulos: name bahasa Inggris belum diisi",
    ]);
  });

  it("numbers an entry without a name", () => {
    expect(problems(GOOD.replace("name: { id: Kain ulos, en: Ulos cloth }", "nam: x"))).toEqual([
      '5:5 items #1: unknown key "nam" — did you mean "name"?',
    ]);
  });

  it("names the key of a map entry, and says a key's own form", () => {
    expect(problems(GOOD.replace("siti:", "Siti:"))).toEqual([
      '3:3 owners: the key "Siti" is not in the right form: lower-case letters only',
    ]);
  });

  it("a wrong kind of value, a value out of range, a value not among the allowed", () => {
    const text = `${GOOD.replace("price: 250000", "price: -5").replace("since: 2015", "since: soon")}kind: shopp\n`;
    expect(problems(text)).toEqual([
      '3:11 owners → siti: since must be a number, not text ("soon")',
      "6:5 items → Kain ulos: price must be at least 0, not -5",
      '7:1 kind "shopp" must be one of: shop, workshop — did you mean "shop"?',
    ]);
  });

  it("an empty text in a list, and a list that needs an item", () => {
    expect(problems(GOOD.replace("price: 250000", 'price: 1\n    tags: [kain, ""]'))).toEqual([
      "7:18 items → Kain ulos: tags #2 is empty",
    ]);
    expect(problems(GOOD.replace(/items:[\s\S]*/, "items: []\n"))).toEqual([
      "4:1 items needs at least 1 item",
    ]);
  });

  it("an unknown key far from any known one lists the keys allowed there", () => {
    expect(problems(`${GOOD}colour: red\n`)).toEqual([
      '7:1 unknown key "colour" (keys here: title, kind, opened, owners, items)',
    ]);
  });

  it("a misspelt key is one problem, not also the key it should have been", () => {
    expect(problems(GOOD.replace("title:", "titel:"))).toEqual([
      '1:1 unknown key "titel" — did you mean "title"?',
    ]);
  });

  it("a value matching none of a union's kinds", () => {
    expect(problems(`${GOOD}opened: [2015]\n`)).toEqual([
      "7:1 opened must be text or a date (2017-12-24), not a list (lines starting with “- ”)",
    ]);
  });

  it("passes a schema's own message on as it is", () => {
    expect(problems(GOOD.replace("Toko Ulos", "nothing"))).toEqual(["1:1 a title that says nothing"]);
  });

  it("every YAML syntax error, not only the first", () => {
    const found = problems("title: a\ntitle: b\nitems:\n\t- x\n");
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found[0]).toMatch(/^2:1 not valid YAML: Map keys must be unique/);
  });
});

describe("the error a caller throws", () => {
  it("lists every problem, one a line, as file:line:column: entry: problem", () => {
    const checked = checkYaml(
      GOOD.replace(", en: Ulos cloth", "").replace("price: 250000", "price: x"),
      "shop.yaml",
      schema,
    );
    if (checked.ok) throw new Error("expected problems");
    const error = new KnowledgeError("shop.yaml", checked.problems);
    expect(error.message).toBe(
      'shop.yaml:5:5: items → Kain ulos: English name missing\nshop.yaml:6:5: items → Kain ulos: price must be a number, not text ("x")',
    );
    expect(error.path).toBe("items[0].name.en");
    expect(error.problem).toBe("English name missing");
    expect(checked.problems.map((p) => formatProblem(p, "id"))[0]).toBe(
      "shop.yaml:5:5: items → Kain ulos: name bahasa Inggris belum diisi",
    );
  });

  it("still takes one problem as file, path and words", () => {
    const error = new KnowledgeError("lexicon.yaml", "cues.what.id", '"cuaca" is also an off_topic word');
    expect(error.message).toBe('lexicon.yaml: cues.what.id: "cuaca" is also an off_topic word');
    expect(describeProblem(error.problems[0] as Problem, "id")).toBe(
      'cues.what.id: "cuaca" is also an off_topic word',
    );
  });
});

describe("the key probably meant", () => {
  it.each([
    ["nama", ["id", "name", "terms"], "name"],
    ["provinsi", ["provinces", "products"], "provinces"],
    ["entires", ["entries", "terms"], "entries"],
    ["colour", ["id", "area", "name"], undefined],
  ])("%s among %j → %s", (word, candidates, expected) => {
    expect(nearest(word, candidates)).toBe(expected);
  });
});
