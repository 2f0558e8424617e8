/**
 * A statement offered for checking ("Pontianak does aloe vera, right?", "the tofu project is in
 * North Sulawesi, isn't it?", "it began in 2015, correct?"): whether the sources bear it out, so
 * the answer can open with yes or no before the facts; and the names such a statement offers that
 * the sources don't know ("Minister Airlangga", "JETRO"), which are the claim, not the question.
 * Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { monthClaim, yearClaim } from "./dated-claims.ts";
import { type Found, offersClaim } from "./found.ts";
import { asksWh, speakerOffered } from "./intents.ts";
import { isInProgramme, membershipOf } from "./membership.ts";
import { provincesOf } from "./negation.ts";
import { fold, MAX_QUESTION_CHARS } from "./normalise.ts";
import { extremeSources } from "./source-answers.ts";
import { groupDated } from "./spans.ts";

/**
 * "outside": the statement puts a product in a region outside the programme ("Is Kotagede known for
 * silver?"); the sources neither bear it out nor refute it, they only don't cover the place.
 */
export type Verdict = "yes" | "no" | "outside";

/** The answer a statement is checked against: its text, the sources it is about, how it writes numbers. */
export interface CheckedAnswer {
  text: string;
  /** The ids of the sources it is about ("bisnis-2017"). */
  sources: readonly string[];
  numberWord: (n: number) => string;
}

/**
 * The verdict on a statement offered for checking: each claim it makes is checked, and one the
 * facts correct makes it wrong ("Pasuruan's follow-up began in 2018, right?": in the targets, not
 * in 2018). `undefined` when it makes no claim the facts decide.
 */
export function statementVerdict(
  f: Found,
  k: Knowledge,
  areas: Areas,
  answer: CheckedAnswer,
): Verdict | undefined {
  // "Rattan isn't from South Sulawesi, is it?": a statement that denies a claim is right where
  // the claim is wrong. (Whether a region is outside, the claim reads its own "not".)
  const claimed: Array<Verdict | undefined> = [
    foreignClaim(f) || f.namesUnknown || unknownProductClaim(f) || (f.misplaced && offersClaim(f))
      ? "no"
      : undefined,
    productClaim(f, k, areas),
    cohortClaim(f, k),
    countClaim(f, answer.text, answer.numberWord),
    titleClaim(f, answer.text),
    affiliationClaim(f, k),
    speakerClaim(f, k),
    yearClaim(f, k, answer.text, answer.sources.length > 0),
    writerClaim(f, k),
    extremeClaim(f, k),
    monthClaim(
      f,
      answer.sources.map((id) => k.sources[id]?.date ?? ""),
    ),
  ];
  const verdicts = [
    ...claimed.map((v) => (f.negated ? negated(v) : v)),
    outsideClaim(f, k, areas),
    insideClaim(f, k, areas),
  ];
  return strongest(verdicts);
}

/** The verdict of several claims: "no" when one is refuted, then "outside", then "yes". */
export function strongest(verdicts: ReadonlyArray<Verdict | undefined>): Verdict | undefined {
  return (["no", "outside", "yes"] as const).find((v) => verdicts.includes(v));
}

/** The verdict on the opposite statement: "yes" for "no", "no" for "yes" ("outside" stays). */
export const negated = (v: Verdict | undefined): Verdict | undefined =>
  v === "yes" ? "no" : v === "no" ? "yes" : v;

/**
 * "Sulsel nggak ikut kan?", "Papua isn't in it, right?": a region said not to take part, offered for
 * checking, is checked by whether the programme works there: "no" when one named region is in it,
 * "yes" when each is outside. (A product claim, "ulos isn't Samosir's, right?", is the product's.)
 */
export function outsideClaim(f: Found, k: Knowledge, areas: Areas): Verdict | undefined {
  // (Asked, "does West Papua take part? I mean Papua Barat, not Papua" negates a name, not a claim.)
  // (A "not" that ends a question, "Kaltara masuk ga?", denies nothing: it asks.)
  if (!f.cues.has("member") || !f.negated || !f.cues.has("confirm") || asksWh(f) || f.products.length)
    return undefined;
  // Programme provinces and places are in; another region is as its membership says (or unknown).
  const regions: Array<boolean | undefined> = [
    ...f.provinces.map(() => true),
    ...f.places.map(() => true),
    ...f.areas.map((code) => {
      const m = membershipOf(code, k, areas);
      return m && isInProgramme(m);
    }),
  ];
  if (regions.length === 0 || regions.includes(undefined)) return undefined;
  return regions.includes(true) ? "no" : "yes";
}

