/**
 * English question words that join a clause rather than ask ("… when choosing regions?"), read
 * as mere words. Pure.
 */
import { saysNothing } from "./found.ts";
import { hasCue, isAnd, isQuestionWord } from "./parts.ts";
import type { Match } from "./vocabulary.ts";

/**
 * A clause with the English question words that join a clause, not ask, left as mere words: one
 * word of time or place after the question has asked ("what …", "which …") and before more words,
 * or before a verb in -ing ("does the budget matter when choosing regions?").
 * "and when …" asks again, and a question of two pieces is split at "and" beforehand.
 */
export function withoutJoiningWords(matches: Match[]): Match[] {
  let asked = false;
  // (A verb in -ing means something: "during" or "morning" is no such verb.)
  const beforeGerund = (i: number) => {
    const next = matches[i + 1];
    return next !== undefined && next.tokens[0]?.original.endsWith("ing") === true && !saysNothing(next);
  };
  return matches.map((m, i) => {
    const joining =
      (asked || beforeGerund(i)) && i < matches.length - 1 && !isAnd(matches[i - 1]) && hasCue(m, "joins");
    asked ||= isQuestionWord(m);
    return joining ? { ...m, concepts: [{ type: "cue", cue: "stop" }] } : m;
  });
}
