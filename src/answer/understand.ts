/**
 * From what a question names to what it asks: its intent, its subjects, and what narrows them.
 * Pure and deterministic.
 */

import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "./../lang.ts";
import type { Asked } from "./answers.ts";
import { askedOf, withoutConsiderationsOfRegions } from "./asked.ts";
import { foreignClaim, productClaim, productsPlaced } from "./claims.ts";
import { provincesCounted } from "./counting.ts";
import { checksYears } from "./dated-claims.ts";
import { unexpandedName } from "./expansions.ts";
import {
  asksAgain,
  asksItsWordsAgain,
  asksOfAsked,
  chatSubjects,
  missingAgain,
  namesElsewhere,
  nextCriterion,
  pointedItem,
  restOfGroup,
  sinceWhenOf,
} from "./follow-ups.ts";
import { type Found, withoutCue } from "./found.ts";
import { groupAsked, ofOneGroup, regionsGroupAsked } from "./groups-asked.ts";
import { type Intent, intentOf, SHAPING_INTENTS } from "./intents.ts";
import { allOutside } from "./membership.ts";
import { motiveNotGiven } from "./motives.ts";
import { framedSubjects, inLanguageAsked, namedSubjects, programmeNameOffered } from "./named-subjects.ts";
import { outsideSetAside } from "./negation.ts";
import { askersOwn } from "./own-business.ts";
import type { Previous } from "./previous.ts";
import { withoutSetAside } from "./set-aside.ts";
import { settle } from "./settle.ts";
import { constrainingSource } from "./source-answers.ts";
import { type DatedFact, knownYears, noteYears, spanAsked, withGroup, yearsWithin } from "./spans.ts";
import { isRegion, isSource, type Subject } from "./subject.ts";
import { type Superlative, superlativeAsked } from "./superlatives.ts";
import { shiftedInTime } from "./time-order.ts";
import { asksToday } from "./today.ts";
import { unexplained } from "./unexplained.ts";
import { unplacedProducts } from "./unplaced-products.ts";

/** One question understood. */
export interface Understood {
  intent: Intent;
  subjects: Subject[];
  asked: Asked;
  /** Words the matcher could not account for: the question asks more than it understood. */
  unexplained: string[];
  /** Years the sources never mention. */
  unknownYears: number[];
  /** Asks about today (who holds an office now), which the sources of 2017 cannot tell. */
  now: boolean;
  /** How sure the reading is: the certainty of corrected words, lowered by unknown words. */
  confidence: number;
  /** Whether the subjects came from the previous question. */
  followUp: boolean;
  /** A country the cooperation is not about, as the question named it. */
  foreign: string | undefined;
  /** An organisation whose reasons a "why" asks, which the sources don't give (Japan's: JICA). */
  motive: string | undefined;
  /** Whether the subject was assumed (the programme), the question naming none. */
  assumed: boolean;
  /** A source the facts are asked from ("according to the JICA report, where …?"). */
  from: string | undefined;
  /** The two dated facts a question of how long between asks about. */
  span?: [DatedFact, DatedFact] | undefined;
  /** A short name whose long form is asked, which the sources don't give ("UNICO"). */
  unexpanded?: string | undefined;
  /** The one asked for that stands out: furthest one way ("paling timur"), or with the most ("paling banyak"). */
  superlative?: Superlative | undefined;
  /** Goods asked whether the programme covers, which the sources place nowhere ("Batik termasuk?"). */
  unplaced?: string[] | undefined;
}

/**
 * Understands one question (or one part of a message): its intent from the intent table, its
 * subjects from what it names or, when it names nothing, from the question before it.
 */
