/**
 * Telegram's sending limits, kept on our side so the bot never provokes a 429: sliding windows
 * of message times, one for the whole bot and one for each group. Pure: the caller passes the
 * time. The one instance the bot uses sits behind the outgoing limiter (outgoing.ts).
 *
 * Telegram counts a message when it arrives, which we cannot see: somewhere between the moment
 * the request left and the moment its answer came back. So a message counts from when it leaves
 * (`take`), and once its answer is in, as if it had arrived with the answer (`confirm`): the next
 * window then opens a full window after the latest possible arrival, whatever the network's
 * delays. The price is one round trip a window. A call still unanswered when its window ends
 * (Telegram is slow to answer) counts `LATE_ARRIVAL_MS` longer, since its request may have
 * reached Telegram a little after it left (a busy event loop, a connection being set up); it
 * does not hold a slot for as long as it stays unanswered, so slow answers do not slow sending.
 */

/** How long after leaving an unanswered request is taken to have reached Telegram at the latest. */
const LATE_ARRIVAL_MS = 250;

/** At most `count` messages in any `windowMs`. */
interface Limit {
  count: number;
  windowMs: number;
}

/** Telegram's ceiling for bulk messages: 30 a second overall, 20 a minute into one group. */
export const TELEGRAM_LIMITS: Readonly<{ global: Limit; perChat: Limit }> = Object.freeze({
  global: { count: 30, windowMs: 1000 },
  perChat: { count: 20, windowMs: 60_000 },
});

/** A message counted against the limits, to give back with `refund` when Telegram did not send it. */
export interface Ticket {
  /** The group it counts against too; 0: the overall limit only. */
  chatId: number;
  at: number;
}

/** Why a message must wait: the bot's overall rate, or this chat's. */
export type WaitCause = "global" | "chat";

/** The times of the messages of one window, oldest first. */
class Window {
  private times: number[] = [];

  constructor(
    private readonly count: number,
    private readonly spanMs: number,
  ) {}

  /**
   * Milliseconds until one more message fits (0: now), when `reserved` of the window's slots are
   * kept for others (replies waiting ahead of a broadcast).
   */
  delay(now: number, reserved = 0): number {
    this.prune(now);
    const usable = this.count - reserved;
    if (this.times.length < usable) return 0;
    // Every slot is spoken for: ask again in a window, by when the others will have theirs.
    if (usable <= 0) return this.spanMs;
    const oldest = this.times[this.times.length - usable] ?? now;
    return Math.max(0, oldest + this.spanMs - now);
  }

  add(at: number): void {
    // Times almost always arrive in order; keep the array sorted when they do not.
    let i = this.times.length;
    while (i > 0 && (this.times[i - 1] ?? 0) > at) i--;
    this.times.splice(i, 0, at);
  }

  remove(at: number): void {
    const i = this.times.lastIndexOf(at);
    if (i >= 0) this.times.splice(i, 1);
  }

  /** True when nothing in the window still counts. */
  empty(now: number): boolean {
    this.prune(now);
    return this.times.length === 0;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? 0) <= now - this.spanMs) drop++;
    if (drop) this.times.splice(0, drop);
  }
}

export interface RateLimiterOptions {
  global?: Limit;
  perChat?: Limit;
  /** Added to each window, in ms, against rounding to the millisecond. Default 1. */
  marginMs?: number;
}

/**
 * Sliding-window limits for the whole bot and for each chat. A call given no chat (an edit, a
 * button answer, a message to a person) counts against the overall limit only.
 */
export class RateLimiter {
  private readonly global: Window;
  private readonly chats = new Map<number, Window>();
  private readonly perChat: Limit;
  private readonly marginMs: number;
  private readonly globalSpanMs: number;
  /** Calls taken and not answered yet: see the file comment. */
  private readonly unanswered = new Set<Ticket>();
  private lastSweep = 0;

