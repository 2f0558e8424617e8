/**
 * What a follow-up points back to: the item of a list ("the second one"), the rest of a group
 * ("yang lainnya?"), the region or person the chat just named ("there", "she"), what the previous
 * question named rather than its answer, or the same question again of another subject. Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Found } from "./found.ts";
import { type Intent, namesNothing } from "./intents.ts";
import type { Cue } from "./lexicon.ts";
import { provincesOf } from "./negation.ts";
import { fold } from "./normalise.ts";
import type { Previous } from "./previous.ts";
import { groupOf } from "./set-aside.ts";
import { isRegion, isSource, provinceIdOf, type Subject, subjectRef } from "./subject.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** "the third one", "yang kedua": the item of the previous answer's list the question points to. */
export function pointedItem(f: Found, previous: Previous | undefined): Subject | undefined {
  const items = previous?.items.length ? previous.items : (previous?.named ?? []);
  if (f.ordinal === undefined || items.length === 0) return undefined;
  return f.ordinal < 0 ? items[items.length + f.ordinal] : items[f.ordinal - 1];
}

/**
 * Whether a follow-up asks about what the previous question named rather than the people or
 * sources its answer gave: provinces after "who said there are three?", the time after "who
 * edited the article?".
 */
export function asksOfAsked(f: Found, previous: Previous): boolean {
  if (!previous.asked?.length) return false;
  const regions = f.cues.has("provinces") || f.cues.has("where") || f.cues.has("product");
  const aboutWords = previous.subjects.every((s) => s.kind === "person" || s.kind === "source");
  const dated = (["when", "clock", "day", "published"] as const).some((cue) => f.cues.has(cue));
  const ofSources = previous.subjects.every((s) => s.kind === "person") && previous.asked.every(isSource);
  // "What does it stand for?" of the word the asker's introduction named.
  const ofWord = f.cues.has("meaning") && previous.asked.every((s) => s.kind === "term");
  return (regions && aboutWords) || (dated && ofSources) || ofWord;
}

/**
 * "kalau Jatim?", "and Papua?": the same question as before, about another subject. ("What did she
 * say about how regions are chosen?" asks what was said: how they are chosen.)
 */
export function asksAgain(found: Found, intent: Intent): boolean {
  // ("then tell me about West Kalimantan" after a count the sources lack asks what they say of it.)
  const own = found.cues.has("said") || found.cues.has("what") || found.cues.has("tell");
  return intent === "describe" && found.meaningful <= 3 && !own;
}

/** A province's names in both languages, a region's official one; none for another subject. */
function regionNames(s: Subject, k: Knowledge, areas: Areas): string[] {
  const name = s.kind === "province" ? k.provinces.find((p) => p.id === s.id)?.name : undefined;
  if (name) return [name.id, name.en];
  return s.kind === "area" ? [areas.byCode.get(s.code)?.name ?? ""] : [];
}

/**
 * Names the message holds that the sources don't know, and that are no word of the names of the
 * regions the chat last asked about: "kalau Ubud?" after Toraja Utara names another place; "yang
 * Tenggara?" after the two Sulawesi provinces names one of them.
 */
export function namesElsewhere(f: Found, previous: Previous, k: Knowledge, areas: Areas): string[] {
  const words = new Set(
    previous.subjects.flatMap((s) => regionNames(s, k, areas).flatMap((n) => fold(n).split(" "))),
  );
  return f.unknownNames.filter((w) => !words.has(w) && !f.addressed.includes(w));
}

/**
 * "southeast?" after "central sulawesi?", "kalo tenggara?" after "Sulawesi Tengah": a word that
 * takes the place of one in the name of the region the chat last asked about, making another
 * region's name, stands for that region. The message with the name written out, or `undefined`.
 */
export function completedName(
  message: string,
  previous: Previous | undefined,
  k: Knowledge,
  areas: Areas,
  vocabulary: Vocabulary,
): string | undefined {
  const isRegion = (phrase: string) => {
    const [match, ...more] = vocabulary.segment(vocabulary.tokens(phrase));
    return !more.length && (match?.concepts.some((c) => c.type === "province" || c.type === "area") ?? false);
  };
  const words = fold(message).split(" ").filter(Boolean);
  // (A short message only: one that says more says what it asks.)
  if (!previous || words.length > 3) return undefined;
  for (const name of previous.subjects.flatMap((s) => regionNames(s, k, areas))) {
    const parts = fold(name).split(" ");
    for (const word of parts.length > 1 ? words : [])
      for (const [i, part] of parts.entries()) {
        const other = [...parts.slice(0, i), word, ...parts.slice(i + 1)].join(" ");
        if (part !== word && isRegion(other)) return words.map((w) => (w === word ? other : w)).join(" ");
      }
  }
  return undefined;
}

