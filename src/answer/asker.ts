/**
 * Words of the asker: who asks ("saya", "I"), what they want ("mau", "want") and the words that
 * make a sentence of theirs a request ("tanya", "tell", "butuh").
 */
import type { Match } from "./concepts.ts";

// "Saya staf perencanaan di Bappeda", "I'm a lecturer preparing a case study": who asks, not what.
export const ASKER_WORDS: ReadonlySet<string> = new Set([
  "saya",
  "sy",
  "aku",
  "kami",
  "i",
  "im",
  "we",
  "my",
  "our",
]);
// Words that make such a sentence a request after all ("saya mau tanya …", "I'd like to know …").
export const REQUEST_WORDS: ReadonlySet<string> = new Set([
  "tanya",
  "bertanya",
  "ketahui",
  "know",
  "ask",
  "wondering",
  "tell",
  "tau",
  "butuh",
  "need",
  "ceritain",
  "jelasin",
  "jelaskan",
]);
// Words of wanting: "sy mau jadi fasilitator, gmn caranya?" asks how to get what is wanted.
export const WANT_WORDS: ReadonlySet<string> = new Set(["mau", "ingin", "pengen", "pingin", "want", "wanna"]);

/**
 * Whether a message sent without a question mark or a question word still asks rather than
 * states: a request ("Kasih tau rencana program ini", "Need the start year", a task); one that
 * begins by asking for a list ("sebutin nama2 ikm sepatu di mojokerto dong", "List the products");
 * or one led by a word the bot doesn't know, which asks for what it names ("jadwal kapal pelni
 * makassar-surabaya", "populasi samosir"), unless it `claims` something to check (a year, or who
 * said it: "tbh the programme started in 2015", "temen gw bilang sulsel produknya kopi").
 */
export function requestsOrAsks(matches: readonly Match[], task: boolean, claims: boolean): boolean {
  const [first] = matches;
  const words = matches.flatMap((m) => m.text.split(" "));
  const lists = first !== undefined && LIST_WORDS.has(first.text);
  const leadsUnknown =
    !claims &&
    first !== undefined &&
    first.concepts.length === 0 &&
    !first.tokens.some((t) => t.known || t.capitalised);
  return task || lists || leadsUnknown || words.some((w) => REQUEST_WORDS.has(w));
}

// Words that begin a request for a list ("sebutin …", "List the …"); not words of counting
// ("Five provinces joined in 2015" is a statement).
const LIST_WORDS: ReadonlySet<string> = new Set(["sebutkan", "list", "tunjukkan", "jabarkan"]);
