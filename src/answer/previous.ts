/**
 * What a chat remembers of an answer, so that a follow-up ("and Papua?", "the first one?") can
 * build on it. Pure.
 */

import type { Lang } from "../lang.ts";
import type { Found } from "./found.ts";
import type { Intent } from "./intents.ts";
import { type Subject, subjectRef } from "./subject.ts";
import type { Understood } from "./understand.ts";
import type { Piece } from "./writer.ts";

/** What a chat remembers of its last answer, so that a follow-up ("and Papua?") can use it. */
export interface Previous {
  intent: Intent;
  subjects: Subject[];
  sources: string[];
  /** The items of a list it answered with, in order: "the second one" points to one. */
  items: Subject[];
  /**
   * What the chat's answers were about, one subject each, oldest first (the last few): after
   * "what's in Central Java?" and "and West Kalimantan?", "the first one" is Central Java.
   */
  named: Subject[];
  /** The language it was answered in: a follow-up whose words don't say keeps it. */
  lang?: Lang;
  /** The group of provinces the question was narrowed to ("… termasuk target awal?"). */
  cohort?: string;
  /**
   * What the question itself named, where its answer is about someone else: after "who said there
   * are three target provinces?", "which are they?" asks about the provinces, not the speaker.
   */
  asked?: Subject[];
  /** The message itself, as sent: one side of a disagreement the next message may finish. */
  said?: string;
  /**
   * The words it asked that the sources don't hold, when that was its answer: "and in Papua?"
   * after "what is the population of Makassar?" asks Papua's population.
   */
  missing?: string[];
}

/** The subjects a chat remembers having named, for "the first one" across answers. */
const NAMED_KEPT = 5;

/** What a follow-up can build on: the question's intent, what its answer was about and cited. */
export function previousOf(
  u: Pick<Understood, "intent"> &
    Partial<Pick<Understood, "subjects" | "asked" | "unexplained">> & {
      part?: Pick<Found, "asking" | "yesNo">;
    },
  written: Piece[],
  before: Previous | undefined,
): Previous {
  const subjects = written.flatMap((p) => p.about);
  const [main] = subjects;
  const named = uniqueSubjects([...(before?.named ?? []), ...(main ? [main] : [])].reverse()).reverse();
  // A list stays in view while a chat walks through it ("the first one?", then "and the second?").
  // So does the list the asker named ("Sumut, Jateng, sama Kalbar"), answered one by one.
  const listed = written.flatMap((p) => p.items ?? []);
  const asked = u.subjects && u.subjects.length > 1 ? u.subjects : [];
  const items = listed.length ? listed : asked;
  // (A place of a province walks through the province: "Sumut dulu" answered by Samosir.)
  const same = (s: Subject, i: Subject) =>
    subjectRef(s) === subjectRef(i) || (s.kind === "place" && i.kind === "province" && s.province === i.id);
  const within = before?.items.some((i) => subjects.some((s) => same(s, i)));
  return {
    intent: u.intent,
    subjects,
    sources: written.flatMap((p) => p.sources),
    items: items.length || !within ? items : (before?.items ?? []),
    named: named.slice(-NAMED_KEPT),
    asked: u.subjects,
    cohort: u.asked?.cohort,
    // (Only the words that said what a question word asked, "population": not a name it didn't know,
    // "Muntok", nor the words of a yes or no.)
    missing:
      written.some((p) => p.kind === "fallback") && !u.part?.yesNo
        ? missingAsked(u.unexplained, u.part?.asking)
        : undefined,
    // (Fields the engine sets later are here from the start: see `extended.ts`.)
    lang: undefined,
    said: undefined,
  };
}

/** The subjects, each once, in order. */
export function uniqueSubjects(subjects: Subject[]): Subject[] {
  const seen = new Set<string>();
  return subjects.filter((s) => {
    const ref = subjectRef(s);
    if (seen.has(ref)) return false;
    seen.add(ref);
    return true;
  });
}

/** Of the words a question left unexplained, those its question word asked; none is `undefined`. */
function missingAsked(
  unexplained: readonly string[] = [],
  asking: readonly string[] = [],
): string[] | undefined {
  const asked = unexplained.filter((w) => asking.includes(w));
  return asked.length ? asked : undefined;
}
