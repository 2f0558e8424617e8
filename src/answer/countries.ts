import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import id from "i18n-iso-countries/langs/id.json" with { type: "json" };

let names: ReadonlyMap<string, string[]> | undefined;

/** Every country's names in English and Indonesian, by ISO 3166 alpha-2 code (a maintained list). */
export function countryNames(): ReadonlyMap<string, string[]> {
  if (!names) {
    countries.registerLocale(en);
    countries.registerLocale(id);
    const indonesian = countries.getNames("id", { select: "all" });
    names = new Map(
      Object.entries(countries.getNames("en", { select: "all" })).map(([code, list]) => [
        code,
        [...list, ...(indonesian[code] ?? [])],
      ]),
    );
  }
  return names;
}
