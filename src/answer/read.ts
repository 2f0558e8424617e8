import { extended } from "../extended.ts";
import type { Lang } from "../lang.ts";
import {
  afterPreface,
  greetedFrom,
  heardIn,
  misplacesRegion,
  quotesAsContext,
  relayEnd,
  withoutLandmarks,
  withoutLikenesses,
  withoutOrigins,
  withoutQuotedSmallTalk,
  withoutRelay,
  withoutWhereItIs,
  withoutWhereRead,
} from "./around.ts";
import {
  AT_WORDS,
  addressedNames,
  asksEditor,
  claimedProducts,
  excludedCohort,
  excludedRegions,
  excludedSources,
  namedForEraOrTongue,
  placesUnknown,
  speakersNamed,
  statedYears,
} from "./asides.ts";
import { askedOfBot, askerWants, namesAsker, requestsOrAsks, withoutOwnName } from "./asker.ts";
import { askingWords, asksInstructions, isFiniteVerb, isUnknown } from "./asking-slot.ts";
import { capitalisedWords, setClaimedNamesApart } from "./claims.ts";
import { countOffered, countsFact, countsOnlyProvinces } from "./counting.ts";
import { readDates } from "./dates-said.ts";
import { collect, emptyFound, type Found, saysNothing } from "./found.ts";
import { namesGoods, withGoodsPhrases } from "./goods-phrases.ts";
import { namesSpan } from "./groups-asked.ts";
import { withoutJoiningWords } from "./joining-words.ts";
import { withoutLetterForms, withoutPurposes } from "./letters.ts";
import type { Cue } from "./lexicon.ts";
import { partyAskedWhy } from "./motives.ts";
import { deniesItself } from "./negation.ts";
import { clauses, fold } from "./normalise.ts";
import { hasCue, introducesAsker, isQuestionWord, pieces } from "./parts.ts";
import { withoutPeoplesWords } from "./peoples.ts";
import { nameQuotes } from "./quotes.ts";
import { withSelfCorrections } from "./self-corrections.ts";
import { readSettingAside } from "./set-aside.ts";
import { withoutPostMarks } from "./social.ts";
import { timeAnchorIn } from "./time-order.ts";
import { acronymsIn } from "./typos.ts";
import type { Match, Vocabulary } from "./vocabulary.ts";
import { messageLanguage, TITLE } from "./word-languages.ts";

/** A message read: the language its words mark, and the questions it asks (at most three). */
export interface Reading {
  lang: Lang | undefined;
  /** Everything the message holds. */
  whole: Found;
  parts: Found[];
  empty: boolean;
}

/**
 * Reads what `matches` hold. `asking` holds the words in the slot where a question says what it
 * asks, found sentence by sentence: a question word does not reach into the next sentence ("apa
 * namanya? sy perlu utk laporan").
 */
