/**
 * The answer table: for each intent (what is asked) and each kind of subject, how the answer is
 * written. A cell left out means the sources hold no such fact: the engine then says so, naming
 * the subject and what the sources do say about it.
 */
import type { Lang } from "../lang";
import type { Intent } from "./intents";
import { type Subject, type SubjectKind, subjectRef } from "./subject";
import { type AnswerWriter, capitalise, formatDate, joinList, type Piece } from "./writer";

/** What the question asked, beyond its intent and subject. */
export interface Asked {
  lang: Lang;
  /** A group of provinces the question narrows to ("in the first phase"). */
  cohort?: string | undefined;
  /** What a "how many" counts, from the question's words. */
  counts: "provinces" | "places" | "criteria" | undefined;
  /** "only in Java?" */
  only: boolean;
  /** The sources of the previous answer, for "who said that?" and "what is the source?". */
  previousSources: readonly string[];
}

type Write = (w: AnswerWriter, s: Subject, q: Asked) => Piece | undefined;
type Row = Partial<Record<SubjectKind, Write>>;

// ---- cards: what the sources say about one subject -------------------------------------------

function topicCard(w: AnswerWriter, s: Extract<Subject, { kind: "topic" }>, lang: Lang): Piece {
  const fact = w.k.programme[s.id];
  const piece = w.piece(fact.text[lang], fact.sources, [s]);
  // "Since when?" reads best with the first phase's dates beside the start.
  return s.id === "started" ? (startedWithPeriod(w, lang) ?? piece) : piece;
}

/** "The cooperation has been running since 2013. Its first phase is dated 2013–2016." */
function startedWithPeriod(w: AnswerWriter, lang: Lang): Piece | undefined {
  const started = w.k.programme.started;
  const first = w.k.cohorts.find((c) => c.period && c.year === started.year);
  if (!first?.period) return undefined;
  const text = `${started.text[lang]} ${w.t(lang, "answer.startedPeriod", { period: first.period.text[lang] })}`;
  return w.piece(text, [...started.sources, ...first.period.sources], [{ kind: "topic", id: "started" }]);
}

function personCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const p = w.k.people.find((x) => x.id === id);
  if (!p) return undefined;
  const asOf = p.as_of ? w.t(lang, "answer.asOf", { date: formatDate(lang, p.as_of) }) : "";
  const text = w.t(lang, "answer.person", {
    name: p.name,
    role: p.role[lang],
    asOf,
    about: p.about.text[lang],
  });
  return w.piece(text, [...p.sources, ...p.about.sources], [{ kind: "person", id }]);
}

function orgCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const o = w.k.organisations.find((x) => x.id === id);
  return (
    o &&
    w.piece(w.t(lang, "answer.organisation", { name: o.name, about: o.about[lang] }), o.sources, [
      { kind: "org", id },
    ])
  );
}

function officialsCard(w: AnswerWriter, lang: Lang): Piece {
  const people = w.k.people.filter((p) => p.official);
  const lines = [w.t(lang, "answer.officialsIntro")];
  for (const p of people) lines.push(`• ${p.name} — ${p.role[lang]}`);
  for (const o of w.k.organisations) lines.push(`• ${o.name}: ${o.about[lang]}`);
  const sources = [...people, ...w.k.organisations].flatMap((x) => x.sources);
  return w.piece(lines.join("\n"), sources, [{ kind: "officials" }]);
}

/** A source described: publisher, title, date (and time), its number, who wrote and edited it. */
function sourceCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const s = w.k.sources[id];
  if (!s) return undefined;
  const date = formatDate(lang, s.date);
  const time = s.time ? w.t(lang, "answer.sourceTime", { time: s.time }) : "";
  const lines = [
    s.kind === "report" && s.number
      ? w.t(lang, "answer.sourceReport", { publisher: s.publisher, title: s.title, number: s.number, date })
      : w.t(lang, "answer.sourceArticle", { publisher: s.publisher, title: s.title, date, time }),
  ];
  const name = (id?: string) => w.k.people.find((p) => p.id === id)?.name;
  const [author, editor, speaker] = [name(s.author), name(s.editor), name(s.speaker)];
  if (author && editor) lines.push(w.t(lang, "answer.sourcePeople", { author, editor }));
  if (speaker) lines.push(w.t(lang, "answer.sourceSpeaker", { name: speaker }));
  return w.piece(lines.join("\n"), [id], [{ kind: "source", id }]);
}

function termCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const g = w.k.glossary.find((x) => x.id === id);
  return g && w.piece(g.meaning[lang], g.sources, [{ kind: "term", id }]);
}

function criterionCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const c = w.k.selection.criteria.find((x) => x.id === id);
  if (!c) return undefined;
  const text = w.t(lang, "answer.criterion", { name: c.name[lang], meaning: capitalise(c.meaning[lang]) });
  return w.piece(text, c.sources, [{ kind: "criterion", id }]);
}

/** What the sources say about a subject, whatever was asked of it. */
export function describe(
  w: AnswerWriter,
  s: Subject,
  q: Pick<Asked, "lang" | "cohort" | "only">,
): Piece | undefined {
  const named = s.kind === "area" || s.kind === "island" ? `:${s.asked ?? ""}` : "";
  return w.memo(`d:${subjectRef(s)}${named}:${q.lang}:${q.cohort ?? ""}:${q.only}`, () => writeCard(w, s, q));
}

function writeCard(
  w: AnswerWriter,
  s: Subject,
  q: Pick<Asked, "lang" | "cohort" | "only">,
): Piece | undefined {
  const { lang } = q;
  switch (s.kind) {
    case "topic":
      return topicCard(w, s, lang);
    case "list":
      return w.listCard(lang);
    case "cohort":
      return w.listCard(lang, s.id);
    case "criteria":
      return w.criteriaCard(lang);
    case "criterion":
      return criterionCard(w, s.id, lang);
    case "province":
    case "place": {
      const p = w.province(s.kind === "province" ? s.id : s.province);
      if (!p) return undefined;
      const cohort = q.cohort ? w.cohort(q.cohort) : undefined;
      const inCohort =
        cohort && !cohort.members ? p.entries.flatMap((e, i) => (e.cohort === cohort.id ? [i] : [])) : [];
      const only = s.kind === "place" ? [s.entry] : inCohort.length ? inCohort : undefined;
      if (s.kind === "place" && !p.entries[s.entry]) return undefined;
      const card = w.provinceCard(lang, p, only);
      // Asked about a group it is not in ("is Bangka Belitung a follow-up target?"): say so.
      if (cohort?.members && !cohort.members.includes(p.id)) {
        const line = w.cohortMembership(lang, p, cohort);
        return {
          ...card,
          text: `${line}\n${card.text}`,
          sources: [...new Set([...card.sources, ...cohort.sources])],
        };
      }
      return card;
    }
    case "product": {
      const card = w.productCard(lang, s.id);
      const cohort = q.cohort ? w.cohort(q.cohort) : undefined;
      if (!card || !cohort?.members) return card;
      // "Which province makes pewter, and is it a follow-up target?": say whether it is.
      const provinces = w.k.provinces.filter((p) => p.entries.some((e) => e.product === s.id));
      const lines = provinces.map((p) => w.cohortMembership(lang, p, cohort));
      return {
        ...card,
        text: [card.text, ...lines].join("\n"),
        sources: [...new Set([...card.sources, ...cohort.sources])],
      };
    }
    case "person":
      return personCard(w, s.id, lang);
    case "org":
      return orgCard(w, s.id, lang);
    case "source":
      return sourceCard(w, s.id, lang);
    case "term":
      return termCard(w, s.id, lang);
    case "officials":
      return officialsCard(w, lang);
    case "area":
      return w.membershipCard(lang, s.code, s.asked);
    case "island":
      return w.islandCard(lang, s.index, q.only, s.asked);
  }
}

