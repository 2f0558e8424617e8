/**
 * The words of every problem a YAML file can have, in each language the bot speaks: one
 * catalogue for `npm run validate`, the start-up message and the staff's reload report.
 */
import type { Lang } from "../lang.ts";

/** What the words of a problem may use: the field (already in words), a value, a limit … */
export interface ProblemParams {
  field: string;
  value?: string;
  /** A key or value the writer probably meant. */
  suggestion?: string;
  min?: number;
  max?: number;
  /** Words for the expected kind of value ("a number") and the kind found ("text"). */
  expected?: string;
  received?: string;
  /** Allowed keys or values, or the list a reference must name. */
  options?: string;
  /** The schema's or library's own explanation, passed on as it is. */
  hint?: string;
  line?: number;
}

type Words = (p: ProblemParams) => string;
const hint = (p: ProblemParams) => (p.hint ? `: ${p.hint}` : "");

/** Every problem, by key, in each language. */
export const PROBLEM_TEXTS = {
  missing: { en: (p) => `${p.field} missing`, id: (p) => `${p.field} belum diisi` },
  empty: { en: (p) => `${p.field} is empty`, id: (p) => `${p.field} kosong` },
  wrongType: {
    en: (p) => `${p.field} must be ${p.expected}, not ${p.received}`,
    id: (p) => `${p.field} harus ${p.expected}, bukan ${p.received}`,
  },
  atLeast: {
    en: (p) => `${p.field} must be at least ${p.min}, not ${p.value}`,
    id: (p) => `${p.field} paling kecil ${p.min}, bukan ${p.value}`,
  },
  atMost: {
    en: (p) => `${p.field} must be at most ${p.max}, not ${p.value}`,
    id: (p) => `${p.field} paling besar ${p.max}, bukan ${p.value}`,
  },
  tooShort: {
    en: (p) => `${p.field} needs at least ${p.min} characters`,
    id: (p) => `${p.field} perlu paling sedikit ${p.min} huruf`,
  },
  tooLong: {
    en: (p) => `${p.field} may have at most ${p.max} characters`,
    id: (p) => `${p.field} paling banyak ${p.max} huruf`,
  },
  tooFew: {
    en: (p) => `${p.field} needs at least ${p.min} ${p.min === 1 ? "item" : "items"}`,
    id: (p) => `${p.field} perlu paling sedikit ${p.min} isi`,
  },
  tooMany: {
    en: (p) => `${p.field} may hold at most ${p.max} items`,
    id: (p) => `${p.field} paling banyak berisi ${p.max}`,
  },
  badFormat: {
    en: (p) => `${p.field} "${p.value}" is not in the right form${hint(p)}`,
    id: (p) => `${p.field} "${p.value}" tidak dalam bentuk yang benar${hint(p)}`,
  },
  notUrl: {
    en: (p) => `${p.field} "${p.value}" is not a web address (https://…)`,
    id: (p) => `${p.field} "${p.value}" bukan alamat web (https://…)`,
  },
  badKey: {
    en: (p) => `the key "${p.value}" is not in the right form${hint(p)}`,
    id: (p) => `kunci "${p.value}" tidak dalam bentuk yang benar${hint(p)}`,
  },
  unknownKey: {
    en: (p) => `unknown key "${p.value}"${p.suggestion ? "" : ` (keys here: ${p.options})`}`,
    id: (p) => `kunci "${p.value}" tidak dikenal${p.suggestion ? "" : ` (kunci di sini: ${p.options})`}`,
  },
  notOneOf: {
    en: (p) => `${p.field} "${p.value}" must be one of: ${p.options}`,
    id: (p) => `${p.field} "${p.value}" harus salah satu dari: ${p.options}`,
  },
  notValid: { en: (p) => `${p.field} is not valid${hint(p)}`, id: (p) => `${p.field} tidak sah${hint(p)}` },
  unknownReference: {
    en: (p) => `${p.field} "${p.value}" is not one of the ${p.options} in this file`,
    id: (p) => `${p.field} "${p.value}" tidak ada di antara ${p.options} dalam berkas ini`,
  },
  duplicate: {
    en: (p) => `${p.field} "${p.value}" is used twice (first on line ${p.line})`,
    id: (p) => `${p.field} "${p.value}" dipakai dua kali (pertama di baris ${p.line})`,
  },
  unknownProvinceCode: {
    en: (p) => `${p.field} "${p.value}" is not a province code of Indonesia (such as 91)`,
    id: (p) => `${p.field} "${p.value}" bukan kode provinsi Indonesia (misalnya 91)`,
  },
  unknownRegencyCode: {
    en: (p) => `${p.field} "${p.value}" is not a regency or city code of Indonesia (such as 94.06)`,
    id: (p) => `${p.field} "${p.value}" bukan kode kabupaten atau kota Indonesia (misalnya 94.06)`,
  },
  notYaml: { en: (p) => `not valid YAML${hint(p)}`, id: (p) => `bukan YAML yang sah${hint(p)}` },
  unreadable: {
    en: (p) => `cannot be read (${p.value})${hint(p)}`,
    id: (p) => `tidak dapat dibaca (${p.value})${hint(p)}`,
  },
} as const satisfies Record<string, Record<Lang, Words>>;

