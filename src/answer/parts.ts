/**
 * A message split into the questions it asks (at most three): at sentence punctuation and at
 * "dan"/"and" where the piece after it asks something of its own. Pure.
 */
import { ASKER_WORDS, REQUEST_WORDS } from "./asker.ts";
import { type Cue, FILLER_CUES } from "./lexicon.ts";
import type { Clause } from "./normalise.ts";
import { NAME_CONCEPTS } from "./reading.ts";
import type { Concept, Match } from "./vocabulary.ts";

/** The most questions one message is answered as; more parts are read as the last one. */
export const MAX_PARTS = 3;
// Cues that make a piece of a message a question of its own ("… dan apa namanya?").
const ASKING_CUES: ReadonlySet<Cue> = new Set<Cue>([
  "what",
  "where",
  "who",
  "when",
  "published",
  "how",
  "product",
  "plural",
  "criteria",
  "member",
  "name",
  "source",
  "meaning",
  "end",
  "quantity",
  "howto",
  "officials",
  "absent",
]);

// Question words proper: what a word beside them names is what is asked.
const QUESTION_WORDS: ReadonlySet<Cue> = new Set<Cue>([
  "what",
  "where",
  "who",
  "when",
  "how",
  "quantity",
  "meaning",
]);

// Words that open a phrase of scope ("of the five …", "soal Papua, …") or an address ("Kepada
// Yth. pengelola, …"), not a question.
const SCOPE_WORDS: ReadonlySet<string> = new Set([
  "kepada",
  "yth",
  "dear",
  "dari",
  "antara",
  "diantara",
  "soal",
  "tentang",
  "mengenai",
  "terkait",
  "untuk",
  "of",
  "among",
  "from",
  "regarding",
  "concerning",
  "about",
  "for",
  "as",
]);

const TRAILING_SCOPE_WORDS: ReadonlySet<string> = new Set([
  ...SCOPE_WORDS,
  "in",
  "di",
  "according",
  "menurut",
  "based",
  "berdasarkan",
]);

/** A phrase that is more than a cue: a name, or a word the matcher does not know. */
const isContent = (m: Match) => m.concepts.length === 0 || m.concepts.some((c) => c.type !== "cue");

// What a sentence after an introduction may not name and still be the asker's own story: a
// question, a request, a fact of the programme, or what someone said.
const FACT_CONCEPTS: ReadonlySet<Concept["type"]> = new Set<Concept["type"]>([
  "attribute",
  "term",
  "criterion",
  "cohort",
  "source",
  "person",
]);
const namesProgrammeFact = (m: Match) =>
  isQuestionWord(m) ||
  m.text.split(" ").some((w) => REQUEST_WORDS.has(w)) ||
  hasCue(m, "said") ||
  hasCue(m, "confirm") ||
  m.concepts.some((c) => FACT_CONCEPTS.has(c.type));

const isProgramme = (c: Concept) => c.type === "programme";
/** The first word of a piece ("kepada" of the phrase "kepada yth"). */
const firstWord = (piece: Match[]) => piece[0]?.text.split(" ")[0] ?? "";

// (These three run for every phrase of every clause, many times a message: loops, not closures,
// so that asking them allocates nothing.)
/** Whether a phrase names something (a province, a person, a source …). */
export function isName(m: Match | undefined): boolean {
  if (m) for (const c of m.concepts) if (NAME_CONCEPTS.has(c.type)) return true;
  return false;
}
/** Whether a phrase carries the cue `cue` ("did" carries "do" and "opener"). */
export function hasCue(m: Match | undefined, cue: Cue): boolean {
  if (m) for (const c of m.concepts) if (c.type === "cue" && c.cue === cue) return true;
  return false;
}
/** Whether a phrase is a question word proper ("apa", "where"). */
export function isQuestionWord(m: Match): boolean {
  for (const c of m.concepts) if (c.type === "cue" && QUESTION_WORDS.has(c.cue)) return true;
  return false;
}

/** Whether a phrase asks by a word of asking, not only by naming a fact ("tujuannya"). */
// (A noun that can ask, "source" in "… to source shoes.", does not in a sentence that states.)
const asksByWord = (m: Match) =>
  isQuestionWord(m) ||
  m.concepts.some((c) => c.type === "cue" && COMMAND_CUES.has(c.cue)) ||
  m.text.split(" ").some((w) => REQUEST_WORDS.has(w));
