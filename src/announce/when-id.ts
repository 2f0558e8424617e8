/**
 * Times as Indonesian staff write them: "besok jam 9", "Senin 14.00", "lusa pukul 10 pagi",
 * "tanggal 5 Juni jam 13.30", "jam 3 sore". A small parser of our own (chrono-node reads English
 * only). Pure: today's date comes in.
 */

/** A wall time: year, month (1-12), day, hour, minute. */
export type WallTime = [year: number, month: number, day: number, hour: number, minute: number];

/** Today in the bot's time zone. */
export interface Today {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ["minggu", 0],
  ["ahad", 0],
  ["senin", 1],
  ["selasa", 2],
  ["rabu", 3],
  ["kamis", 4],
  ["jumat", 5],
  ["jum'at", 5],
  ["sabtu", 6],
]);

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["januari", "jan"],
    ["februari", "feb", "pebruari"],
    ["maret", "mar"],
    ["april", "apr"],
    ["mei"],
    ["juni", "jun"],
    ["juli", "jul"],
    ["agustus", "agu", "agt", "ags", "agus"],
    ["september", "sep", "sept"],
    ["oktober", "okt"],
    ["november", "nov", "nop"],
    ["desember", "des"],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1])),
);

/** Days from today a word names. */
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ["hari ini", 0],
  ["nanti", 0],
  ["besok", 1],
  ["lusa", 2],
]);

/** What a part of the day does to an hour written on a 12-hour clock. */
const DAY_PARTS: ReadonlyMap<string, (hour: number) => number> = new Map([
  ["pagi", (h: number) => (h === 12 ? 0 : h)],
  ["siang", (h: number) => (h < 11 ? h + 12 : h)],
  ["sore", (h: number) => (h < 12 ? h + 12 : h)],
  ["malam", (h: number) => (h < 12 && h > 4 ? h + 12 : h)],
]);

const names = (map: ReadonlyMap<string, unknown>) =>
  [...map.keys()].sort((a, b) => b.length - a.length).join("|");
const TIME = String.raw`(?:(?:jam|pukul|pkl\.?)\s*)?(\d{1,2})(?:[:.](\d{2}))?(?:\s+(${names(DAY_PARTS)}))?`;
const MONTH = String.raw`(?:\s+(${names(MONTHS)})(?:\s+(\d{4}))?)`;
// A date is "tanggal 5", "5 Juni" or "5 Juni 2025": a number alone would be read as an hour.
const DAY = String.raw`(${names(RELATIVE_DAYS)})|(${names(WEEKDAYS)})(?:\s+depan)?|(?:(?:tanggal|tgl\.?)\s*(\d{1,2})${MONTH}?|(\d{1,2})${MONTH})`;
/** A day then a time ("besok jam 9"), or a time then a day ("jam 9 besok"). */
const DAY_THEN_TIME = new RegExp(String.raw`^(?:(?:${DAY}),?\s+)?${TIME}$`);
const TIME_THEN_DAY = new RegExp(String.raw`^${TIME},?\s+(?:${DAY})$`);

interface Parts {
  relative?: string | undefined;
  weekday?: string | undefined;
  date?: string | undefined;
  month?: string | undefined;
  year?: string | undefined;
  hour: string;
  minute?: string | undefined;
  dayPart?: string | undefined;
}

function parts(text: string): Parts | undefined {
  const a = DAY_THEN_TIME.exec(text);
  if (a) {
    const [, relative, weekday, date1, month1, year1, date2, month2, year2, hour = "", minute, dayPart] = a;
    const [date, month, year] = date1 ? [date1, month1, year1] : [date2, month2, year2];
    return { relative, weekday, date, month, year, hour, minute, dayPart };
  }
  const b = TIME_THEN_DAY.exec(text);
  if (b) {
    const [, hour = "", minute, dayPart, relative, weekday, date1, month1, year1, date2, month2, year2] = b;
    const [date, month, year] = date1 ? [date1, month1, year1] : [date2, month2, year2];
    return { relative, weekday, date, month, year, hour, minute, dayPart };
  }
  return undefined;
}

/** The date `days` after today. */
function plusDays(today: Today, days: number): [number, number, number] {
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * The wall time an Indonesian text names (lower case, spaces collapsed, no zone suffix), or
 * `undefined` when it is not one. A bare hour needs "jam", "pukul" or a part of the day ("9"
 * alone is no time); a bare time already past today means tomorrow; a weekday means the next
 * one after today; a date without a year is this year's.
 */
export function indonesianWallTime(text: string, today: Today): WallTime | undefined {
  const p = parts(text);
  if (!p) return undefined;
  const bareHour = p.minute === undefined && !/\b(jam|pukul|pkl)\b/.test(text);
  if (bareHour && !p.dayPart) return undefined;
  const hour = (DAY_PARTS.get(p.dayPart ?? "") ?? ((h: number) => h))(Number(p.hour));
  const minute = Number(p.minute ?? 0);
  const dated = (date: [number, number, number]): WallTime => [...date, hour, minute];
  if (p.relative !== undefined) return dated(plusDays(today, RELATIVE_DAYS.get(p.relative) ?? 0));
  if (p.weekday !== undefined) {
    const weekday = WEEKDAYS.get(p.weekday) ?? 0;
    const todayWeekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    // The next such day after today ("Senin depan" too): the confirmation shows the date.
    const ahead = ((weekday - todayWeekday + 6) % 7) + 1;
    return dated(plusDays(today, ahead));
  }
  if (p.date !== undefined) {
    const month = p.month === undefined ? today.month : (MONTHS.get(p.month) ?? 0);
    return [p.year ? Number(p.year) : today.year, month, Number(p.date), hour, minute];
  }
  const past = hour * 60 + minute <= today.hour * 60 + today.minute;
  return dated(plusDays(today, past ? 1 : 0));
}