function foundIn(
  matches: Match[],
  asking: ReadonlySet<Match>,
  asked?: ReadonlySet<Match>,
  introduces = false,
): Found {
  const f = emptyFound();
  matches.forEach((m, i) => {
    if (namedForEraOrTongue(matches, i)) return;
    collect(f, m);
    // "nomor 3", "number 5": a number after such a word points to an item of a list.
    const before = matches[i - 1];
    const numbered = hasCue(before, "numbered");
    if (numbered && /^\d{1,2}$/.test(m.text)) f.ordinal ??= Number(m.text);
  });
  // ("Rp 25 million in cash": a number of something the sources don't know counts nothing they give.)
  matches.forEach((m, i) => {
    const next = matches[i + 1];
    if (/^\d{1,2}$/.test(m.text) && next && next.concepts.length === 0 && /^\p{L}+$/u.test(next.text))
      f.numbers = f.numbers.filter((n) => n !== Number(m.text));
  });
  if (asksInstructions(matches)) f.cues.add("howto");
  if (heardIn(matches)) f.cues.delete("howto");
  // "What is the cooperation all about?" asks what it is, described, not what its name means.
  if (/^(all )?about$/.test(matches[matches.length - 1]?.text ?? "") && f.cues.delete("meaning"))
    f.cues.add("what");
  f.excludedCohort = excludedCohort(matches);
  f.excludedRegions = excludedRegions(matches);
  f.excludedSources = excludedSources(matches);
  f.greetedFrom = greetedFrom(matches);
  // "Apa itu program IKM JICA?": the thing right after the question word is what is asked; the
  // names after it say which.
  const asks = matches.findIndex(isQuestionWord);
  const head = matches.slice(asks + 1).find((m) => !saysNothing(m));
  f.programmeAsked = asks >= 0 && head?.concepts.some((c) => c.type === "programme") === true;
  f.claimedProducts = claimedProducts(matches);
  f.sources = f.sources.filter((s) => !f.excludedSources.includes(s));

  readDates(f, matches);
  if (namesSpan(matches)) f.cues.delete("end");
  f.yesNo = hasCue(matches[0], "opener");
  f.negated = deniesItself(matches);
  const named = matches.find((m) => m.concepts.some((c) => NAMED_TYPES.has(c.type)));
  f.regionLeads = named?.concepts.some((c) => c.type !== "product" && NAMED_TYPES.has(c.type)) ?? false;
  // "Isn't rattan from South Sulawesi?" offers what follows for checking, as "Bukankah …?" does.
  // (Not followed by a question of its own: "wasn't there a signing in Osaka? what was the date?")
  const asksOwn = matches.some((m) => hasCue(m, "what") || hasCue(m, "when") || hasCue(m, "day"));
  if (hasCue(matches[0], "negation") && f.yesNo && !asksOwn) f.cues.add("confirm");
  // "Laporannya terbit 2018 ya?": a statement ended by a tag asks to confirm it ("apa ya?" asks what),
  // and so does one whose tag only a word of address or filler follows ("… 2015 ya kak?").
  const tagged = hasCue(
    matches.findLast((m) => m.concepts.length === 0 || hasCue(m, "tag") || !saysNothing(m)),
    "tag",
  );
  if (tagged && !matches.some(isQuestionWord)) f.cues.add("confirm");
  f.asking = matches.filter((m) => asking.has(m)).map((m) => m.text);
  const questions = matches.filter((m) => asked?.has(m) ?? true);
  // A verb says how, not what ("apa yang dibutuhkan?", "JICA nyebutnya apa?"), unless it is asked.
  f.questionUnknown = (questions.length ? questions : matches)
    .filter((m) => isUnknown(m) && (!isFiniteVerb(m) || asking.has(m)))
    .map((m) => m.text);
  // Judged by the words that ask: chatter merged before them ("I'm a journalist checking a quote.")
  // does not make a question an introduction.
  f.intro = introduces || introducesAsker(questions.length ? questions : matches);
  // (A verb the vocabulary doesn't know; "Kapan Papua dimekarkan?" asks what an entry's note dates.)
  f.otherEvent = !f.noted && matches.some((m) => isFiniteVerb(m) && isUnknown(m));
  // "Ada 50 IKM yang dibina kan?": a number offered for checking claims how many, as "berapa" asks.
  const counted = countOffered(f, matches);
  if (counted) {
    f.cues.add("quantity");
    f.countedNoun = counted.text;
  }
  f.countsFact = countsFact(matches);
  f.edits = asksEditor(matches);
  f.speakers = speakersNamed(matches);
  f.timeAnchor = timeAnchorIn(matches);
  f.asker = namesAsker(matches.flatMap((m) => m.text.split(" ")));
  return f;
}

// Question words besides "when".
const OTHER_QUESTIONS: readonly Cue[] = ["what", "where", "who", "plural"];

// Cues an ordinal word also carries, of groups and phases ("ketiga": a third phase).
const ORDINAL_CUES: readonly Cue[] = ["first", "second", "third"];

/**
 * "pertimbangan ketiga", "the third consideration": an ordinal beside a word of the considerations
 * names that consideration (`criteria`, in the sources' order), not a phase or a list's item.
 */
function numberedCriterion(
  f: Found,
  matches: Match[],
  criteria: readonly string[],
  english: ReadonlyMap<string, number>,
): void {
  // An English ordinal comes before its noun ("third consideration"), an Indonesian one after it
  // ("pertimbangan ketiga"; "pertama, pertimbangan apa saja …" enumerates questions).
  const names = (n: Match | undefined) => n?.concepts.some((c) => c.type === "selection") ?? false;
  const at = matches.findIndex(
    (m, i) =>
      m.concepts.some((c) => c.type === "ordinal") &&
      (english.has(m.text) ? names(matches[i + 1]) : names(matches[i - 1])),
  );
  const ordinal = matches[at]?.concepts.find((c) => c.type === "ordinal");
  const id =
    ordinal?.type === "ordinal" ? criteria.at(ordinal.position > 0 ? ordinal.position - 1 : -1) : undefined;
  if (!id) return;
  if (!f.criteria.includes(id)) f.criteria.push(id);
  f.ordinal = undefined;
  const others = matches.filter((_, i) => i !== at);
  for (const cue of ORDINAL_CUES) if (!others.some((m) => hasCue(m, cue))) f.cues.delete(cue);
}

