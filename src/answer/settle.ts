/**
 * What a question settles on once its subjects are known: a few questions ask something other
 * than their words first say, decided by what they are asked of. Pure.
 */
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { cohortClaim, sourceWrittenBy } from "./claims.ts";
import { counted } from "./counting.ts";
import { claimsYears, joinedIn } from "./dated-claims.ts";
import { type Found, offersClaim } from "./found.ts";
import { pairedGroups } from "./groups-asked.ts";
import { type Intent, SHAPING_INTENTS } from "./intents.ts";
import { isOutside } from "./membership.ts";
import { provincesOnIsland } from "./negation.ts";
import { extremeSources } from "./source-answers.ts";
import { knownYears, lastKnownYear } from "./spans.ts";
import { isEntry, isRegion, isSource, type Subject } from "./subject.ts";

// What a question of where goods sell asks, beside the words of trade: the rest ask what they say
// ("which metals are Makassar's crafts made of?" of an export consultant).
const TRADE_ASKED: ReadonlySet<Intent> = new Set<Intent>(["describe", "where", "list", "count"]);

/** The intent and subjects a question settles on, given those its words and the chat gave. */
export function settle(
  found: Found,
  asked: Intent,
  named: Subject[],
  knowledge: Knowledge,
  areas: Areas,
  followUp: boolean,
): { intent: Intent; subjects: Subject[] } {
  let intent = asked;
  let subjects = named;
  // "The programme started in 2017 with five provinces, right?", "… started after the 2016 JICA
  // report, right?": a start claimed of the programme is answered first by when it began, whatever
  // group or source the claim names beside it.
  const startTopic: Subject = { kind: "topic", id: "started" };
  const claimsStart =
    (found.programme || found.cues.has("domain")) &&
    found.attributes.includes("started") &&
    (found.cues.has("confirm") || found.yesNo) &&
    subjects.length > 0 &&
    // (A group named by its own words is what started: "Did the second phase begin in 2017?"; a
    // source, only as a time before or after: "… started after the 2016 JICA report".)
    found.cohorts.length === 0 &&
    subjects.every((s) => s.kind === "cohort" || (s.kind === "source" && found.timeAnchor !== undefined)) &&
    // (A year the sources don't know is a start of what the group does: "Did the five provinces
    // from 2017 actually start the programme in 2018?" is theirs, which the sources don't give.)
    found.years.every((y) => knownYears(knowledge).has(y));
  if (claimsStart) {
    subjects = [startTopic, ...subjects];
    if (intent !== "when") intent = "describe";
  }
  // "Why did JICA pull out in 2016?": who is said to have left, not the group the year names.
  if (intent === "left" && !subjects.some(isRegion)) {
    const leavers = [
      ...found.orgs.map((id): Subject => ({ kind: "org", id })),
      ...[...found.people, ...found.roles].map((id): Subject => ({ kind: "person", id })),
    ];
    if (leavers.length) subjects = leavers;
  }
  // "Regions are chosen by population, right?": a basis the sources don't give is answered by theirs.
  if (basisOffered(found) && !subjects.some(isRegion))
    return { intent: "criteria", subjects: [{ kind: "criteria" }] };
  // "Apa bedanya tahap pertama sama yang 2017?": the groups compared are listed, each.
  const paired = pairedGroups(found, knowledge);
  if (paired.length && !subjects.some(isRegion))
    return { intent: "list", subjects: paired.map((id): Subject => ({ kind: "cohort", id })) };
  // "Which source is the newest?": the source of that date, on its card.
  const extreme = extremeSources(found, knowledge);
  if (extreme)
    return { intent: "describe", subjects: extreme.map((id): Subject => ({ kind: "source", id })) };
  // "Kapan Kabupaten Dogiyai dibentuk?", "When was Tempo founded?": the date of another event
  // than the programme's own at a region or a source, which the sources don't give.
  // ("When was Gati appointed?": of a person too, but not of what she said: "when was her
  // statement received?" is the release's date.)
  const placeOrSource = (s: Subject) =>
    s.kind === "province" ||
    s.kind === "place" ||
    s.kind === "source" ||
    (s.kind === "person" && !found.cues.has("said") && !found.cues.has("statement"));
  // (A day or a time of day is only ever a source's: "what day was the statement received?")
  const dayAsked = found.cues.has("day") || found.cues.has("clock");
  const otherEvent = found.otherEvent && !dayAsked;
  if (intent === "when" && otherEvent && subjects.length > 0 && subjects.every(placeOrSource))
    intent = "absent";
  // "penulisnya siapa?" – "tanggal sama jamnya?": the date and time of a writer or editor are their
  // article's. (Not when the question names them by role, asking who they are: "Reporter, editor,
  // and publication time?")
  const articles = subjects.flatMap((s) =>
    s.kind === "person" ? (sourceWrittenBy(knowledge, [s.id]) ?? []) : [],
  );
  const writers = subjects.every((s) => s.kind === "person") && found.roles.length === 0;
  if (intent === "when" && !otherEvent && writers && articles.length)
    subjects = articles.map((id): Subject => ({ kind: "source", id }));
  // "Jadwal KRL Bogor–Jakarta jam berapa?", "What time is it in Jakarta?": a time of day asked of
  // regions outside the programme alone is of a timetable or a clock, which the sources don't give.
  if (found.cues.has("clock") && subjects.length > 0 && subjects.every((s) => s.kind === "area"))
    intent = "absent";
  // "Ekspor lidah buaya Pontianak ke mana?", "Tahu tempe Konawe sudah ekspor?": where a place's or
  // a product's goods sell, the sources never say. (Of the programme, the markets it aims at are
  // its aim's: "is it about exports?")
  if (found.cues.has("trade") && subjects.some(isEntry) && TRADE_ASKED.has(intent)) intent = "trade";
  // "Nomor dokumen laporan JICA itu berapa?": of one source, "berapa" asks its number, on its card.
  if (intent === "count" && subjects.length === 1 && subjects.every(isSource) && !counted(found, subjects))
    intent = "describe";
  // "Who wrote it?", "who edited it?" with nothing named: only an article has a writer, the one
  // "the article" means.
  const writing = found.cues.has("author") || found.edits;
  const main = Object.entries(knowledge.sources).find(([, s]) => s.main)?.[0];
  if (
    intent === "who" &&
    writing &&
    main &&
    !followUp &&
    // ("Who wrote Romeo and Juliet?" names a work the sources don't know.)
    found.unknown.length === 0 &&
    subjects.every((s) => s.kind === "topic" && s.id === "summary")
  )
    subjects = [{ kind: "source", id: main }];
  // "The article was written by Annisa Margrit, right?": a person offered for checking as who
  // wrote or edited a source is checked by who did; the answer names them.
  const people = subjects.flatMap((s) => (s.kind === "person" ? [s.id] : []));
  const wrote = sourceWrittenBy(knowledge, people);
  if (writing && offersClaim(found) && wrote && people.length === subjects.length) {
    intent = "who";
    subjects = [{ kind: "source", id: wrote }];
  }
  // "Sumber dukungan itu dana dari mana?": where a consideration's support comes from, or which
  // regions it favours, is what it says. "Gati dari kementerian mana?": a person's organisation,
  // asked by where, is on her card.
  // ("Daerah mana saja yang dianggap tertinggal?" asks which regions: the sources name none.)
  const ofCriteria =
    subjects.length > 0 &&
    subjects.every((s) => s.kind === "criterion") &&
    !found.cues.has("provinces") &&
    !found.cues.has("plural");
  const orgOfPerson =
    found.orgs.length > 0 && subjects.length > 0 && subjects.every((s) => s.kind === "person");
  if (intent === "where" && (ofCriteria || orgOfPerson)) intent = "describe";
  // "Lebih banyak mana, tahap pertama atau yang 2017?": a group named by its year is counted too.
  if (intent === "count" && found.cues.has("more")) {
    const counted = new Set(subjects.flatMap((s) => (s.kind === "cohort" ? [s.id] : [])));
    // (So is each group named: "the first phase or the first targets?".)
    const byYear = knowledge.cohorts.filter(
      (c) => (c.year !== undefined && found.years.includes(c.year)) || found.cohorts.includes(c.id),
    );
    const more = byYear.filter((c) => !counted.has(c.id)).map((c): Subject => ({ kind: "cohort", id: c.id }));
    subjects = [...subjects.filter((s) => s.kind === "cohort"), ...more];
  }
  // The partnership is the programme: when and how long Kemenperin and JICA have worked together
  // is when and how long it has run ("who are the partners?" – "and the year?").
  const [only] = subjects;
  if (intent === "when" && subjects.length === 1 && only?.kind === "topic" && only.id === "partners")
    subjects = [{ kind: "topic", id: "started" }];
  if (found.cues.has("officials") && intent === "who" && subjects.every((s) => s.kind === "topic"))
    subjects = [{ kind: "officials" }];
  // "Program ini menyasar industri besar atau IKM?", "big factories or small businesses?": a
  // size asked beside a term of size, of no region or product, asks what that term means.
  const sized =
    found.cues.has("scale") &&
    found.terms.length > 0 &&
    found.asking.length === 0 &&
    SHAPING_INTENTS.has(intent);
  if (sized && subjects.every((s) => s.kind === "topic" || s.kind === "term")) {
    subjects = found.terms.map((id): Subject => ({ kind: "term", id }));
    intent = "meaning";
  }
  // "Kalau Sulawesi Utara gimana, ada klasternya?", "What product was chosen for East Nusa
  // Tenggara?": what is asked of the programme in a region outside it is that it is not there.
  const bare = (index: number) => provincesOnIsland(knowledge, index).length === 0;
  const outside = subjects.filter(
    (s) =>
      (s.kind === "area" && isOutside(s.code, knowledge, areas)) || (s.kind === "island" && bare(s.index)),
  );
  const facts = subjects.filter((s) => s.kind === "topic" && s.id !== "summary");
  const ofOutside = outside.length > 0 && subjects.every((s) => outside.includes(s) || facts.includes(s));
  // "Why did Aceh drop out of that list?": a region outside the programme never was in it.
  if (intent === "left" && outside.length === subjects.length && ofOutside) intent = "member";
  // ("Apa dampak program ini buat IKM di Lampung?", "Berapa IKM di Aceh yang ikut program ini?":
  // results or counts there, where it has none. Of the programme: "the best ramen in Jakarta"
  // judges nothing of it.)
  // So is why it got a product there: "Kenapa Lampung dapet klaster kopi?"; and which source says
  // it takes part ("Which source says Bali is part of the programme?": none does).
  const judged =
    ((intent === "judge" || intent === "count") &&
      (found.programme || found.cues.has("domain") || found.cues.has("member"))) ||
    (intent === "reason" && found.products.length > 0) ||
    ((intent === "source" || intent === "said") && found.cues.has("member"));
  // ("Kenapa Bali gak dipilih?": why, the sources don't say; the considerations they give answer.
  // "Why was Maluku chosen?" rests on a premise that is wrong: it is not in the programme.)
  const whyNot = intent === "criteria" && found.cues.has("why") && found.negated;
  if (ofOutside && (facts.length > 0 || intent === "criteria" || judged)) {
    subjects = outside;
    if ((intent === "criteria" && !whyNot) || intent === "describe" || judged) intent = "member";
  }
  // "Why does East Java show up twice?": why a province is in both groups is that it has an entry
  // in each; its entries answer it (which consideration chose it, the sources don't say).
  const twice = subjects.every(
    (s) => s.kind === "province" && (knowledge.provinces.find((p) => p.id === s.id)?.entries.length ?? 0) > 1,
  );
  // ("Kenapa Jatim bisa masuk dua kali?" asks why it was let in again: that, the sources don't say.)
  // (Beside another verb, "does it show up twice in the programme", a word of joining says where.)
  const letIn = found.cues.has("member") && !found.cues.has("do");
  const shows = found.cues.has("both") && !letIn;
  if (intent === "criteria" && shows && subjects.length > 0 && twice) intent = "describe";
  // "Bangka Belitung ikut sejak tahap pertama 2013 ya?": a province put in a group it is not in,
  // with that group's time, is corrected by its entries (not "the sources give no date").
  const regional = subjects.length > 0 && subjects.every((s) => s.kind === "province" || s.kind === "place");
  // "Program lanjutan di Pasuruan benar dimulai 2018?": when the provinces that only declared they
  // were ready began, the sources don't say; a year claimed for it is asked, not confirmed or corrected.
  const dated = found.cues.has("since") || joinedIn(found);
  // "Did Central Java join in 2015?": a year of joining offered for checking asks when it joined.
  // (Of a region that only declared it was ready, see below.)
  const started = () =>
    subjects.every((s) => cohortsOf(s, knowledge).every((c) => c?.year_means !== "declared"));
  if (regional && intent === "member" && joinedIn(found) && claimsYears(found, false) && started())
    intent = "when";
  // ("Did the five new provinces get started in 2018?": so of their group.)
  const grouped = subjects.length > 0 && subjects.every((s) => s.kind === "cohort");
  if ((regional || grouped) && dated && startsUnknown(found.years, subjects, knowledge)) intent = "when";
  if (intent === "when" && regional && cohortClaim(found, knowledge) === "no") intent = "describe";
  // "Papua has been in since 2013, right?": a start claimed before the region declared it was
  // ready is wrong, and its entries say when it did.
  if (regional && dated && offersClaim(found) && declaredAfter(found.years, subjects, knowledge))
    intent = "describe";
  // "tahun 2017 ada 7 provinsi baru yang siap ikut, bener?": the year of a group said in a statement
  // names the group; what the statement says of it is checked against its card.
  const namesGroup = (s: Subject) =>
    s.kind === "cohort" && found.years.includes(knowledge.cohorts.find((c) => c.id === s.id)?.year ?? -1);
  const ofGroup = subjects.length > 0 && subjects.every(namesGroup);
  if (intent === "when" && found.cues.has("confirm") && !found.cues.has("when") && ofGroup)
    intent = "describe";
  // "after 2017": after the last year the sources know, they cannot tell.
  // ("After Mojokerto, which city came in, in 2017?" is after Mojokerto.)
  const later = found.years.some((y) => y >= lastKnownYear(knowledge));
  if (found.cues.has("after") && !found.timeAnchor?.named && later) intent = "later";
  return { intent, subjects };
}

