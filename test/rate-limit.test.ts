import { describe, expect, it } from "vitest";
import { RateLimiter } from "../src/telegram/rate-limit.ts";

const limits = {
  global: { count: 30, windowMs: 1000 },
  perChat: { count: 20, windowMs: 60_000 },
  marginMs: 0,
};

describe("the overall limit", () => {
  it("lets 30 messages go at once, then holds the 31st until the first leaves the window", () => {
    const limiter = new RateLimiter(limits);
    for (let i = 0; i < 30; i++) {
      expect(limiter.delay(-i - 1, 1000 + i).ms).toBe(0);
      limiter.confirm(limiter.take(-i - 1, 1000 + i), 1000 + i);
    }
    expect(limiter.delay(-99, 1100)).toEqual({ ms: 900, cause: "global" });
    expect(limiter.delay(-99, 2000).ms).toBe(0);
  });

  it("gives a refunded slot back, and counts a confirmed message from its answer", () => {
    const limiter = new RateLimiter(limits);
    const tickets = Array.from({ length: 30 }, (_, i) => limiter.take(-i - 1, 0));
    expect(limiter.globalDelay(10)).toBe(990);
    limiter.refund(tickets[0] as never);
    expect(limiter.globalDelay(10)).toBe(0);
    limiter.record(-50, 10);
    // The second message's answer came back 40 ms after it left: it counts from then.
    limiter.confirm(tickets[1] as never, 40);
    for (const ticket of tickets.slice(2)) limiter.confirm(ticket, ticket.at);
    for (let i = 0; i < 28; i++) limiter.record(-60 - i, 1000);
    expect(limiter.globalDelay(1000)).toBe(10);
    expect(limiter.globalDelay(1010)).toBe(0);
    limiter.record(-99, 1010);
    expect(limiter.globalDelay(1010)).toBe(30);
  });

  it("counts a message still unanswered past its window 250 ms longer, not for as long as it is slow", () => {
    const limiter = new RateLimiter(limits);
    const slow = limiter.take(-1, 0);
    for (let i = 0; i < 29; i++) limiter.record(-2 - i, 500);
    // Its window ends at 1000, but it may have reached Telegram a little after it left.
    expect(limiter.globalDelay(1000)).toBe(250);
    expect(limiter.globalDelay(1250)).toBe(0);
    // Its answer, 20 s later, counts it again from then (it may have been counted then).
    limiter.confirm(slow, 20_000);
    for (let i = 0; i < 29; i++) limiter.record(-40 - i, 20_000);
    expect(limiter.globalDelay(20_000)).toBe(1000);
  });

  it("adds the margin to the window", () => {
    const limiter = new RateLimiter({ ...limits, marginMs: 25 });
    for (let i = 0; i < 30; i++) limiter.take(-i - 1, 0);
    expect(limiter.globalDelay(0)).toBe(1025);
  });
});

describe("the limit of one chat", () => {
  it("holds the 21st message into a group for the rest of the minute, and only that group", () => {
    const limiter = new RateLimiter(limits);
    for (let i = 0; i < 20; i++) limiter.take(-7, i * 2000);
    expect(limiter.delay(-7, 40_000)).toEqual({ ms: 20_000, cause: "chat" });
    expect(limiter.delay(-8, 40_000)).toEqual({ ms: 0, cause: "global" });
    expect(limiter.delay(-7, 60_000).ms).toBe(0);
  });
});
