import { describe, expect, it } from "vitest";
import { ProgressMessages } from "../../src/announce/progress.ts";
import { broadcastParts } from "../support/broadcast-parts.ts";

/** Progress messages over 40 queued deliveries, edited every 3 s. */
function setup() {
  const parts = broadcastParts();
  const progress = new ProgressMessages(
    { ...parts, staff: parts.api },
    { intervalMs: 3000, ceilingPerSecond: 30 },
  );
  const id = parts.started(Array.from({ length: 40 }, (_, i) => -1 - i));
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { ...parts, progress, id, flush };
}

describe("the progress message", () => {
  it("is sent once, then edited every interval while the text changes", async () => {
    const s = setup();
    expect(s.progress.due(s.clock.now())).toBe(true);
    s.progress.update(s.clock.now());
    await s.flush();
    expect(s.api.calls).toMatchObject([{ method: "sendMessage", chatId: 7 }]);
    expect(s.api.calls[0]?.text).toContain("Terkirim 0/40");
    expect(s.announcements.get(s.id)?.progressMessageId).toBe(1);
    expect(s.progress.due(s.clock.now() + 2999)).toBe(false);
    expect(s.progress.nextAt()).toBe(s.clock.now() + 3000);

    const row = s.deliveries.nextDue(s.clock.now());
    s.deliveries.claim(row?.id ?? 0);
    s.deliveries.markSent(row?.id ?? 0, 99);
    s.clock.advance(3000);
    s.progress.update(s.clock.now());
    await s.flush();
    expect(s.api.calls.map((call) => call.method)).toEqual(["sendMessage", "editMessageText"]);
    expect(s.api.calls[1]?.text).toContain("Terkirim 1/40");

    // Nothing changed: no edit.
    s.clock.advance(3000);
    s.progress.update(s.clock.now());
    await s.flush();
    expect(s.api.calls).toHaveLength(2);
  });

  it("estimates the time left from the recent rate, never above the ceiling", async () => {
    const s = setup();
    for (let i = 0; i < 10; i++) s.progress.recordSend(s.clock.now() - 9000 + i * 1000);
    s.progress.update(s.clock.now());
    await s.flush();
    // 10 sends over 9 s: about 1.1 a second, so 40 left take about 36 s.
    expect(s.api.calls[0]?.text).toContain("±36 detik lagi");
  });

  it("hands its last edit in flight to the report, and forgets the announcement", async () => {
    const s = setup();
    s.progress.update(s.clock.now());
    expect(s.progress.finish(s.id)).toBeInstanceOf(Promise);
    expect(s.progress.finish(s.id)).toBeUndefined();
    expect(s.progress.nextAt()).toBeUndefined();
  });
});
