import type { Translate } from "../i18n/index.ts";
import type { Lang } from "../lang.ts";
import type { Logger } from "../logger.ts";
import type { BroadcastApi } from "./broadcast-api.ts";
import type { Clock } from "./clock.ts";
import type { StaffCalls } from "./staff-calls.ts";

/** SQLite's answers that mean the database cannot take writes for now, as a table; first match wins. */
export const STORAGE_FAULTS: ReadonlyArray<{ name: string; code: RegExp; examples: readonly string[] }> = [
  { name: "disk full", code: /^SQLITE_FULL$/, examples: ["SQLITE_FULL"] },
  { name: "input/output error", code: /^SQLITE_IOERR/, examples: ["SQLITE_IOERR", "SQLITE_IOERR_WRITE"] },
  { name: "database busy", code: /^SQLITE_(BUSY|LOCKED)/, examples: ["SQLITE_BUSY", "SQLITE_LOCKED"] },
  { name: "read-only", code: /^SQLITE_READONLY/, examples: ["SQLITE_READONLY", "SQLITE_READONLY_DBMOVED"] },
  { name: "file unreachable", code: /^SQLITE_(CANTOPEN|NOTADB)/, examples: ["SQLITE_CANTOPEN"] },
  { name: "damaged", code: /^SQLITE_CORRUPT/, examples: ["SQLITE_CORRUPT"] },
  { name: "out of memory", code: /^SQLITE_NOMEM$/, examples: ["SQLITE_NOMEM"] },
];

/** SQLite's code when `err` is a storage fault of {@link STORAGE_FAULTS}, else `undefined`. */
export function storageFault(err: unknown): string | undefined {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== "string") return undefined;
  return STORAGE_FAULTS.some((fault) => fault.code.test(code)) ? code : undefined;
}

/** An author to tell that their announcement is paused, or goes on. */
export interface Author {
  announcementId: number;
  authorId: number;
  lang: Lang;
}

interface PauseDeps {
  clock: Clock;
  logger: Logger;
  t: Translate;
  /** Talks to staff; paces its own calls. */
  staff: BroadcastApi;
  calls: StaffCalls;
  /** The authors of the announcements being sent, as last read (the database may refuse reads too). */
  authors: () => readonly Author[];
}

/** First wait before trying the database again, and the longest, in ms. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * What the worker does when the database refuses a write (disk full, I/O error): the broadcast
 * pauses, its authors are told, and it resumes by itself once writes go through again — no
 * restart, nothing lost.
 *
 * Results of API calls that came back while the database refused them (a message Telegram took,
 * a 403) are kept here, in order, and written when it takes writes again: so a group Telegram
 * confirmed is recorded sent, not "unconfirmed". Steps of the worker's loop (queueing, claiming)
 * are not kept: they are done again from what the database says.
 */
export class StoragePause {
  /** Writes that failed, or came after one that failed, oldest first. */
  private backlog: Array<() => void> = [];
  private fault: { code: string; retries: number; nextTryAt: number; told: Author[] } | undefined;

  constructor(private readonly deps: PauseDeps) {}

  /** True while the database refuses writes: the worker sends nothing new. */
  get paused(): boolean {
    return this.fault !== undefined;
  }

  /** When to try the database again, while paused. */
  nextTryAt(): number | undefined {
    return this.fault?.nextTryAt;
  }

  /**
   * Runs a write that records what an API call answered. While paused, or when it fails for a
   * storage fault, it is kept to run later, in order; other errors are thrown.
   */
  record(write: () => void): void {
    if (this.fault) {
      this.backlog.push(write);
      return;
    }
    try {
      write();
    } catch (err) {
      if (storageFault(err) === undefined) throw err;
      this.backlog.push(write);
      this.pause(err);
    }
  }

  /**
   * Writes the backlog, in order; throws (keeping what is left) when the database still refuses.
   * Call it before each round of the loop.
   */
  flush(): void {
    while (this.backlog.length) {
      const write = this.backlog[0] as () => void;
      write();
      this.backlog.shift();
    }
  }

  /** A last try at the backlog (the worker is stopping); what the database still refuses is logged. */
  tryFlush(): void {
    try {
      this.flush();
    } catch (err) {
      this.deps.logger.error({ err, left: this.backlog.length }, "results of calls could not be written");
    }
  }

  /**
   * A step failed: pauses for a storage fault (telling the authors, once a fault) and returns
   * true; false for any other error, which the caller handles.
   */
  pause(err: unknown): boolean {
    const code = storageFault(err);
    if (code === undefined) return false;
    const now = this.deps.clock.now();
    const retries = this.fault ? this.fault.retries + 1 : 0;
    const nextTryAt = now + Math.min(FIRST_RETRY_MS * 2 ** retries, MAX_RETRY_MS);
    const told = this.fault?.told ?? [];
    if (!this.fault) this.deps.logger.error({ err, code }, "the database refuses writes: broadcasts paused");
    this.fault = { code, retries, nextTryAt, told };
    const untold = this.deps
      .authors()
      .filter((a) => !told.some((b) => b.announcementId === a.announcementId));
    for (const author of untold) this.tell(author, "announce.storage.paused", { code });
    told.push(...untold);
    return true;
  }

  /** A round of the loop went through: writes work again, so the paused broadcasts go on. */
  resumed(): void {
    const fault = this.fault;
    if (!fault) return;
    this.fault = undefined;
    this.deps.logger.warn({ code: fault.code }, "the database takes writes again: broadcasts resumed");
    for (const author of fault.told) this.tell(author, "announce.storage.resumed", {});
  }

  private tell(author: Author, key: string, params: Record<string, string>): void {
    const { t, staff, calls } = this.deps;
    const text = t(author.lang, key, { id: author.announcementId, ...params });
    calls.run(staff.sendMessage(author.authorId, text, calls.signal()));
  }
}
