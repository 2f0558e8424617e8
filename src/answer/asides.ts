/**
 * What a question names beside what it asks: a group or a source it sets aside ("selain …"), a
 * product it claims for a region in words the vocabulary doesn't know, a place the sources don't
 * know that it asks about, a country named for a time or a language ("zaman Belanda"), the years
 * of statements made before the question. Pure.
 */
import { isUnknown } from "./asking-slot.ts";
import { capitalisedWords } from "./claims.ts";
import { pastFillers, saysNothing } from "./found.ts";
import type { Cue } from "./lexicon.ts";
import { fold } from "./normalise.ts";
import { hasCue } from "./parts.ts";
import type { Match } from "./vocabulary.ts";

/**
 * "mana yang bukan target awal?": the group named right after "not" in a question that asks which
 * ("kecuali Jatim, target awal apa saja?" sets East Java aside, not the group).
 */
export function excludedCohort(matches: Match[]): string | undefined {
  if (!matches.some((m) => hasCue(m, "what") || hasCue(m, "plural"))) return undefined;
  const not = matches.findIndex((m) => hasCue(m, "not"));
  if (not < 0) return undefined;
  // ("… yang tidak termasuk target awal?", "… weren't picked as first targets?", "… NOT among
  // the three first targets?": a word of belonging, of choosing or of a list may come between.)
  // (Not where a region is said to be among them: "East Java is NOT among the three first targets?")
  const region = matches.some((m) => m.concepts.some((c) => c.type === "province" || c.type === "place"));
  const among = !region && matches.some((m) => AMONG_WORDS.has(m.text));
  const between: Cue[] = among ? ["member", "criteria", "among", "plural"] : ["member", "criteria"];
  const next = matches.slice(not + 1).find((m) => !saysNothing(m) && !between.some((c) => hasCue(m, c)));
  return next?.concepts.flatMap((c) => (c.type === "cohort" ? [c.id] : []))[0];
}

// Words that put what follows in a list ("not among the three first targets").
const AMONG_WORDS: ReadonlySet<string> = new Set(["among", "amongst", "antara", "di antara"]);

// Words that only join a thing to what it is ("programnya itu sawit", "is for furniture").
const COPULAS: ReadonlySet<string> = new Set(["itu", "tu", "adalah", "ialah", "yaitu", "is", "for"]);

/** "Kalbar tu programnye sawit kan?": unknown words put right after the programme or a product word. */
export function claimedProducts(matches: Match[]): string[] {
  const ofProduct = (m: Match | undefined) =>
    m?.concepts.some(
      (c) => c.type === "programme" || (c.type === "cue" && (c.cue === "product" || c.cue === "domain")),
    ) === true;
  return matches.flatMap((m, i) => {
    let before = i - 1;
    while (before >= 0 && COPULAS.has(matches[before]?.text ?? "")) before--;
    return isUnknown(m) && ofProduct(matches[before]) ? [m.text] : [];
  });
}

/** Regions a question of which sets aside: islands, and provinces by their ids. */
export interface ExcludedRegions {
  islands: number[];
  provinces: string[];
}

/**
 * "Which of the nine provinces is not on Sulawesi?", "yang bukan di Jawa dan bukan di Sulawesi?",
 * "kecuali Jatim, target awal apa saja?": the islands and provinces named right after "not" in a
 * question of provinces or of which.
 */
export function excludedRegions(matches: Match[]): ExcludedRegions {
  const excluded: ExcludedRegions = { islands: [], provinces: [] };
  // ("Pewter di kabupaten mana? Bukan di Belitung ya?" offers a guess to check, and sets nothing aside.)
  const asks = matches.some((m) => hasCue(m, "what") || hasCue(m, "plural") || hasCue(m, "provinces"));
  // (How many, "not counting East Java twice", is counted as the count says.)
  if (!asks || matches.some((m) => hasCue(m, "confirm") || hasCue(m, "quantity"))) return excluded;
  // ("If not, which Kalimantan province …?" sets none aside.)
  let negated = false;
  matches.forEach((m, i) => {
    const islands = m.concepts.flatMap((c) => (c.type === "island" ? [c.index] : []));
    const provinces = m.concepts.flatMap((c) => (c.type === "province" ? [c.id] : []));
    // ("Kalau tak, Kalimantan mana yang ada?": "if not" asks on.)
    if (hasCue(m, "not")) negated = !hasCue(matches[i - 1], "condition");
    else if (negated && islands.length + provinces.length) {
      excluded.islands.push(...islands);
      excluded.provinces.push(...provinces);
    } else if (!saysNothing(m) && !hasCue(m, "and") && !hasCue(m, "or")) negated = false;
  });
  return excluded;
}

/**
 * "Ada sumber lain selain Bisnis.com?", "other outlets besides Bisnis.com": the sources set aside,
 * those named right after the word that sets them aside ("besides Bisnis.com and Tempo"), each once.
 * (A source the rest of the question names is asked of: "… besides Bisnis.com carried the same
 * press release?" asks which others carried the release.)
 */