/**
 * "Sulut sama Sulteng, sama-sama ikut tahun 2013?", "Does Central Kalimantan work on aloe vera like
 * West Kalimantan?": a statement that puts a region outside the programme in a group, a year or a
 * product, or beside another "both", is wrong, whatever holds of the others it names.
 */
export function insideClaim(f: Found, k: Knowledge, areas: Areas): Verdict | undefined {
  // (Not the asker's own place: "Saya pengrajin perak di Kotagede. Bisa ikut?"; a product put
  // there is the product's claim, `productClaim`.)
  if (!offersClaim(f) || asksWh(f) || f.negated || f.cues.has("not") || f.asker) return undefined;
  // (What a place is known for is not put in the programme: "Is Kotagede known for silver?")
  const products = f.products.length > 0 && !f.cues.has("renown");
  const puts = f.cohorts.length + f.years.length > 0 || f.cues.has("both") || products;
  const outside = f.areas.some((code) => {
    const m = membershipOf(code, k, areas);
    return m !== undefined && isInProgramme(m) === false;
  });
  return puts && outside ? "no" : undefined;
}

/** "The newest source is the JICA report, right?": the one source named is checked against that date's. */
function extremeClaim(f: Found, k: Knowledge): Verdict | undefined {
  const [named] = f.sources;
  const extreme = f.sources.length === 1 && f.cues.has("confirm") ? extremeSources(f, k) : undefined;
  return extreme && named ? (extreme.includes(named) ? "yes" : "no") : undefined;
}

/** A programme entry: the province and the index of its entry. */
interface Located {
  province: string;
  entry: number | undefined;
}

/**
 * What the sources say of the products a statement places in the regions it names: "yes" when
 * each product is developed in one of them, "no" when one is not. `undefined` when the statement
 * pairs no product with a region (the facts then answer on their own).
 */
export function productClaim(f: Found, k: Knowledge, areas: Areas): Verdict | undefined {
  // "Is rattan from South Sulawesi?", "Lidah buaya di Sulteng?", "Sulawesi Utara ya yg kakao?" ask
  // as a statement does (not asked why). Of a region outside, only in words that ask yes or no
  // ("ntt tenun?" asks about that region), and not of the programme there ("Does the programme
  // cover Central Kalimantan's rattan?" asks whether it takes part).
  const ofProgramme = (code: string) => {
    const m = membershipOf(code, k, areas);
    return m !== undefined && isInProgramme(m);
  };
  const outsideOnly = f.provinces.length + f.places.length === 0 && !f.areas.some(ofProgramme);
  const ofProgrammeThere = f.cues.has("member") || f.programme || f.cues.has("domain");
  // (Not one with words the sources don't know, nor of today: "kopi Dogiyai sekarang, udah ekspor
  // belum?" asks what they can't tell.)
  const asksPlainly =
    f.yesNo &&
    !asksWh(f) &&
    !f.cues.has("why") &&
    !f.cues.has("how") &&
    !f.cues.has("now") &&
    (!outsideOnly || ((f.cues.has("opener") || f.cues.has("tag")) && !ofProgrammeThere));
  const asksYesNo = asksPlainly && f.unknown.length === 0;
  // ("Does the project include Toraja coffee from South Sulawesi?": words it doesn't know keep a
  // product rightly placed from being borne out, but not one put in the wrong region from being
  // corrected.)
  const onlyIfWrong = !f.cues.has("confirm") && !asksYesNo && asksPlainly && f.products.length > 0;
  if (onlyIfWrong) return productsPlaced(f, k, areas) === "no" ? "no" : undefined;
  if (!f.cues.has("confirm") && !asksYesNo) return undefined;
  // ("Apakah Samosir ekspor ulos ke Jepang?": a product rightly placed is not what is claimed of it,
  // exporting, which the sources never say a region does.)
  if (f.attributes.includes("aim")) return undefined;
  // ("Bengkulu ikut program IKM-JICA buat olahan kopi. bener?": that a region outside takes part
  // is the claim, which its membership answers; "Ulos weaving is the West Sumatra part of the
  // programme" puts the product there.)
  if (outsideOnly && f.cues.has("member") && f.regionLeads) return undefined;
  // "Sulawesi Tenggara produknya rumput laut kan?": a product the sources never name, put in a
  // programme region, is not its product.
  const region = f.provinces.length + f.places.length > 0;
  if (f.products.length === 0 && f.cues.has("product") && region && f.questionUnknown.length > 0) return "no";
  return productsPlaced(f, k, areas);
}

