/**
 * What a message says around its question, not in it: where the asker heard something ("di grup wa
 * katanya …"), where someone is from ("pendengar dari Kendari nanya: …"), small talk it only quotes
 * ("terjemahkan 'selamat pagi'"). Pure.
 */

import { ASKER_WORDS } from "./asker.ts";
import { wordsAt, writtenWords } from "./concepts.ts";
import { saysNothing } from "./found.ts";
import type { Clause } from "./normalise.ts";
import { hasCue, isName, isQuestionWord } from "./parts.ts";
import { mayQuote, QUOTED } from "./quotes.ts";
import { NAME_CONCEPTS } from "./reading.ts";
import type { Match } from "./vocabulary.ts";

// Words of passing on what one heard or read ("katanya" is a word of saying).
const HEARSAY_WORDS: ReadonlySet<string> = new Set([
  "katanya",
  "kabarnya",
  "share",
  "shared",
  "forward",
  "forwarded",
  "baca",
  "read",
  "beredar",
  "viral",
  "saw",
  "heard",
  "denger",
  "dengar",
  "posted",
  "pesan",
  "broadcast",
  "diteruskan",
  "berantai",
  "chain",
  "got",
  "received",
]);
export const CHANNEL_PREPOSITIONS: ReadonlySet<string> = new Set([
  "di",
  "in",
  "on",
  "dari",
  "from",
  "lewat",
  "via",
]);

/**
 * "di grup wa katanya program ini baru mulai 2015", "someone shared in our WhatsApp group …": a
 * channel where the asker heard something is where they heard it, not a channel they ask for.
 */
export function heardIn(matches: Match[]): boolean {
  const channels = matches.flatMap((m, i) => (hasCue(m, "howto") ? [i] : []));
  // ("Where can I read more …?" asks where to read.)
  const hearsayIn = (m: Match | undefined) =>
    !hasCue(m, "further") && (m?.text.split(" ").some((w) => HEARSAY_WORDS.has(w)) ?? false);
  const hearsay = matches.some((m) => hasCue(m, "said") || hearsayIn(m));
  // ("di grup wa", "posted on FB", "WhatsApp forward:", "Pesan WA:")
  // ("in our WhatsApp group": whose channel may stand between.)
  const before = (i: number) => (OWNERS.has(matches[i - 1]?.text ?? "") ? matches[i - 2] : matches[i - 1]);
  const where = (i: number) =>
    CHANNEL_PREPOSITIONS.has(before(i)?.text ?? "") || hearsayIn(matches[i - 1]) || hearsayIn(matches[i + 1]);
  return hearsay && channels.length > 0 && channels.every(where);
}

const OWNERS: ReadonlySet<string> = new Set(["our", "my", "the", "a", "kami", "kita"]);

export const ORIGIN_PREPOSITIONS: ReadonlySet<string> = new Set(["di", "dari", "asal", "in", "from", "at"]);
const REGION_CONCEPTS: ReadonlySet<string> = new Set(["province", "place", "area"]);
export const isRegionName = (m: Match | undefined) =>
  m?.concepts.some((c) => REGION_CONCEPTS.has(c.type)) ?? false;
/**
 * "Good evening from Jakarta.", "Halo, saya dari Makassar": regions a greeting or the asker says
 * they come from, where the asker is rather than what they ask.
 */
export const greetedFrom = (matches: Match[]) =>
  matches.filter((m, i) => {
    const before = matches[i - 2];
    const greets = before?.concepts.some((c) => c.type === "smalltalk" && c.kind === "greet") ?? false;
    const from = ORIGIN_PREPOSITIONS.has(matches[i - 1]?.text ?? "");
    return isRegionName(m) && from && (greets || ASKER_WORDS.has(before?.text ?? ""));
  }).length;
// What a question can be about besides a region: a fact, a name, a group, a word of the programme.
const isSubject = (m: Match) =>
  m.concepts.some(
    (c) => !REGION_CONCEPTS.has(c.type) && (NAME_CONCEPTS.has(c.type) || OTHER_SUBJECTS.has(c.type)),
  );
const OTHER_SUBJECTS: ReadonlySet<string> = new Set([
  "programme",
  "attribute",
  "term",
  "cohort",
  "selection",
]);

/**
 * "Pendengar dari Kendari nanya: tujuan program apa?", "A listener in Tegal wants to know what the
 * programme is", "Anak Makassar nanya, …": a region someone is from (after a word for people, or the asker)
 * says who asks, not what, when the question names something else to ask about.
 */
