/**
 * "Which province has the most locations?", "Pulau mana yang paling banyak provinsinya?",
 * "Kelompok mana yang paling sedikit anggotanya?": the one that has the most (or fewest) of what the
 * sources list, counted: a province's programme locations, an island's programme provinces, a
 * group's provinces. Ties are named together. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import type { Found } from "./found.ts";
import { joinList } from "./lists.ts";
import { provincesOf, provincesOnIsland } from "./negation.ts";
import type { Subject } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/** What a question ranks, and whether by the fewest. */
export interface Ranking {
  of: "groups" | "islands" | "provinces";
  fewest: boolean;
  /** Which of the named has more ("lebih banyak mana, A atau B?"): a tie is said to be one. */
  compared?: boolean;
}

/** The ranking a question asks for ("paling banyak", "the fewest"), if it asks one. */
export function rankingAsked(f: Found): Ranking | undefined {
  // ("the most successful" judges, which the sources never do; "the most workers", "paling banyak
  // dana" count what they never give; "berapa" asks a count, not which.)
  const most = f.cues.has("most");
  const fewest = f.cues.has("fewest");
  const compared = (f.cues.has("more") || f.cues.has("fewer")) && f.cues.has("or") && !most && !fewest;
  if ((most === fewest && !compared) || f.cues.has("judge") || f.cues.has("quantity") || f.cues.has("total"))
    return undefined;
  // (Only of what the sources list: not "more people", "more facilitators", "more products".)
  const other = f.terms.length + f.criteria.length + f.attributes.length + f.people.length + f.orgs.length;
  // (Of provinces said, another word may only say which: "… atau yang siap gabung 2017?")
  const unknown = f.unknown.length > 0 && !(compared && f.cues.has("provinces"));
  if (unknown || other || f.cues.has("product") || f.cues.has("officials")) return undefined;
  // "Lebih banyak mana provinsinya, tahap pertama atau yg 2017?": of the two named, which has more
  // ("lebih sedikit": fewer). (What is counted is said: an island's provinces, a province's locations.)
  if (compared) {
    // (Not of regions within a group, "di tahap pertama, Jawa atau Sulawesi?", which counts otherwise;
    // an island's places asked, "mana" may be, are not its provinces.)
    const grouped = f.cohorts.length + f.years.length > 0 || f.cues.has("phase");
    const regions = f.islands.length + f.provinces.length > 0;
    if (grouped && regions) return undefined;
    const of =
      f.cohorts.length + f.years.length >= 2 || f.cues.has("phase")
        ? "groups"
        : f.islands.length >= 2 && (f.cues.has("provinces") || !f.cues.has("where"))
          ? "islands"
          : f.provinces.length >= 2
            ? "provinces"
            : undefined;
    return of && { of, fewest: f.cues.has("fewer"), compared: true };
  }
  // ("Of the first phase and the 2017 group, which province has the most locations?" ranks provinces.)
  if ((f.cohorts.length >= 2 || f.cues.has("phase")) && !f.cues.has("where"))
    return f.cues.has("provinces") || f.cues.has("member") ? { of: "groups", fewest } : undefined;
  if (f.islands.length >= 2 || f.cues.has("island"))
    return f.cues.has("provinces") ? { of: "islands", fewest } : undefined;
  // A province's locations ("paling banyak lokasinya"; "paling sering disebut": named once a location).
  return f.cues.has("where") || f.cues.has("name") ? { of: "provinces", fewest } : undefined;
}

/** One thing ranked: its name, how many it has, and their names. */
interface Counted {
  subject: Subject;
  name: string;
  items: string[];
  sources: string[];
}

