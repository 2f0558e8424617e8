import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { ProgressMessages } from "../../src/announce/progress.ts";
import { Reports } from "../../src/announce/reports.ts";
import type { FakeCall } from "../support/broadcast-api.ts";
import { broadcastParts } from "../support/broadcast-parts.ts";

/** Reports over an announcement to two groups, both sent. */
function setup(fail?: (call: FakeCall) => Error | undefined) {
  const parts = broadcastParts({ fail });
  const progress = new ProgressMessages(
    { ...parts, staff: parts.api },
    { intervalMs: 3000, ceilingPerSecond: 30 },
  );
  let wakes = 0;
  const reports = new Reports(
    { ...parts, staff: parts.api, progress, wake: () => wakes++ },
    { maxAttempts: 2, retryMs: 10_000, timezone: "Asia/Jakarta" },
  );
  const id = parts.started([-1, -2]);
  for (
    let row = parts.deliveries.nextDue(parts.clock.now());
    row;
    row = parts.deliveries.nextDue(parts.clock.now())
  ) {
    parts.deliveries.claim(row.id);
    parts.deliveries.markSent(row.id, 1);
  }
  parts.announcements.finishIfComplete(id);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { ...parts, reports, id, settled, wakes: () => wakes };
}

describe("the final report", () => {
  it("is sent to the author once, and the announcement marked reported", async () => {
    const s = setup();
    s.reports.sendDue(s.clock.now());
    await s.settled();
    s.reports.sendDue(s.clock.now());
    await s.settled();
    const reports = s.api.calls.filter((call) => call.chatId === 7);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.text).toContain("Laporan pengumuman #1");
    expect(reports[0]?.text).toContain("Terkirim: 2 dari 2 grup");
    expect(s.announcements.get(s.id)?.reportedAt).toBe(s.clock.now());
  });

  it("that fails is tried again after its backoff, at most maxAttempts times", async () => {
    const s = setup(() => new TelegramError({ error_code: 502, description: "Bad Gateway" }));
    s.reports.sendDue(s.clock.now());
    await s.settled();
    expect(s.reports.nextRetryAt()).toBe(s.clock.now() + 10_000);
    expect(s.wakes()).toBe(1);
    s.reports.sendDue(s.clock.now() + 9_999);
    await s.settled();
    expect(s.api.calls).toHaveLength(1);
    s.clock.advance(10_000);
    s.reports.sendDue(s.clock.now());
    await s.settled();
    expect(s.api.calls).toHaveLength(2);
    // Two attempts used: no more until the next start.
    expect(s.reports.nextRetryAt()).toBeUndefined();
    s.clock.advance(600_000);
    s.reports.sendDue(s.clock.now());
    await s.settled();
    expect(s.api.calls).toHaveLength(2);
    expect(s.announcements.get(s.id)?.reportedAt).toBeUndefined();
  });

  it("for an announcement missed while the bot was down, says it was not sent", async () => {
    const s = setup();
    const missed = s.announcements.create({
      authorId: 7,
      authorLang: "en",
      texts: { en: "Meeting <b>tomorrow</b>" },
      audience: { kind: "all" },
      pin: false,
      sendAt: s.clock.now() - 40 * 60_000,
    });
    s.announcements.miss(missed);
    s.reports.sendDue(s.clock.now());
    await s.settled();
    const notice = s.api.calls.find((call) => call.text.includes("was not sent"));
    expect(notice?.text).toContain(`Announcement #${missed} was not sent`);
    expect(notice?.text).toContain("40 min late");
  });
});
