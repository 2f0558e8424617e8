/**
 * The answer table: for each intent (what is asked) and each kind of subject, how the answer is
 * written. A cell left out means the sources hold no such fact: the engine then says so, naming
 * the subject and what the sources do say about it.
 */
import type { Lang } from "../lang.ts";
import { count, criteria, end, member, said, when, where } from "./attribute-answers.ts";
import { describe, topicCard, whereSaid } from "./cards.ts";
import type { Intent } from "./intents.ts";
import { furtherReading, sourcesOf } from "./source-answers.ts";
import { type Subject, type SubjectKind, subjectRef } from "./subject.ts";
import { who } from "./who-answers.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/** What the question asked, beyond its intent and subject. */
export interface Asked {
  lang: Lang;
  /** A group of provinces the question narrows to ("in the first phase"). */
  cohort?: string | undefined;
  /** What a "how many" counts, from the question's words. */
  counts: "provinces" | "places" | "criteria" | "sources" | "other" | undefined;
  /** "only in Java?" */
  only: boolean;
  /** "in both groups?" */
  both: boolean;
  /** Asks when something starts ("kapan mulai?"), not only when. */
  start: boolean;
  /** Speaks of an end ("… the programme ended?"): only the first phase has one in the sources. */
  end: boolean;
  /** The sources of the previous answer, for "who said that?" and "what is the source?". */
  previousSources: readonly string[];
  /** Whether the question is asked of the previous answer's subjects ("which source says that?"). */
  followUp: boolean;
  /** The years the question names that the sources know ("the source that says 2013–2016"). */
  years: readonly number[];
  /** Asks why ("kenapa", "why"): the word the sources' aim is also named by. */
  why: boolean;
  /** Asks how long ("berapa lama"): only the programme and its phases have a length in the sources. */
  duration: boolean;
  /** Asks a time of day ("jam berapa"): only an article's publication has one. */
  clock: boolean;
  /** Asks a month or a day ("bulan apa", "what date"): only the sources themselves are dated so finely. */
  day: boolean;
  /** Asks who wrote or edited something ("siapa yang menulis", "who edited"). */
  author: boolean;
  /** Of those, who edited it. */
  editor: boolean;
  /** Asks who wrote and who edited it, both ("siapa penulis dan editor artikel Bisnis?"). */
  writerAndEditor: boolean;
  /** Asks of something said ("where did Gati say that?"): how a person's statements were given. */
  said: boolean;
  /** Asks a number that names a thing ("kodenya?", "nomor laporannya"): only a report has one. */
  code: boolean;
  /** Names a person and, beside her name, her office ("kapan Gati jadi dirjen?"). */
  office: boolean;
  /** The programme's goods the question names ("the silver programme"). */
  goods: readonly string[];
  /**
   * Asks who chose ("siapa yang memilih daerahnya?"): the sources name who gave the
   * considerations, not who applies them.
   */
  chooser: boolean;
  /** Sources the question sets aside ("selain Bisnis.com"): a list of sources leaves them out. */
  excluding: readonly string[];
  /** Nothing is left of what was asked once the message's names are set aside ("selain Sulteng, ada lagi?"). */
  noneBesides?: boolean;
}

type Write = (w: AnswerWriter, s: Subject, q: Asked) => Piece | undefined;
type Row = Partial<Record<SubjectKind, Write>>;

const EVERY_KIND: SubjectKind[] = [
  "topic",
  "term",
  "cohort",
  "list",
  "criteria",
  "criterion",
  "province",
  "place",
  "product",
  "person",
  "org",
  "source",
  "officials",
  "area",
  "island",
];
const every = (write: Write): Row => Object.fromEntries(EVERY_KIND.map((kind) => [kind, write]));
// ("Is Malang part of the silver programme?": a region outside it, asked with goods of the
// programme's, is answered with where those are.)
const card: Write = (w, s, q) =>
  s.kind === "area" && q.goods.length ? withGoods(w, describe(w, s, q), q) : describe(w, s, q);

/** A region's card, and where the programme develops the goods the question named, when it is outside. */
function withGoods(w: AnswerWriter, region: Piece | undefined, q: Asked): Piece | undefined {
  if (region?.kind !== "not_in_programme") return region;
  const goods = q.goods.flatMap((id) => w.productCard(q.lang, id) ?? []);
  if (!goods.length) return region;
  const text = [region.text, ...goods.map((g) => g.text)].join("\n");
  const sources = [...new Set([...region.sources, ...goods.flatMap((g) => g.sources)])];
  return { ...region, text, sources };
}
const list: Write = (w, s, q) =>
  q.both && s.kind !== "cohort"
    ? w.severalGroupsCard(q.lang)
    : w.listCard(q.lang, s.kind === "cohort" ? s.id : q.cohort);