export type ProblemKey = keyof typeof PROBLEM_TEXTS;

/** Words that complete a problem, in each language. */
export const PROBLEM_WORDS = {
  en: {
    didYouMean: (suggestion: string) => ` — did you mean "${suggestion}"?`,
    line: (line: number) => `line ${line}`,
    /** "English name": a text in one language. */
    inLanguage: (field: string, lang: Lang) => `${lang === "en" ? "English" : "Indonesian"} ${field}`,
    item: (field: string, n: number) => `${field} #${n}`,
    thisEntry: "this entry",
    theFile: "the file",
    or: " or ",
    more: (count: number) => `… and ${count} more (npm run validate lists them all)`,
    count: (count: number) => `${count} ${count === 1 ? "problem" : "problems"}`,
    /** Why a file could not be read, by Node's error code. */
    unreadable: { ENOENT: "no such file", EACCES: "permission denied", EISDIR: "it is a folder" },
    kinds: {
      string: "text",
      number: "a number",
      int: "a whole number",
      boolean: "true or false",
      array: "a list (lines starting with “- ”)",
      object: "a group of keys (key: value)",
      date: "a date (2017-12-24)",
      null: "empty",
      undefined: "missing",
    },
  },
  id: {
    didYouMean: (suggestion: string) => ` — maksudnya "${suggestion}"?`,
    line: (line: number) => `baris ${line}`,
    inLanguage: (field: string, lang: Lang) => `${field} bahasa ${lang === "en" ? "Inggris" : "Indonesia"}`,
    item: (field: string, n: number) => `${field} ke-${n}`,
    thisEntry: "entri ini",
    theFile: "berkas ini",
    or: " atau ",
    more: (count: number) => `… dan ${count} lagi (npm run validate menampilkan semuanya)`,
    count: (count: number) => `${count} masalah`,
    unreadable: { ENOENT: "berkas tidak ada", EACCES: "tidak ada izin", EISDIR: "itu sebuah folder" },
    kinds: {
      string: "teks",
      number: "angka",
      int: "bilangan bulat",
      boolean: "true atau false",
      array: "daftar (baris yang diawali “- ”)",
      object: "kelompok kunci (kunci: nilai)",
      date: "tanggal (2017-12-24)",
      null: "kosong",
      undefined: "belum diisi",
    },
  },
} as const satisfies Record<Lang, unknown>;

const KIND_WORDS: Record<Lang, ReadonlyMap<string, string>> = {
  en: new Map(Object.entries(PROBLEM_WORDS.en.kinds)),
  id: new Map(Object.entries(PROBLEM_WORDS.id.kinds)),
};

/** A kind of value zod names ("int"), in words ("a whole number"); unknown kinds as they are. */
export function kindWords(kind: string, lang: Lang): string {
  return KIND_WORDS[lang].get(kind) ?? kind;
}
