import { createHash } from "node:crypto";
import { type FSWatcher, readFileSync, realpathSync, watch } from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "../logger.ts";

/** What {@link watchContent} needs. */
export interface WatchOptions {
  /** How long the content must stay the same before it counts as changed. */
  settleMs: number;
  logger: Logger;
  /** Told each time the content changed and then stayed the same for `settleMs`. */
  onSettled: (fingerprint: string) => void | Promise<void>;
}

/** A hash of the files' bytes (through any symlinks); a file that cannot be read counts as empty-and-missing. */
export function fingerprint(paths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of paths) {
    try {
      hash.update(readFileSync(path)).update("\0");
    } catch {
      hash.update("\0missing\0");
    }
  }
  return hash.digest("hex");
}

/**
 * Watches the content of `paths` (a file and those loaded with it), however they change: written
 * in place, saved as a new file renamed over the old one, or swapped by a symlink (a Kubernetes
 * ConfigMap swaps its `..data` link to a new folder; a deploy may point `current.yaml` at a new
 * release). It watches the folders holding the paths and the folders holding the files they
 * resolve to, and reads the content again after any event there: names in events are not to be
 * trusted (`..data`).
 *
 * A change is told only once the content has stayed the same for `settleMs`, so a file written
 * in parts is judged whole. Returns a function that stops watching.
 */
export function watchContent(paths: readonly string[], options: WatchOptions): () => void {
  const { settleMs, logger, onSettled } = options;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let pending: string | undefined;
  let closed = false;

  /** Something moved in a watched folder: note what the file holds now, and look again later. */
  const poke = () => {
    if (closed) return;
    pending = fingerprint(paths);
    clearTimeout(timer);
    timer = setTimeout(check, settleMs);
  };

  const check = () => {
    if (closed) return;
    follow();
    const now = fingerprint(paths);
    if (now !== pending) {
      // Still being written: wait until it holds still.
      pending = now;
      timer = setTimeout(check, settleMs);
      return;
    }
    Promise.resolve(onSettled(now)).catch((err: unknown) =>
      logger.warn({ err, files: paths }, "could not handle a change of the knowledge files"),
    );
  };

  /** Watches the folders that can change what `path` holds; drops those that no longer can. */
  const follow = () => {
    const dirs = new Set(paths.map((path) => dirname(path)));
    for (const path of paths) {
      try {
        dirs.add(dirname(realpathSync(path)));
      } catch {
        // The file is missing for now (mid-swap): its own folder is watched, which sees it return.
      }
    }
    for (const [dir, watcher] of watchers) {
      if (!dirs.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, poke);
        // A folder removed by a swap ends its watcher; the next check watches the new one.
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(dir);
          poke();
        });
        watchers.set(dir, watcher);
      } catch (err) {
        logger.warn(
          { err, dir },
          "cannot watch a folder of the knowledge files; use /reload after editing them",
        );
      }
    }
  };

  follow();
  return () => {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
