/**
 * What the matcher found in a question, or in one part of it, phrase by phrase: the things it names,
 * the cues of what it asks, the words it does not know. Pure.
 */

import type { ProgrammeAttribute } from "../knowledge/schema.ts";
import type { ExcludedRegions } from "./asides.ts";
import { writtenWords } from "./concepts.ts";
import { type Cue, FILLER_CUES, type SmallTalk } from "./lexicon.ts";
import { isName } from "./parts.ts";
import type { SetAside } from "./set-aside.ts";
import type { TimeAnchor } from "./time-order.ts";
import type { Match } from "./vocabulary.ts";

/** The same finding, as if a cue's words had asked nothing. */
export const withoutCue = (f: Found, cue: Cue): Found => ({
  ...f,
  cues: new Set([...f.cues].filter((c) => c !== cue)),
});

/** A year as the sources' dates are written: 19xx or 20xx (not "25" of "Rp 25", nor "0812"). */
export const YEAR = /^(?:19|20)\d\d$/;

/** What the matcher found in a question, or in one part of it. */
export interface Found {
  programme: boolean;
  attributes: ProgrammeAttribute[];
  terms: string[];
  cohorts: string[];
  /** The group a question asks which are not in ("which … aren't first targets?"). */
  excludedCohort: string | undefined;
  /** Unknown words put right after the programme or a product word ("programnye sawit"). */
  claimedProducts: string[];
  /** Kinds of goods the sources place nowhere ("batik", "sawit"), as the lexicon lists them. */
  goods: string[];
  /** The programme is the first thing named after the question word ("apa itu program IKM JICA?"). */
  programmeAsked: boolean;
  /** Sources a question sets aside ("ada sumber lain selain Bisnis.com?"): the others are asked. */
  excludedSources: string[];
  selection: boolean;
  provinces: string[];
  places: Array<{ province: string; entry: number }>;
  products: string[];
  criteria: string[];
  people: string[];
  /** People named by role ("the director general"). */
  roles: string[];
  orgs: string[];
  sources: string[];
  areas: string[];
  /** How the question named each region ("flores", "west java"), by region code. */
  areaWords: Map<string, string>;
  /** The districts it names ("Pangururan"), each with its regency's code: asked as that regency. */
  districts: Map<string, string>;
  islands: number[];
  /** Islands and provinces a question of which sets aside ("… yang bukan di Jawa?", "kecuali Jatim"). */
  excludedRegions: ExcludedRegions;
  /** What the message sets aside, read apart ("selain Sulsel", "other than footwear"): see `set-aside.ts`. */
  setAside?: SetAside | undefined;
  /** The item of a list the question points to ("yang kedua", "nomor 3"; -1 the last), if any. */
  ordinal: number | undefined;
  /** Countries other than the cooperation's, as the question named them. */
  countries: string[];
  /** How the question named each island ("batam"), by index. */
  islandWords: Map<number, string>;
  cues: Set<Cue>;
  smalltalk: SmallTalk[];
  years: number[];
  /**
   * The years of the sentences that ask, where others only say something around the question
   * ("Banten broke away from West Java in 2000. Is it included?" asks none).
   */
  questionYears: number[];
  /** Asks for what an entry's note says ("kapan Papua dimekarkan?"): the entry's card answers. */
  noted: boolean;
  /** Numbers it gives, written as words or as one or two digits ("tujuh provinsi", "7"). */
  numbers: number[];
  /** Content words the matcher does not know (not numbers, not single letters). */
  unknown: string[];
  /** Of those, words of office ("menteri"): put on a person in a statement, a title to check. */
  titles: string[];
  /**
   * Unknown words where a question says what it asks: next to the question word or to a name
   * ("what is the population of Papua", "Gati lahir kapan"). Such a word changes the question.
   */
  asking: string[];
  /**
   * Unknown words of the sentences that ask (all of them when none does): greetings and
   * introductions around a question ("sy pensiunan guru di Siantar") say nothing of what it asks.
   */
  questionUnknown: string[];
  /**
   * A verb of an event other than the programme's own ("dibentuk", "founded", "ditempatkan"):
   * asked when, a date the sources don't give.
   */
  otherEvent: boolean;
  /** Names that are small talk too ("mks": Makassar, or thanks): alone, the message is small talk. */
  smallTalkNames: number;
  /** Regions a greeting comes from ("Good evening from Jakarta"): where the asker is, not what is asked. */
  greetedFrom: number;
  /** The lowest certainty of the words that were used (1 when none was corrected). */
  certainty: number;
  /** How many phrases carried meaning (anything but stop words). */
  meaningful: number;
  /** Dates it names, a day and a month ("24 Des 2017"): "2017-12-24", or "12-24" without a year. */
  dates: string[];
  /**
   * Months it names without a day, beside a year or after the word for month ("Januari 2013",
   * "bulan Juni"): "2013-01", or "01" without a year. A claim so dated is finer than a year.
   */
  months: string[];
  /** Whether it opens as a yes-or-no question ("Was …?", "Apakah …?"): a year it names is a claim. */
  yesNo: boolean;
  /** Whether a question mark closes a clause of its own ("Start year?", "…, right?"), not only a later one's. */
  endsAsked: boolean;
  /** Whether it denies what it says ("Rattan isn't from South Sulawesi, is it?"). */
  negated: boolean;
  /** Whether the first region or product it names is a region ("Bengkulu ikut … buat kopi"). */
  regionLeads: boolean;
  /** Asks who edited, not who wrote ("siapa yang menyunting", "who edited it?"). */
  edits: boolean;
  /** "after the first phase", "sebelum Pasuruan": a word of time and what it is anchored to. */
  timeAnchor?: TimeAnchor | undefined;
  /** People named as who said it ("Menurut Gati, …", "Gati bilang …"), by id: given, not asked. */
  speakers: string[];
  /**
   * A word of what one must meet that no word of how regions are chosen shares ("eligibility",
   * "qualify", "prasyarat"): what it takes to take part is asked, not the region criteria.
   */
  eligibility: boolean;
  /** The asker speaks of themselves ("usaha saya", "can I …"). */
  asker: boolean;
  /** The part only introduces the asker ("saya staf Bappeda …"): context for the questions after it. */
  intro: boolean;
  /** The noun a statement puts a number on, claiming how many ("Jatim ada 2 lokasi kan?": lokasi). */
  countedNoun?: string | undefined;
  /** "How many" counts a fact of the programme or a term ("how many facilitators …?"). */
  countsFact: boolean;
  /** The cooperation's country whose reasons a "why" asks ("Why is Japan interested?": JP). */
  whyOf: string | undefined;
  /** A statement to check offers a name the sources don't know ("… Japan International Credit Agency, right?"). */
  namesUnknown: boolean;
  /** Puts a region in a province it does not lie in ("lidah buaya Pontianak, Kalteng"). */
  misplaced: boolean;
  /** Words of the question the matcher doesn't know, written as names ("OJK", "Shakespeare"). */
  /** Names after a word of address ("Pak Budi"): whom the message addresses, not what it asks about. */
  addressed: string[];
  unknownNames: string[];
  /** One-word names of organisations and sources, as read ("unico", "jica"). */
  shortNames: string[];
}

