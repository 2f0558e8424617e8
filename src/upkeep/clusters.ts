import { editDistance, fold, tokenize } from "../answer/normalise.ts";
import type { Lang } from "../lang.ts";
import type { UnansweredRow } from "../storage/questions.ts";

/** Questions this alike (token-set similarity, 0 … 1) count as one. */
const CLUSTER_SIMILARITY = 0.6;

/** Near-duplicate questions counted together, under their most frequent wording. */
export interface QuestionCluster {
  /** The most frequent wording, as last typed. */
  wording: string;
  count: number;
  /** Distinct people who asked (by salted hash); askers without one count once each. */
  people: number;
  /** Wordings other than the main one. */
  variants: number;
  lastAskedAt: number;
  langs: Lang[];
  /** The best guess most often made for these questions, with its last score. */
  guess: string | undefined;
  guessScore: number | undefined;
  /** The questions, newest first. */
  rows: UnansweredRow[];
}

interface Form {
  tokens: string[];
  rows: UnansweredRow[];
}

/** The normalised tokens of a question; text without letters or digits (emoji) is its own token. */
function questionTokens(text: string): string[] {
  const tokens = tokenize(text);
  if (tokens.length) return [...new Set(tokens)];
  const folded = fold(text);
  return [folded || text.trim().toLowerCase()];
}

/** Two tokens match when equal, or when both are long enough to carry one typo and differ by one edit. */
function tokensMatch(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1);
}

/** Jaccard similarity of two token sets where a typo still counts as the same word. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const unused = [...b];
  let shared = 0;
  for (const token of a) {
    const i = unused.findIndex((other) => tokensMatch(token, other));
    if (i >= 0) {
      shared++;
      unused.splice(i, 1);
    }
  }
  return shared / (a.length + b.length - shared);
}

const byCountThenRecent = (a: { count: number; last: number }, b: { count: number; last: number }) =>
  b.count - a.count || b.last - a.last;

/**
 * Clusters near-duplicate questions: identical after normalisation first, then each wording joins
 * the cluster whose main wording it is most like (at least `threshold`), most frequent wordings
 * first so they lead their clusters. Clusters come most frequent first, then most recent.
 */
export function clusterQuestions(
  rows: readonly UnansweredRow[],
  threshold = CLUSTER_SIMILARITY,
): QuestionCluster[] {
  const forms = new Map<string, Form>();
  for (const row of [...rows].sort((a, b) => b.askedAt - a.askedAt)) {
    const tokens = questionTokens(row.text);
    const key = [...tokens].sort().join(" ");
    const form = forms.get(key) ?? { tokens, rows: [] };
    form.rows.push(row);
    forms.set(key, form);
  }
  const ordered = [...forms.values()].sort((a, b) =>
    byCountThenRecent(
      { count: a.rows.length, last: a.rows[0]?.askedAt ?? 0 },
      { count: b.rows.length, last: b.rows[0]?.askedAt ?? 0 },
    ),
  );
  const clusters: Form[][] = [];
  for (const form of ordered) {
    let best: Form[] | undefined;
    let bestScore = threshold;
    for (const cluster of clusters) {
      const score = similarity(form.tokens, (cluster[0] as Form).tokens);
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
        if (score === 1) break;
      }
    }
    if (best) best.push(form);
    else clusters.push([form]);
  }
  return clusters
    .map((cluster) => toCluster(cluster))
    .sort((a, b) => byCountThenRecent({ ...a, last: a.lastAskedAt }, { ...b, last: b.lastAskedAt }));
}

function toCluster(cluster: Form[]): QuestionCluster {
  const main = cluster[0] as Form;
  const rows = cluster.flatMap((form) => form.rows).sort((a, b) => b.askedAt - a.askedAt);
  const hashes = new Set<string>();
  let anonymous = 0;
  const guesses = new Map<string, number>();
  for (const row of rows) {
    if (row.userHash) hashes.add(row.userHash);
    else anonymous++;
    if (row.guess) guesses.set(row.guess, (guesses.get(row.guess) ?? 0) + 1);
  }
  let guess: string | undefined;
  for (const [ref, times] of guesses)
    if (guess === undefined || times > (guesses.get(guess) ?? 0)) guess = ref;
  return {
    wording: (main.rows[0] as UnansweredRow).text,
    count: rows.length,
    people: hashes.size + anonymous,
    variants: cluster.length - 1,
    lastAskedAt: rows[0]?.askedAt ?? 0,
    langs: [...new Set(rows.map((row) => row.lang))],
    guess,
    guessScore: rows.find((row) => row.guess === guess)?.guessScore,
    rows,
  };
}
