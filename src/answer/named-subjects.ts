/**
 * The subjects a question names itself: its entities (regions by their code, whatever named
 * them), with the words that only name the programme set aside. Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { productClaim } from "./claims.ts";
import type { Found } from "./found.ts";
import { asksWh, type Intent } from "./intents.ts";
import { membershipOf } from "./membership.ts";
import { type Subject, subjectRef } from "./subject.ts";

/** What naming reads: the question, the knowledge, and what is asked so far. */
export interface Naming {
  found: Found;
  knowledge: Knowledge;
  areas: Areas;
  /** The group of provinces the question narrows to. */
  cohort: string | undefined;
  intent: Intent;
}

// Intents asked of a person ("siapa dirjennya?", "kapan dia menyampaikannya?").
const ROLE_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "who",
  "said",
  "name",
  "when",
  "describe",
  "meaning",
]);
// Intents an organisation or a term answers even beside the programme's words ("JICA itu apa?").
const WEAK_SUBJECT_INTENTS: ReadonlySet<Intent> = new Set<Intent>(["meaning", "who"]);
/** The entities a question names, as subjects; regions by their code, whatever named them. */
function entitySubjects({ found: f, knowledge: k, areas, cohort, intent }: Naming): Subject[] {
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  const add = (s: Subject) => {
    const ref = subjectRef(s);
    if (!seen.has(ref)) subjects.push(s);
    seen.add(ref);
  };
  for (const place of f.places) add({ kind: "place", ...place });
  const provinces = [...f.provinces];
  // "The coffee project is in Paniai, right?": a product put where the programme has no place is
  // corrected by where the product is, not by what the sources say of that region.
  // (So is one put in a place outside: "Is Kotagede known for silver?" is answered by the silver.)
  const claim = productClaim(f, k, areas);
  const misplaced = claim === "no" || claim === "outside";
  for (const code of f.areas) {
    const m = membershipOf(code, k, areas);
    if (m?.status === "province") provinces.push(m.province.id);
    else if (m?.status === "place") add({ kind: "place", province: m.province.id, entry: m.entry });
    else if (m && !misplaced) add({ kind: "area", code, asked: f.areaWords.get(code) });
  }
  const placed = new Set(subjects.flatMap((s) => (s.kind === "place" ? [s.province] : [])));
  for (const id of new Set(provinces)) {
    if (placed.has(id)) continue;
    // "Jatim kapal?": only the entries of that product, when the province has them; "Jatim bukan
    // cuma alas kaki?" asks what else it has, and a product put in the wrong city of it is corrected
    // by all it has: the whole province.
    const whole = f.cues.has("only") || misplaced;
    const entries = (whole ? [] : (k.provinces.find((p) => p.id === id)?.entries ?? []))
      .map((e, i) => (f.products.includes(e.product) ? i : -1))
      .filter((i) => i >= 0);
    if (entries.length) for (const entry of entries) add({ kind: "place", province: id, entry });
    else add({ kind: "province", id });
  }
  for (const index of f.islands) add({ kind: "island", index, asked: f.islandWords.get(index) });
  // "kerajinan perak Malang?": beside a region, a product only says what is asked of it.
  // A statement that puts a product in the wrong region is answered where the product is too.
  if (subjects.length === 0 || misplaced) for (const id of f.products) add({ kind: "product", id });
  for (const id of f.people) add({ kind: "person", id });
  // A person named by role is the subject when asked about ("siapa dirjennya?"), not when the
  // role only describes the asker ("I'm a journalist, which provinces …?").
  // Beside a source, only its own people: "the reporter of the Tempo article" is not Bisnis.com's.
  const ofNamedSources = (id: string) =>
    f.sources.length === 0 ||
    f.sources.some((s) => [k.sources[s]?.author, k.sources[s]?.editor, k.sources[s]?.speaker].includes(id));
  if (ROLE_INTENTS.has(intent)) for (const id of f.roles) if (ofNamedSources(id)) add({ kind: "person", id });
  for (const id of f.criteria) add({ kind: "criterion", id });
  if (f.selection && f.criteria.length === 0) add({ kind: "criteria" });
  for (const id of f.orgs) add({ kind: "org", id });
  for (const id of inLanguageAsked(f, k, f.sources.length ? f.sources : describedSources(f, k)))
    add({ kind: "source", id });
  for (const id of f.terms) add({ kind: "term", id });
  // A group named beside only an organisation ("menurut Kemenperin, target awal …"); a term beside
  // it is what is asked of the group ("Total IKM yang dibina di fase 1?").
  if (cohort && subjects.every((s) => s.kind === "org")) add({ kind: "cohort", id: cohort });
  return subjects;
}

