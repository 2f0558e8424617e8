import { createHash } from "node:crypto";
import { type FSWatcher, readFileSync, watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { AnswerEngine } from "../answer/engine.ts";
import type { Logger } from "../logger.ts";
import { KnowledgeError } from "./load.ts";

/** What a reload did: the new engine is in service, or the old one stays and the error says why. */
export type ReloadResult = { ok: true; engine: AnswerEngine } | { ok: false; error: KnowledgeError };

export interface KnowledgeServiceOptions {
  /** The knowledge file. */
  path: string;
  /** Builds a whole engine from the file; throws (a `KnowledgeError`, ideally) when it cannot. */
  build: (path: string) => Promise<AnswerEngine>;
  logger: Logger;
  /** How long the file must stay quiet before a change is loaded (editors write in bursts). */
  debounceMs?: number;
}

/**
 * The knowledge in service, and its reloading. The engine is swapped in one assignment and only
 * once a new one is completely built, so an update that reads {@link current} once is answered
 * wholly from the old knowledge or wholly from the new, never from a mix.
 *
 * Only the knowledge file is watched: the lexicon (`knowledge/lexicon.yaml`) is read once, when
 * the answer modules are imported, so a change to it needs a restart.
 */
export class KnowledgeService {
  #engine: AnswerEngine;
  #queue: Promise<unknown> = Promise.resolve();
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastSeen: string | undefined;
  #closed = false;

  constructor(
    engine: AnswerEngine,
    private readonly options: KnowledgeServiceOptions,
  ) {
    this.#engine = engine;
    this.#lastSeen = this.#fingerprint();
  }

  /** The engine in service now. Read it once an update and keep using what it gave. */
  current(): AnswerEngine {
    return this.#engine;
  }

  /** The file this service loads. */
  get path(): string {
    return this.options.path;
  }

  /**
   * Loads the file again and puts the new engine in service; on any error the old one stays and
   * the result says where the file is wrong. Reloads run one at a time, in the order asked.
   */
  reload(): Promise<ReloadResult> {
    const run = this.#queue.then(() => this.#load());
    this.#queue = run;
    return run;
  }

  async #load(): Promise<ReloadResult> {
    const { path, build, logger } = this.options;
    this.#lastSeen = this.#fingerprint();
    try {
      const engine = await build(path);
      this.#engine = engine;
      logger.info({ file: path, provinces: engine.knowledge.provinces.length }, "knowledge reloaded");
      return { ok: true, engine };
    } catch (err) {
      const error =
        err instanceof KnowledgeError
          ? err
          : new KnowledgeError(path, "", err instanceof Error ? err.message : String(err));
      logger.warn({ file: error.file, path: error.path, problem: error.problem }, "knowledge not reloaded");
      return { ok: false, error };
    }
  }

  /**
   * Reloads whenever the file changes, telling `onReload` what happened. Watches the folder, not
   * the file, so an editor that saves by writing a new file and renaming it is seen too; a save
   * that leaves the content as it was is ignored.
   */
  watch(onReload: (result: ReloadResult) => void): void {
    if (this.#watcher || this.#closed) return;
    const { path, logger, debounceMs = 300 } = this.options;
    const name = basename(path);
    try {
      this.#watcher = watch(dirname(path), (_event, file) => {
        if (file !== null && file !== name) return;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => void this.#changed(onReload), debounceMs);
      });
      this.#watcher.on("error", (err) => {
        logger.warn({ err, file: path }, "stopped watching the knowledge file");
        this.#stopWatching();
      });
    } catch (err) {
      logger.warn({ err, file: path }, "cannot watch the knowledge file; use /reload after editing it");
    }
  }

  async #changed(onReload: (result: ReloadResult) => void): Promise<void> {
    if (this.#closed || this.#fingerprint() === this.#lastSeen) return;
    const result = await this.reload();
    if (this.#closed) return;
    try {
      onReload(result);
    } catch (err) {
      this.options.logger.warn({ err }, "could not report a knowledge reload");
    }
  }

  /** A hash of the file's bytes, or `undefined` when it cannot be read. */
  #fingerprint(): string | undefined {
    try {
      return createHash("sha256").update(readFileSync(this.options.path)).digest("hex");
    } catch {
      return undefined;
    }
  }

  #stopWatching(): void {
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  /** Stops watching; the engine in service stays. */
  close(): void {
    this.#closed = true;
    this.#stopWatching();
  }
}