// Cues of a command: "Sebutkan provinsi tahap pertama.", "List the provinces."
const COMMAND_CUES: ReadonlySet<Cue> = new Set<Cue>(["plural", "howto"]);

// What the rest of a membership question holds besides the programme ("termasuk dalam program IKM").
const PREDICATE_CUES: ReadonlySet<Cue> = new Set<Cue>(["member", "domain"]);

/** Whether a piece of a message asks something of its own. */
function asks(matches: Match[]): boolean {
  return matches.some((m) =>
    m.concepts.some((c) => (c.type === "cue" && ASKING_CUES.has(c.cue)) || c.type === "attribute"),
  );
}

/**
 * Splits a message into the questions it asks: at sentence punctuation and at "dan"/"and", where
 * the piece after it asks something of its own. "tahu dan tempe" stays one piece; "kapan mulai
 * dan apa namanya?" is two.
 */
export function pieces(clauses: ReadClause[], asked: Set<Match>): Parts {
  const raw: Match[][] = [];
  // Pieces of a sentence that states ("Saya staf Dinas Perindustrian kabupaten.") before one that
  // asks ("…, ada berapa pertimbangan …?"): what they name is not asked, whatever its words.
  const stated = new Set<Match[]>();
  const questioned = new Set<Match[]>();
  const sentenceOf = new Map<Match[], number>();
  clauses.forEach(({ matches, end, sentence }, i) => {
    const states = end === "." && clauses.slice(i + 1).some((c) => c.end === "?");
    let current: Match[] = [];
    const close = () => {
      raw.push(current);
      sentenceOf.set(current, sentence);
      if (states) stated.add(current);
      if (end === "?") questioned.add(current);
    };
    matches.forEach((m, j) => {
      // "I own a shoe workshop and would love to join": the asker goes on about themselves.
      // "Kapan Sultra dan Babel mulai …?": names joined after a question word are asked together.
      const joinsNames =
        current.every((x) => isQuestionWord(x) || isName(x) || onlyCarries(x)) && isName(matches[j + 1]);
      if (isAnd(m) && current.length && !introducesAsker(current, states) && !joinsNames) {
        close();
        current = [];
      } else if (!isAnd(m)) current.push(m);
    });
    if (current.length) close();
  });
  // A piece that asks nothing belongs to the question before it, or else to the one after it.
  const out: Match[][] = [];
  const introduced = new Set<Match[]>();
  let pending: Match[] = [];
  raw.forEach((piece, i) => {
    const last = out[out.length - 1];
    // "Dari lima provinsi fase pertama, mana yang paling berhasil?": a piece that opens with a
    // word of scope and asks nothing itself says what the next question is about.
    // "Kapan dan di mana MoU-nya ditandatangani?": question words alone ask of what the piece after
    // them names ("dari kapan & sama siapa" are two questions of the programme).
    const next = raw[i + 1] ?? [];
    // ("kabupatennya apa? sama Babel produknya apa?": not into the next sentence, where the
    // question words ask of what the chat was about.)
    const withNext = sentenceOf.get(piece) === sentenceOf.get(next);
    const onlyAsks = piece.every(isQuestionWord) && next.some(isContent) && withNext;
    // "sejak kapan dan sama siapa kerjasamanya?": when the piece after asks by a question word of
    // its own, each question word asks of what that piece names.
    if (onlyAsks && next.some(isQuestionWord)) {
      for (const m of piece) asked.add(m);
      out.push([...pending, ...piece, ...next.filter((m) => !isQuestionWord(m))]);
      pending = [];
      return;
    }
    // "Riau vs North Sumatra — is Riau in too?": names set side by side, asking nothing, are what
    // the question after them asks of.
    const setSideBySide =
      piece.some((m) => hasCue(m, "compare")) &&
      piece.every((m) => isName(m) || hasCue(m, "compare") || onlyCarries(m));
    // "Seandainya Gati sudah tidak menjabat, siapa penggantinya?": a condition that is not the
    // asker's own story, before a question in the same sentence, asks nothing of its own (even
    // with a word that can ask, "menjabat").
    const conditionOf =
      hasCue(piece[0], "condition") &&
      !introducesAsker(piece) &&
      sentenceOf.get(piece) === sentenceOf.get(next) &&
      next.some(isQuestionWord);
    if (
      i < raw.length - 1 &&
      (onlyAsks ||
        setSideBySide ||
        conditionOf ||
        (SCOPE_WORDS.has(firstWord(piece)) && !piece.some(isQuestionWord)))
    ) {
      pending.push(...piece);
      return;
    }
    // "…, in the order the article gives", "…, menurut laporan JICA": a phrase of scope after a
    // question belongs to it.
    if (last && TRAILING_SCOPE_WORDS.has(firstWord(piece)) && !piece.some(isQuestionWord)) {
      last.push(...piece);
      return;
    }
    // "Saya mahasiswa di Medan yang menulis skripsi. Kapan …?": who asks is context of its own,
    // not part of the question after it (Medan is not asked about). A greeting or an address
    // before it still opens the question.
    if (i < raw.length - 1 && introducesAsker(piece, stated.has(piece))) {
      out.push(piece);
      introduced.add(piece);
      return;
    }
    // "Saya mantan pekerja migran. Baru pulang dari Jepang, pengen buka usaha kopi.": what the
    // asker goes on to say of themselves, asking nothing and naming no fact of the programme or
    // what someone said, is part of the introduction.
    if (last && introduced.has(last) && i < raw.length - 1 && !piece.some(namesProgrammeFact)) {
      last.push(...piece);
      return;
    }
    // "Proyek yang berjalan sejak 2013 itu punya nama resmi. Apa namanya?": a sentence that states
    // a fact, before one that asks, asks nothing of its own; it says what the question is about.
    const context = stated.has(piece) && !piece.some(asksByWord) && !introduced.has(last ?? []);
    // "Raining cats and dogs here in Jakarta. Anyway, which province makes ulos?": beside a question
    // that names what it asks about, a sentence stating something else (not a greeting) is chatter.
    const question = raw.slice(i + 1).find((p) => p.some(asksByWord));
    const greets = piece.every((m) => m.concepts.some((c) => c.type === "smalltalk") || onlyCarries(m));
    const namesOwn = question?.some((m) => isName(m) || hasCue(m, "domain") || m.concepts.some(isProgramme));
    if (context && namesOwn && !greets && !piece.some(namesProgrammeFact)) return;
    if (context && i < raw.length - 1) {
      pending.push(...piece);
      return;
    }
    // "apakah Maluku, misalnya Kota Ambon, termasuk dalam program …?": the rest of a question,
    // after the names it asks about, that names nothing but the programme is still that question.
    const predicate =
      piece.some((m) => hasCue(m, "member")) &&
      piece.every((m) =>
        m.concepts.every(
          (c) =>
            c.type === "programme" ||
            c.type === "term" ||
            (c.type === "cue" && (PREDICATE_CUES.has(c.cue) || FILLER_CUES.has(c.cue))),
        ),
      );
    const sameSentence = sentenceOf.get(piece) === sentenceOf.get(raw[i - 1] ?? []);
    if (last && !introduced.has(last) && sameSentence && predicate && last.some(isName) && asks(piece)) {
      for (const m of piece) asked.add(m);
      last.push(...piece);
      return;
    }
    // "Kalau saya mau daftar, ke mana?": a question word alone after a request for instructions
    // asks where or how to do it.
    const instructed = last?.some((m) => hasCue(m, "howto")) === true;
    // "Which works better, the cluster approach or placing facilitators?": the choices a judgement
    // offers, after it, are what it judges (the sources judge neither); "Lebih banyak mana, tahap
    // pertama atau yang 2017?": what it counts.
    const choices = piece.some((m) => hasCue(m, "or"));
    const compares = last?.some((m) => hasCue(m, "judge") || hasCue(m, "more")) === true;
    if (last && !introduced.has(last) && sameSentence && choices && compares) {
      for (const m of piece) asked.add(m);
      last.push(...piece);
      return;
    }
    if (last && instructed && sameSentence && piece.every((m) => isQuestionWord(m) || onlyCarries(m))) {
      for (const m of piece) asked.add(m);
      last.push(...piece);
      return;
    }
    if (asks(piece)) {
      for (const m of piece) asked.add(m);
      out.push([...pending, ...piece]);
      pending = [];
    } else if (
      last &&
      !introduced.has(last) &&
      (sentenceOf.get(piece) ?? 0) > (sentenceOf.get(raw[i - 1] ?? []) ?? 0) &&
      introducesAsker(piece, true) &&
      !piece.some((m) => hasCue(m, "confirm"))
    ) {
      // "Is there a cluster in Bali? We want to write about the silver workshops.": who asks, in a
      // sentence after the question, is context of its own too ("Saya ingat betul itu" still claims).
      out.push(piece);
      introduced.add(piece);
    } else if (last && !introduced.has(last)) last.push(...piece);
    // ("mau nanya:" after an introduction opens the question after it.)
    else pending.push(...piece);
  });
  if (pending.length) {
    if (out.length) out[out.length - 1]?.push(...pending);
    else out.push(pending);
  }
  // No piece asks ("kota mojokerto ada? sy punya bengkel kecil2an disitu"): the pieces that name
  // something are the question; the others are chatter around it.
  // A sentence with a question mark is the question before one without ("Heading to the Island of
  // the Gods next week. Does Bali have any project?").
  const named = raw.filter((piece) => piece.some(isName));
  const marked = named.filter((piece) => questioned.has(piece));
  if (asked.size === 0)
    for (const piece of marked.length ? marked : named) for (const m of piece) asked.add(m);
  while (out.length > MAX_PARTS) {
    const extra = out.pop() ?? [];
    out[out.length - 1]?.push(...extra);
  }
  // (The last phrase of each clause a question mark follows; a part holding one asked its own
  // question, whatever chatter was joined after it: "…, right? Actually, …".)
  const lastAsked = new Set(
    clauses.flatMap((c) => (c.closes && c.end === "?" && c.matches.length ? [c.matches.at(-1)] : [])),
  );
  return { parts: out, introductions: introduced, endsAsked: (part) => part.some((m) => lastAsked.has(m)) };
}

