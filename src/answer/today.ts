/**
 * Whether a question asks how things stand today ("Masih jalan sampai sekarang?", "Gimana kabar
 * klaster kopi Dogiyai sekarang?"): the sources speak of December 2017 and can't say. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Found } from "./found.ts";
import { asksWh, type Intent } from "./intents.ts";
import { noteYears } from "./spans.ts";
import { isEntry, type Subject } from "./subject.ts";

// What a question about the programme's state today asks: whether it runs, since or until when.
const STATUS_INTENTS: ReadonlySet<Intent> = new Set<Intent>(["describe", "when", "end", "member", "count"]);

/** Whether `found`, asked `intent` of `subjects`, asks what holds today (or who holds an office now). */
export function asksToday(
  found: Found,
  intent: Intent,
  subjects: Subject[],
  knowledge: Knowledge,
  asksOfPeople: boolean,
): boolean {
  if (!found.cues.has("now")) return false;
  if (asksOfPeople) return true;
  // Of the programme, or a group of it: "it lists five new provinces?", "is it still running?";
  // not "'this year' in the article — which year is that?", which asks when.
  const ofProgramme =
    found.programme ||
    found.cues.has("domain") ||
    subjects.every((s) => s.kind === "topic" || (s.kind === "cohort" && intent !== "when"));
  if (ofProgramme && STATUS_INTENTS.has(intent)) return true;
  // How a place or product of it stands today, too. Not one with a dated note of what changed
  // since, "is Dogiyai still in Papua today?", which the note answers; not "now Samosir", which only
  // moves on; not "kok sekarang kapal?", which sets one product against another.
  return (
    intent === "describe" &&
    subjects.length > 0 &&
    subjects.every(isEntry) &&
    noteYears(knowledge, subjects).length === 0 &&
    found.products.length < 2 &&
    (found.yesNo || found.endsAsked || asksWh(found))
  );
}