/** The things a ranking compares, each with what it has, within what the question names. */
function counted(w: AnswerWriter, lang: Lang, r: Ranking, subjects: readonly Subject[]): Counted[] {
  const k: Knowledge = w.k;
  const provinceNames = (ids: readonly string[]) =>
    ids.flatMap((id) => k.provinces.find((p) => p.id === id)?.name[lang] ?? []);
  if (r.of === "groups") {
    const named = subjects.flatMap((s) => (s.kind === "cohort" ? [s.id] : []));
    return k.cohorts
      .filter((c) => named.length < 2 || named.includes(c.id))
      .map((c) => ({
        subject: { kind: "cohort", id: c.id } as Subject,
        name: c.name[lang],
        items: provinceNames(provincesOf(k, c.id).map((p) => p.id)),
        sources: c.sources,
      }));
  }
  if (r.of === "islands") {
    const named = subjects.flatMap((s) => (s.kind === "island" ? [s.index] : []));
    return k.regions.islands.flatMap((island, index) => {
      const on = provincesOnIsland(k, index);
      if ((named.length >= 2 && !named.includes(index)) || (named.length < 2 && on.length === 0)) return [];
      const sources = on.flatMap((p) => p.entries.flatMap((e) => e.sources));
      return [
        {
          subject: { kind: "island", index } as Subject,
          name: island.name[lang],
          items: on.map((p) => p.name[lang]),
          sources,
        },
      ];
    });
  }
  // A province's programme locations, of the provinces the question names (a group's, or all).
  const cohorts = subjects.flatMap((s) => (s.kind === "cohort" ? [s.id] : []));
  const named = subjects.flatMap((s) => (s.kind === "province" ? [s.id] : []));
  const inGroups = new Set(cohorts.flatMap((c) => provincesOf(k, c).map((p) => p.id)));
  const among = k.provinces.filter((p) =>
    cohorts.length ? inGroups.has(p.id) : named.length < 2 || named.includes(p.id),
  );
  // (Of a group, its provinces' entries in that group only.)
  const inScope = (cohort: string) => cohorts.length === 0 || cohorts.includes(cohort);
  return among.map((p) => {
    const entries = p.entries.filter((e) => inScope(e.cohort));
    return {
      subject: { kind: "province", id: p.id } as Subject,
      name: p.name[lang],
      items: entries.flatMap((e) => (e.place ? [lang === "en" ? e.place.en : e.place.name] : [])),
      sources: entries.flatMap((e) => [...e.sources, ...(e.place?.sources ?? [])]),
    };
  });
}

/**
 * "Most programme locations, counted in the sources: two — <province>: <place> and <place>.";
 * ties are named together. `undefined` when there is nothing to compare.
 */
export function rankingCard(
  w: AnswerWriter,
  lang: Lang,
  r: Ranking,
  subjects: readonly Subject[],
): Piece | undefined {
  // (What has none of what is counted, "Bali" of programme provinces, is not ranked.)
  const all = counted(w, lang, r, subjects).filter((c) => c.items.length > 0);
  if (all.length < 2) return undefined;
  const counts = all.map((c) => c.items.length);
  const best = r.fewest ? Math.min(...counts) : Math.max(...counts);
  const top = all.filter((c) => c.items.length === best);
  // (Compared, what has fewer is said too, with its count.)
  const rest = all.filter((c) => c.items.length !== best);
  const key = !r.compared
    ? `answer.ranked.${r.of}.${r.fewest ? "fewest" : "most"}`
    : rest.length
      ? `answer.ranked.${r.fewest ? "fewer" : "more"}`
      : "answer.ranked.same";
  const others = rest.map((c) =>
    w.t(lang, "answer.ranked.countIn", {
      total: w.number(lang, c.items.length),
      name: c.name,
      items: joinList(lang, c.items),
    }),
  );
  const text = w.t(lang, key, {
    total: w.number(lang, best),
    items: top.map((c) => `${c.name}: ${joinList(lang, c.items)}`).join("; "),
    top: joinList(
      lang,
      top.map((c) => c.name),
    ),
    list: top.map((c) => joinList(lang, c.items)).join("; "),
    what: w.text(lang, `answer.ranked.counted.${r.of}`),
    others: joinList(lang, others),
  });
  const shown = r.compared ? all : top;
  return w.piece(
    text,
    [...new Set(shown.flatMap((c) => c.sources))],
    shown.map((c) => c.subject),
  );
}
