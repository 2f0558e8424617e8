import type { KnowledgeFile } from "../knowledge/schema";
import type { Lang } from "../lang";
import type { Cue, SmallTalk } from "./lexicon";
import type { Subject } from "./subject";
import type { Match, Vocabulary } from "./vocabulary";

/** What the matcher found in a question. */
export interface Analysis {
  /** The language the question's words mark, if any. */
  lang: Lang | undefined;
  provinces: string[];
  places: Array<{ province: string; entry: number }>;
  products: string[];
  criteria: string[];
  people: string[];
  orgs: string[];
  topics: Map<string, number>;
  /** Topics named by a word that is not a general programme word. */
  strongTopics: Set<string>;
  areas: string[];
  /** How the question named each region ("flores", "west java"), by region code. */
  areaWords: Map<string, string>;
  cues: Set<Cue>;
  smalltalk: SmallTalk[];
  offTopic: boolean;
  years: number[];
  /** Content words the matcher does not know (not numbers, not single letters). */
  unknown: string[];
  /** The lowest certainty of the words that were used (1 when none was corrected). */
  certainty: number;
  /** How many phrases carried meaning (entities, topics, cues other than stop words). */
  meaningful: number;
  empty: boolean;
}

/** What to answer, and how sure the matcher is. */
export interface Decision {
  kind: "answer" | "not_in_programme" | "smalltalk" | "fallback";
  subjects: Subject[];
  smalltalk?: SmallTalk;
  confidence: number;
}

// Cues that make a message a question, even when it also holds a polite word ("oke", "siap").
const SUBSTANTIVE_CUES: Cue[] = [
  "product",
  "provinces",
  "where",
  "when",
  "criteria",
  "follow-up",
  "member",
  "phase",
  "officials",
  "quantity",
];
const SMALL_TALK_ORDER: SmallTalk[] = ["thanks", "bye", "who-are-you", "how-are-you", "greet", "ack"];
// Cue words that, with a programme entity, make a question about the entity clearly in scope.
const ENTITY_CUES: Cue[] = [
  "product",
  "where",
  "what",
  "when",
  "member",
  "who",
  "phase",
  "provinces",
  "criteria",
  "follow-up",
  "officials",
  "meaning",
];
// Each unknown word lowers confidence by this factor: less when the question is clearly about an entity.
const UNKNOWN_FACTOR_STRONG = 0.75;
const UNKNOWN_FACTOR_WEAK = 0.5;
/** Below this confidence the bot offers "did you mean" instead of answering. */
export const ANSWER_CUTOFF = 0.45;

function push<T>(list: T[], value: T): void {
  if (!list.some((v) => JSON.stringify(v) === JSON.stringify(value))) list.push(value);
}

/** Reads a question into the entities, cues and unknown words it contains. */
export function analyse(question: string, vocabulary: Vocabulary): Analysis {
  const tokens = vocabulary.tokens(question);
  const a: Analysis = {
    lang: undefined,
    provinces: [],
    places: [],
    products: [],
    criteria: [],
    people: [],
    orgs: [],
    topics: new Map(),
    strongTopics: new Set(),
    areas: [],
    areaWords: new Map(),
    cues: new Set(),
    smalltalk: [],
    offTopic: false,
    years: [],
    unknown: [],
    certainty: 1,
    meaningful: 0,
    empty: tokens.length === 0,
  };
  let id = 0;
  let en = 0;
  for (const t of tokens) {
    const lang = vocabulary.languageOf(t.text) ?? vocabulary.languageOf(t.original);
    if (lang === "id") id++;
    else if (lang === "en") en++;
  }
  a.lang = en > id ? "en" : id > 0 ? "id" : undefined;

  for (const m of vocabulary.segment(tokens)) collect(a, m);
  return a;
}

function collect(a: Analysis, m: Match): void {
  if (m.concepts.length === 0) {
    if (/^\d{4}$/.test(m.text)) a.years.push(Number(m.text));
    else if (!/^\d+$/.test(m.text) && m.text.length >= 3) a.unknown.push(m.text);
    return;
  }
  if (m.concepts.some((c) => c.type !== "cue" || c.cue !== "stop"))
    a.certainty = Math.min(a.certainty, m.certainty);
  const isDomainWord = m.concepts.some((c) => c.type === "cue" && c.cue === "domain");
  if (m.concepts.some((c) => c.type !== "cue" || c.cue !== "stop")) a.meaningful += 1;
  for (const c of m.concepts) {
    switch (c.type) {
      case "province":
        push(a.provinces, c.id);
        break;
      case "place":
        push(a.places, { province: c.province, entry: c.entry });
        break;
      case "product":
        push(a.products, c.id);
        break;
      case "criterion":
        push(a.criteria, c.id);
        break;
      case "person":
        push(a.people, c.id);
        break;
      case "org":
        push(a.orgs, c.id);
        break;
      case "topic":
        // A programme word ("program", "ikm") says little about which topic is meant.
        a.topics.set(c.id, (a.topics.get(c.id) ?? 0) + (isDomainWord ? 0.5 : 1));
        if (!isDomainWord) a.strongTopics.add(c.id);
        break;
      case "area":
        push(a.areas, c.code);
        if (!a.areaWords.has(c.code)) a.areaWords.set(c.code, m.text);
        break;
      case "cue":
        a.cues.add(c.cue);
        break;
      case "smalltalk":
        push(a.smalltalk, c.kind);
        break;
      case "offtopic":
        a.offTopic = true;
        break;
    }
  }
}

