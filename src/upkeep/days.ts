const formatters = new Map<string, Intl.DateTimeFormat>();
// Every time zone's offset is a whole number of quarter hours, so a day never changes inside one:
// the last quarter's day is remembered (formatting a date costs more than answering a question).
const QUARTER_HOUR_MS = 15 * 60_000;
const lastDay = new Map<string, { quarter: number; day: string }>();

/** The calendar day of `at` (ms since the epoch) in `timeZone`, as `YYYY-MM-DD`. */
export function dayOf(at: number, timeZone: string): string {
  const quarter = Math.floor(at / QUARTER_HOUR_MS);
  const seen = lastDay.get(timeZone);
  if (seen?.quarter === quarter) return seen.day;
  const day = formatDay(at, timeZone);
  lastDay.set(timeZone, { quarter, day });
  return day;
}

function formatDay(at: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The `count` calendar days ending with `lastDay` (`YYYY-MM-DD`), oldest first. Counted on the
 * calendar, not in 24-hour steps, so a daylight-saving change never skips or repeats a day.
 */
export function daysEnding(lastDay: string, count: number): string[] {
  const [y, m, d] = lastDay.split("-").map(Number);
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    days.push(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - i)).toISOString().slice(0, 10));
  }
  return days;
}

/** "1 Jun" (day, then month) in `lang`, for a day written `YYYY-MM-DD`. */
export function dayMonth(day: string, lang: "id" | "en"): string {
  return shortFormat(lang, false).format(new Date(`${day}T00:00:00Z`));
}

/** "3 Mei – 1 Jun 2025": a period of days, in `lang`. */
export function dayRange(from: string, to: string, lang: "id" | "en"): string {
  return shortFormat(lang, true).formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

function shortFormat(lang: "id" | "en", year: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    day: "numeric",
    month: "short",
    ...(year ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}
