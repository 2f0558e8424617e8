/**
 * The language the matcher understands beyond the knowledge file: cue words that say what is
 * asked, informal spellings and small talk. The words live in `knowledge/lexicon.yaml`
 * (vocabulary, not facts: every fact lives in `knowledge/programme.yaml`) and are loaded with the
 * knowledge (`src/knowledge/load.ts`).
 */

import { z } from "zod";
import type { Lang } from "../lang.ts";
import { type ChangeMarkers, changeMarkers } from "./changes-of-mind.ts";
import { type LetterForms, letterForms, purposePattern } from "./letters.ts";
import { quoteMarkers } from "./quoted-answers.ts";
import type { Spoken } from "./spoken.ts";

/** What a cue word says about the question. */
export const CUE_NAMES = [
  "what", // a generic question word: apa, what
  "where", // where, which city or regency
  "who", // siapa, who: a question word asking for a person
  "author", // menulis, wrote, edited: asks who made a text; no question word ("saya lagi nulis skripsi")
  "when", // when, what date, what year
  "english", // in English: of the sources, the ones written in it
  "indonesian",
  "why", // kenapa, why (also the words of the aim): of a group or region just named, why it was chosen
  "times", // berapa kali, how many times: counts a province's places in the programme
  "total", // total, altogether: a count of the whole programme, not of the list just given
  "not", // bukan, aren't: in a question that asks which, the group after it is excluded
  "negation", // bukan, isn't: of the not words, those that deny what a statement says
  "earlier", // tadi, your last answer: points back to what the chat said before
  "again", // ulangi, shorter please: asks for the last answer again
  "most", // paling banyak, the most: the one with the most of what the sources list, counted
  "fewest",
  "island", // pulau, island: the word itself, what a ranking counts by
  "east", // paling timur, easternmost: furthest that way on the map, of the regions in view
  "west",
  "north",
  "south",
  "day", // bulan apa, what date: a date finer than a year, which the sources give only for their own texts
  "clock", // jam berapa, what time: a time of day, which the sources give only for an article
  "duration", // berapa lama, how long: asks a length of time (the sources give only the first phase's)
  "span", // berapa tahun, how old, selisih: how long lies between two dated things
  "condition", // kalau, if, suppose: a condition put around a question, said of the asker
  "reply_en", // english please: the reply's language asked for, whatever the question's
  "reply_id",
  "published", // terbit, published: alone asks when; beside another question word, it is that question's verb
  "since", // since, start: asks when, or with a year narrows to it ("sejak 2013")
  "how",
  "product", // asks what is made or developed
  "provinces", // the word "province(s)" or "region(s)"
  "plural", // mana saja, which, all, list: asks for a list
  "criteria", // chosen, selected, dipilih: asks why or how something was chosen
  "member", // part of the programme, join, included
  "requirement", // syarat, requirements: what one must meet to take part (the sources give none but the regions')
  "only", // hanya, only: "is it only in Java?"
  "phase", // phase, tahap: with "first"/"second" or a year, a group of provinces
  "first",
  "second",
  "third", // a third phase or later, which the programme does not have
  "officials",
  "meaning", // what is, stands for, singkatan: asks what a name means
  "expansion", // stands for, singkatan: asks a short name's long form
  "name", // nama, called: asks for a name
  "source", // sumber, source, article: asks where a fact comes from
  "said", // bilang, said, menurut: asks who said something
  "statement", // keterangan resmi, official statement: a person's statement named as a thing
  "end", // when something ended
  "left", // mundur, dropped out: said to have left the programme, which the sources never say of anyone
  "do", // do, does, can: an English question's verb comes last ("does it favour …?")
  "both", // both, keduanya: in both groups of provinces
  "numbered", // nomor, number: "nomor 3" points to the third item of a list
  "code", // kodenya, reference code: a number that names a document (only a report has one)
  "before", // sebelum, before: with what is named after it, the group or entry before it (`time-order.ts`)
  "after", // after a year: with the sources' last year, asks what they cannot tell
  "now", // who holds an office now: the sources speak of 2017
  "quantity", // how much, how many
  "earliest", // paling awal, oldest: of dated sources, the first ("which came out first?")
  "latest", // terbaru, newest: of dated sources, the last
  "more", // lebih banyak, more: of groups of provinces, compares their counts ("which has more?")
  "fewer", // lebih sedikit, fewer: of two compared, which has fewer
  "judge", // success, the best, cheaper: asks to evaluate, which the sources never do
  "compare", // vs, dibanding: sets two things side by side, to judge or to state each
  "capital", // ibu kota, capital: before a city, the province it is the capital of ("provinsi beribu kota Medan")
  "absent", // ibu kota: a fact the sources never give, in words that otherwise mean something they do
  "trade", // ekspor, abroad: where goods sell; of a place or product the sources never say, of the programme its aim
  "howto", // how do I, cara daftar: asks for instructions, which the sources hold none of
  "and", // dan, and: may join two questions in one message
  "or", // atau, or: offers a choice ("tahap awal atau program lanjutan?")
  "joins", // when, where: question words that also join a clause ("… when choosing regions?")
  "among", // one of them, salah satunya: whether something is in the list the previous answer gave
  "except", // selain, other than: the names right after it are set aside (see `set-aside.ts`)
  "rest", // sisanya, satu lagi, the others: the members of a group the chat has not named yet
  "works_for", // kerja di instansi mana, which ministry … belong to: whom a person works for
  "enumerate", // sebutkan, name them: asks for the items of a list, whatever small talk comes before
  "further", // info lebih lanjut, read more: where to read or ask more, the sources and the official channels
  "tell", // ceritakan tentang, what do you know about: asks for what the sources say of a subject
  "opener", // is, did, apakah: opening a question, it asks yes or no ("Was it published in 2018?")
  "exists", // ada: "ada … ga?" asks whether something is, the "ga" a tag, not a denial
  "tag", // ya, right: ending a question that asks no question word, it asks to confirm ("… 2018 ya?")
  "pronoun", // she, beliau: the person the previous answer named
  "confirm", // bener ya, right?, can you confirm: asks to check a statement, answered with the facts
  "dispute", // bukannya, are you sure, I thought: pushes back on the last answer, which the sources hold to
  "task", // bikin caption, write a tweet, ringkas, for a 10-year-old: a task done with the facts it names
  "there", // di sana, there: the region the chat has just named
  "then", // waktu itu, back then: the time the chat has just asked about
  "scale", // besar, kecil, big, small: beside a term of the industry's size, asks which size is meant
  "renown", // terkenal, known for: what a place is known for in the world, not in the programme
  "domain", // programme words: IKM, programme, cooperation, Japan …
  "stop", // carries no meaning here
] as const;
export type Cue = (typeof CUE_NAMES)[number];

