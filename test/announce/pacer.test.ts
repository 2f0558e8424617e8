import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/announce/pacer.ts";
import { OutgoingLimiter } from "../../src/telegram/outgoing.ts";
import { ManualClock } from "../support/clock.ts";

const LIMITS = { global: { count: 2, windowMs: 1000 }, perChat: { count: 1, windowMs: 60_000 }, marginMs: 0 };

describe("the pacer", () => {
  it("counts a call from when it leaves until its answer, and gives a refused call's slot back", async () => {
    const clock = new ManualClock(0);
    const pacer = new Pacer(new OutgoingLimiter(clock, LIMITS), clock);
    await pacer.counted(async () => clock.advance(100));
    await expect(
      pacer.counted(async () => {
        throw new TelegramError({ error_code: 400, description: "Bad Request" });
      }),
    ).rejects.toThrow();
    // One slot used (from its answer at 100), the refused one given back.
    expect(pacer.globalWait()).toBe(0);
    pacer.take(-1, clock.now());
    expect(pacer.globalWait()).toBe(1000);
    expect(pacer.delay(-1, clock.now() + 1000)).toEqual({ ms: 59_000, cause: "chat" });
  });

  it("waits for a free slot, and stops waiting when told to", async () => {
    const clock = new ManualClock(0);
    const pacer = new Pacer(new OutgoingLimiter(clock, LIMITS), clock);
    pacer.seed([
      { chatId: -1, at: 0 },
      { chatId: -2, at: 0 },
    ]);
    const waited = pacer.waitForSlot(new AbortController().signal);
    clock.advance(1000);
    await expect(waited).resolves.toBe(true);
    pacer.take(-3, clock.now());
    pacer.take(-4, clock.now());
    const stop = new AbortController();
    const stopped = pacer.waitForSlot(stop.signal);
    stop.abort();
    await expect(stopped).resolves.toBe(false);
  });
});