/**
 * Whether each product a question names is developed in a region it names ("yes") or one is not
 * ("no"); `undefined` when it pairs no product with a region.
 */
export function productsPlaced(f: Found, k: Knowledge, areas: Areas): Verdict | undefined {
  if (f.products.length === 0) return undefined;
  const named: Located[] = [
    ...f.provinces.map((province) => ({ province, entry: undefined })),
    ...f.places.map((p) => ({ province: p.province, entry: p.entry })),
  ];
  let outside = false;
  for (const code of f.areas) {
    const m = membershipOf(code, k, areas);
    if (m?.status === "province") named.push({ province: m.province.id, entry: undefined });
    else if (m?.status === "place" || m?.status === "holds" || m?.status === "surroundings")
      named.push({ province: m.province.id, entry: m.entry });
    else if (m) outside = true;
  }
  // "… dari Kota Kendari, Sulawesi Tenggara": the province only says where the city is.
  // So does a province beside a place of it ("Alas kaki Jatim itu di Pasuruan kan?": in Pasuruan).
  const narrowed = new Set([
    ...f.areas.flatMap((code) => {
      const m = membershipOf(code, k, areas);
      return m && m.status !== "province" && m.status !== "outside" ? [m.province.id] : [];
    }),
    ...f.places.map((p) => p.province),
  ]);
  const claimed = named.filter((n) => n.entry !== undefined || !narrowed.has(n.province));
  // "Tenun ikat NTT ikut ga?": whether a region outside takes part or not is asked, not where the
  // product is ("Ulos is the West Sumatra part of the programme, right?" still puts it there).
  const asksMembership = f.cues.has("member") && f.cues.has("not");
  // ("Is Kotagede known for silver?": what a place outside is known for, the sources don't cover;
  // they don't deny it. "The coffee project is in Paniai, right?" puts the programme's there.)
  const ofProgramme = f.programme || f.cues.has("domain") || f.cues.has("member");
  const renown = f.cues.has("renown") && !ofProgramme;
  if (claimed.length === 0) return outside && !asksMembership ? (renown ? "outside" : "no") : undefined;
  // "Jawa Timur pada fase pertama fokus pada komponen kapal, kan?": a group named puts the product
  // in that group's entry (East Java's ship components are of 2017, not the first phase).
  const [group] = f.cohorts.length === 1 ? f.cohorts : [];
  const inGroup = (cohort: string) =>
    group === undefined ||
    group === cohort ||
    k.cohorts.some((c) => c.id === group && c.chosen_from === cohort);
  // "Kopi Papua ada di Konawe Selatan, bener?": where a place is named, it is where the one product
  // is claimed to be (Papua's coffee, put in Konawe Selatan). (Of two or more, each may be said with
  // its own region: "Papua bikin kopi dan Makassar bikin perak".)
  const places = claimed.filter((n) => n.entry !== undefined);
  const at = places.length && f.products.length === 1 ? places : claimed;
  const developedIn = (product: string) =>
    at.some((n) =>
      (k.provinces.find((p) => p.id === n.province)?.entries ?? []).some(
        (e, i) => e.product === product && (n.entry === undefined || n.entry === i) && inGroup(e.cohort),
      ),
    );
  return f.products.every(developedIn) ? "yes" : "no";
}

/**
 * What the sources say of the group a statement puts provinces or places in ("Papua was one of the
 * first targets of the follow-up programme."): "yes" when each is in it, "no" when one is not.
 * `undefined` when it names no one group, or a product (that claim is the product's), or sets a
 * group aside ("not" that is no denial; a denial's verdict is turned by the caller).
 */