  constructor(options: RateLimiterOptions = {}) {
    const global = options.global ?? TELEGRAM_LIMITS.global;
    this.perChat = options.perChat ?? TELEGRAM_LIMITS.perChat;
    this.marginMs = options.marginMs ?? 1;
    this.globalSpanMs = global.windowMs + this.marginMs;
    this.global = new Window(global.count, this.globalSpanMs);
  }

  /**
   * How long a message to `chatId` must wait, and which limit holds it; `ms` 0 means now.
   * `reserved` overall slots are kept for others.
   */
  delay(chatId: number | undefined, now: number, reserved = 0): { ms: number; cause: WaitCause } {
    const chat = chatId === undefined ? 0 : (this.chats.get(chatId)?.delay(now) ?? 0);
    const global = this.globalDelay(now, reserved);
    return chat > global ? { ms: chat, cause: "chat" } : { ms: global, cause: "global" };
  }

  /** How long any call must wait for the overall limit (for calls that are not messages to a group). */
  globalDelay(now: number, reserved = 0): number {
    const late = this.lateArrivals(now);
    const wait = this.global.delay(now, reserved + late.length);
    // A late call's slot may free before the window's next one: look again then.
    return wait === 0 || late.length === 0 ? wait : Math.min(wait, Math.min(...late) - now);
  }

  /** When each unanswered call past its window stops counting; forgets those done with. */
  private lateArrivals(now: number): number[] {
    const ends: number[] = [];
    for (const ticket of this.unanswered) {
      const windowEnd = ticket.at + this.globalSpanMs;
      if (now >= windowEnd + LATE_ARRIVAL_MS) this.unanswered.delete(ticket);
      else if (now >= windowEnd) ends.push(windowEnd + LATE_ARRIVAL_MS);
    }
    return ends;
  }

  /** Counts a message to `chatId` (none: a call that counts overall only) sent at `now`. */
  take(chatId: number | undefined, now: number): Ticket {
    if (chatId === undefined) return this.takeGlobal(now);
    this.global.add(now);
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new Window(this.perChat.count, this.perChat.windowMs + this.marginMs);
      this.chats.set(chatId, chat);
    }
    chat.add(now);
    this.sweep(now);
    return this.inFlight({ chatId, at: now });
  }

  /** Counts a call that is not a message to a group (progress edits) against the overall limit only. */
  takeGlobal(now: number): Ticket {
    this.global.add(now);
    return this.inFlight({ chatId: 0, at: now });
  }

  /** Counts a message sent earlier and answered (by a previous process): no ticket. */
  record(chatId: number, at: number): void {
    this.settled(this.take(chatId, at));
  }

  /**
   * Counts the message from `now`, when its answer came back, instead of from when it left: the
   * latest moment Telegram can have counted it.
   */
  confirm(ticket: Ticket, now: number): void {
    this.settled(ticket);
    if (now <= ticket.at) return;
    this.global.remove(ticket.at);
    this.global.add(now);
    const chat = this.chats.get(ticket.chatId);
    if (chat) {
      chat.remove(ticket.at);
      chat.add(now);
    }
    ticket.at = now;
  }

  /** Gives a ticket back: Telegram refused the message, so it did not count. */
  refund(ticket: Ticket): void {
    this.settled(ticket);
    this.global.remove(ticket.at);
    this.chats.get(ticket.chatId)?.remove(ticket.at);
  }

  private inFlight(ticket: Ticket): Ticket {
    this.unanswered.add(ticket);
    return ticket;
  }

  private settled(ticket: Ticket): void {
    this.unanswered.delete(ticket);
  }

  // Forget quiet chats, so the map does not grow with every group ever written to.
  private sweep(now: number): void {
    if (now - this.lastSweep < this.perChat.windowMs) return;
    this.lastSweep = now;
    for (const [id, window] of this.chats) if (window.empty(now)) this.chats.delete(id);
  }
}
