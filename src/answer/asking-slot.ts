/**
 * The slot where a question says what it asks ("what is the *population* of …", "*prefektur*
 * mana"): an unknown word there changes the question, elsewhere it may be chatter. Pure.
 */

import { ORIGIN_PREPOSITIONS } from "./around.ts";
import { type Cue, FILLER_CUES } from "./lexicon.ts";
import { hasCue, isName, isQuestionWord } from "./parts.ts";
import type { Match } from "./vocabulary.ts";

// Words of time ("today", "sekarang") and the programme's own ("Japan's", "IKM") do not say what
// is asked either: "the tin price today", "who was Japan's ambassador?".
const SLOT_FILLER_CUES: ReadonlySet<Cue> = new Set<Cue>([...FILLER_CUES, "now", "domain"]);
const isFiller = (m: Match) =>
  m.concepts.length > 0 && m.concepts.every((c) => c.type === "cue" && SLOT_FILLER_CUES.has(c.cue));
export const isUnknown = (m: Match) => m.concepts.length === 0 && !/^\d+$/.test(m.text) && m.text.length >= 3;

// Verbs by their form: Indonesian prefixes ("didampingi", "berasal"; not me-, which begins
// "menteri" too), chat's nasal ones ("nyebutnya", "ngasih"), English endings ("supported",
// "covering"). A verb says how something is done, not which fact is asked.
const VERB_FORM = /^(di|ber|ter)\p{L}{4,}$|^(ny|ng)\p{L}{3,}$|^\p{L}{3,}(ed|ing)$/u;
const isVerbLike = (m: Match) => m.tokens.some((t) => VERB_FORM.test(t.original));
/** A verb by its form, but not "-ing", which makes nouns too ("training", "funding"). */
export const isFiniteVerb = (m: Match) =>
  m.tokens.some((t) => VERB_FORM.test(t.original) && !t.original.endsWith("ing"));
// Question words whose noun may follow a name that qualifies it ("which Makassar workshops").
const MODIFIED_WORDS: ReadonlySet<string> = new Set(["which", "what", "who", "where", "whose"]);
const EXISTS_WORDS: ReadonlySet<string> = new Set(["ada", "adakah"]);
export const RELATIVE_WORDS: ReadonlySet<string> = new Set(["yang", "yg"]);
// "arabika atau robusta?", "chairs or baskets?": the choices a question offers are what it asks.
const CHOICE_WORDS: ReadonlySet<string> = new Set(["atau", "or"]);
const VERB_ASKING_WORDS: ReadonlySet<string> = new Set(["who", "where", "when"]);
// Indonesian "which"/"what", which follow the noun they ask ("prefektur mana", "lembaga apa").
const WHICH_AFTER_NOUN = new Set(["mana", "apa", "apaan", "apa saja", "mana saja", "mana yang"]);
// Words that open an English noun phrase without meaning of their own ("the", the possessive "s").
const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "s", "its", "their", "this", "that"]);
const PHRASE_LENGTH = 3;
const COPULAS: ReadonlySet<string> = new Set(["is", "are", "was", "were"]);

/**
 * English puts the noun a question asks last in the phrase after its question word or after a
 * possessive: "what market *share* did …", "what is the facilitators' *salary*?", "JICA's project
 * *leader* for …". Such a noun ends its question or comes before the question's auxiliary ("did",
 * "is"); a word followed by "the" is a verb ("which sources mention the DAK?"). After a
 * possessive, a preposition may follow too.
 */
