/** The languages the bot speaks: Bahasa Indonesia and English. */
export type Lang = "id" | "en";

/** Every supported language, in the order they are offered to users. */
export const LANGS: readonly Lang[] = ["id", "en"];

/** Whether `value` is one of the supported language codes. */
export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}
