/**
 * What a failed delivery means, as a table: each row names a kind of answer from Telegram (or its
 * absence), what the worker does about it, and examples the tests run through the table. The
 * first row that matches decides, so a failure in the log names its row.
 */
import { TelegramError } from "telegraf";
import { isForbidden, migratedTo, retryAfter } from "../telegram/api-retry.ts";
import { NOT_CONNECTED } from "../telegram/outgoing.ts";

/** What the worker does with a delivery that failed. */
export type DeliveryAction =
  /** Put it back for after Telegram's `retry_after`, the attempt not counted; other groups go on. */
  | { kind: "wait"; reason: "rate_limited"; waitMs: number }
  /** The group became a supergroup: move its records to the new id and send there. */
  | { kind: "follow"; reason: "migrated"; newChatId: number }
  /** The bot may not write there any more: fail it, and unsubscribe the group. */
  | { kind: "drop-group"; reason: "forbidden" | "chat_not_found" }
  /** Telegram refused this message: retrying cannot help. */
  | { kind: "give-up"; reason: "rejected" }
  /**
   * Telegram struggled or did not answer: try again after a backoff, a bounded number of times.
   * `maybeDelivered` when the failed attempt may have reached the group all the same.
   */
  | { kind: "retry"; reason: "server_error" | "network"; maybeDelivered: boolean };

/** An error as the tests write it: Telegram's answer, or a network failure's message. */
export type ErrorExample =
  | {
      error_code: number;
      description: string;
      parameters?: { retry_after?: number; migrate_to_chat_id?: number };
    }
  | { network: string; code?: string };

/** One row of the policy. */
interface DeliveryRule {
  name: string;
  matches: (err: unknown) => boolean;
  action: (err: unknown) => DeliveryAction;
  /**
   * Whether Telegram may have counted the call against its limits. A refusal did not count, so
   * its slot goes back to the limiter; a 429 says our count is behind Telegram's, and a call
   * without an answer may have gone out: those keep their slot.
   */
  counted: boolean;
  examples: readonly ErrorExample[];
}

const codeOf = (err: unknown) => (err instanceof TelegramError ? err.code : undefined);
const systemCode = (err: unknown) => (err instanceof Error ? (err as { code?: unknown }).code : undefined);
// A 400 that means the group is gone as surely as a 403 does.
const CHAT_GONE = /chat not found|group chat was deleted|chat was deactivated/i;

/** The policy, first match wins; the last row takes anything. */
export const DELIVERY_RULES: readonly DeliveryRule[] = [
  {
    name: "flood wait",
    matches: (err) => codeOf(err) === 429,
    action: (err) => ({ kind: "wait", reason: "rate_limited", waitMs: (retryAfter(err) ?? 1) * 1000 }),
    counted: true,
    examples: [
      { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } },
      { error_code: 429, description: "Too Many Requests" },
    ],
  },
  {
    name: "group upgraded to a supergroup",
    matches: (err) => migratedTo(err) !== undefined,
    action: (err) => ({ kind: "follow", reason: "migrated", newChatId: migratedTo(err) ?? 0 }),
    counted: false,
    examples: [
      {
        error_code: 400,
        description: "Bad Request: group chat was upgraded to a supergroup chat",
        parameters: { migrate_to_chat_id: -1001234 },
      },
    ],
  },
  {
    name: "bot removed from the group",
    matches: isForbidden,
    action: () => ({ kind: "drop-group", reason: "forbidden" }),
    counted: false,
    examples: [
      { error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
      { error_code: 403, description: "Forbidden: bot is not a member of the supergroup chat" },
    ],
  },
  {
    name: "group gone",
    matches: (err) => codeOf(err) === 400 && CHAT_GONE.test((err as TelegramError).description),
    action: () => ({ kind: "drop-group", reason: "chat_not_found" }),
    counted: false,
    examples: [
      { error_code: 400, description: "Bad Request: chat not found" },
      { error_code: 400, description: "Bad Request: group chat was deleted" },
    ],
  },
  {
    name: "message refused",
    matches: (err) => (codeOf(err) ?? 500) < 500,
    action: () => ({ kind: "give-up", reason: "rejected" }),
    counted: false,
    examples: [
      { error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag" },
      { error_code: 400, description: "Bad Request: message is too long" },
    ],
  },
  {
    // Telegram answered that it could not take the message: it almost surely did not send it.
    name: "Telegram struggling",
    matches: (err) => codeOf(err) !== undefined,
    action: () => ({ kind: "retry", reason: "server_error", maybeDelivered: false }),
    counted: false,
    examples: [
      { error_code: 502, description: "Bad Gateway" },
      { error_code: 500, description: "Internal Server Error" },
    ],
  },
  {
    name: "Telegram not reached",
    matches: (err) => NOT_CONNECTED.has(String(systemCode(err))),
    action: () => ({ kind: "retry", reason: "network", maybeDelivered: false }),
    counted: false,
    examples: [
      { network: "connect ECONNREFUSED 149.154.167.220:443", code: "ECONNREFUSED" },
      { network: "getaddrinfo EAI_AGAIN api.telegram.org", code: "EAI_AGAIN" },
    ],
  },
  {
    // The request may have reached Telegram, which may have sent the message before the
    // connection dropped or while we gave up waiting. Retried so that no group misses it: that
    // group may then get it twice, and the report says so.
    name: "no answer",
    matches: () => true,
    action: () => ({ kind: "retry", reason: "network", maybeDelivered: true }),
    counted: true,
    examples: [
      { network: "socket hang up", code: "ECONNRESET" },
      { network: "read ECONNRESET", code: "ECONNRESET" },
      { network: "The operation was aborted due to timeout" },
    ],
  },
];

/** The row that decides what `err` means. */
export function deliveryRule(err: unknown): DeliveryRule {
  const rule = DELIVERY_RULES.find((row) => row.matches(err));
  // The last row matches anything; this only satisfies the type.
  return rule ?? (DELIVERY_RULES.at(-1) as DeliveryRule);
}

/** How long a retry waits after `attempts` attempts: doubling from `backoffMs`, at most `maxBackoffMs`. */
export function backoff(attempts: number, backoffMs: number, maxBackoffMs: number): number {
  return Math.min(backoffMs * 2 ** Math.max(0, attempts - 1), maxBackoffMs);
}
