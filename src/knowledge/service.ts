import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { AnswerEngine } from "../answer/engine.ts";
import type { Logger } from "../logger.ts";
import { COMPANION_FILES, KnowledgeError } from "./load.ts";
import { fingerprint, watchContent } from "./watch.ts";

/** What a reload did: the new engine is in service, or the old one stays and the error says why. */
export type ReloadResult = { ok: true; engine: AnswerEngine } | { ok: false; error: KnowledgeError };

export interface KnowledgeServiceOptions {
  /** The knowledge file. */
  path: string;
  /** Builds a whole engine from the file; throws (a `KnowledgeError`, ideally) when it cannot. */
  build: (path: string) => Promise<AnswerEngine>;
  logger: Logger;
  /**
   * How long the file's content must stay the same before a change is loaded, and before a
   * failed load is reported: editors, copies and deploy tools write in parts. Default 1000 ms.
   */
  settleMs?: number;
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
  #stopWatching: (() => void) | undefined;
  #lastSeen: string | undefined;
  #closed = false;

  constructor(
    engine: AnswerEngine,
    private readonly options: KnowledgeServiceOptions,
  ) {
    this.#engine = engine;
    this.#lastSeen = fingerprint(this.#files);
  }

  /** The knowledge file and the files loaded with it (the lexicon and the regions beside it). */
  get #files(): string[] {
    const dir = dirname(this.options.path);
    return [this.options.path, ...Object.values(COMPANION_FILES).map((name) => join(dir, name))];
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
    this.#lastSeen = fingerprint(this.#files);
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
   * Reloads whenever the file's content changes and has settled (see `watchContent`: edits in
   * place, renames over it, symlink swaps), telling `onReload` what happened. A failed load is
   * told only if the file then stays as it was for another `settleMs`: a file still being
   * written is judged once it is whole, not by its first half.
   */
  watch(onReload: (result: ReloadResult) => void): void {
    if (this.#stopWatching || this.#closed) return;
    const { logger, settleMs = 1000 } = this.options;
    this.#stopWatching = watchContent(this.#files, {
      settleMs,
      logger,
      onSettled: async (content) => {
        if (this.#closed || content === this.#lastSeen) return;
        const result = await this.reload();
        if (!result.ok) {
          await sleep(settleMs);
          // Changed again meanwhile: the watcher judges the new content instead.
          if (fingerprint(this.#files) !== content) return;
        }
        if (this.#closed) return;
        try {
          onReload(result);
        } catch (err) {
          logger.warn({ err }, "could not report a knowledge reload");
        }
      },
    });
  }

  /** Stops watching; the engine in service stays. */
  close(): void {
    this.#closed = true;
    this.#stopWatching?.();
  }
}
