import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Areas, loadAreas } from "../src/knowledge/areas.ts";
import { type Knowledge, KnowledgeError, loadKnowledge, parseKnowledge } from "../src/knowledge/load.ts";

const FILE = "knowledge/programme.yaml";

interface Setup {
  areas: Areas;
  /** The real file's text. */
  text: string;
  /** The real file, loaded. */
  knowledge: Knowledge;
  /** Where a province sits in the file, by id: messages name it by position. */
  provinceAt: (id: string) => number;
}

let shared: Promise<Setup> | undefined;

/** Loads the regions and the real knowledge file once for every test of this file. */
function setup(): Promise<Setup> {
  shared ??= (async () => {
    const areas = await loadAreas();
    const text = readFileSync(FILE, "utf8");
    const knowledge = loadKnowledge(FILE, areas);
    const provinceAt = (id: string) => {
      const i = knowledge.provinces.findIndex((p) => p.id === id);
      if (i < 0) throw new Error(`no province "${id}" in ${FILE}`);
      return i;
    };
    return { areas, text, knowledge, provinceAt };
  })();
  return shared;
}

/** The real text with one passage changed; fails if the passage is not there exactly once. */
function breakText(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`"${from}" must occur exactly once in ${FILE} for this test to mean anything`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The message of the `KnowledgeError` that parsing `text` throws. */
function problemOf(text: string, areas: Areas, file = FILE): string {
  try {
    const { lexicon, regions } = loadKnowledge(FILE, areas);
    parseKnowledge(text, file, areas, { lexicon, regions });
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return (err as Error).message;
  }
  throw new Error("the broken copy loaded without an error");
}

const temp = mkdtempSync(join(tmpdir(), "tanya-ikm-knowledge-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
// The lexicon and the regions are loaded from beside the knowledge file.
for (const companion of ["lexicon.yaml", "regions.yaml"])
  copyFileSync(`knowledge/${companion}`, join(temp, companion));

describe("the real knowledge file", () => {
  it("loads, with the file name and the load time", async () => {
    const { knowledge } = await setup();
    expect(knowledge.file).toBe(FILE);
    expect(knowledge.loadedAt).toBeGreaterThan(0);
    expect(knowledge.provinces.length).toBeGreaterThan(0);
  });

  it("holds Jawa Timur twice: footwear in the first phase, ship components among the 2017 provinces", async () => {
    const { knowledge } = await setup();
    const jatim = knowledge.provinces.find((p) => p.id === "jatim");
    expect(jatim?.entries.map((e) => [e.cohort, e.product])).toEqual([
      ["first-phase", "footwear"],
      ["ready-2017", "ship-metal"],
    ]);
  });

  it("cites only sources it defines", async () => {
    const { knowledge } = await setup();
    const cited = [
      ...Object.values(knowledge.programme).flatMap((a) => ("sources" in a ? a.sources : [])),
      ...knowledge.provinces.flatMap((p) => p.entries.flatMap((e) => [...e.sources, ...e.place.sources])),
      ...knowledge.selection.criteria.flatMap((c) => c.sources),
      ...knowledge.cohorts.flatMap((c) => [...c.sources, ...(c.period?.sources ?? [])]),
    ];
    for (const key of cited) expect(Object.keys(knowledge.sources)).toContain(key);
  });
});

/** The 1-based line of the first occurrence of `passage` in `text`. */
function lineOf(text: string, passage: string): number {
  const at = text.indexOf(passage);
  if (at < 0) throw new Error(`"${passage}" is not in the text`);
  return text.slice(0, at).split("\n").length;
}

describe("a broken copy of the knowledge file names the file, the line, the entry and the problem", () => {
  // The one message written out in full; the others compute the line, so that adding a topic or
  // a province to the file does not break them.
  it("a missing English text", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "name: { id: Jawa Timur, en: East Java }", "name: { id: Jawa Timur }");
    const line = lineOf(broken, "name: { id: Jawa Timur }");
    expect(problemOf(broken, areas)).toBe(`${FILE}:${line}:5: provinces → Jawa Timur: English name missing`);
  });

  it("an unknown source key", async () => {
    const { text, areas } = await setup();
    const broken = breakText(
      text,
      "sources: [bisnis-2017, jica-pcr-2016]\n",
      "sources: [bisnis-2017, nope-2020]\n",
    );
    expect(problemOf(broken, areas)).toMatch(
      new RegExp(
        `^${FILE}:${lineOf(broken, "nope-2020")}:\\d+: programme → name: unknown source "nope-2020"$`,
      ),
    );
  });

  it("an unknown group a source covers", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "covers: first-phase", "covers: third-phase");
    expect(problemOf(broken, areas)).toBe(
      `${FILE}:${lineOf(broken, "covers: third-phase")}:5: sources → jica-pcr-2016: unknown cohort "third-phase"`,
    );
  });

  it("an aim stated by an organisation the file doesn't place in a country", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "stated_by: kemenperin", "stated_by: consultants");
    expect(problemOf(broken, areas)).toMatch(
      new RegExp(
        `^${FILE}:${lineOf(broken, "stated_by: consultants")}:\\d+: programme → aim: "consultants" is no organisation with a country$`,
      ),
    );
  });

  it("an organisation placed in a country the cooperation is not between", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "country: JP", "country: KR");
    expect(problemOf(broken, areas)).toMatch(
      /: organisations → .*: "KR" is not one of programme\.countries$/,
    );
  });

  it("an unknown product id, in the entry named by its province", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "product: pewter", "product: tin-cans");
    expect(problemOf(broken, areas)).toBe(
      `${FILE}:${lineOf(broken, "product: tin-cans")}:9: provinces → Kepulauan Bangka Belitung → entries #1: unknown product "tin-cans"`,
    );
  });

  it("an unknown regency code", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, 'area: "74.05"', 'area: "74.99"');
    const said = problemOf(broken, areas);
    expect(said).toContain(`${FILE}:${lineOf(broken, 'area: "74.99"')}:`);
    expect(said).toMatch(/→ entries #1 → place: unknown regency code "74\.99"$/);
  });

  it("an unknown province code", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, 'area: "72"\n', 'area: "99"\n');
    expect(problemOf(broken, areas)).toMatch(/: provinces → Sulawesi Tengah: unknown province code "99"$/);
  });

  it("a duplicate id", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "  - id: jateng\n", "  - id: sumut\n");
    expect(problemOf(broken, areas)).toMatch(/: provinces → Jawa Tengah: duplicate id "sumut"$/);
  });

  it("a key the schema does not know, and a misspelt one named with the key meant", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "  - id: papua\n", "  - id: papua\n    colour: red\n");
    expect(problemOf(broken, areas)).toMatch(
      new RegExp(
        `^${FILE}:${lineOf(broken, "colour: red")}:5: provinces → Papua: unknown key "colour" \\(keys here: id, area, name, .*\\)$`,
      ),
    );
    const misspelt = breakText(
      text,
      "name: { id: Jawa Timur, en: East Java }",
      "nama: { id: Jawa Timur, en: East Java }",
    );
    expect(problemOf(misspelt, areas)).toBe(
      `${FILE}:${lineOf(misspelt, "nama:")}:5: provinces → jatim: unknown key "nama" — did you mean "name"?`,
    );
  });

  it("every problem, not only the first, each on its line", async () => {
    const { text, areas } = await setup();
    let broken = breakText(text, "name: { id: Jawa Timur, en: East Java }", "name: { id: Jawa Timur }");
    broken = breakText(broken, "  - id: papua\n", "  - id: papua\n    colour: red\n");
    broken = breakText(broken, "publisher: Tempo.co", 'publisher: ""');
    const lines = problemOf(broken, areas).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => Number(l.split(":")[1]))).toEqual(
      [
        lineOf(broken, 'publisher: ""'),
        lineOf(broken, "name: { id: Jawa Timur }"),
        lineOf(broken, "colour: red"),
      ].sort((a, b) => a - b),
    );
    expect(lines.join("\n")).toMatch(/publisher is empty$/m);
  });

  it("a value of the wrong kind, in plain words", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "product: pewter", "product: 42");
    expect(problemOf(broken, areas)).toMatch(/→ entries #1: product must be text, not a number \("42"\)$/);
  });

  it("invalid YAML, by line and column, the location said once", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, 'area: "91"', 'area: "91');
    const line = lineOf(text, 'area: "91"');
    expect(problemOf(broken, areas)).toBe(`${FILE}:${line}:14: not valid YAML: Missing closing "quote`);
  });

  it("a broken file on disk is named by the path it was loaded from", async () => {
    const { text, areas } = await setup();
    const file = join(temp, "programme.yaml");
    const broken = breakText(text, "name: { id: Jawa Timur, en: East Java }", "name: { id: Jawa Timur }");
    writeFileSync(file, broken);
    expect(() => loadKnowledge(file, areas)).toThrow(
      `${file}:${lineOf(broken, "name: { id: Jawa Timur }")}:5: provinces → Jawa Timur: English name missing`,
    );
  });
});

