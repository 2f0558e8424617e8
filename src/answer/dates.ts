/** Dates written out for answers, in either language. Pure. */
import type { Lang } from "../lang.ts";

const MONTHS: Record<Lang, string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/**
 * "2017-12-25" → "25 Desember 2017" ("Senin, 25 Desember 2017" with `weekday`, for a reader who
 * asks which day); "2016-06" → "Juni 2016".
 */
export function formatDate(lang: Lang, date: string, options: { weekday?: boolean } = {}): string {
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[lang][Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  if (!day) return `${monthName} ${year}`;
  const dated = `${Number(day)} ${monthName} ${year}`;
  if (!options.weekday) return dated;
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return `${WEEKDAYS[lang][weekday]}, ${dated}`;
}

// Written out, as the months are: an Intl.DateTimeFormat would load the locales' calendar data
// (some 8 MB held for as long as the bot runs) for seven words.
const WEEKDAYS: Record<Lang, string[]> = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
