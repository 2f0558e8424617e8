// Only the two locales' data files: the package's entry registers all of its 80-odd languages,
// which would hold some 2 MB of names the bot never reads.
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import id from "i18n-iso-countries/langs/id.json" with { type: "json" };

/** A locale file's entry: one name, or the official name first and then the others. */
type Names = string | readonly string[];

let names: ReadonlyMap<string, string[]> | undefined;

/** Every country's names in English and Indonesian, by ISO 3166 alpha-2 code (a maintained list). */
export function countryNames(): ReadonlyMap<string, string[]> {
  if (!names) {
    const indonesian = new Map(Object.entries(id.countries as Record<string, Names>));
    names = new Map(
      Object.entries(en.countries as Record<string, Names>).map(([code, english]) => [
        code,
        [...[english].flat(), ...[indonesian.get(code) ?? []].flat()],
      ]),
    );
  }
  return names;
}