// Cues that carry no meaning of their own.
export const FILLER_CUES: ReadonlySet<Cue> = new Set<Cue>([
  "stop",
  "exists",
  "renown",
  "before",
  "except",
  "condition",
  "not",
  "negation",
  "island",
  "earlier",
  "and",
  "or",
  "do",
  "pronoun",
  "confirm",
  "dispute",
  "opener",
  "tag",
  "reply_en",
  "reply_id",
]);

export const SMALL_TALK_KINDS = [
  "greet",
  "thanks",
  "bye",
  "how-are-you",
  "who-are-you",
  "languages",
  "ack",
] as const;
export type SmallTalk = (typeof SMALL_TALK_KINDS)[number];

const list = z
  .array(z.string().regex(/^[a-z0-9 ]+$/, "lower-case letters, digits and spaces only"))
  .default([]);
const words = z.object({ id: list, en: list, any: list }).partial().strict();
export type Words = z.infer<typeof words>;

export const lexiconSchema = z
  .object({
    cues: z
      .object(Object.fromEntries(CUE_NAMES.map((c) => [c, words])) as Record<Cue, typeof words>)
      .strict(),
    small_talk: z
      .object(Object.fromEntries(SMALL_TALK_KINDS.map((k) => [k, words])) as Record<SmallTalk, typeof words>)
      .strict(),
    spelling: z.record(z.string(), z.string()),
    bot_names: list,
    bot_said: list,
    purposes: list,
    letter_openings: list,
    letter_closings: list,
    know_context: list,
    titles: list,
    address: list,
    goods: list,
    people: list,
    near: list,
    relays: list,
    self_corrections: list,
    changes_of_mind: list,
    dropping_questions: list,
    dropping_if_unanswered: list,
    changes_mid_sentence: list,
    settling_questions: list,
    voices: list,
    claim_holders: list,
    choices: list,
    peoples: list,
    other_parties: z.record(z.string().regex(/^[A-Z]{2}$/, "a country code (ISO 3166)"), list).default({}),
    ordinals: z
      .object({ id: z.record(z.string(), z.number().int()), en: z.record(z.string(), z.number().int()) })
      .strict(),
    numbers: z
      .object({
        id: z.record(z.string(), z.number().int().min(0)),
        en: z.record(z.string(), z.number().int().min(0)),
      })
      .strict(),
    months: z
      .object({
        id: z.record(z.string(), z.number().int().min(1).max(12)),
        en: z.record(z.string(), z.number().int().min(1).max(12)),
      })
      .strict(),
    spoken: z
      .object({
        values: z.record(z.string(), z.number().int().min(0)),
        scales: z.record(z.string(), z.union([z.literal(10), z.literal(100), z.literal(1000)])),
        teens: list,
        joins: list,
        letters: z.record(z.string().regex(/^[a-z]$/), list),
      })
      .strict(),
  })
  .strict();