export function cohortClaim(f: Found, k: Knowledge): Verdict | undefined {
  // (Or by its year and a word for a group: "Was Central Sulawesi in the 2017 group?", "… the 2017 list?")
  const [year, ...more] = f.years;
  const grouped = f.cues.has("phase") || f.cues.has("plural");
  const dated = year !== undefined && !more.length && grouped ? groupDated(k, year)?.id : undefined;
  const cohortId = f.cohorts.length ? f.cohorts[0] : dated;
  // ("Was Papua in the first phase?" asks it yes or no, as a statement offers it.)
  // ("Jatim cuma ada di fase pertama doang?": "doang", "saja" beside "cuma" say only, not which ones.)
  const listing = f.cues.has("only")
    ? asksWh({ ...f, cues: new Set([...f.cues].filter((c) => c !== "plural")) })
    : asksWh(f);
  const asked = f.cues.has("confirm") || (f.yesNo && !listing);
  if (!asked || !cohortId || f.cohorts.length > 1 || f.products.length || (f.cues.has("not") && !f.negated))
    return undefined;
  // (A region named by other words, "Lombok sama Pontianak …", is answered by its membership.)
  if (f.provinces.length + f.places.length === 0 || f.areas.length + f.islands.length > 0) return undefined;
  const members = new Set(provincesOf(k, cohortId).map((p) => p.id));
  // A place is in the group its own entry is in; a group of provinces takes all their places.
  const byProvince = k.cohorts.some((c) => c.id === cohortId && c.members);
  const placeIn = (p: { province: string; entry: number }) =>
    byProvince
      ? members.has(p.province)
      : k.provinces.find((x) => x.id === p.province)?.entries[p.entry]?.cohort === cohortId;
  // "East Java only appears in the first phase": not so if it is in another group too.
  // (A group chosen from another, the follow-up's first targets from 2017's, is the same line.)
  const claimed = k.cohorts.find((c) => c.id === cohortId);
  const other = (c: (typeof k.cohorts)[number]) =>
    c.id !== cohortId && c.chosen_from !== cohortId && claimed?.chosen_from !== c.id;
  const elsewhere = (id: string) =>
    f.cues.has("only") && k.cohorts.some((c) => other(c) && provincesOf(k, c.id).some((p) => p.id === id));
  const inGroup = (id: string) => members.has(id) && !elsewhere(id);
  return f.provinces.every(inGroup) && f.places.every(placeIn) ? "yes" : "no";
}

/**
 * "Kalbar tu programnye sawit kan?", "Tegal itu program batik toh?": a statement that gives a
 * programme region a product the vocabulary doesn't know (right after the word for its
 * programme or product), and none it knows, puts the wrong product there; its entries correct it.
 */
export function unknownProductClaim(f: Found): boolean {
  const ofRegion = f.provinces.length + f.places.length > 0 && f.products.length === 0;
  // ("batik jateng masuk program?", "is songket weaving developed in North Sumatra?": goods the
  // sources place nowhere, asked yes or no of a programme region.)
  // (Not a question of how it is done: "Do the Mojokerto shoemakers use genuine leather?")
  const asksIn = f.cues.has("member") || (f.yesNo && f.cues.has("product"));
  const claims = f.cues.has("confirm") || (asksIn && f.goods.length > 0);
  return claims && ofRegion && f.claimedProducts.length > 0 && !f.cues.has("not") && !asksWh(f);
}

/** A statement that puts the cooperation with another country ("… dengan Korea, kan?"): not so. */
export function foreignClaim(f: Found): boolean {
  return f.cues.has("confirm") && f.countries.length > 0;
}

/**
 * Numbers a statement gives, checked against the answer's text: "tahap pertama ada tujuh provinsi"
 * → "no" (the answer counts five). `numberWord` writes a number as the answer does ("lima").
 */
export function countClaim(f: Found, answer: string, numberWord: (n: number) => string): Verdict | undefined {
  if (!f.cues.has("confirm") || f.numbers.length === 0) return undefined;
  // (Of the noun it was put on, where there is one: "nine provinces with ten locations" says no ten provinces.)
  const noun = f.countedNoun ? `\\s+${f.countedNoun.replace(/[^\p{L}\d ]/gu, "")}` : "";
  const says = (n: number) => new RegExp(`\\b(${numberWord(n)}|${n})${noun}\\b`, "iu").test(answer);
  return f.numbers.every(says) ? "yes" : "no";
}

/**
 * Titles a statement puts on a person, checked against the answer's text: "bu Gati itu menteri
 * ya?" → "no" (the answer gives her as Director General); "… itu direktur jenderal ya" → "yes".
 */
