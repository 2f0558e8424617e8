/**
 * Answers to intents that ask for one fact of a subject: where, when, until when, who said it,
 * how many, whether it is part of the programme or of a group, why chosen (who: `who-answers.ts`;
 * from which sources: `source-answers.ts`).
 * Each returns `undefined` when the sources hold no such fact.
 */

import { PROGRAMME_ATTRIBUTES } from "../knowledge/schema.ts";
import type { Asked } from "./answers.ts";
import { criteriaCard, criterionCard, describe, personCard, topicCard } from "./cards.ts";
import { formatDate } from "./dates.ts";
import { joinList } from "./lists.ts";
import { membershipCard } from "./region-cards.ts";
import { isRegion, type Subject } from "./subject.ts";
import { type AnswerWriter, capitalise, type Piece } from "./writer.ts";

/** The entries a subject stands for: a province's, a place's, a product's. */
function entriesOf(w: AnswerWriter, s: Subject) {
  const all = w.k.provinces.flatMap((p) => p.entries.map((e, i) => ({ p, e, i })));
  switch (s.kind) {
    case "province":
      return all.filter((x) => x.p.id === s.id);
    case "place":
      return all.filter((x) => x.p.id === s.province && x.i === s.entry);
    case "product":
      return all.filter((x) => x.e.product === s.id);
    default:
      return [];
  }
}

/** "In South Sulawesi the programme works in Makassar (silver and gold crafts)." */
export function where(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const entries = entriesOf(w, s).filter((x) => !q.cohort || x.e.cohort === q.cohort);
  const first = entries[0];
  if (!first) return undefined;
  if (s.kind === "product") return w.productCard(q.lang, s.id);
  const places = entries.map((x) => `${w.placeName(q.lang, x.e)} (${w.productName(q.lang, x.e.product)})`);
  const text = w.t(q.lang, "answer.places", {
    province: first.p.name[q.lang],
    places: joinList(q.lang, places),
  });
  const notes = entries.flatMap((x) => (x.e.note ? [x.e.note] : []));
  const sources = entries.flatMap((x) => w.entrySources(x.e)).concat(notes.flatMap((n) => n.sources));
  const about: Subject[] = entries.map((x) => ({ kind: "place", province: x.p.id, entry: x.i }));
  return w.piece([text, ...notes.map((n) => n.text[q.lang])].join("\n"), sources, about);
}