describe("a knowledge file that cannot be read", () => {
  it.each([
    ["a file that does not exist", () => join(temp, "missing.yaml"), "ENOENT"],
    ["a folder", () => temp, "EISDIR"],
  ])("%s", async (_, path, code) => {
    const { areas } = await setup();
    const file = path();
    expect(() => loadKnowledge(file, areas)).toThrow(`${file}: cannot be read (${code})`);
    expect(() => loadKnowledge(file, areas)).toThrow(KnowledgeError);
  });
});

describe("the lexicon and the regions, loaded with the knowledge", () => {
  it("a lexicon with a mistake is named by its file and path", async () => {
    const { areas, text } = await setup();
    const dir = mkdtempSync(join(temp, "lexicon-"));
    writeFileSync(join(dir, "programme.yaml"), text);
    copyFileSync("knowledge/regions.yaml", join(dir, "regions.yaml"));
    const lexicon = readFileSync("knowledge/lexicon.yaml", "utf8").replace(
      "    id: [apa, apakah",
      "    id: [Apa!, apakah",
    );
    writeFileSync(join(dir, "lexicon.yaml"), lexicon);
    const file = join(dir, "lexicon.yaml");
    expect(() => loadKnowledge(join(dir, "programme.yaml"), areas)).toThrow(
      new RegExp(
        `^${file}:${lineOf(lexicon, "Apa!")}:\\d+: cues → what: id #1 "Apa!" is not in the right form: lower-case letters, digits and spaces only$`,
      ),
    );
  });

  it("an island on a province code that does not exist is named", async () => {
    const { areas, text } = await setup();
    const dir = mkdtempSync(join(temp, "regions-"));
    writeFileSync(join(dir, "programme.yaml"), text);
    copyFileSync("knowledge/lexicon.yaml", join(dir, "lexicon.yaml"));
    const regions = readFileSync("knowledge/regions.yaml", "utf8").replace(
      'provinces: ["51"]',
      'provinces: ["59"]',
    );
    writeFileSync(join(dir, "regions.yaml"), regions);
    expect(() => loadKnowledge(join(dir, "programme.yaml"), areas)).toThrow(
      /regions\.yaml: islands\[\d+\]\.provinces\[0\]: unknown province code "59"/,
    );
  });

  it("a programme place with no position on the map is named where the knowledge gives it", async () => {
    const { areas, text } = await setup();
    const dir = mkdtempSync(join(temp, "positions-"));
    writeFileSync(join(dir, "programme.yaml"), text);
    copyFileSync("knowledge/lexicon.yaml", join(dir, "lexicon.yaml"));
    const regions = readFileSync("knowledge/regions.yaml", "utf8").replace(/^ {2}"94\.06": .*\n/m, "");
    writeFileSync(join(dir, "regions.yaml"), regions);
    const file = join(dir, "programme.yaml");
    expect(() => loadKnowledge(file, areas)).toThrow(
      new RegExp(
        `^${file}:${lineOf(text, '"94.06"')}:\\d+: .*no position for region "94\\.06" in regions\\.yaml`,
        "m",
      ),
    );
  });
});