// Cues that ask for something, as a question word does ("berapa kali", "bulan apa").
const WH_LIKE: ReadonlySet<Cue> = new Set<Cue>(["times", "day", "clock", "duration"]);
// What a statement names first, a region or a product ("Bengkulu ikut … buat kopi").
const NAMED_TYPES: ReadonlySet<string> = new Set(["product", "province", "place", "area"]);
// The question words proper, which ask inside a phrase of the knowledge ("lembaga apa").
const WH_WORDS: readonly Cue[] = ["what", "where", "who", "when"];

/** Reads a message into what it names and the questions it asks, and what it sets aside. */
export const readQuestion = (message: string, vocabulary: Vocabulary, onlyAsked = false): Reading =>
  readSettingAside(message, vocabulary, (text) => readMessage(text, vocabulary, onlyAsked));

function readMessage(message: string, vocabulary: Vocabulary, onlyAsked: boolean): Reading {
  // "Selamat pagi, Tanya IKM": the bot addressed by its name is not asked about.
  const { botName, letters, purpose, titles } = vocabulary.lexicon;
  // "Dear Sir/Madam, … I look forward to your reply.": a letter's forms ask nothing.
  // "… buat konten blog aku": why the asker asks, in words that name nothing, is no question.
  const namesNothing = (words: string) => vocabulary.segment(vocabulary.tokens(words)).every(saysNothing);
  // "@TanyaIKMbot … #IKM", "Forwarded from …:", links and "— Sari, Tegal" say where it came from.
  // "Sulfur produknya apa? *Sulsel": a slip corrected in the message is read as meant.
  const post = withSelfCorrections(withoutPostMarks(message), vocabulary.lexicon.selfCorrections, {
    names: (text) => {
      const things = (m: Match) => m.concepts.some((c) => c.type !== "cue" && c.type !== "smalltalk");
      const matches = vocabulary.segment(vocabulary.tokens(text));
      return matches.some(things) && matches.every((m) => things(m) || (m.concepts.length && saysNothing(m)));
    },
    unknown: (word) => vocabulary.tokens(word).every((t) => !t.known || t.certainty < 0.9),
  });
  // "Caption: 'Ship components, Mojokerto.' OK?", "Quiz: …": a label the matcher doesn't know, or
  // a kind of text, before a colon opening the message, says what kind of text follows.
  const label = /^\s*(\p{L}+(?:\s\p{L}+)?)\s*:\s/u.exec(post);
  const labelWords = label ? vocabulary.segment(vocabulary.tokens(label[1] ?? "")) : [];
  const labels = labelWords.length > 0 && labelWords.every((m) => !m.concepts.length || hasCue(m, "task"));
  const labelled = labels && label ? post.slice(label[0].length) : post;
  const letter = withoutPurposes(withoutLetterForms(labelled, letters), purpose, namesNothing);
  const question = botName ? letter.replace(botName, " ") : letter;
  const reading = readText(question, vocabulary, onlyAsked);
  // "JICA stands for Japan International Credit Agency, right?": a name of capitalised words the
  // sources don't know, offered for checking, is the claim; its words ask nothing ("International"
  // is no aim). The facts answer it.
  if (!reading.whole.cues.has("confirm")) return reading;
  // (Mid-sentence only: a sentence's first word is capitalised anyway, "Mitra Jepangnya JETRO kan?".)
  const midSentence = (at: number) => !/(^|[.!?:])$/.test(question.slice(0, at).trimEnd());
  // (A name after "di", "in" is where something is: a place, asked about; see `placesUnknown`.)
  const afterAt = (at: number) =>
    AT_WORDS.has(question.slice(0, at).trimEnd().split(/\s+/).pop()?.toLowerCase() ?? "");
  const claimed = question.replace(TITLE, (run, at: number) =>
    // (A word of office is no name: "… the Governor of South Sulawesi said …" names who spoke.)
    midSentence(at) && !afterAt(at) && vocabulary.tokens(run).some((t) => !t.known && !titles.has(t.text))
      ? " "
      : run,
  );
  if (claimed === question) return reading;
  const checked = readText(claimed, vocabulary, onlyAsked);
  checked.whole.namesUnknown = true;
  return checked;
}