/**
 * Sources asked for by what they are, none named: "media apa yang memberitakan ini tgl 24 Des
 * 2017?" (of that date), "in which publication did the English version appear?" (in English).
 */
function describedSources(f: Found, k: Knowledge): string[] {
  if (!f.cues.has("source") && !f.cues.has("published")) return [];
  const lang = f.cues.has("english") ? "en" : f.cues.has("indonesian") ? "id" : undefined;
  if (!f.dates.length && !lang) return [];
  return Object.entries(k.sources).flatMap(([id, s]) =>
    f.dates.every((d) => s.date.endsWith(d)) && (!lang || s.language === lang) ? [id] : [],
  );
}

/** Of the sources named, those in the language the question asks for ("the English version"), if any. */
export function inLanguageAsked(f: Found, k: Knowledge, sources: string[]): string[] {
  const lang = f.cues.has("english") ? "en" : f.cues.has("indonesian") ? "id" : undefined;
  const inLang = sources.filter((id) => k.sources[id]?.language === lang);
  return inLang.length ? inLang : sources;
}

/** The subjects a question names itself, once words that only name the programme are set aside. */
export function namedSubjects(naming: Naming): Subject[] {
  const { found: f, knowledge: k, intent } = naming;
  let subjects = entitySubjects(naming);
  // "proyek JICA ini", "program IKM": an organisation that runs the programme or a term, beside
  // the programme's own words, names the programme, unless the question asks about it ("what is
  // JICA?"). Beside another subject ("produk IKM di Jawa Barat") it is only the programme's word
  // too. So is any organisation beside a fact of the programme ("does it rely on outside
  // consultants as facilitators?"); alone, "the project's consultants" are the consultants.
  const runs = (id: string) => k.organisations.some((o) => o.id === id && o.runs_programme);
  // ("Is UNICO a partner?": whether another organisation is one of the partners is asked of it,
  // and answered with who they are.)
  const partnerChecked = f.attributes.length === 1 && f.attributes[0] === "partners";
  const weak = (s: Subject) =>
    (s.kind === "org" && (runs(s.id) || (f.attributes.length > 0 && !partnerChecked))) || s.kind === "term";
  const aboutProgramme =
    f.attributes.length > 0 || (f.programme && (!WEAK_SUBJECT_INTENTS.has(intent) || f.programmeAsked));
  if (subjects.some((s) => !weak(s))) subjects = subjects.filter((s) => !weak(s));
  else if (aboutProgramme) subjects = [];
  if (partnerChecked && subjects.length && subjects.every((s) => s.kind === "org"))
    subjects = [...subjects, { kind: "topic", id: "partners" }];
  // "Ditulis Annisa ya?" of a source: who wrote it is the source's to say, whoever is named.
  if (intent === "who" && f.cues.has("author") && subjects.some((s) => s.kind === "source"))
    subjects = subjects.filter((s) => s.kind === "source");
  // A person named by role ("the director general") answers who and who-said on their own.
  else if ((intent === "who" || intent === "said") && subjects.some((s) => s.kind === "person"))
    subjects = subjects.filter((s) => s.kind === "person");
  // "What did Gati hope?": a fact of the programme she spoke of, not who she is.
  // ("Gati kerja di instansi mana?", "which ministry does the Director General belong to?": the
  // partners' words asked of a person ask whom they work for, which the person's card says.)
  const worksFor = f.cues.has("works_for");
  const asksOfPerson =
    intent === "who" || intent === "said" || intent === "name" || intent === "when" || worksFor;
  if (subjects.length && subjects.every((s) => s.kind === "person") && f.attributes.length && !asksOfPerson)
    subjects = f.attributes.map((id): Subject => ({ kind: "topic", id }));
  // "Who edited the article?", "when was the article published?": the main source.
  const main = Object.entries(k.sources).find(([, s]) => s.main)?.[0];
  // ("How many sources?" counts them all.)
  if (subjects.length === 0 && main && f.cues.has("source") && intent !== "source" && intent !== "count")
    subjects = [{ kind: "source", id: main }];
  return subjects;
}