export function withoutOrigins(
  matches: Match[],
  people: ReadonlySet<string>,
  asking: { relays: ReadonlySet<string>; peoples: ReadonlySet<string> } = {
    relays: new Set(),
    peoples: new Set(),
  },
): Match[] {
  // (A word that means more is no mere person: "penenun" is ulos weaving, "saya dengar" a claim.)
  const someone = (person: Match | undefined, also: ReadonlySet<string> = new Set()) => {
    const words = writtenWords(person);
    const word = people.has(words) || ASKER_WORDS.has(words) || also.has(words);
    return person !== undefined && saysNothing(person) && word;
  };
  const { relays, peoples } = asking;
  const passesOn = (m: Match | undefined) => relays.has(writtenWords(m));
  const origins = new Set(
    matches.filter(
      (m, i) =>
        isRegionName(m) &&
        ((someone(matches[i - 2]) && ORIGIN_PREPOSITIONS.has(matches[i - 1]?.text ?? "")) ||
          // "Anak Makassar nanya, …": whose people asks.
          // (Of a region's people too: "coffee growers in Aceh" are no one asking.)
          (someone(matches[i - 1], peoples) && passesOn(matches[i + 1]))),
    ),
  );
  // "I'm in Yogyakarta, any project here?": "here" is where the asker is.
  if (!origins.size || matches.some((m) => hasCue(m, "there"))) return matches;
  const rest = matches.filter((m) => !origins.has(m));
  // "Pendengar dari Kendari nanya, masuk program ga?": whether it is in, the programme is asked of it.
  const member = matches.some((m) => hasCue(m, "member"));
  const other = (m: Match) => isSubject(m) && !(member && m.concepts.some((c) => c.type === "programme"));
  return rest.some(other) ? rest : matches;
}

/**
 * "Di berita ada «…». Itu maksudnya gimana?", "The article mentions 'strategic themes' — what is
 * meant?", "A post says Maluku is in it. Is it?": a source where the asker read something, and
 * its verb of saying, is where they read it, not a source or a speaker asked about ("di berita
 * mana?" still asks which).
 */
export function withoutWhereRead(matches: Match[]): Match[] {
  const read = new Set<Match>();
  matches.forEach((m, i) => {
    const [before, after] = [matches[i - 1], matches[i + 1]];
    // ("Which source says …?" asks which.)
    if ((!hasCue(m, "source") && !READ_NOUNS.has(m.text)) || (before && isQuestionWord(before))) return;
    // ("Artikelnya ditulis siapa?" asks who wrote it; "written by Regi?" claims who did.)
    const next = matches[i + 2];
    const asked = next !== undefined && (isQuestionWord(next) || BY_WORDS.has(next.text));
    const saying = (hasCue(after, "said") || hasCue(after, "author")) && !asked;
    const inIt = CHANNEL_PREPOSITIONS.has(before?.text ?? "") && !(after && isQuestionWord(after));
    if (!saying && !inIt) return;
    read.add(m);
    if (saying && after) read.add(after);
    if (inIt && before) read.add(before);
  });
  const rest = matches.filter((m) => !read.has(m));
  // ("Yang ngomong di berita itu menteri, kan?": who spoke in the source is asked of it.)
  const speakerAsked = rest.some((m) => hasCue(m, "said"));
  return read.size && !speakerAsked ? rest : matches;
}
const BY_WORDS: ReadonlySet<string> = new Set(["by", "oleh"]);
// Things people pass on what they read in, besides the sources' own words ("a post says …").
const READ_NOUNS: ReadonlySet<string> = new Set([
  "post",
  "posting",
  "postingan",
  "caption",
  "tweet",
  "status",
]);

// Words that set one thing beside another as alike ("kayak" is read "seperti").
const LIKE_WORDS: ReadonlySet<string> = new Set(["seperti", "sebagaimana", "like"]);

/**
 * "Jawa Barat ikut juga nggak kayak Jateng dan Jatim?", "Does North Sulawesi take part like South
 * Sulawesi does?": regions a membership question likens its region to are not asked about.
 */
export function withoutLikenesses(matches: Match[]): Match[] {
  const like = matches.findIndex((m) => LIKE_WORDS.has(m.text));
  if (like < 0 || !matches.some((m) => hasCue(m, "member"))) return matches;
  if (!matches.slice(0, like).some(isRegionName)) return matches;
  const likened = matches.slice(like + 1).filter((m) => isRegionName(m) || hasCue(m, "and"));
  return matches.filter((m, i) => i !== like && !likened.includes(m));
}

/**
 * "Tolong terjemahkan 'selamat pagi' ke bahasa Jepang": small talk in quotes is mentioned, not said
 * (the rest of the message is what is asked).
 */
export function withoutQuotedSmallTalk(question: string, read: (text: string) => Match[]): string {
  if (!mayQuote(question)) return question;
  const rest = question.replace(QUOTED, (quote) => {
    const matches = read(quote);
    const smallTalk = (m: Match) => m.concepts.some((c) => c.type === "smalltalk");
    return matches.some(smallTalk) && matches.every((m) => smallTalk(m) || saysNothing(m)) ? " " : quote;
  });
  return rest.trim() ? rest : question;
}

