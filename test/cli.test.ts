/**
 * Every command-line tool says how to use it (`--help`, exit 0) and refuses what it does not
 * know with its usage line (exit 2), before doing any work.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { copyKnowledge, tempDir } from "./support/app.ts";

/** The tools: every file of src/cli but the shared helpers, and the benchmarks' two entry points. */
const TOOLS = [
  ...readdirSync("src/cli")
    .filter((f) => f.endsWith(".ts") && !["args.ts", "offline-bot.ts"].includes(f))
    .map((f) => `src/cli/${f}`),
  "bench/index.ts",
  "bench/broadcast.ts",
];

function run(
  tool: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", tool, ...args],
      { timeout: 30_000, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("every command-line tool", () => {
  it("is found", () => {
    expect(TOOLS).toEqual(
      expect.arrayContaining([
        "src/cli/ask.ts",
        "src/cli/chat.ts",
        "src/cli/validate.ts",
        "src/cli/eval.ts",
        "bench/index.ts",
      ]),
    );
  });

  it("prints its help for --help and exits 0", async () => {
    const results = await Promise.all(
      TOOLS.map(async (tool) => [tool, await run(tool, ["--help"])] as const),
    );
    for (const [tool, { code, stdout }] of results) {
      expect({ tool, code }).toEqual({ tool, code: 0 });
      expect(stdout, tool).toMatch(/^Usage: npm run /);
    }
  }, 60_000);

  it("refuses an unknown option with its usage line and exit code 2", async () => {
    const results = await Promise.all(
      TOOLS.map(async (tool) => [tool, await run(tool, ["--colour=red"])] as const),
    );
    for (const [tool, { code, stderr }] of results) {
      expect({ tool, code }).toEqual({ tool, code: 2 });
      expect(stderr, tool).toMatch(/^Unknown option '--colour'\nUsage: npm run .*\(--help for more\)\n$/);
    }
  }, 60_000);
});

describe("npm run validate", () => {
  it("checks the file KNOWLEDGE_PATH names and lists every problem, in the language asked", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = copyKnowledge(dir, (yaml) =>
        yaml
          .replace("name: { id: Jawa Timur, en: East Java }", "name: { id: Jawa Timur }")
          .replace("  - id: papua\n", "  - id: papua\n    nama: x\n"),
      );
      const { code, stderr } = await run("src/cli/validate.ts", ["--lang", "id"], { KNOWLEDGE_PATH: file });
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(`^${file}:\\d+:5: provinces → Jawa Timur: name bahasa Inggris belum diisi$`, "m"),
      );
      expect(stderr).toMatch(
        new RegExp(
          `^${file}:\\d+:5: provinces → Papua: kunci "nama" tidak dikenal — maksudnya "name"\\?$`,
          "m",
        ),
      );
      expect(stderr).toContain(`${file}: 2 masalah`);
    } finally {
      cleanup();
    }
  }, 30_000);
});