export function emptyFound(): Found {
  return {
    programme: false,
    attributes: [],
    terms: [],
    cohorts: [],
    selection: false,
    provinces: [],
    places: [],
    products: [],
    criteria: [],
    people: [],
    roles: [],
    orgs: [],
    sources: [],
    areas: [],
    areaWords: new Map(),
    districts: new Map(),
    islands: [],
    excludedRegions: { islands: [], provinces: [] },
    countries: [],
    ordinal: undefined,
    islandWords: new Map(),
    cues: new Set(),
    smalltalk: [],
    years: [],
    questionYears: [],
    noted: false,
    numbers: [],
    unknown: [],
    titles: [],
    asking: [],
    questionUnknown: [],
    otherEvent: false,
    smallTalkNames: 0,
    greetedFrom: 0,
    certainty: 1,
    meaningful: 0,
    yesNo: false,
    endsAsked: false,
    excludedCohort: undefined,
    excludedSources: [],
    programmeAsked: false,
    claimedProducts: [],
    goods: [],
    eligibility: false,
    intro: false,
    countsFact: false,
    namesUnknown: false,
    addressed: [],
    unknownNames: [],
    shortNames: [],
    negated: false,
    regionLeads: false,
    misplaced: false,
    whyOf: undefined,
    edits: false,
    speakers: [],
    asker: false,
    dates: [],
    months: [],
  };
}

