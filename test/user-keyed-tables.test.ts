import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

// A plain object used as a table answers `table["constructor"]` with Object's own constructor:
// the word "constructor" once broke every question. Lookup tables are Maps (or Sets); a plain
// object keyed by a string type is allowed only for data passed through (JSON, API payloads),
// never declared as a table a word is looked up in.
const TABLE_OF_STRINGS = /\b(const|let|readonly|private)\s+[\w#]+\s*:\s*(Readonly<)?Record<string,/;
const INDEXED_BY_WORD = /\b(SPELLING|CUES|TABLE|ZONES|ROUTES)\[/;

describe("tables keyed by what people type", () => {
  it("are Maps or Sets, never plain objects, in src/", () => {
    const offenders = sources("src").flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          TABLE_OF_STRINGS.test(line) || INDEXED_BY_WORD.test(line)
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
