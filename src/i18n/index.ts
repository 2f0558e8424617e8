import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type TOptions } from "i18next";
import type { Lang } from "../lang";

/** Where the translation files live: `locales/id.json`, `locales/en.json`. */
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

/** A translate function bound to nothing: the language is passed with each call. */
export type Translate = (lang: Lang, key: string, options?: TOptions) => string;

/** Reads one locale file as a nested object of strings. */
export function readLocale(lang: Lang, dir = LOCALES_DIR): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, `${lang}.json`), "utf8")) as Record<string, unknown>;
}

/** Creates a synchronously initialised i18next instance over `locales/`. */
export function createI18n(dir = LOCALES_DIR): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { id: { translation: readLocale("id", dir) }, en: { translation: readLocale("en", dir) } },
    lng: "id",
    fallbackLng: "id",
    initAsync: false,
    // Texts are escaped where they are rendered (HTML for Telegram), not here.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** A `Translate` over an i18next instance. */
export function translator(instance: i18n): Translate {
  return (lang, key, options) => instance.t(key, { ...options, lng: lang }) as string;
}
