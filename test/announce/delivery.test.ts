import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { Delivery } from "../../src/announce/delivery.ts";
import type { FakeCall } from "../support/broadcast-api.ts";
import { broadcastParts } from "../support/broadcast-parts.ts";

const OPTIONS = { maxAttempts: 3, backoffMs: 1000, maxBackoffMs: 60_000, requestTimeoutMs: 30_000 };

/** One delivery to group -1 (and -2 queued beside it), failing as `fail` says. */
function setup(fail?: (call: FakeCall) => Error | undefined) {
  const parts = broadcastParts({ fail });
  const sent: number[] = [];
  const delivery = new Delivery({ ...parts, api: parts.api }, OPTIONS, (at) => sent.push(at));
  const id = parts.started([-1, -2]);
  /** Claims the next due delivery to -1 and sends it. */
  const sendOne = async () => {
    const row = parts.deliveries.nextDue(parts.clock.now(), [-2]);
    if (!row || !parts.deliveries.claim(row.id)) throw new Error("nothing due for -1");
    await delivery.send(row, parts.pacer.take(row.chatId, parts.clock.now()));
  };
  return { ...parts, id, sent, sendOne };
}

const telegram = (error_code: number, description: string, parameters?: object) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe("one delivery", () => {
  it("records Telegram's message id and tells of the send", async () => {
    const s = setup();
    await s.sendOne();
    expect(s.deliveries.counts(s.id)).toMatchObject({ sent: 1, pending: 1 });
    expect(s.sent).toEqual([s.clock.now()]);
    expect(s.api.calls).toMatchObject([{ method: "sendMessage", chatId: -1, text: "Halo" }]);
  });

  it("after a 429, waits its retry_after without counting the attempt", async () => {
    const s = setup(() => telegram(429, "Too Many Requests: retry after 4", { retry_after: 4 }));
    await s.sendOne();
    expect(s.deliveries.nextDue(s.clock.now() + 3999, [-2])).toBeUndefined();
    expect(s.deliveries.nextDue(s.clock.now() + 4000, [-2])).toMatchObject({ chatId: -1, attempts: 0 });
  });

  it("after a 5xx, retries with backoff, and fails once the attempts are used up", async () => {
    const s = setup(() => telegram(502, "Bad Gateway"));
    await s.sendOne();
    expect(s.deliveries.nextDue(s.clock.now() + 999, [-2])).toBeUndefined();
    s.clock.advance(1000);
    await s.sendOne();
    s.clock.advance(2000);
    await s.sendOne();
    expect(s.deliveries.problems(s.id)).toMatchObject([
      { chatId: -1, status: "failed", reason: "server_error", detail: "502: Bad Gateway" },
    ]);
  });

  it("after a 403, fails it, unsubscribes the group and skips its other deliveries", async () => {
    const s = setup(() => telegram(403, "Forbidden: bot was kicked from the group chat"));
    const later = s.started([-1]);
    await s.sendOne();
    expect(s.groups.get(-1)?.active).toBe(false);
    expect(s.subscriptions.get(-1).subscribed).toBe(false);
    expect(s.deliveries.problems(s.id)).toMatchObject([
      { chatId: -1, status: "failed", reason: "forbidden" },
    ]);
    expect(s.deliveries.problems(later)).toMatchObject([
      { chatId: -1, status: "skipped", reason: "inactive" },
    ]);
  });

  it("follows a group upgraded to a supergroup, and sends there", async () => {
    let upgraded = false;
    const s = setup((call) => {
      if (call.chatId !== -1 || upgraded) return undefined;
      upgraded = true;
      return telegram(400, "Bad Request: group chat was upgraded", { migrate_to_chat_id: -1001 });
    });
    await s.sendOne();
    const moved = s.deliveries.nextDue(s.clock.now(), [-2]);
    expect(moved).toMatchObject({ chatId: -1001 });
    expect(s.subscriptions.get(-1001).subscribed).toBe(true);
  });

  it("records nothing after a kill: the call's answer is lost with the process", async () => {
    const s = setup();
    s.life.state = "killed";
    await s.sendOne();
    expect(s.deliveries.counts(s.id)).toMatchObject({ sending: 1, sent: 0 });
  });
});