export function titleClaim(f: Found, answer: string): Verdict | undefined {
  if (!offersClaim(f) || f.titles.length === 0) return undefined;
  // (Not a word the answer only quotes as one the sources don't mention: "Is Bali in the programme
  // and who is its governor?" is no 'Yes' for 'nothing about "governor"'.)
  const text = fold(answer.replace(/"[^"\n]*"|“[^”\n]*”/gu, " "));
  return f.titles.every((t) => new RegExp(`\\b${t}\\b`).test(text)) ? "yes" : "no";
}

/**
 * An organisation a statement puts a person in, checked against the person's role: "Gati itu orang
 * JICA kan?" → "no" (her office is at the Ministry of Industry); "… dari Kemenperin kan?" → "yes".
 * (Not what a person is said to have said: "Gati bilang JICA mitranya kan?")
 */
export function affiliationClaim(f: Found, k: Knowledge): Verdict | undefined {
  const others =
    f.provinces.length + f.places.length + f.products.length + f.criteria.length + f.cohorts.length;
  if (!offersClaim(f) || !f.people.length || !f.orgs.length || others || f.cues.has("said")) return undefined;
  const holds = (role: string, org: Knowledge["organisations"][number]) =>
    [org.name, ...org.terms].some((term) => ` ${fold(role)} `.includes(` ${fold(term)} `));
  const placed = k.people
    .filter((p) => f.people.includes(p.id))
    .every((p) =>
      k.organisations.some((o) => f.orgs.includes(o.id) && holds(`${p.role.id} ${p.role.en}`, o)),
    );
  return placed ? "yes" : "no";
}

/**
 * People a statement says said something, checked against who speaks in the sources: "soal target
 * awal itu kata Annisa ya?" → "no" (she edited the article; Gati's statements are quoted in it).
 * The right speaker confirms only a statement that claims nothing else: what "Gati bilang …" says
 * she said is checked by itself.
 */
export function speakerClaim(f: Found, k: Knowledge): Verdict | undefined {
  if (!offersClaim(f) || !f.cues.has("said") || f.cues.has("author") || !f.people.length) return undefined;
  const speakers = new Set(Object.values(k.sources).map((s) => s.speaker));
  if (!f.people.every((p) => speakers.has(p))) return "no";
  return speakerOffered(f) ? "yes" : undefined;
}

/**
 * People a statement says wrote or edited a source, checked against who did: "ditulis oleh
 * Annisa Margrit kan?" → "no" (Regi Yanuar wrote it; she edited it).
 */
export function writerClaim(f: Found, k: Knowledge): Verdict | undefined {
  if (!offersClaim(f) || !(f.cues.has("author") || f.edits)) return undefined;
  const source = k.sources[sourceWrittenBy(k, f.people) ?? ""];
  if (!source) return undefined;
  const role = f.edits ? "editor" : "author";
  return f.people.every((p) => source[role] === p) ? "yes" : "no";
}

/** The source one of `people` wrote or edited, by its id. */
export function sourceWrittenBy(k: Knowledge, people: readonly string[]): string | undefined {
  return Object.entries(k.sources).find(([, s]) => people.some((p) => p === s.author || p === s.editor))?.[0];
}

/** Words written as names mid-sentence ("Minister Airlangga", "JETRO"), folded. */
export function capitalisedWords(text: string): Set<string> {
  const words = text.slice(0, MAX_QUESTION_CHARS).matchAll(/(?<![.!?]\s*|^\s*)\b\p{Lu}[\p{L}\d]+/gu);
  return new Set([...words].map((m) => fold(m[0])));
}

/**
 * "Can you confirm it came from Minister Airlangga?", "the partner is JETRO, right?": a name the
 * sources don't know, offered for checking, is the claim being checked, not a question about it.
 * The answer states the facts, which confirm or correct it.
 */
export function setClaimedNamesApart(f: Found, names: ReadonlySet<string>): void {
  const claimed = (w: string) => names.has(w);
  f.unknown = f.unknown.filter((w) => !claimed(w));
  f.asking = f.asking.filter((w) => !claimed(w));
  f.questionUnknown = f.questionUnknown.filter((w) => !claimed(w));
}

/** "Ya, Sulawesi Selatan termasuk …" → "Sulawesi Selatan termasuk …": an answer without its own yes. */
export function withoutLeadingYes(text: string, yes: string): string {
  const lead = `${yes}, `;
  return text.startsWith(lead) ? text.slice(lead.length).replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : text;
}
