/**
 * Whose reasons a "why" asks for. The sources give the cooperation's aim as one side states it
 * (the Ministry of Industry); "why did Japan decide to help?" asks the other side's reasons, which
 * they don't give, while "why did Indonesia team up with Japan?" is answered by the aim. Pure.
 */
import type { Knowledge } from "../knowledge/load.ts";
import { countryNames } from "./countries.ts";
import { hasCue } from "./parts.ts";
import type { Concept, Match } from "./vocabulary.ts";

/**
 * The country of the party a "why" is asked of: the first party the question names after its "why"
 * ("Kenapa Jepang mau …", "Why did Indonesia team up with Japan"), else the last before it ("JICA
 * kenapa mau bantu?"). `countryOf` reads a phrase as one of the cooperation's sides ("jepang",
 * "jica", "kemenperin"), or not: a party of neither ("pemerintah", "the programme") asks no side's.
 */
export function partyAskedWhy(
  matches: readonly Match[],
  countryOf: (phrase: string) => string | undefined,
): string | undefined {
  const why = matches.findIndex((m) => hasCue(m, "why"));
  if (why < 0) return undefined;
  const isParty = (m: Match) =>
    countryOf(m.text) !== undefined ||
    m.concepts.some((c) => PARTIES.has(c.type) || (c.type === "cue" && c.cue === "domain"));
  const party = matches.slice(why + 1).find(isParty) ?? matches.slice(0, why).findLast(isParty);
  return party && countryOf(party.text);
}

// What can be a party that does something: the programme itself, an organisation, a person.
const PARTIES: ReadonlySet<Concept["type"]> = new Set<Concept["type"]>([
  "programme",
  "org",
  "person",
  "role",
]);

/**
 * The organisation whose reasons a "why" asks for where the sources give none: one of the other
 * side than the aim's ("Why is Japan interested?" → JICA), if any.
 */
export function motiveNotGiven(asked: string | undefined, k: Knowledge): string | undefined {
  if (!asked) return undefined;
  const stater = k.organisations.find((o) => o.id === k.programme.aim.stated_by);
  if (asked === stater?.country) return undefined;
  return k.organisations.find((o) => o.country === asked)?.id;
}

/**
 * The cooperation's sides by the phrases that name them, as country codes: its countries' names
 * ("jepang", "japan") and its organisations' ("jica", "kemenperin"). `key` reads a name as a phrase.
 */
export function sidesOf(k: Knowledge, key: (text: string) => string): ReadonlyMap<string, string> {
  const sides = new Map<string, string>();
  for (const o of k.organisations)
    if (o.country) for (const name of [o.name, ...o.terms]) sides.set(key(name), o.country);
  for (const code of k.programme.countries)
    for (const name of countryNames().get(code) ?? []) sides.set(key(name), code);
  return sides;
}