// What a quote read as context keeps: the things it names, and what of the programme it names.
const CONTEXT_CONCEPTS: ReadonlySet<string> = new Set([
  ...NAME_CONCEPTS,
  "programme",
  "attribute",
  "selection",
]);

/** "Bisnis.com writes «…»": the source the asker quotes, with its verb, is where they read it. */
function withoutSourceSaying(matches: Match[]): Match[] {
  const says = (m: Match | undefined) => hasCue(m, "said") || hasCue(m, "author");
  const source = (m: Match | undefined) => m?.concepts.some((c) => c.type === "source") === true;
  return matches.filter(
    (m, i) => !(source(m) && says(matches[i + 1])) && !(says(m) && source(matches[i - 1])),
  );
}

/** A clause of a message, as read: its text, its sentence, and its words read (one or more runs). */
export interface ReadClause extends Clause {
  read: Match[][];
}

/**
 * "Di berita ditulis «pemerintah pusat turut melibatkan pemerintah daerah». Pemdanya dilibatkan
 * lewat apa?": a sentence that quotes what the asker read and asks nothing, before a sentence that
 * asks what, who or how, says what that question is about. Of its quotes only the names count; the
 * other words are the writer's, not the asker's. Before a sentence that only asks whether it is
 * true ("«…». Betul?") the quote is the claim, read whole.
 */
export function quotesAsContext(
  clauses: ReadClause[],
  read: (text: string) => Match[],
  reread: (text: string) => Match[][],
): ReadClause[] {
  const asking = clauses.filter((c) => c.read.flat().some(isQuestionWord)).map((c) => c.sentence);
  const lastAsking = Math.max(-1, ...asking);
  const names = (quote: string) => {
    const named = read(quote).filter((m) => m.concepts.some((c) => CONTEXT_CONCEPTS.has(c.type)));
    // ("«Timnas lolos Piala Dunia». Kapan mainnya?": a quote that names none of it is what is asked.)
    return named.length ? named.flatMap((m) => m.tokens.map((t) => t.original)).join(" ") : quote;
  };
  return clauses.map((c) => {
    if (c.sentence >= lastAsking || asking.includes(c.sentence) || c.end === "?" || !mayQuote(c.text))
      return c;
    const text = c.text.replace(QUOTED, (quote) => ` ${names(quote)} `);
    return text === c.text ? c : { ...c, read: reread(text).map(withoutSourceSaying) };
  });
}

/**
 * "Saya orang Brebes, tetangga Tegal. Apakah kabupaten kami termasuk?", "I'm from Kubu Raya, right
 * next to Pontianak": a region right after a word of nearness, once another region has been named
 * in the same sentence, only says where that one is; it is not asked about. Clauses in order.
 */
export function withoutLandmarks<C extends { matches: Match[]; sentence: number }>(
  clauses: C[],
  near: ReadonlySet<string>,
): C[] {
  let named = -1;
  return clauses.map((c) => {
    const landmarks = new Set<Match>();
    c.matches.forEach((m, i) => {
      const region = isRegionName(m);
      if (!region && near.has(m.text.split(" ").at(-1) ?? "") && named === c.sentence) {
        // ("right next to", "dekat dengan": words that say nothing may come between.)
        let at = i + 1;
        while (at < c.matches.length && at <= i + 2 && saysNothing(c.matches[at] as Match)) at++;
        if (isRegionName(c.matches[at])) for (let j = i; j <= at; j++) landmarks.add(c.matches[j] as Match);
      }
      if (region && !landmarks.has(m)) named = c.sentence;
    });
    return landmarks.size ? { ...c, matches: c.matches.filter((m) => !landmarks.has(m)) } : c;
  });
}

/**
 * "Saya dari Pemalang, Jawa Tengah", "Tana Toraja in South Sulawesi": a province right after a
 * region that lies in it (after "di"/"in", or as a clause of its own) only says where that region
 * is; the region is what is asked about.
 */