export function understand(
  found: Found,
  knowledge: Knowledge,
  areas: Areas,
  lang: Lang,
  previous: Previous | undefined,
): Understood {
  // ("kalau Jatim?", "and in Papua?": a bare question that asks again what the chat asked.)
  const again = asksAgain(found, intentOf(found));
  const cohort = groupAsked(found, knowledge, previous, again);
  let resolved = resolve(found, knowledge, areas, cohort, previous);
  // "Berapa tahun antara …?" with one dated thing asks what its words ask besides ("berapa tahun
  // program ini berjalan?": since when); with none, a length the sources give no dates for.
  const dated =
    resolved.intent === "span"
      ? spanAsked(found, withGroup(resolved.subjects, found.cohorts), knowledge, previous?.named ?? [])
      : [];
  if (dated.length === 1) resolved = resolve(withoutCue(found, "span"), knowledge, areas, cohort, previous);
  const { followUp, assumed, from } = resolved;
  const unplaced = unplacedProducts(found, previous);
  const asksItsWords = again && asksItsWordsAgain(found, previous);
  // "Program ini kerja sama dengan Korea, kan?", "JICA itu lembaga Korea ya": another country
  // offered for checking as the programme's or a partner's is corrected by its partners.
  const partnerClaimed =
    foreignClaim(found) && resolved.subjects.every((s) => s.kind === "topic" || s.kind === "org");
  // "Kapan Papua dimekarkan?": what an entry's note says is in the entry's card.
  const noted = found.noted && NOTED_INTENTS.has(resolved.intent);
  // "Tema afirmatif itu buat kota2 besar kan": what a statement says a criterion is about is
  // answered by what the criterion means.
  const criterionClaimed =
    found.cues.has("confirm") &&
    resolved.subjects.length > 0 &&
    resolved.subjects.every((s) => s.kind === "criterion");
  // "Itu tahap awal atau program lanjutan?": which group a region is in, its entries say.
  const grouped = regionsGroupAsked(found, resolved.subjects, previous, knowledge);
  // "What happened after the first phase ended?": what came after it is asked, not when it ended.
  const shifted = grouped ? undefined : shiftedInTime(found, resolved.subjects, previous, knowledge, cohort);
  const reframed =
    partnerClaimed || noted || criterionClaimed || grouped || (shifted && resolved.intent === "end");
  // (Nothing after the last group is the sources' end; before the first, what they don't give.)
  const unnamedTime = shifted?.none
    ? found.timeAnchor?.direction === "after"
      ? "later"
      : "absent"
    : undefined;
  const intent = unnamedTime ?? (reframed ? "describe" : resolved.intent);
  const chosen: Subject[] = partnerClaimed
    ? [{ kind: "topic", id: "partners" }]
    : (grouped ??
      shifted?.subjects ??
      outsideSetAside(found, knowledge, cohort, previous?.subjects ?? []) ??
      provincesCounted(found, intent, resolved.subjects));
  // "selain Sulsel, provinsi 2017 apa lagi?": what is asked, without what the message sets aside.
  const unknown = found.questionUnknown.length > 0;
  const aside =
    found.setAside &&
    withoutSetAside(chosen, found.setAside, knowledge, areas, cohort, unknown, found.cues.has("where"));
  const subjects = withoutConsiderationsOfRegions(found, intent, aside ? aside.subjects : chosen);
  // ("Since Papua was split in 2022, …": a year of what an entry's note says, asked of it; only
  // a question that names a year needs them.)
  const notes = found.years.length ? noteYears(knowledge, found.noted ? "all" : subjects) : [];
  const within = found.years.length ? yearsWithin(knowledge, found) : [];
  const extra = [...notes, ...within];
  const years = extra.length ? new Set([...knownYears(knowledge), ...extra]) : knownYears(knowledge);
  const checksYear = checksYears(found, subjects, years, knowledge);
  const asksOfPeople =
    intent === "who" || subjects.some((s) => s.kind === "person" || s.kind === "officials");
  return {
    // ("selain Sulsel siapa lagi?": who else, of regions, is which others.)
    intent: aside?.absent
      ? "absent"
      : aside && intent === "who" && subjects.every(isRegion)
        ? "describe"
        : intent,
    subjects,
    asked: askedOf(found, {
      intent,
      subjects,
      lang,
      cohort: grouped ? undefined : cohort,
      years,
      asksOfPeople,
      previous,
      followUp,
      noneBesides: aside?.none,
    }),
    // ("populasi samosir?" after "ulos dmn": what the earlier question asked excuses no word of a
    // bare one, which asks what its unknown words say.)
    // (Another country claimed as the partner, "with China's aid agency, right?", is corrected
    // whatever words describe its body.)
    ...(partnerClaimed && (found.programme || found.cues.has("domain"))
      ? { unexplained: [], confidence: found.certainty }
      : unexplained(
          found,
          asksItsWords ? intentOf(found) : intent,
          followUp && !asksItsWords,
          subjects,
          allOutside(subjects, knowledge, areas),
          productClaim(found, knowledge, areas) ?? productsPlaced(found, knowledge, areas),
          again ? missingAgain(found, previous) : [],
        )),
    // "Can you confirm it began in 2015?", "was the report published in 2018?" (a source has one
    // date): the facts answer it, with the year the sources give.
    unknownYears: checksYear ? [] : found.questionYears.filter((y) => !years.has(y)),
    // "Masih jalan sampai sekarang?": whether the programme runs today, the sources of 2017 can't say.
    now: asksToday(found, intent, subjects, knowledge, asksOfPeople),
    followUp: followUp || (grouped !== undefined && !resolved.subjects.some(isRegion)),
    foreign: partnerClaimed ? undefined : found.countries[0],
    motive: motiveNotGiven(found.whyOf, knowledge),
    assumed,
    from,
    span: dated.length === 2 ? [dated[0] as DatedFact, dated[1] as DatedFact] : undefined,
    unexpanded: unexpandedName(found, subjects, knowledge),
    superlative: superlativeAsked(found),
    // ("Batik termasuk?": the words are the goods asked of; the programme's products answer.)
    ...(unplaced.length
      ? { unplaced, intent: "member", subjects: PROGRAMME, unexplained: [], confidence: found.certainty }
      : {}),
  };
}

