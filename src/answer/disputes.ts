/**
 * Push-back on the chat's last answer ("itu salah, bukannya songket?", "are you sure? I thought it
 * was batik", "serius? bukan Semarang?"): the sources hold, so what they said is said again,
 * opening with whether what the asker offers instead is so. Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { type CheckedAnswer, countClaim, negated, type Verdict } from "./claims.ts";
import type { Found } from "./found.ts";
import { type Cue, FILLER_CUES } from "./lexicon.ts";
import { membershipOf } from "./membership.ts";
import { productsAndRegions } from "./named-subjects.ts";
import type { Previous } from "./previous.ts";
import { type Subject, subjectRef } from "./subject.ts";
import type { Piece } from "./writer.ts";

/**
 * The last answer said again after a push-back, then what the sources say of what the asker offers
 * instead, the first piece opening with the verdict ("Not quite. What the sources say:", "Yes,
 * that's right.", or "That is what the sources say:" when it offers nothing to check);
 * `undefined` when the message is no push-back.
 */
export function restatement(
  f: Found,
  previous: Previous,
  k: Knowledge,
  areas: Areas,
  write: {
    describe: (s: Subject) => Piece | undefined;
    opening: (verdict: Verdict | "held") => string;
    numberWord: (n: number) => string;
  },
): Piece[] | undefined {
  const denial = denies(f, previous);
  if (!denial && !disputes(f, previous, k, areas) && !checks(f, previous, k, areas)) return undefined;
  const again = [...previous.subjects, ...offeredInstead(f, previous, k, areas)].flatMap(
    (s) => write.describe(s) ?? [],
  );
  const [first, ...rest] = again;
  if (!first) return undefined;
  const restated = {
    text: again.map((p) => p.text).join("\n"),
    sources: [],
    numberWord: write.numberWord,
  };
  // ("So not rattan then?" after South Sulawesi's card: right where the last answer gave none.)
  const offered = offeredVerdict(f, previous, k, areas, restated);
  const verdict = (denial ? negated(offered) : offered) ?? "held";
  return [{ ...first, text: `${write.opening(verdict)}\n${first.text}` }, ...rest];
}

/**
 * Whether a message pushes back on the last answer: a follow-up with a word of doubt ("bukannya",
 * "are you sure") that offers no region outside the programme (that one is answered as such:
 * "bukannya Aceh juga ikut?").
 */
function disputes(f: Found, previous: Previous | undefined, k: Knowledge, areas: Areas): boolean {
  if (!previous?.subjects.length || !f.cues.has("dispute")) return false;
  // ("yakin? sumbernya apa?", "who says 2016?": asks where it comes from, a follow-up of its own.)
  if (f.cues.has("source") || f.cues.has("said") || f.cues.has("who") || f.islands.length) return false;
  return !f.areas.some((code) => membershipOf(code, k, areas)?.status === "outside");
}

// Cues a denial of the last answer may carry besides its own: words that name what it restates
// ("Lokasinya bukan di Jayapura kan?", "Bukan rotan ya berarti?"), none that asks.
const DENIAL_CUES: ReadonlySet<Cue> = new Set<Cue>([
  ...FILLER_CUES,
  "then",
  "there",
  "where",
  "product",
  "meaning",
]);

/**
 * Whether a follow-up denies something of the last answer: "So not rattan then?", "Bukan 2017
 * kan?", "That's not in Central Java, is it?" name what they deny and ask nothing else. (Whether a
 * region takes part, "Papua nggak ikut kan?", is the programme's to answer.)
 */
function denies(f: Found, previous: Previous): boolean {
  // ("serius? bukan Bandung?" offers Bandung instead: a push-back.)
  // ("kopinya enak ga rasanya?" says what the sources don't: no denial of the last answer.)
  if (!previous.subjects.length || !f.negated || f.cues.has("dispute") || f.unknown.length) return false;
  if (![...f.cues].every((c) => DENIAL_CUES.has(c))) return false;
  return f.products.length + f.provinces.length + f.places.length + f.areas.length + f.years.length > 0;
}

