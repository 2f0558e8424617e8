/**
 * "Orang Palu dapat program apa?", "wong Tegal", "arek Jatim", "warga Bangka Barat", "Bugis people",
 * "Batak weavers", "people in Pontianak": a word for the people of a region, beside its name, says
 * whose region it is. The region is what is asked about; the word asks nothing ("orang" is no one
 * named, "weavers" no word the sources lack). Pure.
 */
import { isRegionName, ORIGIN_PREPOSITIONS } from "./around.ts";
import { isUnknown } from "./asking-slot.ts";
import { type Match, writtenWords } from "./concepts.ts";

/**
 * A region's name, an island's too ("wong Jowo", "orang Kalimantan"), or an organisation's, whose
 * people they are ("orang JICA", "Kemenperin people").
 */
const namesWhosePeople = (m: Match | undefined) =>
  isRegionName(m) || (m?.concepts.some((c) => c.type === "island" || c.type === "org") ?? false);

/** `matches` without the words of `peoples` ("orang", "folks") said beside a region's name. */
export function withoutPeoplesWords(
  matches: Match[],
  peoples: ReadonlySet<string>,
  relays: ReadonlySet<string>,
): Match[] {
  if (!peoples.size) return matches;
  const said = (m: Match) => peoples.has(writtenWords(m));
  // ("Anak Makassar nanya, …": the people of a region who ask, see `withoutOrigins`.)
  const asks = (i: number) => namesWhosePeople(matches[i + 1]) && relays.has(writtenWords(matches[i + 2]));
  const beside = (i: number) =>
    namesWhosePeople(matches[i + 1]) ||
    namesWhosePeople(matches[i - 1]) ||
    // ("people in Pontianak", "warga dari Tegal")
    (ORIGIN_PREPOSITIONS.has(matches[i + 1]?.text ?? "") && namesWhosePeople(matches[i + 2]));
  // (Not after a word the sources don't know: "Kenapa warteg kebanyakan orang Tegal?" is about warteg.)
  const firstUnknown = matches.findIndex(isUnknown);
  const afterUnknown = (i: number) => firstUnknown >= 0 && firstUnknown < i;
  const kept = matches.filter((m, i) => !(said(m) && beside(i) && !afterUnknown(i) && !asks(i)));
  return kept.length === matches.length ? matches : kept;
}
