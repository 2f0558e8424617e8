/**
 * Cards: what the sources say about one subject, whatever was asked of it — the answer to
 * "Papua?", a button or a deep link, and what a "the sources don't say" reply adds.
 */
import type { Lang } from "../lang.ts";
import { formatDate } from "./dates.ts";
import { islandCard, membershipCard } from "./region-cards.ts";
import { type Subject, subjectRef } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/** What shapes a card beyond its subject. */
export interface CardOptions {
  lang: Lang;
  /** A group of provinces the question narrows to ("in the first phase"). */
  cohort?: string | undefined;
  /** "only in Java?" */
  only: boolean;
}

export function topicCard(w: AnswerWriter, s: Extract<Subject, { kind: "topic" }>, lang: Lang): Piece {
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

export function personCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
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

/**
 * Where a person said what the sources quote ("Gati ngomong di mana?"): they name no place, only
 * how the statements came (an official release). Of someone no source quotes, nothing.
 */
export function whereSaid(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const p = w.k.people.find((x) => x.id === id);
  if (!p || !Object.values(w.k.sources).some((s) => s.speaker === id)) return undefined;
  const text = w.t(lang, "answer.whereSaid", { name: p.name, about: p.about.text[lang] });
  return w.piece(text, p.about.sources, [{ kind: "person", id }]);
}

/**
 * Who wrote a source, or edited it, or both ("siapa penulis dan editor artikel Bisnis?"), each by
 * their card; `undefined` when the source names neither.
 */
export function writersCard(
  w: AnswerWriter,
  id: string,
  q: { lang: Lang; editor: boolean; writerAndEditor: boolean },
): Piece | undefined {
  const source = w.k.sources[id];
  const asked = q.writerAndEditor
    ? [source?.author, source?.editor]
    : [q.editor ? source?.editor : source?.author];
  const cards = asked.flatMap((person) => (person ? (personCard(w, person, q.lang) ?? []) : []));
  if (cards.length < 2) return cards[0];
  const text = cards.map((c) => c.text).join("\n");
  return w.piece(text, [...new Set(cards.flatMap((c) => c.sources))], [{ kind: "source", id }]);
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

export function officialsCard(w: AnswerWriter, lang: Lang): Piece {
  const people = w.k.people.filter((p) => p.official);
  const lines = [w.t(lang, "answer.officialsIntro")];
  for (const p of people) lines.push(`• ${p.name} — ${p.role[lang]}`);
  for (const o of w.k.organisations) lines.push(`• ${o.name}: ${o.about[lang]}`);
  const sources = [...people, ...w.k.organisations].flatMap((x) => x.sources);
  return w.piece(lines.join("\n"), sources, [{ kind: "officials" }]);
}

/** A source described: publisher, title, date (and time), its number, who wrote and edited it. */
export function sourceCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
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
  if (s.note) lines.push(s.note[lang]);
  lines.push(w.t(lang, `answer.sourceLanguage.${s.language}`));
  return w.piece(lines.join("\n"), [id], [{ kind: "source", id }]);
}

function termCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const g = w.k.glossary.find((x) => x.id === id);
  return g && w.piece(g.meaning[lang], g.sources, [{ kind: "term", id }]);
}

/** The considerations regions are chosen on, numbered in the order the sources give them. */
export function criteriaCard(w: AnswerWriter, lang: Lang): Piece {
  const criteria = w.k.selection.criteria;
  const lines = [w.t(lang, "answer.criteriaIntro", { total: w.number(lang, criteria.length) })];
  criteria.forEach((c, i) => {
    lines.push(
      `${i + 1}. ${w.t(lang, "answer.criterion", { name: c.name[lang], meaning: c.meaning[lang] })}`,
    );
  });
  const sources = [...w.k.selection.sources, ...criteria.flatMap((c) => c.sources)];
  const items = criteria.map((c): Subject => ({ kind: "criterion", id: c.id }));
  return { ...w.piece(lines.join("\n"), sources, [{ kind: "criteria" }]), items };
}

export function criterionCard(w: AnswerWriter, id: string, lang: Lang): Piece | undefined {
  const c = w.k.selection.criteria.find((x) => x.id === id);
  if (!c) return undefined;
  // (Said as one of the considerations regions are chosen on: "sources of support" alone reads as
  // who funds the programme, which the sources don't say.)
  const text = w.t(lang, "answer.criterionCard", { name: c.name[lang], meaning: c.meaning[lang] });
  return w.piece(text, c.sources, [{ kind: "criterion", id }]);
}

/** A subject's whole card in `lang`: asked of no group, not as the only thing asked. */
export const cardOf = (w: AnswerWriter, s: Subject, lang: Lang): Piece | undefined =>
  describe(w, s, { lang, cohort: undefined, only: false });

/** What the sources say about a subject, whatever was asked of it. */
export function describe(w: AnswerWriter, s: Subject, q: CardOptions): Piece | undefined {
  const named = s.kind === "area" || s.kind === "island" ? `:${s.asked ?? ""}` : "";
  return w.memo(`d:${subjectRef(s)}${named}:${q.lang}:${q.cohort ?? ""}:${q.only}`, () => writeCard(w, s, q));
}

function writeCard(w: AnswerWriter, s: Subject, q: CardOptions): Piece | undefined {
  const { lang } = q;
  switch (s.kind) {
    case "topic":
      return topicCard(w, s, lang);
    case "list":
      return w.listCard(lang);
    case "cohort":
      return w.listCard(lang, s.id);
    case "criteria":
      return criteriaCard(w, lang);
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
    case "source": {
      // "A completion report for the second phase?": a report on one group says nothing of another.
      const covers = w.k.sources[s.id]?.covers;
      if (q.cohort && covers && covers !== q.cohort) return undefined;
      return sourceCard(w, s.id, lang);
    }
    case "term":
      return termCard(w, s.id, lang);
    case "officials":
      return officialsCard(w, lang);
    case "area":
      return membershipCard(w, lang, s.code, s.asked);
    case "island":
      return islandCard(w, lang, s.index, q.only, s.asked);
  }
}