export function withoutWhereItIs<C extends { matches: Match[]; sentence: number }>(
  clauses: C[],
  liesIn: (region: Match, province: Match) => boolean,
): C[] {
  const isProvince = (m: Match | undefined) =>
    m?.concepts.some((c) => c.type === "province" || (c.type === "area" && !c.code.includes("."))) ?? false;
  const lies = (region: Match | undefined, province: Match) =>
    region !== undefined && isRegionName(region) && !isProvince(region) && liesIn(region, province);
  return clauses.map((c, at) => {
    const previous = clauses[at - 1];
    const named = c.matches.filter((m) => !saysNothing(m));
    // ("Pemalang, Jawa Tengah": a clause that only names the province.)
    const [province] = named;
    const apposed = named.length === 1 && isProvince(province) && previous?.sentence === c.sentence;
    if (apposed && province && lies(previous.matches.at(-1), province)) return { ...c, matches: [] };
    const dropped = new Set<Match>();
    c.matches.forEach((m, i) => {
      const before = c.matches[i - 1];
      if (isProvince(m) && before && IN_WORDS.has(before.text) && lies(c.matches[i - 2], m))
        dropped.add(m).add(before);
    });
    return dropped.size ? { ...c, matches: c.matches.filter((m) => !dropped.has(m)) } : c;
  });
}
/**
 * "Caption: lidah buaya Pontianak, Kalteng. Benar?": a region followed by a province it does not
 * lie in puts it there, which the official list of regions says is wrong.
 */
export function misplacesRegion<C extends { matches: Match[]; sentence: number }>(
  clauses: C[],
  liesIn: (region: Match, province: Match) => boolean,
): boolean {
  const isProvince = (m: Match | undefined) =>
    m?.concepts.some((c) => c.type === "province" || (c.type === "area" && !c.code.includes("."))) ?? false;
  return clauses.some((c, at) => {
    const [province, ...more] = c.matches.filter((m) => !saysNothing(m));
    const region = clauses[at - 1]?.matches.at(-1);
    const apposed = !more.length && isProvince(province) && clauses[at - 1]?.sentence === c.sentence;
    return (
      apposed &&
      province &&
      isRegionName(region) &&
      !isProvince(region) &&
      region &&
      !liesIn(region, province)
    );
  });
}

// Words that put a region in a larger one ("Tana Toraja in South Sulawesi").
const IN_WORDS: ReadonlySet<string> = new Set(["di", "in"]);

/**
 * "A caller from Kendari asks which regency …", "My manager asks whether Bali is included",
 * "Member nanya, …": the words before a word that passes a question on (`relays`, folded) say who
 * asks. They, and the word, are not what is asked, unless they ask or name something themselves
 * (a region only where someone is from: "Sulsel, mau tanya …" still names Sulawesi Selatan).
 */
export function withoutRelay(matches: Match[], relays: readonly string[]): Match[] {
  const words = wordsAt(matches);
  const end = relayEnd(
    words.map((w) => w.word),
    relays,
  );
  const last = words[end]?.at;
  if (last === undefined) return matches;
  const frame = matches.slice(0, last + 1);
  const named = (m: Match, i: number) =>
    isQuestionWord(m) || (isName(m) && !ORIGIN_PREPOSITIONS.has(frame[i - 1]?.text ?? ""));
  const rest = matches.slice(last + 1);
  // ("Pendengar dari Kendari nanya, masuk program ga?": where the asker is from is all it names;
  // see `withoutOrigins`.)
  if (frame.some(named) || (frame.some(isName) && !rest.some(isName))) return matches;
  return rest;
}

/** Where the first words that pass a question on end, as an index into `words` (-1: none). */
export function relayEnd(words: readonly string[], relays: readonly string[]): number {
  const text = ` ${words.join(" ")} `;
  let end = -1;
  for (const relay of relays) {
    const at = text.indexOf(` ${relay} `);
    if (at < 0) continue;
    const last = text.slice(1, at + relay.length + 1).split(" ").length - 1;
    if (end < 0 || last < end) end = last;
  }
  return end;
}

/**
 * "For a conference paper on development aid: what is the goal …?": a preface before a colon that
 * names nothing and asks nothing is a clause of its own, said around the question. One that names
 * something says what the question is about ("West Java regency of Garut: any cluster there?").
 */
export function afterPreface(
  clause: string,
  read: (text: string) => Match[],
  passesOn: (text: string) => boolean,
): Match[][] {
  const colon = clause.indexOf(": ");
  // "Halo, ada beberapa pertanyaan:", "Pertanyaan saya:": a clause that only announces the list of
  // questions after it asks nothing.
  if (colon < 0) return /:\s*$/u.test(clause) && passesOn(clause) ? [] : [read(clause)];
  const preface = read(clause.slice(0, colon));
  const rest = read(clause.slice(colon + 2));
  // "Rekan saya dari JICA tanya: …", "Pertanyaan dari grup penenun: …": whoever the preface names,
  // it says who asks what follows.
  if (passesOn(clause.slice(0, colon)) && rest.length > 0) return [rest];
  if (preface.some((m) => isName(m) || isQuestionWord(m))) return [read(clause)];
  // "Di grup WA: «…»", "On Facebook: …": where the asker read what follows, not a channel asked for.
  const whereRead = CHANNEL_PREPOSITIONS.has(preface[0]?.text ?? "") && rest.length > 0;
  return whereRead ? [rest] : [preface, rest];
}