/** `onlyAsked`: the text is asked, never a statement offered for checking (see `changes-of-mind.ts`). */
function readText(question: string, vocabulary: Vocabulary, onlyAsked: boolean): Reading {
  const { relays, peoples } = vocabulary.lexicon;
  const relaySet = new Set(relays);
  const { goods, titles } = vocabulary.lexicon;
  const segmentGoods = (text: string) =>
    withGoodsPhrases(vocabulary.segment(vocabulary.tokens(text)), vocabulary.goodsPhrases);
  const askers = { relays: relaySet, peoples };
  const read = (text: string) =>
    withoutWhereRead(
      withoutLikenesses(
        withoutJoiningWords(
          withoutRelay(withoutPeoplesWords(withoutOwnName(segmentGoods(text)), peoples, relaySet), relays),
        ),
      ),
    );
  const said = nameQuotes(withoutQuotedSmallTalk(question, read), vocabulary.quoteTargets);
  const passesOn = (text: string) => relayEnd(fold(text).split(" "), relays) >= 0;
  const reread = (text: string) => afterPreface(text, read, passesOn);
  const quotedClauses = quotesAsContext(
    clauses(said).map((c) => extended(c, { read: reread(c.text) })),
    read,
    reread,
  ).flatMap(({ read: runs, end, sentence, closes }) =>
    runs.map((matches, k) => ({ matches, end, sentence, closes: closes && k === runs.length - 1 })),
  );
  const liesIn = (region: Match, province: Match) => vocabulary.provinceCodes.liesIn(region, province);
  const placed = withoutLandmarks(quotedClauses, vocabulary.lexicon.near);
  const readClauses = withoutWhereItIs(placed, liesIn).filter(
    (c, i) => c.matches.length > 0 || quotedClauses[i]?.matches.length === 0,
  );
  const clauseMatches = readClauses.map((c) => c.matches);
  const all = clauseMatches.flat();
  const asking = new Set(clauseMatches.flatMap((clause) => askingWords(clause, all)));
  const places = placesUnknown(question, clauseMatches);
  for (const place of places) asking.add(place);
  const { people } = vocabulary.lexicon;
  const whole = foundIn(withoutOrigins(all, people, askers), asking);
  const sideOf = (phrase: string) => vocabulary.sides.get(phrase);
  whole.whyOf = partyAskedWhy(all, sideOf);
  const englishOrdinals = vocabulary.lexicon.ordinals.en;
  numberedCriterion(whole, all, vocabulary.criteria, englishOrdinals);
  const asked = new Set<Match>();
  const { parts, introductions, endsAsked } = pieces(readClauses, asked);
  const reading: Reading = {
    // Indonesia's official region names ("Nusa Tenggara Barat") are used in English too; their
    // English forms ("Riau Islands") still say English.
    // (Of every word read, regions said only to place another one included: "Palembang, South Sumatra?")
    lang: messageLanguage(
      question,
      quotedClauses
        .flatMap((c) => c.matches)
        .flatMap((m) =>
          m.concepts.some((c) => c.type === "area")
            ? m.tokens.filter((t) => vocabulary.languageOf(t.text) !== "id")
            : m.tokens,
        ),
      vocabulary,
    ),
    whole,
    parts: parts.map((part) => {
      const f = foundIn(withoutOrigins(part, people, askers), asking, asked, introductions.has(part));
      f.endsAsked = endsAsked(part);
      f.whyOf = partyAskedWhy(part, sideOf);
      numberedCriterion(f, part, vocabulary.criteria, englishOrdinals);
      return f;
    }),
    empty: all.length === 0,
  };
  // (Of the whole message too: small talk before a question mark is said before a question.)
  reading.whole.endsAsked = reading.parts.some((p) => p.endsAsked);
  reading.whole.misplaced = misplacesRegion(placed, liesIn);
  // ("Got this on WhatsApp: '…' True?": where it was heard, said in one sentence, checked in another.)
  if (heardIn(all)) for (const f of [reading.whole, ...reading.parts]) f.cues.delete("howto");
  // (A denial is read clause by clause: "… ada nggak? bikinin juga" denies nothing.)
  reading.whole.negated = clauseMatches.some(deniesItself);
  // "When did it start, and in how many provinces?": a count that names no time or group of its
  // own, after a question of the start, counts at the start.
  reading.parts.forEach((part, i) => {
    const asksStart = reading.parts[i - 1]?.attributes.includes("started") ?? false;
    if (asksStart && countsOnlyProvinces(part)) part.attributes.push("started");
  });
  // "The report came out in 2018?": a statement asked with a question mark and no question word
  // is a yes-or-no question, as if it began with "was".
  const last = reading.parts[reading.parts.length - 1];
  // ("OJK itu lembaga apa?": a phrase of the knowledge that holds a question word asks by it.)
  const asksWh = (m: Match): boolean =>
    isQuestionWord(m) ||
    m.concepts.some((c) => c.type === "cue" && WH_LIKE.has(c.cue)) ||
    (m.tokens.length > 1 && m.tokens.some((t) => WH_WORDS.some((cue) => vocabulary.cues(t.text, cue))));
  // Of the last sentence, all its clauses ("Which started earlier — ulos … or coffee …?").
  const lastSentence = readClauses[readClauses.length - 1]?.sentence;
  const asksNothing = !readClauses.some((c) => c.sentence === lastSentence && c.matches.some(asksWh));
  if (last && /\?\s*$/.test(question) && asksNothing && !askedOfBot(all))
    last.yesNo = reading.whole.yesNo = true;
  // "Program ini mulainya tahun 2015.", "The footwear cluster is in Surabaya": a statement sent
  // without a question is offered for checking, as if a tag ("right?") ended it.
  // ("Kasih tau rencana program ini tahun 2025", "Need the start year": a request is no statement.)
  const words = all.flatMap((m) => m.text.split(" "));
  // (Nor one that passes a question on, "I want to know about …": its words of asking are read out.)
  const requests =
    requestsOrAsks(all, whole.cues.has("task"), whole.years.length > 0 || whole.cues.has("said")) ||
    passesOn(question);
  if (!onlyAsked && last && !/\?/.test(question) && asksNothing && !requests && !last.smalltalk.length)
    for (const f of [reading.whole, last]) f.cues.add("confirm");
  // "bikinin caption IG soal program ini": a task done with the programme's facts names where its
  // output goes, not an account asked for ("Bantuin bikin caption IG dong" names no facts).
  const ofFacts =
    whole.programme ||
    [
      whole.provinces,
      whole.places,
      whole.products,
      whole.people,
      whole.orgs,
      whole.terms,
      whole.attributes,
    ].some((n) => n.length);
  // (Nor is its headline a name asked for, nor the language it is translated into the sources':
  // "Give me a headline about aloe vera …", "Translate into English what … Makassar".)
  const output = ["howto", "name", "english", "indonesian"] as const;
  if (whole.cues.has("task") && ofFacts)
    for (const f of [whole, ...reading.parts]) for (const cue of output) f.cues.delete(cue);
  // "Sy mau jadi fasilitator, gmn caranya?": how to get what the asker wants asks for instructions.
  if (askerWants(words))
    for (const f of [reading.whole, ...reading.parts]) if (f.cues.has("how")) f.cues.add("howto");
  // "Di Jogja ada program buat batik?": a kind of goods asks of the programme's products there,
  // and put on a region in a statement, it is the product claimed.
  for (const f of [reading.whole, ...reading.parts]) {
    f.titles = f.unknown.filter((w) => titles.has(w));
    const named = f.unknown.filter((w) => namesGoods(w, goods));
    f.goods = named;
    f.claimedProducts = [...new Set([...f.claimedProducts, ...named])];
    f.asking = f.asking.filter((w) => !namesGoods(w, goods));
  }
  // "When East Java signed up again in 2017, which industry was it for?": "when" joins a clause
  // to the question another word asks; the verb of that clause dates nothing asked.
  if (OTHER_QUESTIONS.some((c) => reading.whole.cues.has(c)))
    for (const f of [reading.whole, ...reading.parts]) f.otherEvent = false;
  const placeNames = new Set(places.map((m) => m.text));
  // (Of the asker's own words: a quote's capitals are the quoted text's, "«… Tanah Air»".)
  const own = question.replace(/«[^»]*»|"[^"]*"|“[^”]*”/gu, " ");
  const names = new Set([...capitalisedWords(own), ...acronymsIn(own)].filter((w) => !placeNames.has(w)));
  const addressed = addressedNames(own, vocabulary.lexicon.address);
  if (reading.whole.cues.has("confirm"))
    for (const f of [reading.whole, ...reading.parts]) setClaimedNamesApart(f, names);
  // "Banten broke away from West Java in 2000. Is it included?": a year of a statement before the
  // question dates nothing asked (unless the question checks it: "… closed down in 2018. right?").
  const stated = reading.whole.cues.has("confirm") ? new Set<number>() : statedYears(own);
  for (const f of [reading.whole, ...reading.parts]) {
    // "OJK itu lembaga apa?", "Why did Shakespeare write …?": a name the sources don't know is what
    // the question is about.
    f.unknownNames = f.questionUnknown.filter((w) => names.has(w));
    f.addressed = addressed;
    f.questionYears = f.years.filter((y) => !stated.has(y));
  }
  return reading;
}