export function excludedSources(matches: Match[]): string[] {
  const not = matches.findIndex((m) => hasCue(m, "not"));
  if (not < 0 || !matches.some((m) => hasCue(m, "source") || hasCue(m, "plural"))) return [];
  const set = new Set<string>();
  for (const m of matches.slice(not + 1)) {
    const sources = m.concepts.flatMap((c) => (c.type === "source" ? [c.id] : []));
    for (const id of sources) set.add(id);
    if (!sources.length && set.size && !hasCue(m, "and") && !hasCue(m, "or")) break;
  }
  return [...set];
}

/** Where a thing is: a place the sources don't know after one of these is asked about. */
export const AT_WORDS: ReadonlySet<string> = new Set(["di", "in", "at"]);

/**
 * "Pengrajin tahu di Andoolo ikut program kah?": a name the vocabulary doesn't know, written
 * capitalised after "di", in a clause asking whether something takes part, is a place the
 * question asks about (a district, a village); the sources can't say whether it is in.
 */
export function placesUnknown(question: string, clauseMatches: Match[][]): Match[] {
  const names = capitalisedWords(question);
  // ("Pulau Samosir di Danau Toba": beside a region the sources know, it only says where that is.)
  const region = (m: Match) =>
    m.concepts.some((c) => c.type === "province" || c.type === "place" || c.type === "area");
  return clauseMatches.flatMap((matches) =>
    matches.some((m) => hasCue(m, "member")) && !matches.some(region)
      ? matches.filter(
          (m, i) => isUnknown(m) && names.has(m.text) && AT_WORDS.has(matches[i - 1]?.text ?? ""),
        )
      : [],
  );
}

// Words that make a country's name a time or a language: right before it ("zaman Belanda",
// "ejaan Belanda") or right after it ("Dutch spelling", "as the Dutch called it").
const ERA_OR_TONGUE_BEFORE: ReadonlySet<string> = new Set([
  "zaman",
  "jaman",
  "era",
  "ejaan",
  "bahasa",
  "penjajahan",
  "kolonial",
  "sebutan",
]);
const ERA_OR_TONGUE_AFTER: ReadonlySet<string> = new Set([
  "spelling",
  "spelt",
  "spelled",
  "era",
  "colonial",
  "times",
  "called",
]);

/** Whether `matches[i]` is a country named for a time or a language: no party to anything. */
export function namedForEraOrTongue(matches: readonly Match[], i: number): boolean {
  const named =
    ERA_OR_TONGUE_BEFORE.has(matches[i - 1]?.text ?? "") ||
    ERA_OR_TONGUE_AFTER.has(matches[i + 1]?.text ?? "");
  return named && (matches[i]?.concepts.some((c) => c.type === "country") ?? false);
}

/**
 * The years of the sentences of `message` that end in a full stop or exclamation before the one
 * that asks (its last): they date what the asker says, not what they ask.
 */
export function statedYears(message: string): Set<number> {
  const sentences = message.trim().split(/(?<=[.!])\s+|\n+/);
  const statements = sentences.slice(0, -1).filter((s) => !s.includes("?"));
  return new Set(statements.flatMap((s) => s.match(/\b\d{4}\b/g) ?? []).map(Number));
}

/**
 * The names after a word of address (`address`: "pak", "kak", "Mrs") that end a clause, folded:
 * whom the message addresses ("Which city, Pak Budi?"), not what it asks about. Tried from the start of a word
 * only: a long run of letters is not tried again at each of its letters.
 */
export function addressedNames(message: string, address: ReadonlySet<string>): string[] {
  // (Only a name the clause ends with: "Ibu Gati jadi Dirjen mulai kapan?" asks about her. The
  // name is looked ahead at, not taken: "Pagi Bu Gati" tries "Bu Gati" after "Pagi Bu".)
  // (And only where a clause begins, or after a greeting opening the message: "… waktu itu Ibu
  // Gati, ya?" states who it was.)
  const vocative =
    /(?<=^\s*|[,.!?;:]\s*|^\s*\p{L}+[\s,]+)(\p{L}+)\.?\s+(?=(\p{Lu}\p{L}+)(?:\s+\p{Lu}\p{L}+)?\s*(?:[,.!?;:]|$))/gu;
  return [...message.matchAll(vocative)].flatMap((m) =>
    address.has(fold(m[1] ?? "")) ? [fold(m[2] ?? "")] : [],
  );
}

/**
 * "Menurut Gati, …", "Gati bilang …": the people named by name right beside a word of saying
 * (fillers between), by id: who said it is given, not asked ("Siapa dirjen yang bilang …?" asks).
 */
export function speakersNamed(matches: readonly Match[]): string[] {
  const personAt = (i: number) =>
    matches[i]?.concepts.flatMap((c) => (c.type === "person" ? [c.id] : [])) ?? [];
  return matches.flatMap((m, i) =>
    hasCue(m, "said")
      ? [...personAt(pastFillers(matches, i, 1)), ...personAt(pastFillers(matches, i, -1))]
      : [],
  );
}

// Words that ask who edited, not who wrote.
const EDIT_WORDS: ReadonlySet<string> = new Set(
  "edited edit menyunting disunting penyunting mengedit diedit".split(" "),
);

/** "siapa yang menyunting", "who edited it?": asks who edited, not who wrote. */
export const asksEditor = (matches: readonly Match[]): boolean => matches.some((m) => EDIT_WORDS.has(m.text));
