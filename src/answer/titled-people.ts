/**
 * A title the sources don't give, put on a person they name: "Menteri Gati bilang …", "What did
 * Minister Gati say …?", "Bupati Gati", "According to Gati, the Minister of Cooperatives, …". The
 * question is answered without it, after saying the role the sources give ("Sumber menyebut Gati
 * Wibawaningsih sebagai Direktur Jenderal …, bukan Menteri."). A word of address ("Mrs", "Pak")
 * is no title: it stays where it is. A title the role holds ("Direktur Jenderal Gati") is kept. Pure.
 */
import type { Translate } from "../i18n/index.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { fold, MAX_QUESTION_CHARS } from "./normalise.ts";
import type { Reply } from "./reply.ts";

/** A person as the knowledge names them. */
export interface NamedPerson {
  name: string;
  role: Record<Lang, string>;
  /** Folded names a message may call them by ("gati", "wibawaningsih"). */
  terms: readonly string[];
}

/** The people a message puts a title on, each with the title as written, and the message without the titles. */
export interface TitledPeople {
  found: Array<{ person: NamedPerson; title: string }>;
  rest: string;
}

// Words a title may hold besides words of office ("Menteri Perindustrian Gati", "Minister of
// Industry Gati", "the Japanese ambassador Gati"): at most this many, each a name (capitalised) or
// one of these; never across punctuation ("Kata Menteri, Dirjen Gati …" names two people).
const MAX_BETWEEN = 2;
const JOINING = new Set(["of", "for", "the", "urusan"]);
// Words that may open a title set after the name, past a comma ("Gati, the Minister of Cooperatives, …").
const APPOSITION = new Set(["the", "a", "sang", "selaku"]);
const PUNCTUATION = /[,;:.!?()]/;

/**
 * The titles of `titles` (words of office) and words of address of `address` that `message`
 * puts right before, or right after, the name of one of `people`; `undefined` when there is none.
 */
export function titledPeople(
  message: string,
  people: readonly NamedPerson[],
  titles: ReadonlySet<string>,
  address: ReadonlySet<string>,
): TitledPeople | undefined {
  if (message.length > MAX_QUESTION_CHARS || !people.length) return undefined;
  // Words as written, with where each starts and ends, and folded.
  const words = [...message.matchAll(/[\p{L}\d]+(?:[-'’.][\p{L}\d]+)*\.?/gu)].map((m) => ({
    at: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    key: fold(m[0]),
    name: /^\p{Lu}/u.test(m[0]),
  }));
  const isTitle = (i: number) => titles.has(words[i]?.key ?? "");
  // (A word a title may hold: a name, or a word that joins one.)
  const joins = (i: number) => words[i]?.name === true || JOINING.has(words[i]?.key ?? "");
  const found: TitledPeople["found"] = [];
  const cut: Array<[number, number]> = [];
  for (const [i, word] of words.entries()) {
    const person = people.find((p) => p.terms.includes(word.key));
    // (The first of its names only: "Gati Wibawaningsih" is one person.)
    if (!person || person.terms.includes(words[i - 1]?.key ?? "")) continue;
    let last = i;
    while (person.terms.includes(words[last + 1]?.key ?? "")) last++;
    const before = titleBefore(i);
    const after = before ? undefined : titleAfter(last + 1);
    for (const [from, to] of [before, after].flatMap((span) => (span ? [span] : []))) {
      const span = words.slice(from, to + 1).filter((w) => !address.has(w.key));
      const role = fold(`${person.role.id} ${person.role.en}`);
      const wrong = span.some((w) => titles.has(w.key) && !` ${role} `.includes(` ${w.key} `));
      if (wrong) found.push({ person, title: message.slice(span[0]?.at ?? 0, span.at(-1)?.end ?? 0) });
      cut.push([words[from]?.at ?? 0, words[to]?.end ?? 0]);
    }
  }
  if (!cut.length) return undefined;
  let rest = message;
  for (const [from, to] of cut.reverse()) rest = `${rest.slice(0, from)} ${rest.slice(to)}`;
  return { found, rest };

  /** The first and last word of a title, or words of address, right before word `i`. */
  function titleBefore(i: number): [number, number] | undefined {
    let from: number | undefined;
    for (let j = i - 1, between = 0; j >= 0 && !PUNCTUATION.test(gap(j)); j--) {
      const key = words[j]?.key ?? "";
      if (isTitle(j) || address.has(key)) {
        from = j;
        between = 0;
      } else if (from !== undefined || !joins(j) || ++between > MAX_BETWEEN) break;
    }
    return from === undefined ? undefined : [from, i - 1];
  }

  /**
   * A title set after the name, past a comma, that begins at word `i` ("Gati, the Minister of
   * Cooperatives, …"): its first and last word, up to the next punctuation.
   */
  function titleAfter(i: number): [number, number] | undefined {
    if (!/,/.test(gap(i - 1))) return undefined;
    let j = i;
    while (APPOSITION.has(words[j]?.key ?? "")) j++;
    if (!isTitle(j)) return undefined;
    let end = j;
    while (end - j < MAX_BETWEEN + 1 && !PUNCTUATION.test(gap(end)) && (isTitle(end + 1) || joins(end + 1)))
      end++;
    return [i, end];
  }

  /** What stands between word `i` and the next. */
  function gap(i: number): string {
    return message.slice(words[i]?.end ?? 0, words[i + 1]?.at ?? message.length);
  }
}

/** The people the sources name, and the words of office a title put on one of them may hold. */
export class PeopleTitles {
  private readonly people: readonly NamedPerson[];
  private readonly titles: ReadonlySet<string>;

  constructor(
    k: Knowledge,
    titles: ReadonlySet<string>,
    private readonly address: ReadonlySet<string>,
    private readonly t: Translate,
  ) {
    this.people = k.people.map((p) => ({ name: p.name, role: p.role, terms: p.terms.map(fold) }));
    // (Not the words that name someone by role, "editor", "reporter": a statement of who that is
    // is checked as one.)
    const roles = new Set(k.people.flatMap((p) => p.role_terms.map(fold)));
    this.titles = new Set([...titles].filter((t) => !roles.has(t)));
  }

  /**
   * The reply to `message` without the titles it puts on people, asked in the whole message's
   * language (`langOf`), opened by the role the sources give each person given a title they don't
   * (small talk needs none); `undefined` when it puts no title on anyone.
   */
  reply(
    message: string,
    answer: (text: string, lang: Lang | undefined) => Reply,
    langOf: (text: string) => Lang | undefined,
  ): Reply | undefined {
    const titled = titledPeople(message, this.people, this.titles, this.address);
    // (Words of address alone are read where they stand: "Pagi Bu Gati, …" addresses her.)
    if (!titled?.found.length) return undefined;
    const reply = answer(titled.rest, langOf(message));
    if (reply.kind === "smalltalk") return reply;
    const notes = titled.found.map(({ person, title }) =>
      this.t(reply.lang, "answer.personTitle", { person: person.name, role: person.role[reply.lang], title }),
    );
    return { ...reply, text: `${[...new Set(notes)].join(" ")}\n${reply.text}` };
  }
}