/** The groups a region's entries are in; a group's own. */
function cohortsOf(s: Subject, k: Knowledge) {
  if (s.kind === "cohort") return [k.cohorts.find((c) => c.id === s.id)];
  if (s.kind !== "province" && s.kind !== "place") return [];
  const p = k.provinces.find((x) => x.id === (s.kind === "place" ? s.province : s.id));
  const entries = s.kind === "place" ? [p?.entries[s.entry]] : (p?.entries ?? []);
  return entries.map((e) => k.cohorts.find((c) => c.id === e?.cohort));
}

/**
 * The years the regions declared they were ready, when each only declared (none began in a year
 * the sources give); `undefined` when one began, or no year is claimed.
 */
function declaredYears(years: number[], subjects: Subject[], k: Knowledge): number[] | undefined {
  const cohorts = subjects.flatMap((s) => cohortsOf(s, k));
  const declared = cohorts.flatMap((c) =>
    c?.year_means === "declared" && c.year !== undefined ? [c.year] : [],
  );
  return years.length > 0 && cohorts.length > 0 && declared.length === cohorts.length ? declared : undefined;
}

/**
 * Whether `years` claim a start the sources don't give: a year after the regions declared they
 * were ready. (A year before it, "Papua has been in since 2013", is wrong: see `declaredAfter`.)
 */
