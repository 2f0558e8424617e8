/**
 * What a "how many" question counts, and of what. Pure.
 */

import type { ProgrammeAttribute } from "../knowledge/schema.ts";
import type { Asked } from "./answers.ts";
import { RELATIVE_WORDS } from "./asking-slot.ts";
import { type Found, saysNothing, YEAR } from "./found.ts";
import type { Intent } from "./intents.ts";
import { FILLER_CUES } from "./lexicon.ts";
import { joinList } from "./lists.ts";
import { hasCue, isQuestionWord } from "./parts.ts";
import type { Subject } from "./subject.ts";
import type { Match } from "./vocabulary.ts";
import { type AnswerWriter, capitalise, type Piece } from "./writer.ts";

/**
 * Whether the thing a "how many" counts is a fact of the programme or a term ("how many
 * *facilitators* were placed in each province?", "fasilitatornya ada berapa?"): the first phrase
 * with meaning after the word that asks how many, else the last before it.
 */
export function countsFact(matches: Match[]): boolean {
  const asked = matches.findIndex((m) => hasCue(m, "quantity"));
  const at = asked < 0 ? offeredCountAt(matches) : asked;
  if (at < 0) return false;
  const meaning = (m: Match) =>
    m.concepts.length > 0 &&
    !m.concepts.every((c) => c.type === "cue" && (FILLER_CUES.has(c.cue) || c.cue === "quantity"));
  // Before it, the noun a relative clause describes ("provinsi yg dilibatin ada brp?").
  const before = matches.slice(0, at);
  const relative = before.findLastIndex((m) => RELATIVE_WORDS.has(m.text));
  const counted =
    matches.slice(at + 1).find(meaning) ?? before.slice(0, relative < 0 ? at : relative).findLast(meaning);
  return (
    counted?.concepts.some((c) => (c.type === "attribute" && !UNCOUNTED.has(c.id)) || c.type === "term") ??
    false
  );
}

/**
 * Where a statement puts a number on something the sources name ("Ada 50 IKM yang dibina kan?",
 * "Sulsel punya 2 lokasi ya?"): offered for checking, the claim is how many, asked as "how many"
 * is; -1 where none does. (Not a number that points or dates: "tahap 2", "nomor 3", "25 Desember".)
 */
export function offeredCountAt(matches: readonly Match[]): number {
  const isNumber = (m: Match) =>
    (/^\d+$/.test(m.text) && !YEAR.test(m.text)) || m.concepts.some((c) => c.type === "number");
  return matches.findIndex((m, i) => {
    const before = matches[i - 1];
    const next = matches[i + 1];
    return (
      isNumber(m) &&
      !hasCue(before, "numbered") &&
      !hasCue(before, "phase") &&
      next !== undefined &&
      !saysNothing(next) &&
      next.concepts.length > 0 &&
      !next.concepts.some((c) => c.type === "month" || c.type === "number")
    );
  });
}

/**
 * The noun a statement offered for checking puts a number on, which it claims how many of
 * ("Jatim ada 2 lokasi kan?": lokasi). Not where the number names a group ("Sultra termasuk 3
 * target awal kan?", "5 provinsi sejak 2013") nor beside a question of its own.
 */
export function countOffered(f: Found, matches: readonly Match[]): Match | undefined {
  const names = [f.islands, f.years, f.cohorts].some((named) => named.length) || f.cues.has("member");
  if (!(f.cues.has("confirm") || f.yesNo) || names) return undefined;
  const at = offeredCountAt(matches);
  // (The noun counted may be one a question asks by: "lokasi".)
  const asksOwn = matches.some((m, i) => i !== at + 1 && isQuestionWord(m));
  return at >= 0 && !asksOwn ? matches[at + 1] : undefined;
}

// Facts of the programme a "how many" asks of other things ("how many provinces since 2013?").
const UNCOUNTED: ReadonlySet<ProgrammeAttribute> = new Set<ProgrammeAttribute>(["aim", "started"]);

/** What a "how many" counts, from the words of the question. */
export function counted(f: Found, subjects: Subject[]): Asked["counts"] {
  if (f.selection || subjects.some((s) => s.kind === "criteria")) return "criteria";
  if (f.countsFact) return "other";
  if (f.cues.has("times")) return "places";
  if (f.cues.has("provinces")) return "provinces";
  // "How many sources is this from?"
  if (f.cues.has("source") && subjects.every((s) => s.kind === "topic")) return "sources";
  // "How many clusters (facilitators) were placed in phase 1?", "how many IKM were assisted?":
  // a fact or a term the sources give no number of.
  if (f.attributes.some((a) => !UNCOUNTED.has(a)) || f.terms.length) return "other";
  // A province's places and products are its entries: "how many products does Sulteng have?".
  if (f.cues.has("where") || f.cues.has("product")) return "places";
  // A group is of provinces: "how many of those were picked as first targets?".
  if (subjects.some((s) => s.kind === "cohort")) return "provinces";
  if (f.cues.has("criteria")) return "criteria";
  return undefined;
}

/**
 * "Counting East Java once, how many provinces are there?": provinces are not counted within one
 * province, so a province named beside that count only qualifies it; the programme's are counted.
 */
export function provincesCounted(f: Found, intent: Intent, subjects: Subject[]): Subject[] {
  const ofProvinces = intent === "count" && f.cues.has("provinces") && !f.cues.has("times");
  return ofProvinces && subjects.length > 0 && subjects.every((s) => s.kind === "province")
    ? [{ kind: "topic", id: "summary" }]
    : subjects;
}

/** Whether a question only asks how many provinces, naming no time, group or attribute. */
export function countsOnlyProvinces(f: Found): boolean {
  return (
    f.cues.has("quantity") &&
    f.cues.has("provinces") &&
    f.years.length + f.cohorts.length + f.attributes.length === 0 &&
    !f.cues.has("now") &&
    !f.cues.has("total")
  );
}

/**
 * "Berapa provinsi di luar Jawa yg ikut tahap 2013?": the provinces a question left once some were
 * set aside, counted and named. `undefined` unless provinces are counted and there are several.
 */
export function countOfListed(w: AnswerWriter, subjects: Subject[], q: Asked): Piece | undefined {
  const provinces = subjects.flatMap((s) => (s.kind === "province" ? (w.province(s.id) ?? []) : []));
  // ("how many of them are outside Java?" after a list counts its provinces too.)
  const ofProvinces = q.counts === "provinces" || q.counts === undefined;
  if (!ofProvinces || provinces.length < 2 || provinces.length !== subjects.length) return undefined;
  const text = capitalise(
    w.t(q.lang, "answer.countProvinces", {
      total: w.number(q.lang, provinces.length),
      names: joinList(
        q.lang,
        provinces.map((p) => p.name[q.lang]),
      ),
    }),
  );
  // (Their being in the group is what is stated: the group's sources, or their entries'.)
  const group = q.cohort ? w.cohort(q.cohort) : undefined;
  const sources = group?.sources ?? [
    ...new Set(provinces.flatMap((p) => p.entries.flatMap((e) => e.sources))),
  ];
  return w.piece(text, sources, subjects);
}
