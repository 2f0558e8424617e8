import { copyFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../src/answer/engine.ts";
import { loadEngine } from "../src/answer/load.ts";
import { createI18n, translator } from "../src/i18n/index.ts";
import { KnowledgeError } from "../src/knowledge/load.ts";
import { KnowledgeService, type ReloadResult } from "../src/knowledge/service.ts";
import { silentLogger } from "../src/logger.ts";
import { copyKnowledge, tempDir, testEngine } from "./support/app.ts";

const t = translator(createI18n());
let base: AnswerEngine;
beforeAll(async () => {
  base = await testEngine();
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A service over a copy of the knowledge file; `build` may be replaced to hold or fail a load. */
function setup(build?: (path: string) => Promise<AnswerEngine>) {
  const { dir, cleanup } = tempDir();
  const path = copyKnowledge(dir);
  const service = new KnowledgeService(base, {
    path,
    build: build ?? ((p) => loadEngine(p, { areas: base.areas, t })),
    logger: silentLogger,
    debounceMs: 20,
  });
  cleanups.push(cleanup, () => service.close());
  return { path, service };
}

describe("reloading", () => {
  it("swaps in a new engine built from the file", async () => {
    const { service } = setup();
    const result = await service.reload();
    expect(result.ok).toBe(true);
    expect(service.current()).not.toBe(base);
    expect(service.current().ask("produk papua apa?").text).toContain("Dogiyai");
  });

  it("keeps the old engine and names file, path and problem when the file is broken", async () => {
    const { path, service } = setup();
    writeFileSync(path, "sources: {}\ntopics: []\nprovinces: []\n");
    const result = await service.reload();
    expect(result.ok).toBe(false);
    const error = (result as Extract<ReloadResult, { ok: false }>).error;
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error.file).toBe(path);
    expect(error.path).not.toBe("");
    expect(service.current()).toBe(base);
  });

  it("answers from the old engine until the new one is completely built", async () => {
    let finish: (engine: AnswerEngine) => void = () => {};
    const next = { marker: "new" } as unknown as AnswerEngine;
    const { service } = setup(() => new Promise((resolve) => (finish = resolve)));
    const reloading = service.reload();
    await Promise.resolve();
    expect(service.current()).toBe(base);
    finish(next);
    await reloading;
    expect(service.current()).toBe(next);
  });

  it("turns an unexpected error into a KnowledgeError and keeps the old engine", async () => {
    const { path, service } = setup(async () => {
      throw new Error("out of memory");
    });
    const result = await service.reload();
    expect(result).toMatchObject({ ok: false, error: { file: path, path: "", problem: "out of memory" } });
    expect(service.current()).toBe(base);
  });
});

describe("watching the file", () => {
  it("reloads when the file changes and reports each result", async () => {
    const { path, service } = setup();
    const results: ReloadResult[] = [];
    let waiting: { ok: boolean; resolve: () => void } | undefined;
    service.watch((r) => {
      results.push(r);
      if (waiting && r.ok === waiting.ok) waiting.resolve();
    });
    const report = (ok: boolean) => new Promise<void>((resolve) => (waiting = { ok, resolve }));

    let wait = report(false);
    writeFileSync(path, "provinces: [");
    await wait;
    expect(service.current()).toBe(base);

    // Saved the way many editors do: a new file renamed over the old one.
    wait = report(true);
    copyFileSync("knowledge/programme.yaml", `${path}.new`);
    renameSync(`${path}.new`, path);
    await wait;
    expect(results[0]?.ok).toBe(false);
    expect(results.at(-1)?.ok).toBe(true);
    expect(service.current()).not.toBe(base);
  });

  it("stops reporting once closed", async () => {
    const { path, service } = setup();
    const results: ReloadResult[] = [];
    service.watch((r) => results.push(r));
    service.close();
    writeFileSync(path, "provinces: [");
    expect(await service.reload()).toMatchObject({ ok: false });
    expect(results).toEqual([]);
  });
});
