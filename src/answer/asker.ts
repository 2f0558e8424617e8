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
  const said = ` ${words.join(" ")} `;
  const phrased = REQUEST_PHRASES.some((phrase) => said.includes(` ${phrase} `));
  return task || lists || leadsUnknown || phrased || words.some((w) => REQUEST_WORDS.has(w));
}

// Phrases that make a sentence a request whose words alone need not ("Give me the percentage …",
// "I'd love to learn more about …", "bandingkan tahap 2013 dan 2017"): kept apart from
// `REQUEST_WORDS`, which also tell what the asker wants from what they ask ("I want to give …").
const REQUEST_PHRASES: readonly string[] = [
  "give me",
  "learn more",
  "learn about",
  "compare",
  "bandingkan",
  "bandingin",
  "difference between",
  "bedanya",
  "perbedaan",
];

/** Whether the words name the asker ("saya", "my"). */
export const namesAsker = (words: readonly string[]) => words.some((w) => ASKER_WORDS.has(w));

/** "Sy mau jadi fasilitator …": the asker says what they want, asking nothing of anyone. */
export const askerWants = (words: readonly string[]) =>
  words.some((w) => WANT_WORDS.has(w)) && !words.some((w) => REQUEST_WORDS.has(w)) && namesAsker(words);

/**
 * "Can you name some of the tofu makers?", "Could you explain the coffee project?": asked of the
 * bot, a question is a request, not a yes or no.
 */
export function askedOfBot(matches: readonly Match[]): boolean {
  const [first, second] = matches;
  const does = first?.concepts.some((c) => c.type === "cue" && c.cue === "do") ?? false;
  return (does && second?.text === "you") || /^(can|could|would|will) you$/.test(first?.text ?? "");
}

// Words that begin a request for a list ("sebutin …", "List the …"); not words of counting
// ("Five provinces joined in 2015" is a statement).
const LIST_WORDS: ReadonlySet<string> = new Set(["sebutkan", "list", "tunjukkan", "jabarkan"]);

// Words that may stand between "my name" and the name itself ("my name is Sato", "nama saya adalah Budi").
const BEFORE_NAME: ReadonlySet<string> = new Set(["is", "s", "adalah", "ialah"]);
const OWN = (text: string | undefined) => ASKER_WORDS.has(text ?? "");

/**
 * "My name is Sato", "nama saya Budi", "namaku Budi": the asker's own name said, which asks no
 * name and names nothing to ask about. The name and the words of naming go; the asker's word stays,
 * so the sentence still introduces them.
 */
export function withoutOwnName(matches: Match[]): Match[] {
  const naming = (m: Match | undefined) =>
    m?.concepts.some((c) => c.type === "cue" && c.cue === "name") ?? false;
  const out: Match[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as Match;
    // ("my name", "nama saya", "namaku": the name is the asker's, before it or after it or joined to it.)
    const mine = OWN(out[out.length - 1]?.text) || m.tokens.some((t) => /ku$/i.test(t.original));
    const after = OWN(matches[i + 1]?.text) ? i + 2 : i + 1;
    const name = BEFORE_NAME.has(matches[after]?.text ?? "") ? after + 1 : after;
    const said = matches[name];
    const isName = said !== undefined && said.concepts.length === 0 && /^\p{L}+$/u.test(said.text);
    if (naming(m) && (mine || after === i + 2) && isName) {
      if (after === i + 2) out.push(matches[i + 1] as Match);
      i = name;
      continue;
    }
    out.push(m);
  }
  return out;
}