/** When an entry, a group, the programme or a source dates from. */
export function when(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const { lang } = q;
  // "Jam berapa …?": only an article's publication has a time of day, and only Bisnis.com's is given.
  if (q.clock && !(s.kind === "source" && w.k.sources[s.id]?.time)) return undefined;
  // "Bulan apa program dimulai?": the programme and its groups are dated by year only.
  if (q.day && !(s.kind === "source" || s.kind === "person")) return undefined;
  // "How long has Regi been a reporter?", "how long is a facilitator placed?": no length given.
  // (The whole programme's list is the programme: "Di berapa provinsi?" – "kapan?"; so is one of
  // its attributes, none dated of its own, followed up: "nama programnya apa?" – "kalo tahunnya?".)
  const attribute = s.kind === "topic" && (PROGRAMME_ATTRIBUTES as readonly string[]).includes(s.id);
  const ofProgramme =
    (s.kind === "topic" && (s.id === "started" || s.id === "summary")) ||
    s.kind === "list" ||
    (attribute && q.followUp);
  if (q.duration && !(s.kind === "cohort" || ofProgramme)) return undefined;
  if (ofProgramme) return topicCard(w, { kind: "topic", id: "started" }, lang);
  if (s.kind === "cohort") {
    const c = w.cohort(s.id);
    if (!c) return undefined;
    const period = w.periodCard(lang, c);
    if (period) return period;
    // "When did work in the 2017 provinces start?": they declared they were ready; no start is given.
    if (!c.year || (q.start && c.year_means === "declared")) return undefined;
    // "Provinsi yang menyatakan siap bergabung pada 2017: Kepulauan Bangka Belitung, …".
    const provinces = w.cohortProvinces(c.id);
    const names = joinList(
      lang,
      provinces.map((p) => p.name[lang]),
    );
    // "Provinsi yang menyatakan siap bergabung pada 2017: …" says its year once.
    const named = c.name[lang].includes(String(c.year));
    const text = w.t(lang, named ? "answer.cohortNamed" : "answer.cohortYear", {
      cohort: capitalise(c.name[lang]),
      year: c.year,
      provinces: names,
    });
    return w.piece(
      text,
      [...c.sources, ...provinces.flatMap((p) => p.entries.flatMap((e) => e.sources))],
      [s],
    );
  }
  if (s.kind === "source") {
    const src = w.k.sources[s.id];
    if (!src) return undefined;
    const date = formatDate(lang, src.date, { weekday: true });
    const text =
      src.kind === "report"
        ? w.t(lang, "answer.reportDated", { title: src.title, date })
        : w.t(lang, "answer.published", {
            publisher: src.publisher,
            title: src.title,
            date,
            time: src.time ? w.t(lang, "answer.sourceTime", { time: src.time }) : "",
          });
    return w.piece(text, [s.id], [s]);
  }
  // When a person spoke, the card says ("When did Gati comment on it?"); when they took office or
  // became what they are, the sources don't ("mulai menjabat", "kapan Gati jadi dirjen": named and
  // her office beside her name, unless her statement or a day is asked).
  const office = q.office && !q.said && !q.day;
  if (s.kind === "person") return q.start || office ? undefined : personCard(w, s.id, lang);
  if (s.kind === "criteria" || s.kind === "criterion") return said(w, s, q);
  const entries = entriesOf(w, s).filter((x) => !q.cohort || x.e.cohort === q.cohort);
  if (!entries.length) return undefined;
  // "When do they start?" of provinces that only declared they were ready: the sources don't say.
  // (Of East Java, Mojokerto's start is given, and Pasuruan's entry says it declared.)
  if (q.start && entries.every((x) => w.cohort(x.e.cohort)?.year_means === "declared")) return undefined;
  const lines = entries.map((x) =>
    w.t(lang, "answer.entryWhen", {
      subject: `${x.p.name[lang]}, ${w.placeName(lang, x.e)}`,
      label: w.cohortLabel(lang, x.e.cohort),
    }),
  );
  const about: Subject[] = entries.map((x) => ({ kind: "place", province: x.p.id, entry: x.i }));
  return w.piece(
    lines.join("\n"),
    entries.flatMap((x) => w.entrySources(x.e)),
    about,
  );
}

/** When a group of provinces ended, where a source dates it. */
export function end(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const cohorts = s.kind === "cohort" ? [s.id] : entriesOf(w, s).map((x) => x.e.cohort);
  const c = cohorts.map((id) => w.cohort(id)).find((x) => x?.period);
  return c && w.periodCard(q.lang, c);
}

/** Who said what a subject's facts state: the speaker of their sources, or the report they are in. */
export function said(w: AnswerWriter, s: Subject | undefined, q: Asked): Piece | undefined {
  // "Who said the programme ended?": no one in the sources; they give the programme no end.
  if (q.end && s?.kind === "topic") return undefined;
  const keys = s ? (describe(w, s, q)?.sources ?? []) : q.previousSources;
  const lines: string[] = [];
  const sources: string[] = [];
  const speakers = new Set<string>();
  for (const key of keys) {
    const src = w.k.sources[key];
    if (!src) continue;
    if (src.speaker && !speakers.has(src.speaker)) {
      speakers.add(src.speaker);
      const p = w.k.people.find((x) => x.id === src.speaker);
      if (!p) continue;
      const asOf = p.as_of ? w.t(q.lang, "answer.asOf", { date: formatDate(q.lang, p.as_of) }) : "";
      lines.push(
        w.t(q.lang, "answer.said", { name: p.name, role: p.role[q.lang], asOf, about: p.about.text[q.lang] }),
      );
      sources.push(...p.about.sources);
    } else if (!src.speaker) {
      lines.push(w.t(q.lang, "answer.saidReport", { title: src.title, date: formatDate(q.lang, src.date) }));
      sources.push(key);
    }
  }
  const about: Subject[] = [...speakers].map((id) => ({ kind: "person", id }));
  return lines.length ? w.piece(lines.join("\n"), sources, about) : undefined;
}

