import type { Logger } from "../logger.ts";
import type { QuestionStore } from "../storage/questions.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

interface RetentionOptions {
  /** Questions older than this many days are deleted. */
  days: number;
  logger: Logger;
  now?: (() => number) | undefined;
  /** How often to purge (default once a day). */
  everyMs?: number;
  /** More to purge on the same schedule: each gets the cut-off and the time now, and says how many went. */
  also?: ReadonlyArray<(before: number, now: number) => number>;
}

/** Deletes the questions older than `days` days before `now`; returns how many went. */
export function purgeOld(store: QuestionStore, days: number, now: number): number {
  return store.purge(now - days * DAY_MS);
}

/**
 * Purges old questions now and then once a day, on a timer that never keeps the process alive.
 * Returns a function that stops it.
 */
export function startRetention(store: QuestionStore, options: RetentionOptions): () => void {
  const run = () => {
    try {
      const now = (options.now ?? Date.now)();
      let removed = purgeOld(store, options.days, now);
      for (const purge of options.also ?? []) removed += purge(now - options.days * DAY_MS, now);
      if (removed) options.logger.info({ removed, days: options.days }, "purged old questions");
    } catch (err) {
      options.logger.warn({ err }, "could not purge old questions");
    }
  };
  run();
  const timer = setInterval(run, options.everyMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