/**
 * "satu lagi apa?" after "Sulsel masuk target awal?" and "Papua juga?", "and the others?": the
 * members of the group the chat is about that it has not named yet, in the sources' order. None
 * when the message asks no such thing, or the chat has named none of the group, or all of it.
 */
export function restOfGroup(
  f: Found,
  previous: Previous | undefined,
  k: Knowledge,
  cohort: string | undefined,
): Subject[] {
  if (!previous || !f.cues.has("rest")) return [];
  // ("and the other one, from 2017?" after East Java's first-phase entry: its other entry.)
  if (f.years.length + f.cohorts.length > 0 && previous.subjects.some(isRegion)) return [];
  // "yang lain apa?" after one consideration: the others. "the other city?" after one of a
  // province's places: its others.
  const last = previous.subjects;
  if (last.length && last.every((s) => s.kind === "criterion"))
    return k.selection.criteria.flatMap((c): Subject[] =>
      last.some((s) => s.kind === "criterion" && s.id === c.id) ? [] : [{ kind: "criterion", id: c.id }],
    );
  const [place, ...more] = last;
  if (place?.kind === "place" && !more.length) {
    const entries = k.provinces.find((p) => p.id === place.province)?.entries ?? [];
    const others = entries.flatMap((_, entry): Subject[] =>
      entry === place.entry ? [] : [{ kind: "place", province: place.province, entry }],
    );
    if (others.length) return others;
  }
  // (The group asked now, or the one the last question narrowed to, or the last one the chat named,
  // or the one group of the provinces the last answer was about: "yang lainnya?" after Papua.)
  const listed = [...previous.named, ...previous.subjects].findLast((s) => s.kind === "cohort");
  const theirs = last.length ? (groupOf(last, k) ?? "") : "";
  const group = k.cohorts.find(
    (c) => c.id === (cohort ?? previous.cohort ?? (listed?.kind === "cohort" ? listed.id : theirs)),
  );
  if (!group) return [];
  const members = group.order ?? provincesOf(k, group.id).map((p) => p.id);
  const named = new Set([...previous.named, ...previous.subjects].map(provinceIdOf));
  const rest = members.filter((id) => !named.has(id));
  if (rest.length === 0 || rest.length === members.length) return [];
  return rest.map((id): Subject => ({ kind: "province", id }));
}

// The cues of place in a list that also name phases ("kedua": the second one, or phase 2).
const PLACE_CUES: ReadonlyArray<[Cue, number]> = [
  ["first", 1],
  ["second", 2],
  ["third", 3],
];

/**
 * "yg kedua?", "and the third?" right after an answer about one of the considerations: the
 * consideration at that place, in the sources' order. Undefined when the last answer was about
 * anything else, or the message names no place (the caller asks only of a message naming nothing).
 */
export function nextCriterion(f: Found, previous: Previous | undefined, k: Knowledge): Subject | undefined {
  const [last, ...more] = previous?.subjects ?? [];
  if (last?.kind !== "criterion" || more.length) return undefined;
  const place = f.ordinal ?? PLACE_CUES.find(([cue]) => f.cues.has(cue))?.[1];
  const criterion = place === undefined ? undefined : k.selection.criteria[place - 1];
  return criterion && { kind: "criterion", id: criterion.id };
}

/**
 * What a message leans on the chat for, added to what it names: the other side of a comparison;
 * "there", "di sini" (the region the chat, or the asker's introduction, has just named); "she",
 * "beliau" (the person the last answer named, or else the last person the chat's answers were
 * about). `undefined` when it leans on none of them.
 */
