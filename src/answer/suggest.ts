import Fuse from "fuse.js";
import { type KnowledgeFile, PROGRAMME_ATTRIBUTES } from "../knowledge/schema.ts";
import { editDistance, fold } from "./normalise.ts";
import { type Subject, subjectRef } from "./subject.ts";

/** An answerable subject and every name it goes by. */
export interface SubjectDoc {
  ref: string;
  names: string[];
}

/** How close a Fuse.js match must be (0 exact … 1 anything) to be offered as "did you mean". */
export const SUGGESTION_CUTOFF = 0.3;
/** At most this many names are handed to Fuse.js for one question. */
const MAX_CANDIDATES = 12;

/** Whether the letters of `short` occur in `long` in the same order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/**
 * "Did you mean" over the knowledge's subjects: Fuse.js token search, run on the few names that
 * share letter trigrams with the words the matcher did not understand. Searching every name with
 * Fuse.js costs milliseconds and grows with the knowledge; a trigram index keeps it to a handful.
 */
export class SuggestionIndex {
  private readonly names: Array<{ ref: string; name: string }> = [];
  private readonly byTrigram = new Map<string, number[]>();
  /** The words of every name, by first letter. */
  private readonly nameWords = new Map<string, string[]>();

  constructor(knowledge: KnowledgeFile) {
    for (const doc of subjectDocs(knowledge)) {
      for (const name of new Set(doc.names.map(fold))) {
        const i = this.names.push({ ref: doc.ref, name }) - 1;
        for (const word of name.split(" ")) {
          if (word.length < 4) continue;
          const list = this.nameWords.get(word[0] as string) ?? [];
          if (!list.includes(word)) list.push(word);
          this.nameWords.set(word[0] as string, list);
        }
        for (const g of new Set(name.split(" ").flatMap(trigrams))) {
          const list = this.byTrigram.get(g);
          if (list) list.push(i);
          else this.byTrigram.set(g, [i]);
        }
      }
    }
  }

  /**
   * Whether `word` looks like a word of some subject's name misspelt or shortened: the same first
   * letter, and one edit ("kalimantam") or its letters in order with up to three left out ("tngh"
   * for "tengah", "brt" for "barat"). "weather" is not "together", "kode" is not "kota".
   */
  resembles(word: string): boolean {
    if (word.length < 3) return false;
    // (A word that is one of a name's words is no slip: "anggaran" of "anggaran dekonsentrasi".)
    return (this.nameWords.get(word[0] as string) ?? []).some(
      (name) =>
        name !== word &&
        ((word.length >= 5 && editDistance(word, name, 1) <= 1) ||
          (name.length - word.length <= 3 && name.length > word.length && isSubsequence(word, name))),
    );
  }

  /** Subject references whose names resemble `words`, best first. */
  search(words: readonly string[], limit: number): string[] {
    const query = words.filter((w) => w.length >= 3);
    if (!query.length) return [];
    const shared = new Map<number, number>();
    let grams = 0;
    for (const w of query) {
      for (const g of trigrams(w)) {
        grams++;
        for (const i of this.byTrigram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    // Only names that share a good part of the question's letters are worth a fuzzy look.
    const candidates = [...shared]
      .filter(([, n]) => n >= Math.max(2, grams * 0.4))
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([i]) => this.names[i] as { ref: string; name: string });
    if (!candidates.length) return [];
    const fuse = new Fuse(candidates, {
      keys: ["name"],
      useTokenSearch: true,
      ignoreLocation: true,
      includeScore: true,
      threshold: 0.4,
      // Never `useExtendedSearch`: user text must not be read as search operators.
      useExtendedSearch: false,
    });
    const refs = fuse
      .search(query.join(" "))
      .filter((r) => (r.score ?? 1) <= SUGGESTION_CUTOFF)
      .map((r) => r.item.ref);
    return [...new Set(refs)].slice(0, limit);
  }
}

/** One document per answerable subject, holding every name it goes by in both languages. */
export function subjectDocs(k: KnowledgeFile): SubjectDoc[] {
  const docs: SubjectDoc[] = [];
  const add = (subject: Subject, names: string[]) => docs.push({ ref: subjectRef(subject), names });
  for (const p of k.provinces) {
    add({ kind: "province", id: p.id }, [
      p.name.id,
      p.name.en,
      ...p.terms,
      ...p.entries.flatMap((e) => [e.place.name, e.place.en]),
    ]);
  }
  for (const p of k.products)
    add({ kind: "product", id: p.id }, [p.name.id, p.name.en, ...p.terms.id, ...p.terms.en]);
  for (const c of k.selection.criteria)
    add({ kind: "criterion", id: c.id }, [c.name.id, c.name.en, ...c.terms.id, ...c.terms.en]);
  add({ kind: "criteria" }, ["kriteria pemilihan daerah", "selection criteria regions"]);
  for (const p of k.people) add({ kind: "person", id: p.id }, [p.name, ...p.terms]);
  for (const o of k.organisations) add({ kind: "org", id: o.id }, [o.name, ...o.terms]);
  for (const id of PROGRAMME_ATTRIBUTES) {
    const terms = k.programme[id].terms;
    add({ kind: "topic", id }, [...terms.id, ...terms.en]);
  }
  for (const g of k.glossary) add({ kind: "term", id: g.id }, [g.term, ...g.terms.id, ...g.terms.en]);
  for (const c of k.cohorts)
    add({ kind: "cohort", id: c.id }, [c.name.id, c.name.en, ...c.terms.id, ...c.terms.en]);
  return docs;
}
