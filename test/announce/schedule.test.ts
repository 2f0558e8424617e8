import { describe, expect, it } from "vitest";
import { formatDateTime, parseSchedule, zonedTimeToUtc } from "../../src/announce/schedule";

const JAKARTA = "Asia/Jakarta";
/** 2 June 2025, 08:30 in Jakarta (UTC+7). */
const NOW = Date.UTC(2025, 5, 2, 1, 30);
const wib = (d: number, h: number, m = 0, month = 6) => Date.UTC(2025, month - 1, d, h - 7, m);

describe("reading a typed time in Asia/Jakarta", () => {
  it.each([
    ["2025-06-02 10:00", wib(2, 10)],
    ["2025-06-02T10:00", wib(2, 10)],
    ["2/6/2025 09.00", wib(2, 9)],
    ["02-06-2025 pukul 9:05", wib(2, 9, 5)],
    ["03/06/2025 09:00 WIB", wib(3, 9)],
    ["14:30", wib(2, 14, 30)],
    ["08:00", wib(3, 8)], // already past today: tomorrow
    ["besok 09:00", wib(3, 9)],
    ["Tomorrow at 7.15", wib(3, 7, 15)],
    ["hari ini 23:59", wib(2, 23, 59)],
    ["2025-06-30 23:00", wib(30, 23)],
  ])("%s", (input, expected) => {
    expect(parseSchedule(input, NOW, JAKARTA)).toEqual({ ok: true, at: expected });
  });

  it.each([
    ["kemarin", "format"],
    ["2025-13-01 10:00", "invalid"],
    ["31/02/2025 10:00", "invalid"],
    ["2025-06-02 24:00", "invalid"],
    ["2025-06-02 08:00", "past"],
    ["hari ini 08:00", "past"],
    ["", "format"],
  ])("refuses %j (%s)", (input, error) => {
    expect(parseSchedule(input, NOW, JAKARTA)).toEqual({ ok: false, error });
  });
});

describe("a time typed with WIB, WITA or WIT", () => {
  // 08:30 WIB is 09:30 WITA and 10:30 WIT.
  it.each([
    ["2025-06-03 09:00 WITA", wib(3, 8)],
    ["2025-06-03 09:00 wita", wib(3, 8)],
    ["03/06/2025 09.00 WIT", wib(3, 7)],
    ["2025-06-02 12:00 WIT", wib(2, 10)],
    ["10:00 WITA", wib(2, 9)], // still to come today in Makassar
    ["09:00 WITA", wib(3, 8)], // already past in Makassar: tomorrow there
    ["besok 09:00 WIT", wib(3, 7)],
    ["03/06/2025 09:00 WIB", wib(3, 9)],
  ])("%s", (input, expected) => {
    expect(parseSchedule(input, NOW, JAKARTA)).toEqual({ ok: true, at: expected });
  });

  it("is past when it is past in that zone", () => {
    expect(parseSchedule("hari ini 09:00 WITA", NOW, JAKARTA)).toEqual({ ok: false, error: "past" });
  });

  it("overrides the configured zone; a time without a suffix keeps it", () => {
    expect(parseSchedule("2025-06-03 09:00 WIB", NOW, "Asia/Jayapura")).toEqual({ ok: true, at: wib(3, 9) });
    expect(parseSchedule("2025-06-03 09:00", NOW, "Asia/Jayapura")).toEqual({ ok: true, at: wib(3, 7) });
  });
});

describe("other time zones", () => {
  it("follows daylight saving time (Europe/Berlin)", () => {
    expect(zonedTimeToUtc(2025, 1, 15, 12, 0, "Europe/Berlin")).toBe(Date.UTC(2025, 0, 15, 11, 0));
    expect(zonedTimeToUtc(2025, 7, 15, 12, 0, "Europe/Berlin")).toBe(Date.UTC(2025, 6, 15, 10, 0));
  });

  it("shows a time with its zone, in each language", () => {
    expect(formatDateTime(wib(2, 10), "id", JAKARTA)).toMatch(
      /Senin, 0?2 Juni 2025.*10\.00 \(Asia\/Jakarta\)/,
    );
    expect(formatDateTime(wib(2, 10), "en", JAKARTA)).toMatch(/Monday.*2 June 2025.*10:00 \(Asia\/Jakarta\)/);
  });
});