function englishAskedNouns(matches: Match[]): Set<Match> {
  const asked = new Set<Match>();
  matches.forEach((m, i) => {
    const wh = isQuestionWord(m) && MODIFIED_WORDS.has(m.tokens[0]?.original ?? "");
    const owner = matches[i - 1];
    const possessive = m.text === "s" && owner !== undefined && isName(owner);
    // ("what's the name of the JICA project *leader*?": whose name is asked, as a possessive says.)
    const nameOf = hasCue(m, "name") && matches[i + 1]?.text === "of";
    if (!wh && !possessive && !nameOf) return;
    let at = i + (nameOf ? 2 : 1);
    // "who is the project manager on the JICA side?": the noun after a copula is asked, whatever follows.
    // ("who's the …" reads "who the …": its copula was joined to it.)
    const elided = wh && matches[at]?.text === "the";
    const copula = wh && (elided || COPULAS.has(matches[at]?.text ?? ""));
    if (elided) at -= 1;
    if (copula) at += 1;
    while (DETERMINERS.has(matches[at]?.text ?? "")) at += 1;
    const first = at;
    while (at - first < PHRASE_LENGTH) {
      const word = matches[at];
      // ("the *project* manager": the programme's word qualifies the noun asked.)
      const qualifies = hasCue(word, "domain") && at - first < PHRASE_LENGTH - 1;
      // (A word in "-ing" is a noun where the question's auxiliary follows it: "what *training* did …".)
      const noun = word !== undefined && !isFiniteVerb(word) && hasCue(matches[at + 1], "do");
      if (
        word === undefined ||
        (isFiller(word) && !qualifies) ||
        isQuestionWord(word) ||
        (isVerbLike(word) && !noun)
      )
        break;
      at += 1;
    }
    const last = matches[at - 1];
    const next = matches[at];
    // ("which tofu factories took part?", "which workshops worked with …": a verb follows too.)
    const ends =
      next === undefined ||
      hasCue(next, "do") ||
      hasCue(next, "opener") ||
      hasCue(next, "member") ||
      isFiniteVerb(next) ||
      ((possessive || copula || nameOf) && isFiller(next) && !DETERMINERS.has(next.text)) ||
      // "what's the production *capacity* of …": the noun before "of" is asked.
      (wh && next.text === "of");
    if (at > first && last !== undefined && ends) asked.add(last);
    // A word that qualifies what a name's possessive points to is asked too ("Gati's
    // *educational* background"); a word after that thing is the question's verb ("the DG's
    // statement reach Bisnis").
    const phrase = matches.slice(first, at);
    const head = phrase.findIndex((word) => !isUnknown(word));
    if (possessive) for (const word of phrase.slice(0, head)) asked.add(word);
  });
  return asked;
}

/**
 * Unknown words in the place where a question says what it asks, which change the question:
 * first after the question word ("what is the population of …", "berapa anggaran …"), last
 * before a question word that ends the question ("Gati lahir kapan?"), first in a question a
 * question word ends ("penduduk Papua berapa?"), or last, after a name ("when was Gati born?"),
 * unless an English auxiliary makes it the question's verb ("does the theme favour …?"); the
 * noun before Indonesian "mana"/"apa" ("prefektur mana"), and one asked to exist ("ada lowongan
 * …?"). Names between the question word and its noun only qualify it ("which Makassar
 * workshops"), and a word after "yang" only describes it. Verbs are not asked for, but right
 * after who/where/when ("who signed …?"). Also asked: the noun an English phrase ends with
 * ({@link englishAskedNouns}), the choices a question offers ("arabika atau robusta?") and what
 * follows the subject of a yes-or-no question ("did Gati ever visit Dogiyai?"). `message`: all the
 * message's words, of which `matches` is one clause.
 */
