import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../src/answer/engine.ts";
import { loadEngine } from "../src/answer/load.ts";
import { createI18n, translator } from "../src/i18n/index.ts";
import { COMPANION_FILES, KnowledgeError } from "../src/knowledge/load.ts";
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

/**
 * A service over a copy of the knowledge file and its companions; `build` may be replaced to
 * hold or fail a load, `settleMs` left out for the default, `place` lays the files out (it
 * returns the path to load).
 */
function setup(
  options: {
    build?: (path: string) => Promise<AnswerEngine>;
    settleMs?: number | "default";
    place?: (dir: string) => string;
  } = {},
) {
  const { dir, cleanup } = tempDir();
  const path = (options.place ?? ((d: string) => copyKnowledge(d)))(dir);
  const settleMs = options.settleMs ?? 20;
  const service = new KnowledgeService(base, {
    path,
    build: options.build ?? ((p) => loadEngine(p, { areas: base.areas, t })),
    logger: silentLogger,
    ...(settleMs === "default" ? {} : { settleMs }),
  });
  cleanups.push(cleanup, () => service.close());
  return { dir, path, service };
}

/** Every reload the watcher reports, and a way to wait for the next one. */
function reports(service: KnowledgeService) {
  const results: ReloadResult[] = [];
  let waiting: (() => void) | undefined;
  service.watch((r) => {
    results.push(r);
    waiting?.();
  });
  return {
    results,
    next: () => new Promise<void>((resolve) => (waiting = resolve)),
  };
}

/** The real file with a line added at its end: new content, still valid. */
function changed(note: string): string {
  return `${readFileSync("knowledge/programme.yaml", "utf8")}\n# ${note}\n`;
}

/** The knowledge file and its companions laid out as a Kubernetes ConfigMap: links into `..data`. */
function configMap(dir: string): string {
  mkdirSync(join(dir, "..v1"));
  copyKnowledge(join(dir, "..v1"));
  symlinkSync("..v1", join(dir, "..data"));
  for (const name of ["programme.yaml", ...Object.values(COMPANION_FILES)]) {
    symlinkSync(join("..data", name), join(dir, name));
  }
  return join(dir, "programme.yaml");
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
    const { service } = setup({ build: () => new Promise((resolve) => (finish = resolve)) });
    const reloading = service.reload();
    await Promise.resolve();
    expect(service.current()).toBe(base);
    finish(next);
    await reloading;
    expect(service.current()).toBe(next);
  });

  it("turns an unexpected error into a KnowledgeError and keeps the old engine", async () => {
    const { path, service } = setup({
      build: async () => {
        throw new Error("out of memory");
      },
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

describe("watching files that are replaced or written in parts", () => {
  it("follows a symlink swap, the way Kubernetes updates a ConfigMap (..data → a new folder)", async () => {
    const { dir, service } = setup({ place: configMap });
    const watched = reports(service);
    const reported = watched.next();
    mkdirSync(join(dir, "..v2"));
    copyKnowledge(join(dir, "..v2"));
    writeFileSync(join(dir, "..v2", "programme.yaml"), changed("from the new ConfigMap"));
    symlinkSync("..v2", join(dir, "..data_tmp"));
    renameSync(join(dir, "..data_tmp"), join(dir, "..data"));
    rmSync(join(dir, "..v1"), { recursive: true });
    await reported;
    expect(watched.results.map((r) => r.ok)).toEqual([true]);
    expect(service.current()).not.toBe(base);
  });

  it("follows edits to the file a symlink points to, in another folder", async () => {
    let target = "";
    const { service } = setup({
      place: (d) => {
        mkdirSync(join(d, "release"));
        target = copyKnowledge(join(d, "release"));
        mkdirSync(join(d, "current"));
        for (const name of ["programme.yaml", ...Object.values(COMPANION_FILES)]) {
          symlinkSync(join(d, "release", name), join(d, "current", name));
        }
        return join(d, "current", "programme.yaml");
      },
    });
    const watched = reports(service);
    const reported = watched.next();
    writeFileSync(target, changed("edited where it lives"));
    await reported;
    expect(watched.results.map((r) => r.ok)).toEqual([true]);
    expect(service.current()).not.toBe(base);
  });

  it("reloads when a companion file (the lexicon) changes", async () => {
    const { dir, service } = setup();
    const watched = reports(service);
    const reported = watched.next();
    const lexicon = join(dir, COMPANION_FILES.lexicon);
    writeFileSync(lexicon, `${readFileSync(lexicon, "utf8")}\n# a note\n`);
    await reported;
    expect(watched.results.map((r) => r.ok)).toEqual([true]);
  });

  it("judges a file written in two parts 700 ms apart once it is whole (no false 'cannot be used')", async () => {
    const { path, service } = setup({ settleMs: "default" });
    const watched = reports(service);
    const reported = watched.next();
    const whole = changed("written in two parts");
    writeFileSync(path, whole.slice(0, Math.floor(whole.length / 2)));
    await new Promise((resolve) => setTimeout(resolve, 700));
    writeFileSync(path, whole);
    await reported;
    expect(watched.results.map((r) => r.ok)).toEqual([true]);
  });

  it("does not report a failed load of a file that changed again before it settled", async () => {
    const { path, service } = setup({ settleMs: 200 });
    const watched = reports(service);
    const reported = watched.next();
    const whole = changed("written slowly");
    writeFileSync(path, whole.slice(0, Math.floor(whole.length / 2)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync(path, whole);
    await reported;
    expect(watched.results.map((r) => r.ok)).toEqual([true]);
  });
});
