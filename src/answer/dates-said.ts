/**
 * The dates and months a question gives, read from its phrases: "tgl 24 des 2017", "mulai Januari
 * 2013", "bulan Juni". (How the sources' dates are written out is `dates.ts`.) Pure.
 */
import type { Found } from "./found.ts";
import { hasCue } from "./parts.ts";
import type { Match } from "./vocabulary.ts";

/**
 * "tgl 24 des 2017", "on 24 December": a day before a month is a date. Its year names no group of
 * provinces, and the word of time before it asks nothing ("tanggal" only introduces it).
 */
export function readDates(f: Found, matches: Match[]): void {
  matches.forEach((m, i) => {
    const month = matches[i + 1]?.concepts.find((c) => c.type === "month");
    if (month?.type !== "month" || !/^\d{1,2}$/.test(m.text) || Number(m.text) > 31) return;
    const yearText = matches[i + 2]?.text ?? "";
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    const monthDay = `${String(month.month).padStart(2, "0")}-${m.text.padStart(2, "0")}`;
    f.dates.push(year ? `${year}-${monthDay}` : monthDay);
    if (year) f.years = f.years.filter((y) => y !== year);
    if (hasCue(matches[i - 1], "when")) f.cues.delete("when");
  });
  // "mulai Januari 2013", "bulan Juni": a month with no day before it.
  matches.forEach((m, i) => {
    const month = m.concepts.find((c) => c.type === "month");
    if (month?.type !== "month" || /^\d{1,2}$/.test(matches[i - 1]?.text ?? "")) return;
    const yearText = matches[i + 1]?.text ?? "";
    const year = /^\d{4}$/.test(yearText) ? yearText : undefined;
    if (!year && !MONTH_WORDS.has(matches[i - 1]?.text ?? "")) return;
    const mm = String(month.month).padStart(2, "0");
    f.months.push(year ? `${year}-${mm}` : mm);
  });
}

/** The word for month, before a month's name ("bulan Juni"): without a year, the name is a month only then. */
const MONTH_WORDS: ReadonlySet<string> = new Set(["bulan", "month", "bln"]);