export function askingWords(matches: Match[], message: Match[] = matches): Match[] {
  const content = matches.filter((m) => !isFiller(m));
  const lastIndex = content.length - 1;
  const last = content[lastIndex];
  const endsWithQuestionWord = last !== undefined && isQuestionWord(last);
  const auxiliary = matches.some((m) => hasCue(m, "do"));
  // "when was Gati born?": a sentence that asks nothing ("… in the order the DG gave them") has no slot.
  const asksHere = content.some(isQuestionWord);
  // A name or product beside the asked noun only says whose it is: "which Makassar workshops",
  // "where is UNICO headquartered", "merek sepatu apa saja".
  const modifier = (at: number) => {
    const m = content[at];
    return m !== undefined && isName(m) && !isQuestionWord(m);
  };
  // The first word before `i` (step -1: past one name, as English puts it) or after it (step 1:
  // past two, as Indonesian does).
  const past = (i: number, step: 1 | -1) => {
    let at = i + step;
    while (modifier(at) && Math.abs(at - i) < (step === 1 ? 3 : 2)) at += step;
    return content[at];
  };
  const position = new Map(matches.map((m, at) => [m, at]));
  const askedNouns = englishAskedNouns(matches);
  // "Did Gati ever visit Dogiyai?", "Is the Tegal cluster ISO certified?": a yes-or-no question
  // asks whether what follows its subject is so, unless it asks whether something takes part ("Do
  // coffee growers in Aceh take part?", "Was Samosir part of the first batch or the expansion?").
  // "How are facilitators recruited?", "Bagaimana cara fasilitator direkrut?": so is what a "how"
  // question says is done to its subject.
  const how = hasCue(matches[0], "how") && !matches.some((m) => hasCue(m, "howto"));
  const yesNo = (hasCue(matches[0], "opener") || how) && !matches.some((m) => hasCue(m, "member"));
  // ("Does the programme help with export certification?": with no name, the programme is the
  // subject; not in a message that offers a choice, "… from Japan, or drawn locally?".)
  const named = matches.findIndex(isName);
  const choice = message.some((m) => hasCue(m, "or"));
  // (Nor one that names another country, "a cooperation with the country called Korea?": the
  // country is what it asks of, which `understand.ts` reads.)
  const foreign = message.some((m) => m.concepts.some((c) => c.type === "country"));
  // (The programme, not a fact of it: "are facilitators recruited locally?" asks what the approach says.)
  const programmeAt = matches.findIndex((m) => m.concepts.some((c) => c.type === "programme"));
  const subjectAt = how
    ? matches.findIndex(namesSomething)
    : named < 0 && !choice && !foreign
      ? programmeAt
      : named;
  return content.flatMap((m, i) => {
    const at = position.get(m) ?? 0;
    const near = content[i - 1];
    const far = past(i, -1);
    const before = far && MODIFIED_WORDS.has(far.text) ? far : near;
    // "ada grup WA …?", "apakah ada strategi pengarusutamaan gender …?": what is asked to exist is
    // asked, the words of its phrase right after "ada" too.
    const exists = [1, 2, 3].some(
      (back) =>
        EXISTS_WORDS.has(matches[at - back]?.text ?? "") &&
        matches.slice(at - back + 1, at).every((w) => !isFiller(w)),
    );
    // "Who signed the agreement?", "where are they headquartered?": right after a question word,
    // the verb is what is asked (who did that, where it is so).
    // (Indonesian puts its verb after "yang": "produk apa yang diangkat" asks the product.)
    const whoDid = before !== undefined && before === near && VERB_ASKING_WORDS.has(before.text);
    if (!isUnknown(m) || (isVerbLike(m) && !whoDid && !askedNouns.has(m))) return [];
    // "provinsi mana saja yang siap …": after "yang" comes what the asked thing does or is, not it.
    const relative = before !== undefined && RELATIVE_WORDS.has(matches[at - 1]?.text ?? "");
    // ("Siapa yang menggantikan Bu Gati?": after "siapa yang" comes what the person asked did.)
    const whoRelative = relative && hasCue(matches[at - 2], "who");
    const afterQuestionWord = before !== undefined && isQuestionWord(before) && (!relative || whoRelative);
    const beforeLast = endsWithQuestionWord && i === lastIndex - 1;
    const opens = endsWithQuestionWord && i === 0;
    // "prefektur mana", "lembaga apa": the noun an Indonesian "which" or "what" follows is asked.
    const later = past(i, 1);
    const after = later && WHICH_AFTER_NOUN.has(later.text) ? later : content[i + 1];
    const namesWhich = after !== undefined && isQuestionWord(after) && WHICH_AFTER_NOUN.has(after.text);
    // ("siapa nama *ketua* proyek JICA?": whose name is asked follows "nama"; asked of a thing, a
    // word there may only say which name, "apa nama rasmi projek ni?".)
    // (Of a person named, it says which name: "siapa nama asli Bu Gati?")
    const afterName =
      matches[at - 1]?.tokens[0]?.original === "nama" &&
      matches.some((w) => hasCue(w, "who")) &&
      !matches.some((w) => w.concepts.some((c) => c.type === "person")) &&
      // ("siapa nama orang yang nulis artikel?": a person, described after it, whose name is asked.)
      m.text !== "orang";
    const endsAfterName = i === lastIndex && before !== undefined && isName(before) && !auxiliary && asksHere;
    const choice = choiceOf(matches, at);
    const offered = choice === "unknown";
    // (An English adverb, "officially", only says how.)
    // (After a subject that is no name, a word that goes on a name is of that name, "sejak Indonesia
    // Merdeka": asked only if it is a claim, which `unexplained.ts` reads.)
    const written =
      named < 0 &&
      m.tokens.some((t) => t.capitalised) &&
      (matches[at - 1]?.tokens.some((t) => t.capitalised) ?? false);
    const predicate = yesNo && subjectAt >= 0 && at > subjectAt && !(how && /ly$/.test(m.text)) && !written;
    // ("in an interview or in a release?": a choice whose other side the sources know is answered by it.)
    const slot =
      (afterQuestionWord ||
        beforeLast ||
        opens ||
        namesWhich ||
        afterName ||
        exists ||
        offered ||
        predicate) &&
      choice !== "known";
    return slot || endsAfterName || askedNouns.has(m) ? [m] : [];
  });
}