/** How many provinces, places or considerations, when the question says which it counts. */
export function count(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const { lang } = q;
  const n = (x: number) => w.number(lang, x);
  if (q.counts === "criteria" && (s.kind === "criteria" || s.kind === "topic")) {
    const criteria = w.k.selection.criteria;
    const text = w.t(lang, "answer.countCriteria", {
      total: n(criteria.length),
      names: joinList(
        lang,
        criteria.map((c) => c.name[lang]),
      ),
    });
    // "Yang ketiga apa?" after the count points to the third it names.
    const items = criteria.map((c): Subject => ({ kind: "criterion", id: c.id }));
    return { ...w.piece(text, w.k.selection.sources, [{ kind: "criteria" }]), items };
  }
  if (q.counts === "sources" && s.kind === "topic") {
    const keys = Object.keys(w.k.sources);
    const names = keys.flatMap((key) => w.citation(lang, key) ?? []);
    const text = w.t(lang, "answer.countSources", { total: n(keys.length), names: joinList(lang, names) });
    return w.piece(text, keys, [s]);
  }
  // "How many consulting firms are named?": an entry that names several counts them.
  const org = s.kind === "org" ? w.k.organisations.find((o) => o.id === s.id) : undefined;
  if (org?.members.length && (q.counts === undefined || q.counts === "other")) {
    const text = w.t(lang, "answer.countMembers", {
      total: n(org.members.length),
      names: joinList(lang, org.members),
    });
    return w.piece(text, org.sources, [s]);
  }
  if (s.kind === "province" && q.counts === "places") {
    const p = w.province(s.id);
    if (!p) return undefined;
    const places = p.entries.map((e) => `${w.placeName(lang, e)} (${w.productName(lang, e.product)})`);
    const text = w.t(lang, p.entries.length === 1 ? "answer.countEntriesOne" : "answer.countEntries", {
      province: p.name[lang],
      total: n(p.entries.length),
      places: joinList(lang, places),
    });
    return w.piece(
      text,
      p.entries.flatMap((e) => w.entrySources(e)),
      [s],
    );
  }
  if (s.kind === "island" && (q.counts === undefined || q.counts === "provinces"))
    return islandCount(w, s.index, q);
  const cohort = s.kind === "cohort" ? s.id : q.cohort;
  // "How many locations do the 2017 provinces have?": the group's own places.
  const group = cohort ? w.cohort(cohort) : undefined;
  if (q.counts === "places" && group && (s.kind === "cohort" || s.kind === "topic")) {
    const entries = w
      .cohortProvinces(group.id)
      .flatMap((p) => p.entries.filter((e) => e.cohort === group.id));
    const places = entries.map((e) => `${w.placeName(lang, e)} (${w.productName(lang, e.product)})`);
    const text = w.t(lang, "answer.countCohortEntries", {
      cohort: capitalise(group.name[lang]),
      total: n(entries.length),
      places: joinList(lang, places),
    });
    return w.piece(
      text,
      entries.flatMap((e) => w.entrySources(e)),
      [{ kind: "cohort", id: group.id }],
    );
  }
  if (q.counts !== "provinces" && !(s.kind === "cohort" && q.counts === undefined)) return undefined;
  if (!(s.kind === "cohort" || s.kind === "topic" || s.kind === "list")) return undefined;
  const provinces = w.cohortProvinces(cohort);
  const names = joinList(
    lang,
    provinces.map((p) => p.name[lang]),
  );
  const c = cohort ? w.cohort(cohort) : undefined;
  const text = c
    ? w.t(lang, "answer.countCohort", { cohort: capitalise(c.name[lang]), total: n(provinces.length), names })
    : w.t(lang, "answer.countAll", {
        total: n(provinces.length),
        entries: n(provinces.reduce((x, p) => x + p.entries.length, 0)),
        names,
      });
  const groups = c ? undefined : w.groupCounts(lang);
  const sources = c
    ? c.sources
    : [...provinces.flatMap((p) => p.entries.flatMap((e) => e.sources)), ...(groups?.sources ?? [])];
  return w.piece(groups ? `${text}\n${groups.text}` : text, sources, [
    c ? { kind: "cohort", id: c.id } : { kind: "list" },
  ]);
}

/** "Berapa provinsi di Sulawesi?", "how many Sulawesi provinces joined in 2017?" */
function islandCount(w: AnswerWriter, index: number, q: Asked): Piece | undefined {
  const island = w.k.regions.islands[index];
  if (!island) return undefined;
  const group = q.cohort ? w.cohort(q.cohort) : undefined;
  const provinces = w.cohortProvinces(group?.id).filter((p) => island.provinces.includes(p.area));
  const names = joinList(
    q.lang,
    provinces.map((p) => p.name[q.lang]),
  );
  const total = w.number(q.lang, provinces.length);
  const text = group
    ? w.t(q.lang, "answer.countIslandCohort", {
        island: island.name[q.lang],
        cohort: group.name[q.lang],
        total,
        names,
      })
    : w.t(q.lang, "answer.countIsland", { island: island.name[q.lang], total, names });
  // That a province is the programme's rests on its entries' sources.
  const sources = provinces.flatMap((p) => p.entries.flatMap((e) => e.sources));
  return w.piece(text, sources, [{ kind: "island", index }]);
}

