import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import {
  backoff,
  DELIVERY_RULES,
  deliveryRule,
  type ErrorExample,
} from "../../src/announce/delivery-policy.ts";
import { countedAfter } from "../../src/telegram/outgoing.ts";

/** The error an example stands for: Telegram's answer, or a network failure as node-fetch throws it. */
function errorOf(example: ErrorExample): Error {
  if ("network" in example)
    return Object.assign(new Error(example.network), { name: "FetchError", code: example.code });
  return new TelegramError(example);
}

describe("the delivery policy table", () => {
  for (const rule of DELIVERY_RULES) {
    it.each(rule.examples.map((example) => [JSON.stringify(example), example] as const))(
      `row "${rule.name}" decides %s`,
      (_name, example) => {
        expect(deliveryRule(errorOf(example)).name).toBe(rule.name);
      },
    );
  }

  it("names each row once, and every row has examples", () => {
    const names = DELIVERY_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of DELIVERY_RULES) expect(rule.examples.length).toBeGreaterThan(0);
  });

  it("turns each kind of answer into its action", () => {
    const action = (example: ErrorExample) => deliveryRule(errorOf(example)).action(errorOf(example));
    expect(action({ error_code: 429, description: "Too Many", parameters: { retry_after: 7 } })).toEqual({
      kind: "wait",
      reason: "rate_limited",
      waitMs: 7000,
    });
    expect(
      action({ error_code: 400, description: "upgraded", parameters: { migrate_to_chat_id: -100123 } }),
    ).toEqual({ kind: "follow", reason: "migrated", newChatId: -100123 });
    expect(action({ error_code: 403, description: "Forbidden: bot was blocked" })).toMatchObject({
      kind: "drop-group",
      reason: "forbidden",
    });
    expect(action({ error_code: 400, description: "Bad Request: chat not found" })).toMatchObject({
      kind: "drop-group",
      reason: "chat_not_found",
    });
    expect(action({ error_code: 400, description: "Bad Request: message is too long" })).toMatchObject({
      kind: "give-up",
    });
    expect(action({ error_code: 503, description: "Service Unavailable" })).toMatchObject({
      kind: "retry",
      reason: "server_error",
    });
    expect(action({ network: "read ECONNRESET", code: "ECONNRESET" })).toEqual({
      kind: "retry",
      reason: "network",
      maybeDelivered: true,
    });
    expect(action({ network: "connect ECONNREFUSED", code: "ECONNREFUSED" })).toEqual({
      kind: "retry",
      reason: "network",
      maybeDelivered: false,
    });
  });

  it("gives a refused call's slot back, and keeps the slot of a 429 or an unanswered call", () => {
    const counted = (example: ErrorExample) => deliveryRule(errorOf(example)).counted;
    expect(counted({ error_code: 400, description: "Bad Request" })).toBe(false);
    expect(counted({ error_code: 502, description: "Bad Gateway" })).toBe(false);
    expect(counted({ error_code: 429, description: "Too Many Requests" })).toBe(true);
    expect(counted({ network: "socket hang up" })).toBe(true);
    expect(counted({ network: "connect ECONNREFUSED", code: "ECONNREFUSED" })).toBe(false);
  });

  it("counts a failed call as the outgoing limiter does for the bot's other calls", () => {
    for (const rule of DELIVERY_RULES) {
      for (const example of rule.examples) {
        expect(countedAfter(errorOf(example)), `${rule.name}: ${JSON.stringify(example)}`).toBe(rule.counted);
      }
    }
  });

  it("backs off doubling from the first wait, up to the longest", () => {
    expect([1, 2, 3, 4, 10].map((attempts) => backoff(attempts, 1000, 5000))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
  });
});
