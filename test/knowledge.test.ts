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

describe("a broken copy of the knowledge file names the file, the path and the problem", () => {
  // The one message written out in full; the others compute the position, so that adding a
  // topic or a province to the file does not break them.
  it("a missing English text", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, "name: { id: Jawa Timur, en: East Java }", "name: { id: Jawa Timur }");
    expect(problemOf(broken, areas)).toBe("knowledge/programme.yaml: provinces[3].name.en: missing");
  });

  it("an unknown source key", async () => {
    const { text, areas } = await setup();
    const broken = breakText(
      text,
      "sources: [bisnis-2017, jica-pcr-2016]\n",
      "sources: [bisnis-2017, nope-2020]\n",
    );
    expect(problemOf(broken, areas)).toBe(`${FILE}: programme.name.sources[1]: unknown source "nope-2020"`);
  });

  it("an unknown product id", async () => {
    const { text, areas, provinceAt } = await setup();
    const broken = breakText(text, "product: pewter", "product: tin-cans");
    expect(problemOf(broken, areas)).toBe(
      `${FILE}: provinces[${provinceAt("babel")}].entries[0].product: unknown product "tin-cans"`,
    );
  });

  it("an unknown regency code", async () => {
    const { text, areas, provinceAt } = await setup();
    const broken = breakText(text, 'area: "74.05"', 'area: "74.99"');
    expect(problemOf(broken, areas)).toBe(
      `${FILE}: provinces[${provinceAt("sultra")}].entries[0].place.area: unknown regency code "74.99"`,
    );
  });

  it("an unknown province code", async () => {
    const { text, areas, provinceAt } = await setup();
    const broken = breakText(text, 'area: "72"\n', 'area: "99"\n');
    expect(problemOf(broken, areas)).toBe(
      `${FILE}: provinces[${provinceAt("sulteng")}].area: unknown province code "99"`,
    );
  });

  it("a duplicate id", async () => {
    const { text, areas, provinceAt } = await setup();
    const broken = breakText(text, "  - id: jateng\n", "  - id: sumut\n");
    expect(problemOf(broken, areas)).toBe(
      `${FILE}: provinces[${provinceAt("jateng")}].id: duplicate id "sumut"`,
    );
  });

  it("a key the schema does not know", async () => {
    const { text, areas, provinceAt } = await setup();
    const broken = breakText(text, "  - id: papua\n", "  - id: papua\n    colour: red\n");
    expect(problemOf(broken, areas)).toBe(
      `${FILE}: provinces[${provinceAt("papua")}]: Unrecognized key: "colour"`,
    );
  });

  it("invalid YAML, by line and column", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, 'area: "91"', 'area: "91');
    const line = text.slice(0, text.indexOf('area: "91"')).split("\n").length;
    expect(problemOf(broken, areas)).toMatch(
      new RegExp(`^${FILE}: line ${line}, column 14: not valid YAML: Missing closing "quote`),
    );
  });

  // The yaml library's message ends with " at line L, column C:"; the location is said once.
  it("invalid YAML, with the location said once", async () => {
    const { text, areas } = await setup();
    const broken = breakText(text, 'area: "91"', 'area: "91');
    const line = text.slice(0, text.indexOf('area: "91"')).split("\n").length;
    expect(problemOf(broken, areas)).toBe(
      `${FILE}: line ${line}, column 14: not valid YAML: Missing closing "quote`,
    );
  });

  it("a broken file on disk is named by the path it was loaded from", async () => {
    const { text, areas, provinceAt } = await setup();
    const file = join(temp, "programme.yaml");
    writeFileSync(
      file,
      breakText(text, "name: { id: Jawa Timur, en: East Java }", "name: { id: Jawa Timur }"),
    );
    expect(() => loadKnowledge(file, areas)).toThrow(
      new KnowledgeError(file, `provinces[${provinceAt("jatim")}].name.en`, "missing"),
    );
    expect(() => loadKnowledge(file, areas)).toThrow(
      `${file}: provinces[${provinceAt("jatim")}].name.en: missing`,
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
    expect(() => loadKnowledge(join(dir, "programme.yaml"), areas)).toThrow(
      `${join(dir, "lexicon.yaml")}: cues.what.id[0]: lower-case letters, digits and spaces only`,
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
});