function push<T extends string | number>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** Whether a phrase carries nothing of what is asked: only filler cues, or no known meaning at all. */
export const saysNothing = (m: Match): boolean =>
  m.concepts.every((c) => c.type === "cue" && FILLER_CUES.has(c.cue));

/** A known word that carries nothing ("yang", "the"), not one the matcher doesn't know. */
export const isFiller = (m: Match): boolean => m.concepts.length > 0 && saysNothing(m);

/** The index of the first phrase from `i + step` on, going `step`, that `skips` does not pass. */
export function pastFillers(
  matches: readonly Match[],
  i: number,
  step: 1 | -1,
  skips: (m: Match) => boolean = isFiller,
): number {
  let j = i + step;
  while (matches[j] && skips(matches[j] as Match)) j += step;
  return j;
}

/** Adds what one phrase stands for to `found`. */
export function collect(found: Found, match: Match): void {
  if (match.concepts.length === 0) {
    // (A year is of this century or the last: "0812" of a phone number is none.)
    if (YEAR.test(match.text)) push(found.years, Number(match.text));
    else if (/^\d{1,2}$/.test(match.text)) push(found.numbers, Number(match.text));
    else if (!/^\d+$/.test(match.text) && match.text.length >= 3) found.unknown.push(match.text);
    return;
  }
  const onlyStop = saysNothing(match);
  const cues = match.concepts.flatMap((c) => (c.type === "cue" ? [c.cue] : []));
  if (cues.includes("requirement") && !cues.includes("criteria")) found.eligibility = true;
  if (match.concepts.some((c) => c.type === "smalltalk") && isName(match)) found.smallTalkNames += 1;
  if (!onlyStop) {
    found.certainty = Math.min(found.certainty, match.certainty);
    found.meaningful += 1;
  }
  for (const concept of match.concepts) {
    switch (concept.type) {
      case "programme":
        found.programme = true;
        break;
      case "selection":
        found.selection = true;
        break;
      case "attribute":
        push(found.attributes, concept.id);
        break;
      case "term":
        push(found.terms, concept.id);
        break;
      case "cohort":
        push(found.cohorts, concept.id);
        break;
      case "province":
        push(found.provinces, concept.id);
        break;
      case "place":
      case "note":
        if (!found.places.some((p) => p.province === concept.province && p.entry === concept.entry))
          found.places.push({ province: concept.province, entry: concept.entry });
        if (concept.type === "note") found.noted = true;
        break;
      case "product":
        push(found.products, concept.id);
        break;
      case "criterion":
        push(found.criteria, concept.id);
        break;
      case "person":
        push(found.people, concept.id);
        break;
      case "role":
        // "press release" names the sources that carry it, and the official it quotes by role:
        // the sources are meant.
        if (!match.concepts.some((c) => c.type === "source")) push(found.roles, concept.id);
        break;
      case "org":
      case "source":
        push(concept.type === "org" ? found.orgs : found.sources, concept.id);
        if (match.tokens.length === 1) push(found.shortNames, match.text);
        break;
      case "area":
        push(found.areas, concept.code);
        if (concept.district) found.districts.set(concept.district, concept.code);
        // A province named by its capital is not named as its capital ("Kota Bandung").
        if (!found.areaWords.has(concept.code) && !concept.byCapital)
          found.areaWords.set(concept.code, match.text);
        break;
      case "island":
        push(found.islands, concept.index);
        if (!found.islandWords.has(concept.index)) found.islandWords.set(concept.index, match.text);
        break;
      case "month":
        break;
      case "number":
        push(found.numbers, concept.value);
        break;
      case "ordinal":
        found.ordinal ??= concept.position;
        break;
      case "country":
        push(found.countries, writtenWords(match));
        break;
      case "cue":
        found.cues.add(concept.cue);
        break;
      case "smalltalk":
        push(found.smalltalk, concept.kind);
        break;
    }
  }
}

/** Whether a message offers what it says for checking: a statement to confirm, or a yes-or-no question. */
export const offersClaim = (f: Found): boolean => f.cues.has("confirm") || f.yesNo;