/**
 * The products and regions a message names, as subjects, each region by what its code is to the
 * programme: a province, a place, or a region of its own ("Kota Medan", "Lampung"). What a claim
 * or a push-back puts forward, to check against the facts.
 */
export function productsAndRegions(f: Found, k: Knowledge, areas: Areas): Subject[] {
  const regions = f.areas.flatMap((code): Subject[] => {
    const m = membershipOf(code, k, areas);
    if (!m) return [];
    if (m.status === "province") return [{ kind: "province", id: m.province.id }];
    // (A regency around a place the sources name without naming it, "Poso" of "Palu and the
    // surrounding regencies", is not that place.)
    return m.status === "place" || m.status === "holds"
      ? [{ kind: "place", province: m.province.id, entry: m.entry }]
      : [{ kind: "area", code }];
  });
  return [
    ...f.products.map((id): Subject => ({ kind: "product", id })),
    ...f.places.map((p): Subject => ({ kind: "place", province: p.province, entry: p.entry })),
    ...f.provinces.map((id): Subject => ({ kind: "province", id })),
    ...regions,
  ];
}

// What a question asks of regions: which provinces, where, what they make, how many.
const REGION_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "province",
  "list",
  "where",
  "product",
  "count",
]);
// Facts of the programme as a whole that none of its groups has apart.
const GROUPLESS_ATTRIBUTES: ReadonlySet<string> = new Set(["name", "aim", "approach", "partners"]);

/**
 * What a question asks of the subjects it names where its words only frame what is asked:
 * "According to Gati, which provinces are the first targets?" asks the group (who said it only
 * attributes it); "Where do the practical facilitators come from?" asks the approach, as it says;
 * "What was the aim of the 2013–2016 phase?", "the official name of the 2013 to 2016 project" ask the
 * programme's (a group has no aim, name or partners of its own; only of the group the programme
 * began with, the project of 2013–2016: the sources name none of the follow-up programme's; and only
 * asked what, not how many or whether).
 */