const PROGRAMME: Subject[] = [{ kind: "topic", id: "summary" }];
const NAME: Subject = { kind: "topic", id: "name" };

// Intents a note answers: when it happened, what or where it says the place is now.
const NOTED_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "when",
  "describe",
  "province",
  "where",
  "member",
]);

/** What a question asks and of whom: named subjects, else the previous question's, else the programme. */
function resolve(
  found: Found,
  knowledge: Knowledge,
  areas: Areas,
  cohort: string | undefined,
  previous: Previous | undefined,
): Pick<Understood, "intent" | "subjects" | "followUp" | "assumed" | "from"> {
  let intent = intentOf(found);
  let subjects = namedSubjects({ found, knowledge, areas, cohort, intent });
  const from = constrainingSource(found, intent, subjects, cohort, previous);
  if (from) {
    subjects = subjects.filter((s) => s.kind !== "source");
    if (subjects.length === 0 && cohort) subjects = [{ kind: "cohort", id: cohort }];
  }
  ({ intent, subjects } = framedSubjects(found, knowledge, intent, subjects, cohort));
  // "How long is a facilitator placed?": "how long" names the programme's duration only when the
  // question names nothing else of it.
  // ("When did the JICA partnership start?": the partners' word beside the start names the cooperation;
  // "Which organisations are named as authors of the report?" asks of the report's authors.)
  const authorsOfSource = found.cues.has("author") && found.sources.length > 0;
  const attributes = (
    found.cues.has("duration") && found.attributes.length > 1
      ? found.attributes.filter((id) => id !== "started")
      : found.attributes
  ).filter(
    (id, _, all) =>
      id !== "partners" ||
      ((!all.includes("started") || asksWhoWith(found)) && !authorsOfSource && !found.cues.has("provinces")),
  );
  const topics = attributes.map((id): Subject => ({ kind: "topic", id }));
  // "Siapa nama fasilitator di Tegal?": who or what name, asked of a fact of the programme (its
  // facilitators), is asked of that fact; asked at a place, it asks for names the sources lack.
  // A person named by role ("the reporter behind the piece") is who is asked about.
  const person = subjects.some((s) => s.kind === "person");
  if ((intent === "who" || intent === "name") && topics.length && !(intent === "who" && person)) {
    if (subjects.length) intent = "name";
    // "Proyek yang berjalan sejak 2013 itu, apa nama resminya?": the name is asked, the rest describes;
    // so is a name offered for the programme ("… is called the SME Partnership, right?": its words).
    const offered = programmeNameOffered(found, attributes);
    const named = topics.filter((t) => t.kind === "topic" && t.id === "name");
    subjects = intent === "name" && (named.length || offered) ? [NAME] : topics;
  }
  // "siapa nama IKM di Mojokerto?": the names of what a term stands for at a place, not the place's.
  // (Not the programme's own name: "what is the name of the SMI programme in East Java?"; the
  // programme a clause says they take part in is not what is named: "… yang ikut program?".)
  const named = intent === "name" && found.terms.length > 0 && (!found.programme || found.cues.has("member"));
  if (named && subjects.length && subjects.every(isRegion)) intent = "who";
  let followUp = false;
  let assumed = false;
  // "Is there any IKM-JICA cluster there?", "is she an official?": what the chat just named.
  const fromChat = chatSubjects(found, previous, intent, subjects, topics.length > 0);
  if (fromChat) {
    subjects = fromChat;
    followUp = true;
  }
  // "the last one on that list": an item of the list, not the list ("among" names it too).
  const pointing = subjects.length === 0 || (found.ordinal !== undefined && found.cues.has("among"));
  const since = subjects.length === 0 ? sinceWhenOf(found, intent, attributes, previous) : [];
  const item = pointing
    ? (pointedItem(found, previous) ?? nextCriterion(found, previous, knowledge))
    : undefined;
  const rest = restOfGroup(found, previous, knowledge, cohort);
  if (rest.length && subjects.every((s) => s.kind === "cohort")) {
    subjects = rest;
    followUp = true;
  } else if (item) {
    subjects = [item];
    followUp = true;
    if (intent === "later") intent = "describe";
  } else if (
    subjects.length === 0 &&
    found.cues.has("why") &&
    attributes.every((id) => id === "aim") &&
    previous?.subjects.some((s) => s.kind === "cohort" || isRegion(s))
  ) {
    // "why those three?" right after a group or a region: why it was chosen.
    intent = "criteria";
    subjects = previous.subjects;
    followUp = true;
  } else if (since.length) {
    // "sejak kapan?" right after a region, a group or a product: since when it takes part.
    subjects = since;
    followUp = true;
  } else if (subjects.length === 0 && topics.length) {
    // A fact of the programme named by its own word ("tujuan", "cara kerja") is what is asked.
    if (SHAPING_INTENTS.has(intent)) intent = "describe";
    subjects = topics;
  } else if (
    subjects.length === 0 &&
    found.cues.has("published") &&
    intent !== "source" &&
    !previous?.subjects.some(isSource)
  ) {
    // "terbitnya kapan?": what is published is a source; the chat's last, else the main one.
    // ("Dimuat di media apa?" asks which sources.)
    subjects = Object.entries(knowledge.sources).flatMap(([id, s]): Subject[] =>
      s.main ? [{ kind: "source", id }] : [],
    );
  } else if (
    intent === "count" &&
    found.cues.has("total") &&
    ((subjects.length === 0 && !ofOneGroup(previous)) ||
      (found.cues.has("both") && subjects.every((s) => s.kind === "cohort")))
  ) {
    // "total jadinya brp provinsi?" after two lists, "in total, across both groups?": the whole
    // programme's ("brp totalnya?" right after one group's list counts that group).
    subjects = [{ kind: "topic", id: "summary" }];
  } else if (subjects.length === 0 && found.cues.has("author") && previous?.sources.length) {
    // "who edited it?" after an answer about its writer: "it" is the source that answer cites.
    subjects = [...new Set(previous.sources)].map((id): Subject => ({ kind: "source", id }));
    followUp = true;
  } else if (
    subjects.length === 0 &&
    found.cues.has("how") &&
    !found.cues.has("howto") &&
    // ("how the regions were chosen?" asks the criteria, whatever came before.)
    intent !== "criteria" &&
    previous?.subjects.every((s) => s.kind === "topic" && s.id !== "approach")
  ) {
    // "how do they go about it?" after the aim or the partners: how the programme works.
    intent = "describe";
    subjects = [{ kind: "topic", id: "approach" }];
    followUp = true;
  } else if (
    subjects.length === 0 &&
    intent === "name" &&
    previous?.subjects.length &&
    previous.subjects.every((s) => s.kind === "topic" && s.id !== "partners")
  ) {
    // "Kapan program mulai dan apa namanya?": after a fact of the programme, the name is its name
    // (after its partners, "the full name of that agency" is theirs).
    subjects = [{ kind: "topic", id: "summary" }];
  } else if (
    subjects.length === 0 &&
    previous &&
    !found.programme &&
    !namesElsewhere(found, previous, knowledge, areas).length
  ) {
    // (Not when it names a place the sources don't know: "kalau Ubud?" after Toraja Utara.)
    // "which one is in English?" of the sources just listed: those in that language.
    const sources = previous.subjects.flatMap((s) => (s.kind === "source" ? [s.id] : []));
    const inLang = inLanguageAsked(found, knowledge, sources);
    subjects =
      inLang.length < sources.length
        ? inLang.map((id): Subject => ({ kind: "source", id }))
        : asksOfAsked(found, previous)
          ? (previous.asked ?? previous.subjects)
          : previous.subjects;
    followUp = true;
  } else if (subjects.length === 0) {
    // The programme's words ("Jepang", "IKM") alone make a question about it only when the other
    // words are understood, but for one in three: "buatin puisi tentang Jepang" is not.
    // (A word of office in a statement is the claim: "yg ngomong itu menteri" is checked.)
    const claimed = found.cues.has("confirm") ? found.titles : [];
    const unknown = found.unknown.filter((w) => !claimed.includes(w));
    const fullyRead = found.asking.length === 0 && unknown.length <= Math.floor(found.meaningful / 3);
    // ("Did anyone quit the programme?": its words name it, in a phrase of leaving.)
    const ofProgramme = found.programme || found.cues.has("left");
    if (ofProgramme || (fullyRead && (found.cues.has("domain") || intent !== "describe"))) {
      subjects = [{ kind: "topic", id: "summary" }];
      assumed = !found.programme;
    } else if (found.asking.length && intent !== "describe") {
      // "Pelatihannya kapan?": a question about a thing the sources never name is asked of the
      // programme, and answered that they don't say.
      subjects = [{ kind: "topic", id: "summary" }];
      assumed = true;
    }
  } else if (previous && asksAgain(found, intent)) {
    intent = previous.intent;
  }
  const own = askersOwn(found, intent, subjects, previous);
  ({ intent, subjects } = own);
  followUp ||= own.followUp;
  ({ intent, subjects } = settle(found, intent, subjects, knowledge, areas, followUp));
  return { intent, subjects, followUp, assumed, from };
}

/** "… lembaga Jepang apa … sejak 2013?": a question of who the partners are, not only of when. */
// ("Apakah …" opens a yes-or-no question: its "apa" asks nothing of who.)
const asksWhoWith = (f: Found) =>
  !f.cues.has("when") && ((f.cues.has("what") && !f.yesNo) || f.cues.has("who"));
