import type { Telegram } from "telegraf";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Liveness } from "../src/telegram/liveness.ts";
import { RecentIds, WebhookIntake } from "../src/telegram/webhook-intake.ts";
import { LEVEL, recordingLogger } from "./support/log-records.ts";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A Telegram whose getUpdates answers as `answers` say, in turn: "hang" waits until aborted. */
function fakeTelegram(answers: Array<"hang" | "ok" | Error>) {
  const calls: Array<{ payload: Record<string, unknown> }> = [];
  const telegram = {
    callApi(_method: string, payload: Record<string, unknown>, options?: { signal?: AbortSignal }) {
      calls.push({ payload });
      const answer = answers.shift() ?? "ok";
      if (answer === "ok") return Promise.resolve([]);
      if (answer instanceof Error) return Promise.reject(answer);
      return new Promise((_, reject) =>
        options?.signal?.addEventListener("abort", () =>
          reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
        ),
      );
    },
  };
  return { telegram: telegram as unknown as Telegram, calls };
}

function setup(answers: Array<"hang" | "ok" | Error> = []) {
  const log = recordingLogger();
  const liveness = new Liveness(log.logger);
  const { telegram, calls } = fakeTelegram(answers);
  liveness.watchPolling(telegram);
  return { liveness, telegram, calls, records: log.records };
}

describe("long polling with production settings", () => {
  it("gives up a poll held open 30 s after sending it, and recovers within 60 s", async () => {
    const s = setup(["hang", "ok"]);
    const poll = s.telegram.callApi("getUpdates", { timeout: 50, offset: 0 });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(s.calls).toHaveLength(1);
    expect(s.liveness.verdict().ok).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls).toHaveLength(2);
    await expect(poll).resolves.toEqual([]);
    // Telegraf's 50 s long poll is asked as 25 s: a dead connection is noticed sooner.
    expect(s.calls.map((c) => c.payload.timeout)).toEqual([25, 25]);
    expect(s.liveness.verdict()).toEqual({ ok: true });
  });

  it("leaves a poll stopped by Telegraf stopped", async () => {
    const s = setup(["hang"]);
    const stop = new AbortController();
    const poll = s.telegram.callApi("getUpdates", { timeout: 50 }, { signal: stop.signal } as never);
    stop.abort();
    await expect(poll).rejects.toThrow("aborted");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.calls).toHaveLength(1);
  });

  it("warns at the first failure, errors with how long at 30 s, says 503 meanwhile, and notes the recovery", async () => {
    const s = setup();
    const startedAt = Date.now();
    for (let i = 0; i < 14; i++) {
      s.liveness.pollFailed(new Error("502: Bad Gateway"), Date.now());
      await vi.advanceTimersByTimeAsync(5_000);
    }
    const records = s.records();
    expect(records.filter((r) => r.level === LEVEL.warn)).toHaveLength(1);
    const errors = records.filter((r) => r.level === LEVEL.error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ failingForSec: 30, failures: 7, lastError: "502: Bad Gateway" });
    expect(s.liveness.verdict()).toEqual({
      ok: false,
      reason: `getUpdates has failed for ${(Date.now() - startedAt) / 1000} s (14 attempts): 502: Bad Gateway`,
    });
    s.liveness.received();
    expect(s.liveness.verdict()).toEqual({ ok: true });
    expect(s.records().at(-1)).toMatchObject({
      msg: "getUpdates works again",
      failures: 14,
      failedForSec: 70,
    });
  });

  it("calls a bot stale that has had no answer for 3 minutes, failing or not", async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(179_000);
    expect(s.liveness.verdict().ok).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.liveness.verdict()).toEqual({ ok: false, reason: "no answer from getUpdates for 180 s" });
  });
});

describe("a webhook's silence", () => {
  it("is fine while Telegram holds nothing, stale when it holds updates, fine again when one comes", async () => {
    const log = recordingLogger();
    const liveness = new Liveness(log.logger);
    let pending = 0;
    const telegram = {
      getWebhookInfo: async () => ({ url: "", has_custom_certificate: false, pending_update_count: pending }),
    } as unknown as Telegram;
    const stop = liveness.watchWebhook(telegram);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(liveness.verdict()).toEqual({ ok: true });
    pending = 5;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(liveness.verdict()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Telegram holds 5 updates/),
    });
    liveness.received();
    expect(liveness.verdict()).toEqual({ ok: true });
    stop();
  });
});

describe("update ids remembered", () => {
  it("says a repeat within the time, forgets after it, and holds at most its maximum", () => {
    let now = 0;
    const ids = new RecentIds(1_000, 3, () => now);
    expect(ids.add(1)).toBe(true);
    expect(ids.add(1)).toBe(false);
    now = 1_001;
    expect(ids.add(1)).toBe(true);
    for (const id of [2, 3, 4, 5]) ids.add(id);
    expect(ids.size).toBe(3);
    expect(ids.add(5)).toBe(false);
    expect(ids.add(2)).toBe(true);
  });
});

describe("the webhook intake", () => {
  it("handles an update once, holds Telegram back only when full, and drains", async () => {
    vi.useRealTimers();
    const started: number[] = [];
    const release: Array<() => void> = [];
    const intake = new WebhookIntake(
      (update) =>
        new Promise<void>((resolve) => {
          started.push(update.update_id);
          release.push(resolve);
        }),
      { maxInFlight: 2 },
    );
    expect(await intake.accept({ update_id: 1 })).toBe("accepted");
    expect(await intake.accept({ update_id: 1 })).toBe("repeat");
    expect(await intake.accept({ update_id: 2 })).toBe("accepted");
    let third = false;
    const waiting = intake.accept({ update_id: 3 }).then(() => {
      third = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(third).toBe(false);
    release.shift()?.();
    await waiting;
    expect(started).toEqual([1, 2, 3]);
    let drained = false;
    const draining = intake.drain().then(() => {
      drained = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    for (const done of release.splice(0)) done();
    await draining;
    expect(intake.inFlight).toBe(0);
  });
});