function startsUnknown(years: number[], subjects: Subject[], k: Knowledge): boolean {
  return declaredYears(years, subjects, k)?.every((d) => years.some((y) => y > d)) ?? false;
}

/** Whether the regions declared they were ready after every year claimed for their start. */
function declaredAfter(years: number[], subjects: Subject[], k: Knowledge): boolean {
  return declaredYears(years, subjects, k)?.every((d) => years.every((y) => y < d)) ?? false;
}

/**
 * "Regions are chosen by population, right?", "Pemilihan daerahnya berdasarkan jumlah penduduk
 * ya?": a basis for choosing regions offered for checking in words the sources don't hold. It is
 * answered with the considerations they give, and not judged: "poverty" or "export potential"
 * may be what a consideration means in other words.
 */
export function basisOffered(f: Found): boolean {
  // (Stated, not asked: "were local communities consulted before …?" asks of the process; nor of
  // what a business needs to join, "ada syarat omzet minimal buat ikut?".)
  const offered = f.cues.has("confirm") || f.cues.has("tag");
  // (Nor of who said it, "yg ngomong soal 3 pertimbangan itu Menperin ya?", nor of a region.)
  const asks = (
    ["what", "how", "why", "who", "where", "when", "member", "exists", "judge", "said"] as const
  ).some((c) => f.cues.has(c));
  const names = f.criteria.length + f.products.length + f.provinces.length + f.places.length + f.areas.length;
  // (Of regions chosen: "Choose the correct answer: …" chooses nothing of theirs.)
  const ofRegions = f.cues.has("criteria") && (f.cues.has("provinces") || f.selection);
  return offered && !asks && ofRegions && !names && !f.titles.length && f.questionUnknown.length > 0;
}