/** Decides what a question asks for, from its analysis. Pure and deterministic. */
export function decide(a: Analysis, k: KnowledgeFile): Decision {
  const topicOrder = k.topics.map((t) => t.id);
  const fallback: Decision = { kind: "fallback", subjects: [], confidence: 0 };
  if (a.empty) return fallback;
  // An off-topic word rules the question out, unless it asks about the selection criteria by
  // name ("is developing export markets part of the strategic theme?").
  if (a.offTopic && a.criteria.length === 0) return { ...fallback, confidence: 0.9 };

  const has = (cue: Cue) => a.cues.has(cue);
  const entityCount =
    a.provinces.length +
    a.places.length +
    a.products.length +
    a.criteria.length +
    a.people.length +
    a.orgs.length;
  const strong = ENTITY_CUES.some(has);
  // A long question that is mostly understood can carry a few words the lexicon lacks
  // ("mohon info, saya dari dinas …"): every three meaningful phrases excuse one unknown word.
  const unknown = Math.max(0, a.unknown.length - Math.floor(a.meaningful / 3));
  const penalty = (factor: number) => a.certainty * factor ** unknown;
  const answer = (
    subjects: Subject[],
    factor = strong ? UNKNOWN_FACTOR_STRONG : UNKNOWN_FACTOR_WEAK,
  ): Decision => ({
    kind: "answer",
    subjects,
    confidence: penalty(factor),
  });

  // Questions the knowledge cannot answer whatever they name: instructions, and figures other
  // than counts of provinces and years ("how much does ulos cost?", "cara bikin tempe").
  if (has("howto")) return fallback;
  const countable = has("provinces") || has("phase") || has("criteria");
  if (has("quantity") && !countable) return fallback;
  // A third phase, a year the sources never name ("after 2020"), who holds an office now, or
  // when anything but the first phase ended: none of it is in the sources.
  if (has("third") || a.years.some((y) => !yearsOf(k).has(y))) return fallback;
  if (has("now") && (a.people.length > 0 || has("who") || has("officials"))) return fallback;
  if (has("end") && askedPhase(a) !== 1) return fallback;

  // Small talk alone ("halo", "thanks a lot!"): nothing else of substance in the question.
  const substantive = SUBSTANTIVE_CUES.some(has) || a.years.length > 0;
  if (
    a.smalltalk.length &&
    entityCount === 0 &&
    a.areas.length === 0 &&
    !substantive &&
    a.unknown.length <= 2
  ) {
    const onlyPolite = a.topics.size === 0 && !has("criteria") && !has("follow-up") && !has("officials");
    if (onlyPolite) {
      const kind = SMALL_TALK_ORDER.find((k) => a.smalltalk.includes(k)) ?? "greet";
      return {
        kind: "smalltalk",
        subjects: [],
        smalltalk: kind,
        confidence: a.certainty * 0.8 ** a.unknown.length,
      };
    }
  }

  const phase = askedPhase(a);
  const asksList =
    (has("provinces") && (has("plural") || has("what") || phase !== undefined || has("member"))) ||
    // "di mana saja program ini?", "where does the programme work?"
    (has("where") && (has("plural") || has("domain")) && entityCount === 0 && a.areas.length === 0);

  const programme = programmeSubjects(a, k);
  const areaSubject = (code: string): Subject => ({ kind: "area", code, asked: a.areaWords.get(code) });

  // "Is Papua one of the follow-up targets?", "which province makes pewter, and is it a target?"
  if (has("follow-up") && !has("criteria") && a.criteria.length === 0)
    return answer([...programme, { kind: "topic", id: "follow-up" }]);
  if (a.criteria.length > 0 || has("criteria")) {
    if (has("criteria") && asksList && phase !== undefined) return answer([{ kind: "list", phase }]);
    if (has("follow-up")) return answer([{ kind: "topic", id: "follow-up" }, { kind: "criteria" }]);
    const specific = a.criteria.length === 1 && !has("criteria") && !has("plural");
    return answer(specific ? [{ kind: "criterion", id: a.criteria[0] as string }] : [{ kind: "criteria" }]);
  }
  if (a.people.length) return answer(a.people.map((id) => ({ kind: "person", id })));

  // "kerajinan perak malang ikut program?": a region outside the programme, asked about a product
  // (not Papua Tengah, which holds Dogiyai since 2022).
  const outside = a.areas.filter((code) => !holdsProgrammePlace(k, code));
  if (outside.length && a.provinces.length === 0 && a.places.length === 0) {
    const subjects: Subject[] = [...a.areas.slice(0, 3).map(areaSubject), ...programme];
    return { kind: "not_in_programme", subjects, confidence: penalty(UNKNOWN_FACTOR_WEAK) };
  }
  if (programme.length || a.areas.length) {
    const areas = a.areas.map(areaSubject);
    // "Papua Tengah?" alone: the region, and the programme place it now holds.
    return programme.length ? answer([...programme, ...areas]) : answer(areas, UNKNOWN_FACTOR_WEAK);
  }
  // "What products are in the programme?": every province with its products.
  if (has("product") && (has("plural") || has("what")) && a.strongTopics.size === 0) {
    return answer([{ kind: "list", phase }]);
  }
  if (has("end")) return answer([{ kind: "topic", id: "since" }]);
  // "phase 1 dates", "kapan tahap pertama?": when the programme ran, not who took part.
  const otherTopic = [...a.strongTopics].some((id) => id !== "since");
  if (has("when") && phase !== undefined && !has("provinces") && !otherTopic)
    return answer([{ kind: "topic", id: "since" }]);
  const listsPhase = phase !== undefined && (has("plural") || has("phase") || has("product"));
  if (asksList || listsPhase || (has("phase") && has("plural"))) return answer([{ kind: "list", phase }]);

  const topic = bestTopic(a, topicOrder);
  // A topic named twice, or once in a question that is clearly about the programme, is firm ground.
  const topicScore = topic ? (a.topics.get(topic) ?? 0) : 0;
  const topicFactor =
    topicScore >= 2 || (topicScore >= 1 && has("domain")) ? UNKNOWN_FACTOR_STRONG : UNKNOWN_FACTOR_WEAK;
  if (topic && topic !== "overview") return answer([{ kind: "topic", id: topic }], topicFactor);
  // "What does JICA stand for?", "Apa kepanjangan Kemenperin?": the organisation's full name.
  if (has("meaning") && a.orgs.length) return answer(a.orgs.map((id) => ({ kind: "org", id })));
  if (has("officials")) return answer([{ kind: "officials" }]);
  if (a.orgs.length) return answer(a.orgs.map((id) => ({ kind: "org", id })));
  if (topic) return answer([{ kind: "topic", id: topic }], UNKNOWN_FACTOR_WEAK);
  if (a.years.length && (has("what") || has("when")))
    return answer([{ kind: "topic", id: "since" }], UNKNOWN_FACTOR_WEAK);
  if (has("domain") && a.unknown.length === 0)
    return answer([{ kind: "topic", id: "overview" }], UNKNOWN_FACTOR_WEAK);
  return fallback;
}

