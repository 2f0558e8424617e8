/**
 * What a follow-up asks of the last answer itself: to hear it again ("ulangi dong", "shorter
 * please"), to count what it listed ("so how many is that?"), or, pushing back or denying part of
 * it ("bukannya songket?", "So not rattan then?"), to hear it again with a verdict. Pure.
 */
import type { Lang } from "../lang.ts";
import { cardOf } from "./cards.ts";
import { restatement } from "./disputes.ts";
import type { Found } from "./found.ts";
import { asksWh, namesNothing } from "./intents.ts";
import { type Cue, FILLER_CUES } from "./lexicon.ts";
import { joinList } from "./lists.ts";
import type { Previous } from "./previous.ts";
import { type Subject, sourcesOfName } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/** The reply to a follow-up about the last answer itself; `undefined` when the message asks something else. */
export function aboutLastAnswer(
  f: Found,
  previous: Previous,
  w: AnswerWriter,
  lang: Lang,
): Piece[] | undefined {
  const describe = (s: Subject) => cardOf(w, s, lang);
  return (
    restatement(f, previous, w.k, w.areas, {
      describe,
      opening: (verdict) => w.text(lang, `answer.claim.${verdict}`),
      numberWord: (n) => w.number(lang, n),
    }) ??
    saidAgain(f, previous, describe) ??
    countedAgain(f, previous, w, lang)
  );
}

// Cues that ask a question of their own, not for the last answer again.
const ASKING_CUES: readonly Cue[] = ["what", "why", "how", "said", "source", "product", "member", "name"];

/**
 * "ulangi dong", "shorter please", "jelasin lebih simpel dong", "bahasa sederhananya?" after an
 * answer: a request to say it again, or a task, that names nothing of its own and asks nothing
 * else is about the last answer, which is said again; `undefined` otherwise.
 */
function saidAgain(
  f: Found,
  previous: Previous,
  describe: (s: Subject) => Piece | undefined,
): Piece[] | undefined {
  // (A task with words of its own, "translate arigatou", is about them.)
  if (!f.cues.has("again") && !(f.cues.has("task") && f.unknown.length === 0)) return undefined;
  if (
    !namesNothing(f) ||
    f.programme ||
    f.years.length ||
    asksWh(f) ||
    ASKING_CUES.some((c) => f.cues.has(c))
  )
    return undefined;
  const again = previous.subjects.flatMap((s) => describe(s) ?? []);
  return again.length ? again : undefined;
}

// Cues a count of the last list may carry: words of counting and of what was listed.
const COUNTING_CUES: ReadonlySet<Cue> = new Set<Cue>([
  ...FILLER_CUES,
  "quantity",
  "then",
  "there",
  "plural",
  "what",
  "provinces",
  "source",
]);

/**
 * "jadi ada berapa sumber?", "so how many is that?" after a list: a count that names nothing of its
 * own counts what the last answer listed; `undefined` when it listed fewer than two.
 */
function countedAgain(f: Found, previous: Previous, w: AnswerWriter, lang: Lang): Piece[] | undefined {
  if (!f.cues.has("quantity") || !namesNothing(f) || f.programme || f.years.length) return undefined;
  // ("berapa anggarannya?", "how many jobs did it create?" count what the list was not about.)
  if (f.unknown.length || ![...f.cues].every((c) => COUNTING_CUES.has(c))) return undefined;
  // (The programme's own list is counted as the programme is: "Di berapa provinsi?" after "what is
  // the cooperation?" asks how many it began with.)
  // ("how many of those?" after "Ada provinsi dari Sulawesi yang ikut?": the island only framed them.)
  const shown = previous.items.length ? previous.items : previous.subjects;
  const framed = shown.filter((s) => s.kind !== "island");
  const listed = framed.length ? framed : shown;
  if (listed.length < 2 || previous.subjects.some((s) => s.kind === "topic" || s.kind === "list"))
    return undefined;
  const kinds = new Set(listed.map((s) => s.kind));
  const [kind] = kinds.size === 1 ? kinds : [];
  const text = w.t(lang, `answer.countListed.${kind === "province" || kind === "source" ? kind : "other"}`, {
    total: w.number(lang, listed.length),
    names: joinList(
      lang,
      listed.map((s) => (s.kind === "source" ? w.citation(lang, s.id) : undefined) ?? w.nameOf(lang, s)),
    ),
  });
  const sources = listed.flatMap((s) => sourcesOfName(w.k, s) ?? previous.sources);
  return [{ ...w.piece(text, [...new Set(sources)], listed), items: listed }];
}
