import type { AnswerEngine, ReplyKind } from "./engine.ts";
import { fold } from "./normalise.ts";

/** One question of an evaluation set (the format of the shared scorer's sets, copied in test/eval/). */
export interface EvalCase {
  q: string;
  lang: "id" | "en";
  must?: string[][];
  /** Strings none of which may appear in the answer. */
  must_not?: string[];
  oos?: boolean;
  smalltalk?: boolean;
  not_in_programme?: boolean;
  kinds?: ReplyKind[];
  cat?: string;
  /** Earlier messages of the same chat, oldest first: `q` is a follow-up. */
  history?: string[];
}

export interface EvalResult {
  /** Passes and totals by group ("in-scope", "out-of-scope", "small talk") and by category. */
  groups: Map<string, { pass: number; total: number }>;
  categories: Map<string, { pass: number; total: number }>;
  languageOk: number;
  total: number;
  failures: string[];
}

/** Reads a JSON-lines question set. */
export function parseCases(text: string): EvalCase[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}

/** The text compared with `must`: case and accents ignored, as the shared scorer does. */
function comparable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

/**
 * Scores the engine on a question set with the rules of the founders' shared scorer
 * (`eval/score.mjs`, outside this repository): the right kind, the right language, every `must` group present and
 * no `must_not` string.
 */
export function evaluate(engine: AnswerEngine, cases: EvalCase[]): EvalResult {
  const result: EvalResult = {
    groups: new Map(),
    categories: new Map(),
    languageOk: 0,
    total: cases.length,
    failures: [],
  };
  const bump = (map: EvalResult["groups"], key: string, ok: boolean) => {
    const t = map.get(key) ?? { pass: 0, total: 0 };
    t.total += 1;
    if (ok) t.pass += 1;
    map.set(key, t);
  };
  for (const c of cases) {
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const reply = engine.askAfter((c.history ?? []).map(flat), flat(c.q));
    const want: ReplyKind = c.oos
      ? "fallback"
      : c.smalltalk
        ? "smalltalk"
        : c.not_in_programme
          ? "not_in_programme"
          : "answer";
    const text = comparable(reply.sourceLine ? `${reply.text}\n\n${reply.sourceLine}` : reply.text);
    const missing = (c.must ?? []).filter((alts) => !alts.some((a) => text.includes(comparable(a))));
    const forbidden = (c.must_not ?? []).filter((a) => text.includes(comparable(a)));
    const sameLang = reply.lang === c.lang;
    const ok =
      (c.kinds ?? [want]).includes(reply.kind) && sameLang && missing.length === 0 && forbidden.length === 0;
    if (sameLang) result.languageOk += 1;
    const group = c.oos ? "out-of-scope" : c.smalltalk ? "small talk" : "in-scope";
    bump(result.groups, group, ok);
    bump(result.categories, c.cat ?? group, ok);
    if (!ok) {
      const needs =
        (missing.length ? ` with ${missing.map((m) => m.join("|")).join(", ")}` : "") +
        (forbidden.length ? ` without ${forbidden.join(", ")}` : "");
      result.failures.push(
        `- ${JSON.stringify(c.q)} [${c.lang}] want ${want}${needs}${c.history ? ` (after ${JSON.stringify(c.history)})` : ""} — got ${reply.kind}/${reply.lang}: ${fold(reply.text).slice(0, 120)}`,
      );
    }
  }
  return result;
}

/** Share of passes in percent, one decimal. */
export function percent(t: { pass: number; total: number } | undefined): number {
  return t?.total ? Math.round((1000 * t.pass) / t.total) / 10 : 0;
}
