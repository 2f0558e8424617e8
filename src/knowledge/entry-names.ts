/**
 * Entries named the way people know them: `provinces[3].name.en` is the English name of
 * "provinces → Jawa Tengah", found by the entry's own `name`, `title` or `id`.
 */
import { LANGS, type Lang } from "../lang.ts";
import type { PathPart } from "./yaml-source.ts";

/** Keys whose value names an entry, in order of preference. */
const NAME_KEYS = ["name", "title", "id", "key"];

/** The entry a path is in, as names, and the key of that entry it ends at. */
export interface EntryName {
  /** `["provinces", "Jawa Tengah"]`; empty for the whole file. */
  entry: readonly string[];
  /** The key the path ends at: `name`, in English (`en`); a list's item by its index. */
  field: { key: string; lang?: Lang; item?: number } | undefined;
}

/**
 * Splits a path into the entry people know by name and the key the problem is about:
 * `provinces[3].name.en` → entry "provinces → Jawa Tengah", key `name` in English.
 */
export function nameEntry(data: unknown, path: readonly PathPart[]): EntryName {
  // The key: the last name in the path, with the language or list position that follows it.
  let keyAt = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === "string") {
      keyAt = i;
      break;
    }
  }
  const tail = path.slice(keyAt + 1);
  const last = path[keyAt];
  const endsAtItem = keyAt >= 0 && tail.length === 1 && typeof tail[0] === "number";
  const lang = LANGS.find((l) => l === last);
  let field: EntryName["field"];
  let entryEnd = keyAt;
  if (keyAt < 0 || (tail.length > 0 && !endsAtItem)) {
    entryEnd = path.length; // the path ends at an entry of a list, not at a key
  } else if (lang && !endsAtItem && keyAt > 0 && typeof path[keyAt - 1] === "string") {
    field = { key: String(path[keyAt - 1]), lang };
    entryEnd = keyAt - 1;
  } else {
    field = { key: String(last), ...(endsAtItem ? { item: tail[0] as number } : {}) };
  }
  return { entry: entryLabels(data, path.slice(0, entryEnd)), field };
}

/** `["provinces", 3, "entries", 0]` → `["provinces", "Jawa Tengah", "entries #1"]`. */
function entryLabels(data: unknown, path: readonly PathPart[]): string[] {
  const labels: string[] = [];
  let value = data;
  for (const part of path) {
    value =
      typeof value === "object" && value !== null ? (value as Record<PathPart, unknown>)[part] : undefined;
    if (typeof part === "string") labels.push(part);
    else {
      const name = nameOf(value);
      if (name) labels.push(name);
      else labels.push(`${labels.pop() ?? ""} #${part + 1}`.trim());
    }
  }
  return labels;
}

/** The name an entry goes by: its `name` (the first language of a translated one), `title` or `id`. */
function nameOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  for (const key of NAME_KEYS) {
    const name = (value as Record<string, unknown>)[key];
    if (typeof name === "string" && name.trim()) return name.trim().slice(0, 60);
    if (typeof name === "object" && name !== null) {
      const first = Object.values(name).find((v) => typeof v === "string" && v.trim());
      if (typeof first === "string") return first.trim().slice(0, 60);
    }
  }
  return undefined;
}
