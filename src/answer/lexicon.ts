/**
 * The language the matcher understands beyond the knowledge file: question words, cue words that
 * say what is asked, informal spellings, small talk and words that mark a question as off topic.
 * The words live in `knowledge/lexicon.yaml` (vocabulary, not facts: every fact lives in
 * `knowledge/programme.yaml`); this module reads and checks them once, at start.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { formatPath, KnowledgeError } from "../knowledge/load";
import type { Lang } from "../lang";

/** What a cue word says about the question. */
export const CUE_NAMES = [
  "what", // a generic question word: apa, what
  "where",
  "who",
  "when",
  "how",
  "product", // asks what is made or developed
  "provinces", // the word "province(s)" or "region(s)"
  "plural", // mana saja, which, all, list: asks for a list
  "criteria",
  "follow-up",
  "member", // part of the programme, join, included
  "phase",
  "first",
  "second",
  "officials",
  "meaning", // what is, stands for, singkatan: asks what a name means
  "end", // when something ended: the knowledge knows only that the first phase ran to 2016
  "third", // a third phase or later, which the programme does not have
  "now", // who holds an office now: the sources speak of 2017
  "quantity", // how much, how many: the knowledge holds no figures but counts and years
  "howto", // how do I, cara membuat: asks for instructions, which the knowledge has none of
  "domain", // programme words: IKM, programme, cooperation, Japan …
  "stop", // carries no meaning here
] as const;
export type Cue = (typeof CUE_NAMES)[number];

export const SMALL_TALK_KINDS = ["greet", "thanks", "bye", "how-are-you", "who-are-you", "ack"] as const;
export type SmallTalk = (typeof SMALL_TALK_KINDS)[number];

const list = z
  .array(z.string().regex(/^[a-z0-9 ]+$/, "lower-case letters, digits and spaces only"))
  .default([]);
const words = z.object({ id: list, en: list, any: list }).partial().strict();
type Words = z.infer<typeof words>;

const lexiconSchema = z
  .object({
    cues: z
      .object(Object.fromEntries(CUE_NAMES.map((c) => [c, words])) as Record<Cue, typeof words>)
      .strict(),
    small_talk: z
      .object(Object.fromEntries(SMALL_TALK_KINDS.map((k) => [k, words])) as Record<SmallTalk, typeof words>)
      .strict(),
    off_topic: words,
    spelling: z.record(z.string(), z.string()),
    know_context: list,
  })
  .strict();

/** The lexicon file beside the knowledge file. */
export const LEXICON_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "knowledge",
  "lexicon.yaml",
);

/** Reads and checks the lexicon; a mistake throws a `KnowledgeError` naming the path. */
export function loadLexicon(file = LEXICON_PATH) {
  const shown = file === LEXICON_PATH ? "knowledge/lexicon.yaml" : file;
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new KnowledgeError(
      shown,
      "",
      err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err),
    );
  }
  const result = lexiconSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new KnowledgeError(shown, issue ? formatPath(issue.path) : "", issue?.message ?? "invalid");
  }
  // A word that rules a question out cannot also be a cue or small talk: it would do both.
  const lexicon = result.data;
  const offTopic = new Set([
    ...(lexicon.off_topic.id ?? []),
    ...(lexicon.off_topic.en ?? []),
    ...(lexicon.off_topic.any ?? []),
  ]);
  const lists: Array<[string, Words]> = [
    ...Object.entries(lexicon.cues).map(([k, w]): [string, Words] => [`cues.${k}`, w]),
    ...Object.entries(lexicon.small_talk).map(([k, w]): [string, Words] => [`small_talk.${k}`, w]),
  ];
  for (const [path, words] of lists) {
    for (const lang of ["id", "en", "any"] as const) {
      const clash = (words[lang] ?? []).find((w) => offTopic.has(w));
      if (clash) throw new KnowledgeError(shown, `${path}.${lang}`, `"${clash}" is also an off_topic word`);
    }
  }
  return lexicon;
}

const lexicon = loadLexicon();

/** Cue words, by cue and language. */
export const CUES: Record<Cue, Words> = lexicon.cues;
/** Small talk, by kind and language. */
export const SMALL_TALK: Record<SmallTalk, Words> = lexicon.small_talk;
/** Words that put a question outside what the knowledge holds, even when it names a programme province. */
export const OFF_TOPIC: Words = lexicon.off_topic;
/** Informal and chat spellings, mapped to the standard word the lexicon knows ("bikin" → "buat"). */
export const SPELLING: ReadonlyMap<string, string> = new Map(Object.entries(lexicon.spelling));
/** Words after which "tahu" means "know", not tofu ("saya mau tahu …"). */
export const KNOW_CONTEXT: ReadonlySet<string> = new Set(lexicon.know_context);

/** Flattens a `Words` table into `[word, lang | undefined]` pairs. */
export function wordsOf(w: Words): Array<[string, Lang | undefined]> {
  return [
    ...(w.id ?? []).map((x): [string, Lang] => [x, "id"]),
    ...(w.en ?? []).map((x): [string, Lang] => [x, "en"]),
    ...(w.any ?? []).map((x): [string, undefined] => [x, undefined]),
  ];
}
