/**
 * Words of the asker: who asks ("saya", "I"), what they want ("mau", "want") and the words that
 * make a sentence of theirs a request ("tanya", "tell", "butuh").
 */
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
