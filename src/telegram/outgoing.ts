/**
 * The one gate for everything the bot sends: replies to people, edits, button answers, the
 * broadcaster's messages to groups and its reports to staff. Telegram allows about 30 messages a
 * second overall and 20 a minute into one group, and answers 429 (and makes the bot wait) beyond;
 * every call takes a slot here first, so the bot's replies and a broadcast share one budget and
 * stay under it together. A reply to a person goes before a broadcast's next message.
 *
 * Two ways in. The API layer's hook (api-retry.ts) `acquire`s a slot for each call Telegraf makes,
 * waiting as needed: replies from the bot's handlers, and the broadcaster's calls to staff. The
 * broadcaster's messages to groups ask `delay` and `take` instead, without waiting: it picks which
 * group to send to next from what the limits allow (a group at its own limit waits, others go on).
 */
import { TelegramError } from "telegraf";
import type { Clock } from "../announce/clock.ts";
import {
  RateLimiter,
  type RateLimiterOptions,
  TELEGRAM_LIMITS,
  type Ticket,
  type WaitCause,
} from "./rate-limit.ts";

/** Who waits for a slot: a person waiting for the bot's answer, or a broadcast. */
export type Priority = "reply" | "broadcast";

/** How a kind of API call counts against Telegram's limits. */
type Counting =
  /** A message into a chat: counts overall, and against its group's limit when sent to a group. */
  | "message"
  /** Any other visible call (an edit, a button answer, a pin): counts overall. */
  | "call"
  /** Not a message (reads, settings, the long poll): not counted. */
  | "free";

/** One row of {@link OUTGOING_CALLS}. */
interface CallKind {
  name: string;
  methods: RegExp;
  counts: Counting;
  examples: readonly string[];
}

/** How each Bot API method counts, first match wins; the last row takes any method. */
export const OUTGOING_CALLS: readonly CallKind[] = [
  {
    name: "not a message",
    methods:
      /^(get|set(Webhook|MyCommands|MyDescription|MyShortDescription|MyName)$|delete(Webhook|MyCommands)$|sendChatAction$|logOut$|close$)/,
    counts: "free",
    examples: ["getUpdates", "getMe", "getChatMember", "setMyCommands", "deleteWebhook", "sendChatAction"],
  },
  {
    name: "message into a chat",
    methods: /^(send|copyMessage|forwardMessage)/,
    counts: "message",
    examples: ["sendMessage", "sendPhoto", "sendDocument", "copyMessage"],
  },
  {
    name: "any other call",
    methods: /^/,
    counts: "call",
    examples: [
      "editMessageText",
      "answerCallbackQuery",
      "answerInlineQuery",
      "pinChatMessage",
      "deleteMessage",
    ],
  },
];

/** How `method` counts against the limits. */
export function countingOf(method: string): Counting {
  return OUTGOING_CALLS.find((kind) => kind.methods.test(method))?.counts ?? "call";
}

/**
 * The group a call counts against, if any: messages into a group (negative chat ids: groups,
 * supergroups, channels). A person's private chat has no limit of its own here.
 */
export function limitedChat(method: string, payload: object): number | undefined {
  if (countingOf(method) !== "message") return undefined;
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  return typeof chatId === "number" && chatId < 0 ? chatId : undefined;
}

/**
 * Whether a failed call may have counted at Telegram: not when Telegram answered with an error
 * other than 429 (it refused the call), nor when no connection was made; yes otherwise.
 */
export function countedAfter(err: unknown): boolean {
  if (err instanceof TelegramError) return err.code === 429;
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return !NOT_CONNECTED.has(String(code));
}

// Node's codes for a connection that was never made: the request cannot have reached Telegram.
export const NOT_CONNECTED: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

/** No limits at all: for a bot that talks to a stub, not to Telegram (the terminal chat, benchmarks). */
export const UNLIMITED: RateLimiterOptions = Object.freeze({
  global: { count: Number.MAX_SAFE_INTEGER, windowMs: 1 },
  perChat: { count: Number.MAX_SAFE_INTEGER, windowMs: 1 },
});

/** A reply that would wait longer than this for its group's limit is refused instead. */
const MAX_REPLY_WAIT_MS = 10_000;

/** A reply that would have to wait too long for its group's limit (the group had 20 this minute). */
export class OutgoingLimitError extends Error {
  constructor(readonly waitMs: number) {
    super(`the group's limit of messages a minute is reached; a slot frees in ${Math.ceil(waitMs / 1000)} s`);
    this.name = "OutgoingLimitError";
  }
}

/** See the file comment. One instance for the whole bot, on the bot's clock. */
export class OutgoingLimiter {
  private readonly limits: RateLimiter;
  /** Replies waiting for an overall slot: broadcasts leave them that many. */
  private repliesWaiting = 0;
  /** The overall ceiling, messages a second. */
  readonly ceilingPerSecond: number;
  /** How long a group's window lasts, in ms: what a restart must still count. */
  readonly perChatWindowMs: number;

  constructor(
    private readonly clock: Clock,
    limits: RateLimiterOptions = {},
  ) {
    this.limits = new RateLimiter(limits);
    const global = limits.global ?? TELEGRAM_LIMITS.global;
    this.ceilingPerSecond = (global.count * 1000) / global.windowMs;
    this.perChatWindowMs = (limits.perChat ?? TELEGRAM_LIMITS.perChat).windowMs;
  }

  /** How long a call of `priority` (to group `chatId`, if any) must wait now, and for which limit. */
  delay(chatId: number | undefined, now: number, priority: Priority): { ms: number; cause: WaitCause } {
    return this.limits.delay(chatId, now, priority === "broadcast" ? this.repliesWaiting : 0);
  }

  /** Counts a call (to group `chatId`, if any) leaving now. */
  take(chatId: number | undefined, now: number): Ticket {
    return this.limits.take(chatId, now);
  }

  /**
   * Settles a call once answered: counted until now when Telegram may have counted it (see
   * rate-limit.ts), given back when it surely did not.
   */
  settle(ticket: Ticket, counted: boolean): void {
    if (counted) this.limits.confirm(ticket, this.clock.now());
    else this.limits.refund(ticket);
  }

  /** Counts what was sent lately by a previous process: Telegram still counts it after a restart. */
  seed(sends: ReadonlyArray<{ chatId: number; at: number }>): void {
    for (const sent of sends) this.limits.record(sent.chatId, sent.at);
  }

  /**
   * Waits for a slot and takes it. A reply goes before broadcasts; one that would wait more than
   * 10 s for its group's limit fails with {@link OutgoingLimitError} rather than hold its update.
   * Rejects with the signal's reason when it aborts first.
   */
  async acquire(chatId: number | undefined, priority: Priority, signal?: AbortSignal): Promise<Ticket> {
    let waitingAsReply = false;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const now = this.clock.now();
        const wait = this.delay(chatId, now, priority);
        if (wait.ms === 0) return this.take(chatId, now);
        if (priority === "reply" && wait.cause === "chat" && wait.ms > MAX_REPLY_WAIT_MS) {
          throw new OutgoingLimitError(wait.ms);
        }
        // Only a reply waiting for the overall limit holds broadcasts back, not one held by its group.
        const holdsBroadcasts = priority === "reply" && wait.cause === "global";
        if (holdsBroadcasts !== waitingAsReply) {
          this.repliesWaiting += holdsBroadcasts ? 1 : -1;
          waitingAsReply = holdsBroadcasts;
        }
        await this.clock.sleep(wait.ms, signal);
      }
    } finally {
      if (waitingAsReply) this.repliesWaiting--;
    }
  }
}