/** "Is X part of the programme (or of a group)?" */
export function member(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const cohort = q.cohort ? w.cohort(q.cohort) : undefined;
  if (cohort && (s.kind === "province" || s.kind === "place")) {
    const p = w.province(s.kind === "province" ? s.id : s.province);
    if (!p) return undefined;
    if (cohort.members) {
      const line = w.cohortMembership(q.lang, p, cohort);
      // "Is East Java a first target of the follow-up?": yes, then its entry of the group the
      // targets were chosen from (its card, which says the same line again, said once).
      const chosen = cohort.members.includes(p.id)
        ? p.entries.flatMap((e, i) => (e.cohort === cohort.chosen_from ? [i] : []))
        : [];
      if (!chosen.length) return w.piece(line, cohort.sources, [{ kind: "province", id: p.id }]);
      const card = w.provinceCard(q.lang, p, chosen);
      const rest = card.text.split("\n").filter((l) => l !== line);
      return { ...card, text: [line, ...rest].join("\n") };
    }
    // "Was Southeast Sulawesi in the first phase?": its own entries answer, and say so if not.
    const card = describe(w, s, { ...q, cohort: undefined });
    if (!card || p.entries.some((e) => e.cohort === cohort.id)) return card;
    const others = w.cohortProvinces(cohort.id);
    const line = w.t(q.lang, "answer.notInCohort", {
      province: p.name[q.lang],
      cohort: cohort.name[q.lang],
      members: joinList(
        q.lang,
        others.map((x) => x.name[q.lang]),
      ),
    });
    const sources = [
      ...card.sources,
      ...cohort.sources,
      ...others.flatMap((x) => x.entries.flatMap((e) => e.sources)),
    ];
    return w.piece(`${line}\n${card.text}`, sources, card.about);
  }
  if (s.kind === "province" || s.kind === "place") {
    const p = w.province(s.kind === "province" ? s.id : s.province);
    const area = s.kind === "province" ? p?.area : p?.entries[s.entry]?.place.area;
    return area ? membershipCard(w, q.lang, area) : undefined;
  }
  return describe(w, s, q);
}

export function criteria(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  if (s.kind === "criterion") return criterionCard(w, s.id, q.lang);
  const all = criteriaCard(w, q.lang);
  if (s.kind === "criteria" || s.kind === "topic") return q.chooser ? (givenBy(w, all, q) ?? all) : all;
  const card = describe(w, s, q);
  if (!card) return undefined;
  const lines = [card.text];
  // Why one region was (or wasn't) chosen, the sources never say: the answer says so, with the
  // considerations they do give, and is no answer to the question asked (kind fallback).
  // (Of a region outside the programme, "Kenapa Bali gak dipilih?", why it was not chosen.)
  const own = s.kind !== "cohort";
  const outside = card.kind === "not_in_programme";
  const key = outside ? "answer.criteriaNotChosen" : "answer.criteriaForSubject";
  if (own) lines.push(w.t(q.lang, key, { subject: w.nameOf(q.lang, s) }));
  lines.push(all.text);
  return w.piece(
    lines.join("\n"),
    [...card.sources, ...all.sources],
    card.about,
    (isRegion(s) || s.kind === "island") && q.why ? "fallback" : "answer",
  );
}

/**
 * "Who chose the regions?": the sources don't say who chooses; they give the considerations as
 * the one who stated them set them out, and the answer says so before them.
 */
function givenBy(w: AnswerWriter, considerations: Piece, q: Asked): Piece | undefined {
  const speaker = considerations.sources.map((key) => w.k.sources[key]?.speaker).find(Boolean);
  const p = w.k.people.find((x) => x.id === speaker);
  if (!p) return undefined;
  const line = w.t(q.lang, "answer.criteriaGivenBy", { name: p.name, role: p.role[q.lang] });
  return w.piece(
    `${line}\n${considerations.text}`,
    [...p.about.sources, ...considerations.sources],
    [...considerations.about, { kind: "person", id: p.id }],
  );
}