/** A clause read into phrases, and how its sentence ends ("?" asks, "." states). */
export interface ReadClause {
  matches: Match[];
  end: Clause["end"];
  sentence: Clause["sentence"];
  closes: Clause["closes"];
}

/** The questions of a message, and which of them only introduce the asker. */
export interface Parts {
  parts: Match[][];
  introductions: ReadonlySet<Match[]>;
  /** Whether a question mark closes a clause of the part ("Start year?", "…, right?"), not only a later one. */
  endsAsked: (part: Match[]) => boolean;
}

// A greeting or an address before the asker speaks ("Kepada Yth. Admin.", "Selamat siang.").
const opensLetter = (m: Match) =>
  m.concepts.length > 0 &&
  m.concepts.every((c) => (c.type === "cue" && c.cue === "stop") || c.type === "smalltalk");

/**
 * Whether a part only introduces the asker: it opens with "I"/"saya", after a greeting or an
 * address at most, or a condition ("kalau saya …"), and asks nothing. In a sentence that states,
 * before one that asks, a word that can ask ("kabupaten", "based") only names.
 */
export function introducesAsker(part: Match[], stated = false): boolean {
  const start = Math.max(
    part.findIndex((m) => ASKER_WORDS.has(m.text.split(" ")[0] ?? "") || !opensLetter(m)),
    0,
  );
  // "Kalau saya …", "Suppose I …": a condition said of the asker introduces them too.
  const opening = hasCue(part[start], "condition") ? start + 1 : start;
  const words = part.slice(opening).flatMap((m) => m.text.split(" "));
  // "I'm a lecturer …", or "Founder of a start-up here." ("Saya dengar …" offers a statement.)
  const speaks = ASKER_WORDS.has(words[0] ?? "") || (words.length > 1 && words[words.length - 1] === "here");
  const claims = hasCue(part[opening], "confirm");
  // "Kalau saya mau daftar, ke mana?": wanting to register asks how.
  const asks = !stated && part.some((m) => isQuestionWord(m) || hasCue(m, "howto"));
  return speaks && !claims && !asks && !words.some((w) => REQUEST_WORDS.has(w));
}

// Words that only carry a question along ("the", "did"): "in what year did Kemenperin and JICA …".
const CARRYING_CUES: ReadonlySet<Cue> = new Set<Cue>(["stop", "do", "opener"]);
const onlyCarries = (m: Match) =>
  m.concepts.length > 0 && m.concepts.every((c) => c.type === "cue" && CARRYING_CUES.has(c.cue));

export const isAnd = (m: Match | undefined) =>
  m !== undefined && m.concepts.length > 0 && m.concepts.every((c) => c.type === "cue" && c.cue === "and");
