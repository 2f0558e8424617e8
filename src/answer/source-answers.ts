/**
 * Sources in answers: which sources a subject's facts come from (or the previous answer's), leaving
 * out those the question sets aside; and a source a question names as where its facts are to come
 * from ("according to the JICA report, where …?"). Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Asked } from "./answers.ts";
import { when } from "./attribute-answers.ts";
import { describe, sourceCard } from "./cards.ts";
import type { Found } from "./found.ts";
import type { Intent } from "./intents.ts";
import { joinList } from "./lists.ts";
import type { Previous } from "./previous.ts";
import { isSource, type Subject } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/**
 * The sources of a subject's facts, described; of the previous answer when the question is asked
 * of it ("which source says that?" after the first phase's dates: the sources of those dates).
 */
export function sourcesOf(w: AnswerWriter, s: Subject | undefined, q: Asked): Piece | undefined {
  if (s?.kind === "source") return sourceCard(w, s.id, q.lang);
  // "The source that says phase 1 ran 2013–2016": the sources of the dates it names.
  const dated = s && q.years.length ? when(w, s, q) : undefined;
  if (dated && q.years.every((y) => dated.text.includes(String(y))))
    return sourcesOf(w, undefined, { ...q, previousSources: dated.sources, years: [] });
  const keys =
    s && !(s.kind === "topic" && s.id === "summary") && !(q.followUp && q.previousSources.length)
      ? (describe(w, s, q)?.sources ?? [])
      : q.previousSources.length
        ? q.previousSources
        : Object.keys(w.k.sources);
  const kept = keys.filter((key) => !q.excluding.includes(key));
  const cards = [...new Set(kept)].flatMap((key) => sourceCard(w, key, q.lang) ?? []);
  if (!cards.length) return undefined;
  const besides = q.excluding.flatMap((key) => w.k.sources[key]?.publisher ?? []);
  const intro = besides.length
    ? w.t(q.lang, "answer.sourcesBesides", { names: joinList(q.lang, besides) })
    : w.t(q.lang, "answer.sourcesIntro");
  const text = [intro, ...cards.map((c) => `• ${c.text.replace(/\n/g, " ")}`)].join("\n");
  return w.piece(
    text,
    cards.flatMap((c) => c.sources),
    cards.flatMap((c) => c.about),
  );
}

/**
 * "Where can I find more info about this?", "info lebih lanjut di mana?": the sources of what is
 * asked about, to read, and the official channels, to ask.
 */
export function furtherReading(w: AnswerWriter, s: Subject | undefined, q: Asked): Piece | undefined {
  const listed = sourcesOf(w, s, q);
  if (!listed) return undefined;
  const channels = w.t(q.lang, "answer.furtherReading", { channels: w.channelList(q.lang) });
  return { ...listed, text: `${listed.text}\n${channels}`, nextSteps: true };
}

/**
 * "Which source is the newest?", "the oldest of the sources", "lebih dulu mana, Tempo atau
 * Bisnis.com?": the sources of the latest or earliest date, of those named when two or more are,
 * else of all. `undefined` when the question asks no such thing of the sources.
 */
export function extremeSources(f: Found, k: Knowledge): string[] | undefined {
  const latest = f.cues.has("latest");
  if (!latest && !f.cues.has("earliest")) return undefined;
  if (!f.cues.has("source") && !f.cues.has("published") && f.sources.length === 0) return undefined;
  const among = f.sources.length >= 2 ? f.sources : Object.keys(k.sources);
  const dates = among.map((id) => k.sources[id]?.date ?? "");
  // (ISO dates: in the order of their text.)
  const order = [...dates].sort();
  const extreme = latest ? order.at(-1) : order[0];
  return among.filter((_, i) => dates[i] === extreme);
}

// Intents asked of the programme's facts, not of a source: a source named beside them says where
// the facts are to come from ("which places does the JICA report name for phase 1?").
const FACT_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "where",
  "product",
  "province",
  "list",
  "count",
  "member",
  "end",
  "criteria",
]);

/**
 * A source named beside a question about the programme's facts, which says where the facts are
 * to come from ("which places of phase 1 does the JICA report name?"), not what is asked about.
 */
export function constrainingSource(
  found: Found,
  intent: Intent,
  subjects: Subject[],
  cohort: string | undefined,
  previous: Previous | undefined,
): string | undefined {
  // Product words are often plain nouns ("bisnis" is also Bisnis.com): a source beside them is a
  // constraint only when the question says so ("does the JICA report say what else they made?").
  // So is a source that "says" or "adds" something of the subject just answered.
  // ("Apakah INDUSTRY.co.id menyebut tahap pertama 2013–2016?": what it says of the group.)
  const ofGroup = cohort !== undefined && !subjects.some((s) => s.kind === "org" || s.kind === "person");
  const factsAsked =
    (FACT_INTENTS.has(intent) && (intent !== "product" || found.cues.has("said"))) ||
    (intent === "describe" && found.cues.has("said") && (previous !== undefined || ofGroup));
  // … and only when there is something else to ask it of: "which site published the English
  // version?" asks of the source itself.
  const askedOf = subjects.some((s) => !isSource(s)) || cohort || previous || found.attributes.length;
  const source = factsAsked && askedOf ? subjects.find(isSource) : undefined;
  return source?.kind === "source" ? source.id : undefined;
}
