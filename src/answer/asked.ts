/**
 * What a question asks of its answer besides its subjects (`Asked`): the group it narrows to, what
 * a "how many" counts, whether it asks a start, a time of day, an author, and so on. Pure.
 */
import type { Lang } from "../lang.ts";
import type { Asked } from "./answers.ts";
import { counted } from "./counting.ts";
import { joinedIn } from "./dated-claims.ts";
import { type Found, offersClaim } from "./found.ts";
import { asksWh, type Intent } from "./intents.ts";
import type { Previous } from "./previous.ts";
import { isRegion, type Subject } from "./subject.ts";

/** What understanding decided, that what is asked of the answer depends on. */
export interface AskedContext {
  intent: Intent;
  subjects: Subject[];
  lang: Lang;
  /** The group the question narrows to, if any. */
  cohort: string | undefined;
  /** The years the sources know (a question's other years narrow nothing). */
  years: ReadonlySet<number>;
  asksOfPeople: boolean;
  previous: Previous | undefined;
  followUp: boolean;
  noneBesides: boolean | undefined;
}

/** What `found` asks of the answer to it, once understood as `u`. */
export function askedOf(found: Found, u: AskedContext): Asked {
  const { intent, subjects } = u;
  return {
    lang: u.lang,
    // "In total, across both groups": the whole programme, whatever group a year names.
    // ("Jatim cuma ada di fase pertama?": a region said to be only in a group is shown in all of its.)
    cohort:
      (intent === "count" && found.cues.has("total") && isSummary(subjects)) || onlyIn(found, subjects)
        ? undefined
        : u.cohort,
    counts: counted(found, subjects),
    only: found.cues.has("only"),
    both: found.cues.has("both"),
    // ("Did Papua join in 2018?": a year of joining is when it started.)
    // ("The 2013 group or the 2017 group?" asks which group: each group's year names it.)
    // (Since when a province takes part is when it joined, which a declaration dates: "Babel
    // ikut mulai tahun berapa?"; not when work began there, "Kapan Sultra mulai programnya?".)
    // (A bare "sejak kapan?" after a region asks since when it takes part, as "kapan?" does.)
    start:
      (found.cues.has("since") && !found.cues.has("member") && !(u.followUp && found.meaningful <= 1)) ||
      // (Asked when, the year is a guess at the answer: "Kapan Papua ikut, 2017?")
      (joinedIn(found) && intent === "when" && !found.cues.has("or") && !found.cues.has("when")),
    end: found.cues.has("end"),
    years: found.years.filter((y) => u.years.has(y)),
    // (Whether a region was chosen on a consideration named asks why it was chosen.)
    why: found.attributes.includes("aim") || chosenOn(found, intent, subjects),
    duration: found.cues.has("duration"),
    clock: found.cues.has("clock"),
    // "Mulai Januari 2013 ya?": a month offered for checking asks a date as finely.
    day: found.cues.has("day") || (found.months.length > 0 && offersClaim(found)),
    // "Who wrote it?" ("did Tempo write about it too?" asks whether it did).
    // "Who was the reporter of the Tempo article?": a role the source names no one in asks its writer.
    author:
      found.cues.has("who") &&
      (found.cues.has("author") ||
        (found.roles.length > 0 && found.sources.length > 0 && !subjects.some((s) => s.kind === "person"))),
    editor: found.edits,
    // (Each named by its role: "penulis dan editor".)
    writerAndEditor: found.cues.has("who") && found.cues.has("author") && found.roles.length > 1,
    said: found.cues.has("said") || found.cues.has("statement"),
    code: found.cues.has("code"),
    office: found.roles.some((id) => found.people.includes(id)),
    goods: found.products,
    excluding: found.excludedSources,
    noneBesides: u.noneBesides,
    chooser: intent === "criteria" && !u.asksOfPeople && found.cues.has("who"),
    previousSources: u.previous?.sources ?? [],
    followUp: u.followUp,
  };
}

/** Whether a question says its regions are only in the group it names ("Jatim cuma ikut fase pertama?"). */
const onlyIn = (f: Found, subjects: readonly Subject[]) =>
  f.cues.has("only") && (f.cues.has("confirm") || f.yesNo) && subjects.length > 0 && subjects.every(isRegion);

/** Whether the subjects are the programme as a whole. */
export const isSummary = (subjects: readonly Subject[]): boolean =>
  subjects.length === 1 && subjects[0]?.kind === "topic" && subjects[0].id === "summary";

/**
 * "Papua dipilih karena daerah tertinggal?", "Is Sulsel under the affirmative theme?": which
 * consideration a region was chosen on, the sources never say. Its answer says so and gives them
 * all, so the consideration named is no subject of its own.
 */
export function withoutConsiderationsOfRegions(found: Found, intent: Intent, subjects: Subject[]): Subject[] {
  return chosenOn(found, intent, subjects) ? subjects.filter((s) => s.kind !== "criterion") : subjects;
}

/** Whether a message offers a consideration a region was chosen on (not "what is it, say for Papua?"). */
const chosenOn = (found: Found, intent: Intent, subjects: Subject[]): boolean =>
  intent === "criteria" &&
  found.criteria.length > 0 &&
  subjects.some(isRegion) &&
  offersClaim(found) &&
  !asksWh(found);