export function framedSubjects(
  f: Found,
  k: Knowledge,
  intent: Intent,
  subjects: Subject[],
  cohort: string | undefined,
): { intent: Intent; subjects: Subject[] } {
  const only = (kind: Subject["kind"], id?: string) =>
    subjects.length > 0 &&
    subjects.every((s) => s.kind === kind && (id === undefined || ("id" in s && s.id === id)));
  // "Pagi Bu Gati, minta info program dong", "Pak Dirjen, produk Sulsel apa?": whom the message
  // addresses is not what it asks about, when it asks about something else.
  const addressed = (s: Subject) => {
    const person = s.kind === "person" ? k.people.find((p) => p.id === s.id) : undefined;
    return (
      person !== undefined && [...person.terms, ...person.role_terms].some((t) => f.addressed.includes(t))
    );
  };
  const others = subjects.filter((s) => !addressed(s));
  if (
    others.length < subjects.length &&
    (others.length || f.programme || f.attributes.length || f.smalltalk.length)
  )
    subjects = others;
  const attributed = f.cues.has("said") && intent !== "who" && intent !== "said";
  // "Menurut Gati, siapa editor beritanya?", "According to Gati, who wrote the article?": who wrote
  // or edited it is asked, in the frame of who said it.
  const asked = subjects.filter((s) => s.kind !== "person" || !f.speakers.includes(s.id));
  const ofOthers = asked.length || f.cues.has("author");
  if (intent === "who" && f.cues.has("who") && asked.length < subjects.length) {
    if (ofOthers) subjects = asked;
    // ("Gati bilang pemerintah pusat melibatkan siapa?": what she said of it is asked.)
    else if (f.attributes.length)
      return { intent: "describe", subjects: f.attributes.map((id): Subject => ({ kind: "topic", id })) };
  }
  // ("Bu Gati sebut ada target awal …, provinsinya yg mana aja?": a person has no provinces.)
  const ofRegions = REGION_INTENTS.has(intent);
  if ((attributed || ofRegions) && cohort && only("person"))
    return { intent, subjects: [{ kind: "cohort", id: cohort }] };
  // "Gati said the programme ended, right?", "Menurut Gati, program sudah berakhir?": who said it
  // is given; when only they are named, what they said, offered for checking or asked yes or no, is
  // of the programme ("the programme", "programnya"), not of them. (Asked of them, "… when did she
  // say that?", "What did Gati say about the programme?", they stay what the chat is about.)
  const bySpeakers =
    subjects.length > 0 && subjects.every((s) => s.kind === "person" && f.speakers.includes(s.id));
  // ("… Is she the Director General?" asks of the speaker again.)
  const checked = f.cues.has("confirm") || (f.yesNo && intent !== "who" && !f.cues.has("pronoun"));
  if (attributed && bySpeakers && checked && (f.programme || f.cues.has("domain")))
    return { intent, subjects: [{ kind: "topic", id: "summary" }] };
  // "Gati bilang IKM di Sumut dikembangkan untuk produk apa?", "Menurut Gati, sejak tahun berapa
  // kerja sama ini berjalan?": the person said it; what they said of the rest is asked.
  // (Where a person is quoted asks of the person: "Is Gati quoted in the JICA report?")
  const said = subjects.filter((s) => s.kind !== "person");
  const inSources = said.length > 0 && said.every((s) => s.kind === "source");
  if (attributed && !inSources && said.length < subjects.length && (said.length || f.attributes.length))
    return {
      intent,
      subjects: said.length ? said : f.attributes.map((id): Subject => ({ kind: "topic", id })),
    };
  if (intent === "where" && only("topic", "approach")) return { intent: "describe", subjects };
  // ("Gati bilang pemerintah pusat melibatkan siapa?": who said it is given; what she said is asked.)
  const saidOf = f.attributes.map((id): Subject => ({ kind: "topic", id }));
  if (intent === "said" && only("person") && saidOf.length && !f.yesNo && !f.cues.has("confirm"))
    return { intent: "describe", subjects: saidOf };
  const whole = f.attributes
    .filter((id) => GROUPLESS_ATTRIBUTES.has(id))
    .map((id): Subject => ({ kind: "topic", id }));
  const began = (s: Subject) =>
    s.kind === "cohort" && k.cohorts.find((c) => c.id === s.id)?.year === k.programme.started.year;
  const asksWhat = (intent === "describe" || intent === "name") && !f.yesNo && !f.cues.has("confirm");
  if (whole.length && asksWhat && subjects.length && subjects.every(began))
    return { intent, subjects: whole };
  return { intent, subjects };
}

/**
 * "… is called the Indonesia Japan SME Partnership, right?": a name offered for the programme,
 * whatever facts its words name. Not a name asked ("what's the partner agency called, right?"),
 * nor one offered for another thing the message names ("Mitra Jepangnya namanya JICA, kan?",
 * "Pendekatannya disebut klaster, kan?").
 */
export function programmeNameOffered(f: Found, attributes: readonly string[]): boolean {
  return (
    f.cues.has("confirm") &&
    f.programme &&
    !f.cues.has("what") &&
    !asksWh(f) &&
    f.orgs.length + f.roles.length === 0 &&
    attributes.every((a) => a === "partners")
  );
}
