import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type TOptions } from "i18next";
import { LANGS, type Lang } from "../lang.ts";

/**
 * Where the translations live: `locales/<lang>/<feature>.json`. Each feature keeps its own file,
 * and its keys are read as `<feature>.<key>` (`answer.fallback`, `start.welcome`).
 */
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

/** A translate function bound to nothing: the language is passed with each call. */
export type Translate = (lang: Lang, key: string, options?: TOptions) => string;

/** Reads every feature file of one language into one object keyed by feature. */
export function readLocale(lang: Lang, dir = LOCALES_DIR): Record<string, unknown> {
  const files = readdirSync(join(dir, lang))
    .filter((f) => f.endsWith(".json"))
    .sort();
  return Object.fromEntries(
    files.map((file) => [basename(file, ".json"), JSON.parse(readFileSync(join(dir, lang, file), "utf8"))]),
  );
}

/** Creates a synchronously initialised i18next instance over `locales/`. */
export function createI18n(dir = LOCALES_DIR): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(LANGS.map((lang) => [lang, { translation: readLocale(lang, dir) }]));
  void instance.init({
    resources,
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
