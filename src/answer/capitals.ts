import { hasCue } from "./parts.ts";
import type { Concept, Match } from "./vocabulary.ts";

/**
 * "Provinsi yang beribu kota Medan", "the province whose capital is Semarang": a city named as a
 * capital stands for the province it is the capital of, which is the province it lies in. Asked of
 * a province ("apa ibu kota Sulsel?"), the capital stays a fact the sources never give.
 *
 * `provinceOf` gives the concept a province's two-digit code stands for; `joinsCapital` whether two
 * words make a capital's phrase, for "ibu | kota Kendari" read with the city's "kota".
 */
export function capitalsAsProvinces(
  matches: Match[],
  provinceOf: (code: string) => Concept | undefined,
  joinsCapital: (words: string) => boolean,
): Match[] {
  if (matches.length < 2) return matches;
  const out = [...matches];
  out.forEach((m, i) => {
    const next = out[i + 1];
    const split = next !== undefined && joinsCapital(`${m.tokens.at(-1)?.text} ${next.tokens[0]?.text}`);
    if (!split && !hasCue(m, "capital")) return;
    // Up to two words of no meaning between ("capital is", "ibu kotanya yaitu").
    let j = i + 1;
    while (j < Math.min(out.length, i + 3) && isFiller(out[j] as Match)) j++;
    const city = out[j];
    const province = city && provinceOfCity(city, provinceOf);
    if (!city || !province) return;
    out[j] = { ...city, concepts: [province] };
    out[i] = { ...m, concepts: [STOP] };
    // "whose capital": the relative word asks no one.
    const before = out[i - 1];
    if (before?.text === "whose") out[i - 1] = { ...before, concepts: [STOP] };
  });
  return out;
}

const STOP: Concept = { type: "cue", cue: "stop" };

const isFiller = (m: Match) =>
  m.concepts.length > 0 &&
  m.concepts.every((c) => c.type === "cue" && (c.cue === "stop" || c.cue === "opener"));

/** The province of a regency or city a phrase names, if it names one. */
function provinceOfCity(m: Match, provinceOf: (code: string) => Concept | undefined): Concept | undefined {
  for (const c of m.concepts) {
    if (c.type === "place") return { type: "province", id: c.province };
    if (c.type !== "area" || !c.code.includes(".")) continue;
    const province = provinceOf(c.code.slice(0, 2));
    return province?.type === "area" ? { ...province, byCapital: true } : province;
  }
  return undefined;
}