// ---- specific attributes ----------------------------------------------------------------------

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
function where(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
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
function when(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const { lang } = q;
  if (s.kind === "topic" && (s.id === "started" || s.id === "summary"))
    return topicCard(w, { kind: "topic", id: "started" }, lang);
  if (s.kind === "cohort") {
    const c = w.cohort(s.id);
    if (!c) return undefined;
    if (c.period)
      return w.piece(
        w.t(lang, "answer.cohortPeriod", { cohort: c.name[lang], period: c.period.text[lang] }),
        c.period.sources,
        [s],
      );
    return c.year
      ? w.piece(
          w.t(lang, "answer.cohortYear", { cohort: capitalise(c.name[lang]), year: c.year }),
          c.sources,
          [s],
        )
      : undefined;
  }
  if (s.kind === "source") {
    const src = w.k.sources[s.id];
    if (!src) return undefined;
    const date = formatDate(lang, src.date);
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
  if (s.kind === "person") return personCard(w, s.id, lang);
  if (s.kind === "criteria" || s.kind === "criterion") return said(w, s, q);
  const entries = entriesOf(w, s).filter((x) => !q.cohort || x.e.cohort === q.cohort);
  if (!entries.length) return undefined;
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
function end(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const cohorts = s.kind === "cohort" ? [s.id] : entriesOf(w, s).map((x) => x.e.cohort);
  const c = cohorts.map((id) => w.cohort(id)).find((x) => x?.period);
  if (!c?.period) return undefined;
  return w.piece(
    w.t(q.lang, "answer.cohortPeriod", { cohort: c.name[q.lang], period: c.period.text[q.lang] }),
    c.period.sources,
    [{ kind: "cohort", id: c.id }],
  );
}

/** Who said what a subject's facts state: the speaker of their sources, or the report they are in. */
function said(w: AnswerWriter, s: Subject | undefined, q: Asked): Piece | undefined {
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

/** The sources of a subject's facts (or of the previous answer), described. */
function sourcesOf(w: AnswerWriter, s: Subject | undefined, q: Asked): Piece | undefined {
  if (s?.kind === "source") return sourceCard(w, s.id, q.lang);
  const keys =
    s && !(s.kind === "topic" && s.id === "summary")
      ? (describe(w, s, q)?.sources ?? [])
      : q.previousSources.length
        ? q.previousSources
        : Object.keys(w.k.sources);
  const cards = [...new Set(keys)].flatMap((key) => sourceCard(w, key, q.lang) ?? []);
  if (!cards.length) return undefined;
  const text = [
    w.t(q.lang, "answer.sourcesIntro"),
    ...cards.map((c) => `• ${c.text.replace(/\n/g, " ")}`),
  ].join("\n");
  return w.piece(
    text,
    cards.flatMap((c) => c.sources),
    cards.flatMap((c) => c.about),
  );
}

/** How many provinces, places or considerations, when the question says which it counts. */
function count(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
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
    return w.piece(text, w.k.selection.sources, [{ kind: "criteria" }]);
  }
  if (s.kind === "province" && q.counts === "places") {
    const p = w.province(s.id);
    if (!p) return undefined;
    const places = p.entries.map((e) => `${w.placeName(lang, e)} (${w.productName(lang, e.product)})`);
    const text = w.t(lang, "answer.countEntries", {
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
  const cohort = s.kind === "cohort" ? s.id : q.cohort;
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
  const sources = c ? c.sources : provinces.flatMap((p) => p.entries.flatMap((e) => e.sources));
  return w.piece(text, sources, [c ? { kind: "cohort", id: c.id } : { kind: "list" }]);
}

/** "Is X part of the programme (or of a group)?" */
function member(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  const cohort = q.cohort ? w.cohort(q.cohort) : undefined;
  if (cohort && (s.kind === "province" || s.kind === "place")) {
    const p = w.province(s.kind === "province" ? s.id : s.province);
    if (!p) return undefined;
    if (cohort.members)
      return w.piece(w.cohortMembership(q.lang, p, cohort), cohort.sources, [{ kind: "province", id: p.id }]);
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
    return area ? w.membershipCard(q.lang, area) : undefined;
  }
  return describe(w, s, q);
}

function criteria(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  if (s.kind === "criterion") return criterionCard(w, s.id, q.lang);
  const all = w.criteriaCard(q.lang);
  if (s.kind === "criteria" || s.kind === "topic") return all;
  const card = describe(w, s, q);
  if (!card) return undefined;
  const lines = [card.text];
  if (s.kind !== "cohort")
    lines.push(w.t(q.lang, "answer.criteriaForSubject", { subject: w.nameOf(q.lang, s) }));
  lines.push(all.text);
  return w.piece(lines.join("\n"), [...card.sources, ...all.sources], card.about);
}

function who(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  switch (s.kind) {
    case "topic": {
      // "Oleh siapa?" of the approach: the facilitators as the sources describe them (not by name).
      if (s.id === "approach" || s.id === "aim") return topicCard(w, s, q.lang);
      const partners = topicCard(w, { kind: "topic", id: "partners" }, q.lang);
      const officials = officialsCard(w, q.lang);
      return w.piece(`${partners.text}\n${officials.text}`, [...partners.sources, ...officials.sources], [s]);
    }
    case "criteria":
    case "criterion":
      return said(w, s, q);
    case "person":
    case "org":
    case "source":
    case "officials":
      return describe(w, s, q);
    default:
      return undefined;
  }
}

// ---- the table --------------------------------------------------------------------------------

const EVERY_KIND: SubjectKind[] = [
  "topic",
  "term",
  "cohort",
  "list",
  "criteria",
  "criterion",
  "province",
  "place",
  "product",
  "person",
  "org",
  "source",
  "officials",
  "area",
  "island",
];
const every = (write: Write): Row => Object.fromEntries(EVERY_KIND.map((kind) => [kind, write]));
const card: Write = (w, s, q) => describe(w, s, q);
const list: Write = (w, s, q) => w.listCard(q.lang, s.kind === "cohort" ? s.id : q.cohort);
const regions: Row = { area: card, island: card };

// Intents that only shape the answer (a list, a yes or no): any other subject gets its card.
const soft = (row: Row): Row => ({ ...every(card), ...row });

/**
 * How each intent is answered for each kind of subject. A missing cell of an intent that asks for
 * a fact (who, when, how many, where, …) means the sources hold no such fact.
 */
export const ANSWERS: Record<Intent, Row> = {
  describe: every(card),
  product: soft({ cohort: list, list, topic: list }),
  where: {
    ...regions,
    province: where,
    place: where,
    product: card,
    cohort: list,
    list,
    topic: list,
    // "JICA itu lembaga dari negara mana?", "KRI … terkait fase yang mana?": what the card says.
    org: card,
    source: card,
  },
  province: soft({ cohort: list, list, topic: list }),
  list: soft({ cohort: list, list, topic: list }),
  member: soft({ province: member, place: member, cohort: list, list, topic: list }),
  when: {
    ...regions,
    topic: when,
    cohort: when,
    province: when,
    place: when,
    product: when,
    source: when,
    person: when,
    criteria: when,
    criterion: when,
  },
  end: { cohort: end, province: end, place: end },
  who: {
    topic: who,
    person: who,
    org: who,
    source: who,
    officials: who,
    criteria: who,
    criterion: who,
    cohort: list,
  },
  said: every(said),
  source: every(sourcesOf),
  count: { topic: count, list: count, cohort: count, criteria: count, province: count },
  name: {
    // The programme's name; its facilitators or approach have no names in the sources.
    topic: (w, s, q) =>
      s.kind === "topic" && (s.id === "summary" || s.id === "name")
        ? topicCard(w, { kind: "topic", id: "name" }, q.lang)
        : undefined,
    org: card,
    person: card,
    source: card,
    cohort: card,
    term: card,
    // "Apa nama kabupatennya?": the places' names.
    province: where,
    place: where,
  },
  meaning: every(card),
  criteria: soft(every(criteria)),
  howto: {},
  later: {},
  judge: {},
  absent: {},
};

/** The answer to one intent about one subject; `undefined` when the sources hold no such fact. */
export function answer(w: AnswerWriter, intent: Intent, s: Subject | undefined, q: Asked): Piece | undefined {
  if (!s)
    return intent === "said"
      ? said(w, undefined, q)
      : intent === "source"
        ? sourcesOf(w, undefined, q)
        : undefined;
  // The knowledge never changes under a writer: each answer is written once. A region or island
  // is written the way the question named it ("Flores (Nusa Tenggara Timur)").
  const named = s.kind === "area" || s.kind === "island" ? `:${s.asked ?? ""}` : "";
  const previous = intent === "said" || intent === "source" ? `:${q.previousSources.join(",")}` : "";
  const key = `a:${intent}:${subjectRef(s)}${named}:${q.lang}:${q.cohort ?? ""}:${q.counts ?? ""}:${q.only}${previous}`;
  return w.memo(key, () => ANSWERS[intent][s.kind]?.(w, s, q));
}
