import { describe, expect, it } from "vitest";
import { formatDateTime, parseSchedule, zonedTimeToUtc } from "../../src/announce/schedule.ts";

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

describe("times written in words", () => {
  // NOW is Monday 2 June 2025, 08:30 in Jakarta.
  it.each([
    ["besok jam 9", wib(3, 9)],
    ["Besok pukul 09.30", wib(3, 9, 30)],
    ["jam 9 besok", wib(3, 9)],
    ["lusa jam 3 sore", wib(4, 15)],
    ["besok jam 1 siang", wib(3, 13)],
    ["besok jam 7 malam", wib(3, 19)],
    ["Senin 14.00", wib(9, 14)], // the next Monday after today
    ["selasa jam 10", wib(3, 10)],
    ["Jumat depan pukul 8", wib(6, 8)],
    ["rabu, 13:15", wib(4, 13, 15)],
    ["hari ini jam 10", wib(2, 10)],
    ["jam 10", wib(2, 10)],
    ["jam 8", wib(3, 8)], // already past today: tomorrow
    ["jam 4 sore", wib(2, 16)],
    ["tanggal 5 jam 9", wib(5, 9)],
    ["5 Juni 2025 jam 13.30", wib(5, 13, 30)],
    ["10 juli pukul 08.00", wib(10, 8, 0, 7)],
    ["besok jam 9 WITA", wib(3, 8)],
    ["tomorrow 9am", wib(3, 9)],
    ["Tomorrow at 9:30 am", wib(3, 9, 30)],
    ["Monday 2pm", wib(9, 14)],
    ["friday at 10:30", wib(6, 10, 30)],
    ["June 10 at 9am", wib(10, 9)],
    ["8am", wib(3, 8)],
    ["5pm", wib(2, 17)],
    ["tomorrow 9am WIT", wib(3, 7)],
  ])("%s", (input, expected) => {
    expect(parseSchedule(input, NOW, JAKARTA)).toEqual({ ok: true, at: expected });
  });

  it.each([
    ["besok", "format"], // a day without a time
    ["tomorrow", "format"],
    ["9", "format"],
    ["Senin", "format"],
    ["besok jam 25", "invalid"],
    ["31 Februari jam 9", "invalid"],
    ["1 Juni jam 9", "past"],
    ["hari ini jam 8", "past"],
    ["tomorrow 9am and then some", "format"],
    ["rapat besok jam 9", "format"],
  ])("refuses %j (%s)", (input, error) => {
    expect(parseSchedule(input, NOW, JAKARTA)).toEqual({ ok: false, error });
  });

  it("reads them in the configured time zone", () => {
    // 08:30 in Jakarta is 10:30 in Jayapura: "jam 10" there has passed, so it is tomorrow's.
    const jayapura = (d: number, h: number) => Date.UTC(2025, 5, d, h - 9);
    expect(parseSchedule("jam 10", NOW, "Asia/Jayapura")).toEqual({ ok: true, at: jayapura(3, 10) });
    expect(parseSchedule("besok jam 9", NOW, "Asia/Jayapura")).toEqual({ ok: true, at: jayapura(3, 9) });
    expect(parseSchedule("tomorrow 9am", NOW, "Asia/Jayapura")).toEqual({ ok: true, at: jayapura(3, 9) });
    expect(parseSchedule("5pm", NOW, "Europe/Berlin")).toEqual({ ok: true, at: Date.UTC(2025, 5, 2, 15) });
  });
});