/** The words of a disagreement put to the bot (see `disagreements.ts`), folded. */
export interface DisagreementWords {
  /** Words that ask who is right ("siapa yang benar", "who is right"). */
  questions: readonly string[];
  /** Words by which someone holds a claim ("bilang", "kata", "says", "according to"). */
  voices: ReadonlySet<string>;
  /** Words that offer a choice ("atau", "or"): with one side's voice, the other side is the other choice. */
  choices: ReadonlySet<string>;
  /** Words for people by what they are ("teman", "my colleague"): who holds a claim. */
  people: ReadonlySet<string>;
  /** Who holds a claim without a word for people ("saya", "my", "ada yang bilang"). */
  pronouns: ReadonlySet<string>;
}

/** The lexicon as the matcher uses it. Tables keyed by user words are Maps and Sets. */
export interface Lexicon {
  cues: Record<Cue, Words>;
  smallTalk: Record<SmallTalk, Words>;
  /** Informal and chat spellings, mapped to the standard word ("bikin" → "buat"). */
  spelling: ReadonlyMap<string, string>;
  /** Words after which "tahu" means "know", not tofu ("saya mau tahu …"). */
  knowContext: ReadonlySet<string>;
  /**
   * The bot's own names, written capitalised to address it ("Selamat pagi, Tanya IKM"): not part
   * of a question ("mau tanya IKM itu apa?" asks about IKM).
   */
  botName: RegExp | undefined;
  /** The asker's purpose, to the end of its clause ("… for my travel blog"): says why, not what. */
  purpose: RegExp | undefined;
  /** How a letter pasted into the chat opens and closes ("Dear Sir/Madam,", "Hormat kami"). */
  letters: LetterForms;
  /** Words of office ("menteri", "governor"): put on a person in a statement, a title to check. */
  titles: ReadonlySet<string>;
  /** Words of address ("Mrs", "Pak", "Bu"): before a person's name they are no title. */
  address: ReadonlySet<string>;
  /** Kinds of goods the sources place nowhere ("batik", "sawit"): a product put on a region. */
  goods: ReadonlySet<string>;
  /**
   * Words for people by what they are ("pendengar", "teacher"): before "dari"/"in" a region, they
   * say where someone is from. Elsewhere they stay words the matcher does not know.
   */
  people: ReadonlySet<string>;
  /** Words of nearness ("dekat", "next"): a region after them only says where another one is. */
  near: ReadonlySet<string>;
  /** Words that quote the bot's own answer ("tadi kamu bilang", "you wrote"), as a pattern (see `quoted-answers.ts`). */
  botSaid: RegExp | undefined;
  /** Words for the people of a region ("orang", "wong", "folks"): beside its name, they ask nothing. */
  peoples: ReadonlySet<string>;
  /** Words that pass a question on ("asks", "nanya", "pertanyaan"): who said them is not asked about. */
  relays: readonly string[];
  /** Words that mark a slip's correction ("maksudnya", "I mean"), longest first. */
  selfCorrections: readonly string[];
  /** Words that mark a change of mind ("eh maksudnya", "no wait"), as patterns. */
  changes: ChangeMarkers | undefined;
  /** The words of a disagreement put to the bot: asking who is right, and holding a claim ("bilang"). */
  disagreements: DisagreementWords;
  /**
   * Organisations that are none of the programme's, by their country ("jetro": JP, "kemendag": ID):
   * named in the place of the programme's own, they are corrected (see `other-parties.ts`).
   */
  otherParties: ReadonlyMap<string, string>;
  /** Words that point to an item of a list, by language: its position (-1: the last). */
  ordinals: { id: ReadonlyMap<string, number>; en: ReadonlyMap<string, number> };
  /** Month names by language: their number (1–12). */
  months: { id: ReadonlyMap<string, number>; en: ReadonlyMap<string, number> };
  /** Numbers written as words, by language ("tujuh", "seven"): their value. */
  numbers: { id: ReadonlyMap<string, number>; en: ReadonlyMap<string, number> };
  /** Numbers and letters as speech typed out writes them ("dua ribu tujuh belas", "i ka em"). */
  spoken: Spoken;
}