const regions: Row = { area: card, island: card };
// The programme's provinces are the list of the programme itself; another of its facts (its
// name, its partners) asked "all of it" or "differently" is that fact's card.
const programmeList: Write = (w, s, q) =>
  s.kind === "topic" && s.id !== "summary" ? card(w, s, q) : list(w, s, q);

// Intents that only shape the answer (a list, a yes or no): any other subject gets its card.
const soft = (row: Row): Row => ({ ...every(card), ...row });

/**
 * How each intent is answered for each kind of subject. A missing cell of an intent that asks for
 * a fact (who, when, how many, where, …) means the sources hold no such fact.
 */
export const ANSWERS: Record<Intent, Row> = {
  describe: every(card),
  product: soft({ cohort: list, list, topic: list }),
  where: {
    ...regions,
    province: where,
    place: where,
    product: card,
    cohort: list,
    list,
    topic: list,
    // "JICA itu lembaga dari negara mana?", "KRI … terkait fase yang mana?": what the card says.
    org: card,
    // "Gati ngomong di mana?": the sources name no place, only that her statements came in an
    // official release; where she lives or works from, they don't say.
    person: (w, s, q) => (q.said && s.kind === "person" ? whereSaid(w, s.id, q.lang) : undefined),
    source: card,
  },
  province: soft({ cohort: list, list, topic: list }),
  list: soft({ cohort: list, list, topic: programmeList }),
  member: soft({ province: member, place: member, cohort: list, list, topic: programmeList }),
  when: {
    ...regions,
    topic: when,
    cohort: when,
    province: when,
    place: when,
    product: when,
    source: when,
    person: when,
    criteria: when,
    criterion: when,
    list: when,
  },
  end: { cohort: end, province: end, place: end },
  // Written from two dated facts at once (`spanCard`); of one subject, no length.
  span: {},
  who: {
    topic: who,
    person: who,
    org: who,
    source: who,
    officials: who,
    criteria: who,
    criterion: who,
    cohort: list,
  },
  said: every(said),
  source: every(sourcesOf),
  further: every(furtherReading),
  count: {
    topic: count,
    list: count,
    cohort: count,
    criteria: count,
    province: count,
    island: count,
    org: count,
  },
  name: {
    // The programme's name; a fact that names organisations (its partners) names them; its
    // facilitators or approach have no names in the sources.
    topic: (w, s, q) => {
      if (s.kind !== "topic") return undefined;
      if (s.id === "summary" || s.id === "name") return topicCard(w, { kind: "topic", id: "name" }, q.lang);
      const card = topicCard(w, s, q.lang);
      return card && w.k.organisations.some((o) => card.text.includes(o.name)) ? card : undefined;
    },
    org: card,
    person: card,
    source: card,
    cohort: card,
    term: card,
    // "Apa nama kabupatennya?": the places' names.
    province: where,
    place: where,
  },
  meaning: every(card),
  criteria: soft(every(criteria)),
  howto: {},
  requirements: {},
  later: {},
  judge: {},
  reason: {},
  absent: {},
  left: {},
  trade: {},
};

/** The answer to one intent about one subject; `undefined` when the sources hold no such fact. */
export function answer(w: AnswerWriter, intent: Intent, s: Subject | undefined, q: Asked): Piece | undefined {
  if (!s)
    return intent === "said"
      ? said(w, undefined, q)
      : intent === "source"
        ? sourcesOf(w, undefined, q)
        : undefined;
  if (q.code && s.kind !== "source") return undefined;
  // The knowledge never changes under a writer: each answer is written once.
  return w.memo(answerKey(intent, s, q), () => ANSWERS[intent][s.kind]?.(w, s, q));
}

/**
 * What an answer is kept by: the intent, the subject (a region or island as the question named it,
 * "Flores (Nusa Tenggara Timur)") and every field of the question an answer reads.
 */
export function answerKey(intent: Intent, s: Subject, q: Asked): string {
  const named = s.kind === "area" || s.kind === "island" ? `:${s.asked ?? ""}` : "";
  const previous =
    intent === "said" || intent === "source"
      ? `:${q.previousSources.join(",")}:${q.followUp}:${q.years.join(",")}`
      : "";
  // Every field of the question an answer reads is in the key (the previous answer's sources only
  // where they are read).
  const shape = `${q.lang}:${q.cohort ?? ""}:${q.counts ?? ""}:${q.only}:${q.both}:${q.start}:${q.end}:${q.why}:${q.duration}:${q.clock}:${q.day}:${q.author}:${q.editor}:${q.writerAndEditor}:${q.said}:${q.code}:${q.office}:${q.goods.join(",")}:${q.chooser}:${q.followUp}:${q.excluding.join(",")}`;
  return `a:${intent}:${subjectRef(s)}${named}:${shape}${previous}`;
}