// Cues a product offered for checking against the last answer may carry ("oh kopi ya?").
const CHECKING_CUES: ReadonlySet<Cue> = new Set<Cue>([...DENIAL_CUES, "confirm", "tag", "opener"]);

/**
 * Whether a follow-up offers a product for checking against the last answer about regions, wrongly:
 * "oh kopi ya?" after Sumut's product names coffee as Sumut's, and asks nothing else. (One the last
 * answer holds, "produknya kopi kan?" after Papua's, is borne out as any statement is.)
 */
function checks(f: Found, previous: Previous, k: Knowledge, areas: Areas): boolean {
  const ofRegions =
    previous.subjects.length > 0 &&
    previous.subjects.every((s) => s.kind === "province" || s.kind === "place");
  const onlyProducts = f.products.length > 0 && f.provinces.length + f.places.length + f.areas.length === 0;
  return (
    ofRegions &&
    onlyProducts &&
    f.cues.has("tag") &&
    f.unknown.length === 0 &&
    [...f.cues].every((c) => CHECKING_CUES.has(c)) &&
    !productsAndRegions(f, k, areas).every(heldBy(previous, k))
  );
}

/**
 * Whether what a push-back offers instead is among what the last answer was about: "yes" when
 * each thing it names is ("bukannya Mojokerto?" after Mojokerto's card), "no" when one is not;
 * `undefined` when it names nothing the sources know ("are you sure?", "bukannya songket?").
 */
function offeredVerdict(
  f: Found,
  previous: Previous,
  k: Knowledge,
  areas: Areas,
  restated: CheckedAnswer,
): Verdict | undefined {
  const offered = productsAndRegions(f, k, areas);
  const held = heldBy(previous, k);
  // ("phase one, surely? Papua has been in since 2013": its years and counts are claims too.)
  const taken: Found = { ...f, cues: new Set([...f.cues, "confirm"]) };
  const verdicts = [
    offered.length ? (offered.every(held) ? "yes" : "no") : undefined,
    f.years.length ? (f.years.every((y) => restated.text.includes(String(y))) ? "yes" : "no") : undefined,
    countClaim(taken, restated.text, restated.numberWord),
    // Goods or names the sources don't know, offered instead ("bukannya songket?", "bukannya
    // Wamena?"), are not what they say; other unknown words ("hmm, are you sure?") offer nothing.
    offered.length === 0 && (f.claimedProducts.length || f.unknownNames.length) ? "no" : undefined,
  ];
  if (verdicts.includes("no")) return "no";
  return verdicts.includes("yes") ? "yes" : undefined;
}

/**
 * What the sources say of what a push-back offers that the last answer was not about ("lho,
 * bukannya Kalbar itu yang rotan?": rattan is Central Sulawesi's): its products, provinces and
 * places, to say after the last answer.
 */
function offeredInstead(f: Found, previous: Previous, k: Knowledge, areas: Areas): Subject[] {
  const held = heldBy(previous, k);
  return productsAndRegions(f, k, areas).filter((s) => s.kind !== "area" && !held(s));
}

/** Whether the last answer was about a thing: a place is in its province's answer, a product in its entry's. */
function heldBy(previous: Previous, k: Knowledge): (s: Subject) => boolean {
  const about = new Set(previous.subjects.map(subjectRef));
  const entries = previous.subjects.flatMap((s) =>
    s.kind === "province"
      ? (k.provinces.find((p) => p.id === s.id)?.entries ?? []).map((e, i) => ({
          province: s.id,
          entry: i,
          e,
        }))
      : s.kind === "place"
        ? [
            {
              province: s.province,
              entry: s.entry,
              e: k.provinces.find((p) => p.id === s.province)?.entries[s.entry],
            },
          ]
        : [],
  );
  return (s: Subject) =>
    about.has(subjectRef(s)) ||
    (s.kind === "product" && entries.some(({ e }) => e?.product === s.id)) ||
    (s.kind === "place" && entries.some((x) => x.province === s.province && x.entry === s.entry));
}