/**
 * Informal spellings mapped to the word they end at: one replacement is made a word, so a chain
 * in the file ("emg" → "emang" → "memang") is followed here, once (a loop stops where it closes).
 */
function finalSpellings(spelling: Readonly<Record<string, string>>): Map<string, string> {
  const final = new Map<string, string>();
  for (const [from, to] of Object.entries(spelling)) {
    const seen = new Set([from]);
    let word = to;
    while (Object.hasOwn(spelling, word) && !seen.has(word)) {
      seen.add(word);
      word = spelling[word] as string;
    }
    final.set(from, word);
  }
  return final;
}

/** The checked lexicon file, in the form the matcher reads. */
export function toLexicon(file: z.infer<typeof lexiconSchema>): Lexicon {
  const people = new Set(file.people);
  return {
    cues: file.cues,
    smallTalk: file.small_talk,
    spelling: finalSpellings(file.spelling),
    knowContext: new Set(file.know_context),
    botName: addressedName(file.bot_names),
    botSaid: quoteMarkers(file.bot_said),
    letters: letterForms(file.letter_openings, file.letter_closings),
    purpose: purposePattern(file.purposes),
    titles: new Set(file.titles),
    address: new Set(file.address),
    goods: new Set(file.goods),
    people: new Set([...people, ...file.titles]),
    near: new Set(file.near),
    relays: file.relays,
    peoples: new Set(file.peoples),
    selfCorrections: [...file.self_corrections].sort((a, b) => b.length - a.length),
    changes: changeMarkers({
      correcting: file.changes_of_mind,
      dropping: file.dropping_questions,
      conditional: file.dropping_if_unanswered,
      midSentence: file.changes_mid_sentence,
    }),
    disagreements: {
      questions: file.settling_questions,
      voices: new Set(file.voices),
      choices: new Set(file.choices),
      people,
      pronouns: new Set(file.claim_holders),
    },
    otherParties: new Map(
      Object.entries(file.other_parties).flatMap(([country, names]) =>
        names.map((n) => [n, country] as const),
      ),
    ),
    ordinals: {
      id: new Map(Object.entries(file.ordinals.id)),
      en: new Map(Object.entries(file.ordinals.en)),
    },
    months: {
      id: new Map(Object.entries(file.months.id)),
      en: new Map(Object.entries(file.months.en)),
    },
    numbers: {
      id: new Map(Object.entries(file.numbers.id)),
      en: new Map(Object.entries(file.numbers.en)),
    },
    spoken: spokenForms(file),
  };
}

/** The spoken forms: number words with `numbers` as well, and each letter name's letters. */
function spokenForms(file: z.infer<typeof lexiconSchema>): Spoken {
  const letters = new Map<string, string>();
  for (const [letter, names] of Object.entries(file.spoken.letters))
    for (const name of [letter, ...names]) letters.set(name, (letters.get(name) ?? "") + letter);
  return {
    values: new Map([
      ...Object.entries(file.numbers.id),
      ...Object.entries(file.numbers.en),
      ...Object.entries(file.spoken.values),
    ]),
    scales: new Map(Object.entries(file.spoken.scales)),
    teens: new Set(file.spoken.teens),
    joins: new Set(file.spoken.joins),
    letters,
  };
}

/** Flattens a `Words` table into `[word, lang | undefined]` pairs. */
export function wordsOf(w: Words): Array<[string, Lang | undefined]> {
  return [
    ...(w.id ?? []).map((x): [string, Lang] => [x, "id"]),
    ...(w.en ?? []).map((x): [string, Lang] => [x, "en"]),
    ...(w.any ?? []).map((x): [string, undefined] => [x, undefined]),
  ];
}

/**
 * A pattern for the bot's names as written to address it: each word capitalised ("Tanya IKM",
 * "Tanya Ikm"), the rest of its letters in any case.
 */
function addressedName(names: readonly string[]): RegExp | undefined {
  if (!names.length) return undefined;
  const word = (w: string) =>
    [...w].map((c, i) => (i === 0 ? c.toUpperCase() : `[${c}${c.toUpperCase()}]`)).join("");
  const alternatives = names.map((name) => name.split(" ").map(word).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\d])(?:${alternatives.join("|")})(?![\\p{L}\\d])`, "gu");
}