/**
 * Whether the word at `at` is one side of a choice ("wawancara atau rilis?"), and whether the
 * sources know its other side (fillers between: "in an interview or in a release").
 */
function choiceOf(matches: Match[], at: number): "known" | "unknown" | undefined {
  const step = ([1, -1] as const).find((d) => CHOICE_WORDS.has(matches[at + d]?.text ?? ""));
  if (step === undefined) return undefined;
  let j = at + 2 * step;
  while (matches[j] && isFiller(matches[j] as Match)) j += step;
  const other = matches[j];
  // (A thing or the programme's own word: "rilis", "Jepang"; not a word of any question, "city".)
  return other && (namesSomething(other) || hasCue(other, "domain")) ? "known" : "unknown";
}

/** Whether a phrase names a thing or a fact of the programme (not only a cue). */
const namesSomething = (m: Match) => m.concepts.some((c) => c.type !== "cue" && c.type !== "smalltalk");

/**
 * "cara mengurus …", "bagaimana membuat …": "how" and a verb ask for instructions; not when the
 * verb names a fact of the programme ("bagaimana cara mencapainya?" asks its approach).
 */
export function asksInstructions(matches: Match[]): boolean {
  return (
    joinsHow(matches) ||
    matches.some((m, i) => {
      const next = matches[i + 1];
      const how = hasCue(m, "how");
      const verb = next?.tokens.some((t) => /^(me|ber)\p{L}{4,}$/u.test(t.original)) === true;
      return how && verb && !next?.concepts.some((c) => c.type === "attribute");
    })
  );
}

// Who can be in the programme already: asked how they got in, not how to join.
const MEMBERS: ReadonlySet<string> = new Set([
  "province",
  "place",
  "area",
  "org",
  "person",
  "cohort",
  "programme",
]);

/**
 * "Gimana caranya IKM bisa ikut program ini?", "kek mana caranya penenun ulos di Samosir bisa
 * ikut?": how someone joins asks for instructions. Not when a member of the programme is who
 * joins ("bagaimana Sulsel bisa ikut?", "Kaltim gimana, ikut?": how it came in, or whether), nor
 * when a fact of the programme is asked ("how does it get regional governments involved?",
 * "bagaimana daerah peserta ditentukan?").
 */
function joinsHow(matches: Match[]): boolean {
  const how = matches.findIndex((m) => hasCue(m, "how"));
  const joins = matches.findIndex((m, i) => i > how && hasCue(m, "member"));
  if (how < 0 || joins < 0) return false;
  // ("caranya" is a word of asking how, though it names the approach too.)
  return !matches.slice(0, joins).some(
    (m, i) =>
      (m.concepts.some((c) => c.type === "attribute") && !hasCue(m, "how")) ||
      hasCue(m, "provinces") ||
      hasCue(m, "criteria") ||
      // (Where someone is, after "how", says which people: "penenun di Samosir"; before it, the
      // region is who: "yang di Jogja gimana, ikut?".)
      (m.concepts.some((c) => MEMBERS.has(c.type)) &&
        (i < how || !ORIGIN_PREPOSITIONS.has(matches[i - 1]?.text ?? ""))),
  );
}
