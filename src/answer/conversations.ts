import { KeptValues } from "./kept.ts";
import type { Previous } from "./previous.ts";

/** How long a chat's last question stays in mind for a follow-up ("kalau Jatim?"). */
export const FOLLOW_UP_MS = 10 * 60_000;
/** The most chats remembered at once; the least recently asked is forgotten first. */
export const MAX_CONVERSATIONS = 10_000;

/**
 * What each conversation asked last, so that a follow-up can build on it: in memory, bounded
 * (least recently used first out), forgotten after ten minutes. A conversation is one person in
 * one chat, so nothing crosses from one person or chat to another.
 */
export class Conversations {
  private readonly last: KeptValues<{ previous: Previous; at: number }>;

  constructor(private readonly limits = { ttlMs: FOLLOW_UP_MS, max: MAX_CONVERSATIONS }) {
    this.last = new KeptValues(limits.max);
  }

  /** The conversation's last question, if it was asked within the time limit. */
  previous(chatId: number, userId: number, now: number): Previous | undefined {
    const key = `${chatId}:${userId}`;
    const entry = this.last.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.limits.ttlMs) {
      this.last.delete(key);
      return undefined;
    }
    return entry.previous;
  }

  /** Remembers what a conversation asked last (nothing, after small talk that leaves it as it was). */
  remember(chatId: number, userId: number, previous: Previous | undefined, now: number): void {
    const key = `${chatId}:${userId}`;
    if (previous) this.last.set(key, { previous, at: now });
    else this.last.delete(key);
  }

  get size(): number {
    return this.last.size;
  }
}