export function chatSubjects(
  f: Found,
  previous: Previous | undefined,
  intent: Intent,
  subjects: Subject[],
  asksAFact: boolean,
): Subject[] | undefined {
  // "Bedanya sama Sultra apa?" after Sulsel's products, "And how is that different from Bangka
  // Belitung?": one side of a comparison is named, the other is what the last answer was about.
  const [one, ...more] = subjects;
  const kin = (s: Subject) => (isRegion(s) ? "region" : s.kind === "person" ? "org" : s.kind);
  const other = previous?.subjects.filter(
    (s) => one && kin(s) === kin(one) && subjectRef(s) !== subjectRef(one),
  );
  if (f.cues.has("compare") && one && !more.length && other?.length) return [...other, one];
  const there = f.cues.has("there") ? (previous?.subjects.filter(isRegion) ?? []) : [];
  const named = there.length && !subjects.some(isRegion) ? [...subjects, ...there] : subjects;
  const answeredPersons = previous?.subjects.filter((s) => s.kind === "person") ?? [];
  const lastPerson = previous?.named.findLast((s) => s.kind === "person");
  // ("dia dari organisasi mana?": whom that person works for, as their card says.)
  const worksFor = f.cues.has("works_for");
  // (Only of what a person has: "what did she say about it?" after the aim is about the aim.)
  const ofPerson = intent === "who" || intent === "name" || intent === "when" || worksFor;
  const persons = answeredPersons.length || !lastPerson || !ofPerson ? answeredPersons : [lastPerson];
  // ("Is he from the ministry?", "her role in December 2017?": an organisation, or a year naming
  // no group by its words, is what is said or asked of the person; not one compared with another:
  // "how is JICA different from her ministry?")
  // (Not what the person said of them: "Apa kata dia soal JICA?", "Which provinces did she announce
  // in 2017?")
  // (An organisation only in a yes-or-no question of the person: "What did he write about JICA?" is of JICA.)
  const ofThePerson =
    (named.length === 0 || (!f.cues.has("said") && !f.cues.has("provinces") && !f.cues.has("author"))) &&
    named.every(
      (s) =>
        (s.kind === "org" &&
          !f.cues.has("compare") &&
          (f.yesNo || f.negated || f.cues.has("confirm") || f.cues.has("tag"))) ||
        (s.kind === "cohort" && !f.cohorts.includes(s.id)),
    );
  const onePerson = persons.length === 1 && (ofThePerson || worksFor) && (!asksAFact || worksFor);
  if (f.cues.has("pronoun") && onePerson) return persons;
  if (named !== subjects) return named;
  const regions = subjects.length ? [] : regionsAskedIn(f, intent, previous);
  return regions.length ? regions : undefined;
}

/**
 * "Saya dari Gowa. Termasuk program ga?", "ikut program ga?" after Sulsel's products: whether the
 * region just named is in the programme, not which regions are ("siapa saja yang ikut?" asks that).
 */
function regionsAskedIn(f: Found, intent: Intent, previous: Previous | undefined): Subject[] {
  // ("dari dua itu mana yang lebih dulu masuk?" asks which; "apakah" opens a yes or no.)
  const what = f.cues.has("what") && !f.cues.has("opener");
  const which = what || f.cues.has("plural") || f.cues.has("who") || f.cues.has("provinces");
  // (Only when it says nothing else: "apakah UMKM saya bisa ikut program?", "Does the programme
  // include Kemenperin?" ask of what they name; a bare question of joining is three phrases at most.)
  const other = !namesNothing(f) || f.countries.length > 0 || f.unknown.length > 0 || f.meaningful > 3;
  if (intent !== "member" || !f.programme || which || other) return [];
  return previous?.subjects.filter(isRegion) ?? [];
}

/** The chat's dated subjects a bare "since when?" asks of (not the programme's start, which it names). */
export function sinceWhenOf(
  f: Found,
  intent: Intent,
  attributes: string[],
  previous: Previous | undefined,
): Subject[] {
  const bare =
    intent === "when" && attributes.length === 1 && attributes[0] === "started" && f.meaningful <= 1;
  if (!bare || f.programme || f.cues.has("domain")) return [];
  return previous?.subjects.filter((s) => isRegion(s) || s.kind === "cohort" || s.kind === "product") ?? [];
}

/**
 * What the chat's last question asked that the sources don't hold, asked again of what a bare
 * follow-up (`asksAgain`) names: "and in Papua?" after "what is the population of Makassar?".
 */
export function missingAgain(f: Found, previous: Previous | undefined): string[] {
  // (Of another region or product it names itself: "editornya?" asks of the article just named.)
  const names = f.provinces.length + f.places.length + f.areas.length + f.products.length > 0;
  if (!previous?.missing?.length || !names) return [];
  return f.unknown.length || f.attributes.length ? [] : previous.missing;
}

/**
 * A bare follow-up of names and words the matcher doesn't know, and nothing else ("populasi
 * samosir" after "ulos dmn"; not "kalau songket Palembang?", "and back in 2017?", which lean on
 * the question before): where it asks again (`asksAgain`), it asks what its own words say.
 */
export function asksItsWordsAgain(f: Found, previous: Previous | undefined): boolean {
  const bare = f.years.length === 0 && [...f.cues].every((c) => c === "confirm" || c === "stop");
  return previous !== undefined && bare;
}
