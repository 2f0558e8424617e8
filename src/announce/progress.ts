import type { Translate } from "../i18n/index.ts";
import type { Announcement, AnnouncementStore } from "../storage/announcements.ts";
import type { DeliveryQueue } from "../storage/deliveries.ts";
import type { BroadcastApi } from "./broadcast-api.ts";
import type { Lifecycle } from "./lifecycle.ts";
import { progressText } from "./report.ts";
import type { StaffCalls } from "./staff-calls.ts";
import type { StoragePause } from "./storage-pause.ts";

/** What the parts that write to staff (progress, reports) work with. */
export interface StaffMessageDeps {
  announcements: AnnouncementStore;
  deliveries: DeliveryQueue;
  /** Talks to staff; paces its own calls (the bot's outgoing limiter) and may retry them. */
  staff: BroadcastApi;
  t: Translate;
  calls: StaffCalls;
  life: Lifecycle;
  storage: StoragePause;
  /** Wakes the worker: a call to staff settled, so the next edit or retry is due at a new time. */
  wake: () => void;
}

interface ProgressOptions {
  /** How often the progress message is edited, in ms. */
  intervalMs: number;
  /** Telegram's overall ceiling, messages a second: the time-left estimate never assumes more. */
  ceilingPerSecond: number;
}

/** Per announcement: when its progress was last shown, the text shown, the call in flight. */
interface Shown {
  at: number;
  text: string;
  task: Promise<unknown> | undefined;
}

/** How long the sending rate is measured over, for the time-left estimate. */
const RATE_WINDOW_MS = 10_000;

/**
 * The progress message of each announcement being sent: sent to its author once, then edited
 * every `intervalMs` with the counts and the time left, while the deliveries go on.
 */
export class ProgressMessages {
  private readonly shown = new Map<number, Shown>();
  /** Times of recent successful sends, for the time-left estimate. */
  private recentSends: number[] = [];

  constructor(
    private readonly deps: StaffMessageDeps,
    private readonly options: ProgressOptions,
  ) {}

  /** Counts a message that reached its group at `at`. */
  recordSend(at: number): void {
    this.recentSends.push(at);
  }

  /** When the next edit is due, if any announcement is shown and idle. */
  nextAt(): number | undefined {
    const times = [...this.shown.values()].filter((s) => !s.task).map((s) => s.at + this.options.intervalMs);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Whether an announcement being sent needs its progress shown now. */
  due(now: number): boolean {
    return this.deps.announcements.sending().some((a) => this.needsUpdate(a.id, now));
  }

  /** Sends or edits the progress message of each announcement being sent that needs it. */
  update(now: number): void {
    for (const announcement of this.deps.announcements.sending()) {
      if (!this.needsUpdate(announcement.id, now)) continue;
      const previous = this.shown.get(announcement.id);
      const counts = this.deps.deliveries.counts(announcement.id);
      const { t } = this.deps;
      const text = progressText(t, announcement.authorLang, announcement.id, counts, this.ratePerSecond(now));
      const entry: Shown = { at: now, text, task: undefined };
      this.shown.set(announcement.id, entry);
      if (previous?.text === text || counts.total === 0) continue;
      entry.task = this.deps.calls.run(this.show(announcement, text)).finally(() => {
        entry.task = undefined;
        this.deps.wake();
      });
    }
  }

  /** Forgets an announcement that is finished; returns its edit in flight, for the report to follow. */
  finish(id: number): Promise<unknown> | undefined {
    const task = this.shown.get(id)?.task;
    this.shown.delete(id);
    return task;
  }

  private needsUpdate(id: number, now: number): boolean {
    const shown = this.shown.get(id);
    return !shown || (!shown.task && now >= shown.at + this.options.intervalMs);
  }

  private async show(announcement: Announcement, text: string): Promise<void> {
    const { staff, announcements, calls, life, storage } = this.deps;
    const messageId = announcement.progressMessageId ?? announcements.get(announcement.id)?.progressMessageId;
    const chatId = announcement.authorId;
    if (messageId !== undefined) {
      await staff.editMessage(chatId, messageId, text, calls.signal());
      return;
    }
    const sent = await staff.sendMessage(chatId, text, calls.signal());
    if (!life.killed) storage.record(() => announcements.setProgressMessage(announcement.id, sent));
  }

  /** Messages a second lately, at most the ceiling; the ceiling until there are a few to go by. */
  private ratePerSecond(now: number): number {
    this.recentSends = this.recentSends.filter((at) => at > now - RATE_WINDOW_MS);
    const first = this.recentSends[0];
    if (first === undefined || this.recentSends.length < 5) return this.options.ceilingPerSecond;
    const seconds = Math.max(1, (now - first) / 1000);
    return Math.min(this.options.ceilingPerSecond, this.recentSends.length / seconds);
  }
}
