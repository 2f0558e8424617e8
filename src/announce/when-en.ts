/**
 * Times as English-speaking staff write them ("tomorrow 9am", "Monday 2pm", "June 10 at 9:30"),
 * read by chrono-node, a maintained parser of English dates. Pure: the time now comes in.
 */
import { createRequire } from "node:module";
import type * as ChronoEnglish from "chrono-node/en";
import type { WallTime } from "./when-id.ts";

// Loaded on first use, and only its English part: the whole library costs the bot's start-up
// about 150 ms and 14 MB, for a parser staff use a few times a week.
const load = createRequire(import.meta.url);
let english: typeof ChronoEnglish | undefined;

/**
 * The wall time an English text names, read as of `now` in a zone `offsetMinutes` ahead of UTC,
 * or `undefined` unless the whole text is one date with an hour. Dates without a day are the next
 * to come (a time already past today is tomorrow's).
 */
export function englishWallTime(text: string, now: number, offsetMinutes: number): WallTime | undefined {
  english ??= load("chrono-node/en") as typeof ChronoEnglish;
  const results = english.parse(
    text,
    { instant: new Date(now), timezone: offsetMinutes },
    { forwardDate: true },
  );
  const [result] = results;
  if (results.length !== 1 || !result || result.text.length !== text.replace(/[.!]+$/, "").length)
    return undefined;
  if (result.index !== 0 || !result.start.isCertain("hour")) return undefined;
  const get = (component: "year" | "month" | "day" | "hour" | "minute") => result.start.get(component) ?? 0;
  return [get("year"), get("month"), get("day"), get("hour"), get("minute")];
}