const knownYears = new WeakMap<KnowledgeFile, Set<number>>();

/** Every year the knowledge names (entries, texts, notes, source dates). */
function yearsOf(k: KnowledgeFile): Set<number> {
  let years = knownYears.get(k);
  if (!years) {
    const text = JSON.stringify(k);
    years = new Set([...text.matchAll(/\b(19|20)\d\d\b/g)].map((m) => Number(m[0])));
    knownYears.set(k, years);
  }
  return years;
}

/** Whether a region holds one of the programme's places (Papua Tengah holds Dogiyai). */
function holdsProgrammePlace(k: KnowledgeFile, code: string): boolean {
  return k.provinces.some((p) =>
    p.entries.some((e) => e.place.area === code || e.place.area.startsWith(`${code}.`)),
  );
}

/** The phase a question asks about: from a year (2013, 2017) or words like "first phase". */
function askedPhase(a: Analysis): number | undefined {
  // "apa bedanya tahap 1 dan 2": both phases, so no one phase.
  if (a.cues.has("first") && a.cues.has("second")) return undefined;
  // "the original five provinces before the 2017 expansion": the words say which phase.
  if (a.cues.has("phase") || a.cues.has("provinces")) {
    if (a.cues.has("first")) return 1;
    if (a.cues.has("second")) return 2;
  }
  if (a.years.includes(2017)) return 2;
  if (a.years.includes(2013) || a.years.includes(2016)) return 1;
  return undefined;
}

/** Province, place and product subjects: "papua bikin apa", "where is coffee processed?", "Dogiyai?". */
function programmeSubjects(a: Analysis, k: KnowledgeFile): Subject[] {
  const subjects: Subject[] = [];
  const placeProvinces = new Set(a.places.map((p) => p.province));
  for (const place of a.places) subjects.push({ kind: "place", ...place });
  for (const id of a.provinces) {
    if (placeProvinces.has(id)) continue;
    // "Jatim kapal?": only the entries of that product, when the province has them.
    const entries = (k.provinces.find((p) => p.id === id)?.entries ?? [])
      .map((e, i) => (a.products.includes(e.product) ? i : -1))
      .filter((i) => i >= 0);
    if (entries.length) for (const entry of entries) subjects.push({ kind: "place", province: id, entry });
    else subjects.push({ kind: "province", id });
  }
  if (subjects.length === 0) for (const id of a.products) subjects.push({ kind: "product", id });
  return subjects;
}

/** The topic with the most evidence; ties go to the one listed first in the knowledge file. */
function bestTopic(a: Analysis, order: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  // A topic named by a word of its own ("nama") beats one reached by programme words alone.
  const strong = order.filter((id) => a.strongTopics.has(id));
  for (const id of strong.length ? strong : order) {
    const score = a.topics.get(id) ?? 0;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
