/**
 * Dates and times typed by staff, read in the bot's time zone (Asia/Jakarta unless configured).
 * Pure: the current time is passed in.
 */
import type { Lang } from "../lang.ts";
import { englishWallTime } from "./when-en.ts";
import { indonesianWallTime, type WallTime } from "./when-id.ts";

/** Why a typed time was not accepted; the feature turns these into messages. */
type ScheduleError = "format" | "invalid" | "past";

type ParsedTime = { ok: true; at: number } | { ok: false; error: ScheduleError };

const TIME = String.raw`(\d{1,2})[:.](\d{2})`;
// 2025-06-02 09:00 · 2/6/2025 09.00 · 02-06-2025 9:00 · 09:00 · besok 09:00 · tomorrow 9:00
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+|t)${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(?:(?:pukul|jam|at)\s+)?${TIME}$`);
const RELATIVE = new RegExp(
  String.raw`^(?:(hari ini|today|besok|tomorrow)\s+)?(?:(?:pukul|jam|at)\s+)?${TIME}$`,
);

/**
 * Indonesia's three zones as staff write them after a time, as fixed offsets: WIB UTC+7, WITA
 * UTC+8, WIT UTC+9, none with daylight saving. (The `Etc/GMT` names count the other way round.)
 */
const INDONESIAN_ZONES: ReadonlyMap<string, string> = new Map([
  ["wib", "Etc/GMT-7"],
  ["wita", "Etc/GMT-8"],
  ["wit", "Etc/GMT-9"],
]);
const ZONE_SUFFIX = /\s*(wib|wita|wit)$/;

/**
 * Reads "2025-06-02 09:00", "2/6/2025 09.00", "09:00" (today, or tomorrow once past), Indonesian
 * ("besok jam 9", "Senin 14.00", "lusa jam 3 sore") or English ("tomorrow 9am", "Monday 2pm") as
 * a time in `timeZone`; it must lie after `now`. A time followed by WIB, WITA or WIT is read in
 * that zone instead ("09:00 WITA" is 08:00 WIB).
 */
export function parseSchedule(input: string, now: number, timeZone: string): ParsedTime {
  let text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const suffix = ZONE_SUFFIX.exec(text);
  const zone = (suffix?.[1] && INDONESIAN_ZONES.get(suffix[1])) || timeZone;
  if (suffix) text = text.slice(0, suffix.index);
  const parts = wallTime(text, now, zone);
  if (!parts) return { ok: false, error: "format" };
  const at = zonedTimeToUtc(...parts, zone);
  if (at === undefined) return { ok: false, error: "invalid" };
  if (at <= now) return { ok: false, error: "past" };
  return { ok: true, at };
}

/** The wall time a text names, or `undefined` when it matches none of the accepted forms: numbers first, then words. */
function wallTime(text: string, now: number, timeZone: string): WallTime | undefined {
  const iso = ISO.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5])];
  const dmy = DMY.exec(text);
  if (dmy) return [Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), Number(dmy[4]), Number(dmy[5])];
  const rel = RELATIVE.exec(text);
  if (!rel)
    return (
      indonesianWallTime(text, zonedParts(now, timeZone)) ??
      englishWallTime(text, now, offsetAt(now, timeZone) / 60_000)
    );
  const today = zonedParts(now, timeZone);
  const hour = Number(rel[2]);
  const minute = Number(rel[3]);
  const word = rel[1];
  let dayOffset = word === "besok" || word === "tomorrow" ? 1 : 0;
  // A bare time already past today means tomorrow; "today 08:00" at 09:00 stays in the past.
  if (!word && hour * 60 + minute <= today.hour * 60 + today.minute) dayOffset = 1;
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + dayOffset));
  return [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute];
}

/**
 * The instant when clocks in `timeZone` show the given wall time, or `undefined` for a date that
 * does not exist (31 February, 25:00).
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  // The zone's offset at the guess, then again at the result: right across a DST change too.
  let utc = wall - offsetAt(wall, timeZone);
  const second = offsetAt(utc, timeZone);
  if (wall - second !== utc) utc = wall - second;
  return utc;
}

/** The wall-clock parts of `at` in `timeZone`. */
export function zonedParts(
  at: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

/** How far `timeZone` is ahead of UTC at `at`, in ms, to the minute. */
function offsetAt(at: number, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(at / 60_000) * 60_000;
}

/** "Senin, 2 Juni 2025 09.00 (Asia/Jakarta)" / "Monday 2 June 2025, 09:00 (Asia/Jakarta)". */
export function formatDateTime(at: number, lang: Lang, timeZone: string): string {
  const text = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    timeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(new Date(at));
  return `${text} (${timeZone})`;
}

/** "02/06 09.00": short, for lists. */
export function formatShort(at: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(at));
}
