import type { Lexicon } from "./lexicon.ts";

/** The longest question text the matcher reads; the rest of a longer message is ignored. */
export const MAX_QUESTION_CHARS = 500;
/** The most words the matcher reads: a question's cost grows with its words, not only its letters. */
export const MAX_QUESTION_WORDS = 80;

const ASCII = /^[\x20-\x7e]*$/;
const POSSESSIVE = /['’`]s\b/g; // Papua's → "papua s": the matcher reads the possessive
// "How's it going?", "what's": is, not a possessive.
const CONTRACTION = /\b(how|what|where|who|when|why|it|that|there|here|he|she|let)['’`]s\b/g;

/**
 * Folds text to the form every lexicon entry is written in: NFKC, lower case, no accents,
 * letters and digits only, single spaces. "Sulawesi-Selatan!!" → "sulawesi selatan".
 */
export function fold(text: string): string {
  const cut = text
    .slice(0, MAX_QUESTION_CHARS * 2)
    .replace(/<\/?[a-z][^<>]{0,100}>/gi, " ") // <b>Papua</b>
    .replace(/(\d)[.,](?=\d{3}\b)/g, "$1"); // "1.000", "25,000": one number
  // Most questions are plain ASCII: they need no Unicode normalisation (the fast path).
  const folded = ASCII.test(cut)
    ? cut
        .toLowerCase()
        .replace(CONTRACTION, "$1")
        .replace(POSSESSIVE, " s")
        .replace(/['`]/g, "")
        .replace(/[^a-z0-9]+/g, " ")
    : cut
        .normalize("NFKC")
        .toLowerCase()
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/\p{Cf}/gu, "") // invisible format characters: zero-width space, RTL override, soft hyphen
        .replace(CONTRACTION, "$1")
        .replace(POSSESSIVE, " s")
        .replace(/['’`]/g, "")
        .replace(/[^\p{L}\p{N}]+/gu, " ");
  return folded.trim().slice(0, MAX_QUESTION_CHARS);
}

/** Letters repeated three times or more shrink to one: "halooo" → "halo", "kopiii" → "kopi". */
function squeeze(token: string): string {
  return TRIPLE.test(token) ? token.replace(/(\p{L})\1{2,}/gu, "$1") : token;
}
const TRIPLE = /(.)\1\1/;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;

/** The most letters written twice that `unstretched` halves (each way: 2 to the power of them). */
const MAX_DOUBLES = 3;

/**
 * `word` with letters written twice written once, each way, fewest halved first ("produknyaa" →
 * "produknya", …; "programmee" → "programme", "programe", "programee").
 */
export function unstretched(word: string): string[] {
  const doubles = [...word.matchAll(/(\p{L})\1/gu)].map((m) => m.index).slice(-MAX_DOUBLES);
  const variants: Array<{ text: string; halved: number }> = [];
  for (let mask = 1; mask < 1 << doubles.length; mask++) {
    let text = word;
    let halved = 0;
    // (From the end, so each cut leaves the places of those before it as they were.)
    for (let i = doubles.length - 1; i >= 0; i--)
      if (mask & (1 << i)) {
        const at = doubles[i] as number;
        text = text.slice(0, at) + text.slice(at + 1);
        halved++;
      }
    variants.push({ text, halved });
  }
  return variants.sort((a, b) => a.halved - b.halved).map((v) => v.text);
}

/**
 * Splits a question into normalised tokens: folded, squeezed, reduplication collapsed
 * ("produk2" → "produk") and, given the lexicon, informal spellings replaced ("bikin" → "buat")
 * and "tahu" read as "know" where the words before it say so.
 */
export function tokenize(text: string, lexicon?: Pick<Lexicon, "spelling" | "knowContext">): string[] {
  const out: string[] = [];
  // Cut before the reduplication pattern runs: over a long run of letters it would cost the
  // square of their number.
  // ("Email saya budisulsel2017@gmail.com, …": an address names nothing.)
  const cut = text.slice(0, MAX_QUESTION_CHARS * 2).replace(EMAIL, " ");
  const unreduplicated = withFullYears(
    cut.includes("2") ? cut.replace(/(?<!\p{L})(\p{L}+)2\b/gu, "$1") : cut,
  );
  for (const raw of spelledOutJoined(fold(unreduplicated).split(" ", MAX_QUESTION_WORDS))) {
    if (!raw) continue;
    const token = squeeze(raw);
    const spelled = lexicon?.spelling.get(token) ?? token;
    for (const part of spelled.includes(" ") ? spelled.split(" ") : [spelled]) {
      const previous = out[out.length - 1];
      const know = part === "tahu" && previous !== undefined && lexicon?.knowContext.has(previous);
      out.push(know ? "ketahui" : part);
    }
  }
  return out;
}

/** The fewest letters or digits in a row, each alone, that spell one word ("s u m b a r", "2 0 2 3"). */
const MIN_SPELLED_OUT = 3;

/**
 * "S U M B A R", "a.f.i.r.m.a.t.i.f", "I.K.M", "2 0 2 3": letters or digits written one by one are
 * the word they spell (folded text has lost the dots; two alone, "s d" of "s.d.", stay apart).
 */
function spelledOutJoined(words: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    // (Digits spell a year, four of them: "tahap 1 2 3" lists phases.)
    const spells = /\d/.test(run[0] ?? "") ? run.length === 4 : run.length >= MIN_SPELLED_OUT;
    if (spells) out.push(run.join(""));
    else out.push(...run);
    run = [];
  };
  for (const word of words) {
    // (Letters and digits spell apart: "3 t a r g e t" is 3 and "target".)
    const digit = (w: string | undefined) => w !== undefined && /\d/.test(w);
    if ([...word].length === 1 && (run.length === 0 || digit(word) === digit(run[0]))) run.push(word);
    else if ([...word].length === 1) {
      flush();
      run.push(word);
    } else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

// "'17", "thn 13", "year 13": a year written short, after an apostrophe or a word for a year
// ("13 provinsi" stays thirteen). "2013-16", "periode 13–16": a span of years written short, its
// dash unspaced ("2017 - 25 IKM" is a year and a count).
const SHORT_YEAR =
  /(?<![\p{L}\d])(?:['’‘`](\d{2})|((?:tahun|thn|th|taun|thun|year|yr)\.?\s*)(\d{2}))(?![\p{L}\d'’])/giu;
const SHORT_SPAN =
  /(?<![\p{L}\d])((?:periode|tahap|fase|phase|period)\s+)(\d{2})([-–—]|\s+(?:s\.?\s?d\.?|sampai|to)\s+)(\d{2})(?![\p{L}\d])/giu;
const SPAN_END = /(?<![\p{L}\d])(20\d{2})([-–—])(\d{2})(?![\p{L}\d]|[-–/.]\d)/gu;
// A year written with two digits is this century's up to here, the last century's after ("'98").
const CENTURY_PIVOT = 50;

/** The year two digits stand for: "17" → 2017, "98" → 1998. */
const fullYear = (digits: string) => (Number(digits) < CENTURY_PIVOT ? 2000 : 1900) + Number(digits);

/** The text with years written short written whole ("'17" → "2017"), and spans ending after they begin. */
export function withFullYears(text: string): string {
  if (!/\d\d/.test(text)) return text;
  return (
    text
      .replace(SHORT_SPAN, (span: string, word: string, from: string, _by: string, to: string) =>
        fullYear(to) > fullYear(from) ? `${word}${fullYear(from)}–${fullYear(to)}` : span,
      )
      .replace(SHORT_YEAR, (_, quoted?: string, word?: string, year?: string) =>
        quoted ? `${fullYear(quoted)}` : `${word ?? ""}${fullYear(year ?? "")}`,
      )
      // (Ending after it begins: "2017-12-25" is a date, not 2017 to 2012.)
      .replace(SPAN_END, (span: string, from: string, dash: string, to: string) =>
        fullYear(to) > Number(from) ? `${from}${dash}${fullYear(to)}` : span,
      )
  );
}

// (With "-mu" and "-ku" of whose: "sumber utamamu".)
const SUFFIXES = ["nya", "lah", "kah", "pun", "kan", "an", "in", "i", "mu", "ku"];
// Indonesian prefixes, with the first letter some of them swallow: meng+kembang → mengembang.
const PREFIXES: Array<[string, string[]]> = [
  ["meng", ["", "k"]],
  ["meny", ["s"]],
  ["mem", ["", "p"]],
  ["men", ["", "t"]],
  ["me", [""]],
  ["peng", ["", "k"]],
  ["peny", ["s"]],
  ["pem", ["", "p"]],
  ["pen", ["", "t"]],
  ["pe", [""]],
  ["ber", [""]],
  ["be", [""]],
  ["ter", [""]],
  ["di", [""]],
  ["ke", [""]],
  ["ng", ["k", ""]],
];

const SWALLOWING: ReadonlySet<string> = new Set(["men", "mem", "pen", "pem"]);

/**
 * Candidate roots of an Indonesian word, most likely first: "dikembangkan" → "kembang",
 * "produknya" → "produk", "pengembangan" → "kembang". The caller keeps the first one it knows.
 */
export function stemCandidates(token: string): string[] {
  if (token.length < 5) return [];
  const out = new Set<string>();
  const bases = [token];
  for (const suffix of SUFFIXES) {
    // (A possessive only after a word of four letters or more: "haiku" is no "hai".)
    const shortest = suffix === "mu" || suffix === "ku" ? 4 : 3;
    if (token.endsWith(suffix) && token.length - suffix.length >= shortest) {
      const base = token.slice(0, -suffix.length);
      bases.push(base);
      for (const second of ["kan", "an", "i"]) {
        if (base.endsWith(second) && base.length - second.length >= 3)
          bases.push(base.slice(0, -second.length));
      }
    }
  }
  for (const base of bases) {
    if (base !== token) out.add(base);
    for (const [prefix, restores] of PREFIXES) {
      // (A root of three letters under "ke-" is seldom one: "ketua" is no "ke-tua", oldest.)
      const shortest = prefix === "ke" ? 4 : 3;
      if (!base.startsWith(prefix) || base.length - prefix.length < shortest) continue;
      const rest = base.slice(prefix.length);
      // Before a vowel, "men-"/"pen-" and "mem-"/"pem-" stand for a swallowed t or p ("menempatkan"
      // is tempat, not empat; "memakai" is pakai): a root that begins with a vowel takes "meng-".
      const swallowed = SWALLOWING.has(prefix) && /^[aiueo]/.test(rest);
      for (const restore of swallowed ? [...restores].reverse() : restores) out.add(restore + rest);
    }
  }
  out.delete(token);
  return [...out];
}

/**
 * The standard Indonesian a regional spelling may stand for, most likely first. Malay of
 * Pontianak, Bangka and Jakarta says a final "a" as "e" ("ape" → "apa", "mane" → "mana",
 * "programnye" → "programnya"); Javanese puts "-e" or "-ne" where Indonesian puts "-nya"
 * ("tujuane" → "tujuan", "provinsine" → "provinsi"), Sundanese "-na" ("kerjana" → "kerja").
 * Minangkabau says a final "a" as "o" ("caro" → "cara"), "-ih" as "-iah" ("dipiliah") and "-uk"
 * as "-uak" ("untuak"). The caller keeps the first one it knows.
 */
export function regionalForms(token: string): string[] {
  if (token.length < 3) return [];
  const out: string[] = [];
  if (token.endsWith("e")) {
    out.push(`${token.slice(0, -1)}a`);
    if (token.endsWith("ne") && token.length >= 6) out.push(token.slice(0, -2));
    if (token.length >= 5) out.push(token.slice(0, -1));
  } else if (token.endsWith("o")) out.push(`${token.slice(0, -1)}a`);
  else if (token.endsWith("iah") || token.endsWith("uak")) out.push(`${token.slice(0, -2)}${token.at(-1)}`);
  else if (token.endsWith("na") && token.length >= 6) out.push(token.slice(0, -2));
  return out;
}

/**
 * A word in Indonesian's spellings before 1972 (Van Ophuijsen's and Soewandi's), written as it is
 * spelt today: "Pasoeroean" → "pasuruan", "Atjeh" → "aceh", "Djawa" → "jawa", "Soerabaja" →
 * "surabaya"; `undefined` when it holds none of the old letters.
 */
export function respelt(token: string): string | undefined {
  if (!/oe|dj|tj|sj|nj|ch|j/.test(token)) return undefined;
  // (The old "j" is today's "y"; the old "dj" today's "j", marked first, in a capital the folded word
  // has none of, so it stays one.)
  const today = token
    .replace(/oe/g, "u")
    .replace(/dj/g, "J")
    .replace(/tj/g, "c")
    .replace(/sj/g, "sy")
    .replace(/nj/g, "ny")
    .replace(/ch/g, "kh")
    .replace(/j/g, "y")
    .replace(/J/g, "j");
  return today === token ? undefined : today;
}

const ENGLISH_ENDINGS = ["ing", "ed", "es", "s"];

/**
 * Candidate base forms of an English word, most likely first: "picking" → "pick", "choosing" →
 * "choose", "planned" → "plan", "regions" → "region", "regencies" → "regency". The caller keeps
 * the first one it knows.
 */
export function englishBases(token: string): string[] {
  // "regencies" → "regency", "cities" → "city".
  const out: string[] = token.endsWith("ies") && token.length > 5 ? [`${token.slice(0, -3)}y`] : [];
  for (const ending of ENGLISH_ENDINGS) {
    if (!token.endsWith(ending) || token.length - ending.length < 3) continue;
    const base = token.slice(0, -ending.length);
    out.push(base, `${base}e`);
    // A doubled last consonant: "planned" → "plan".
    if (/([^aeiou])\1$/.test(base)) out.push(base.slice(0, -1));
  }
  return out;
}

/** Damerau–Levenshtein distance (optimal string alignment), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1] as number;
}

/** Every string made by deleting up to `depth` characters of `word` (SymSpell's index keys). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 2) continue;
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Splits a message into its clauses, at sentence punctuation and commas, each with how its
 * sentence ends: "Kapan mulai? Apa namanya?" → two. A dot inside a word ("Bisnis.com") or after an
 * abbreviation ("Kep.", "Kab.", "Prov.") does not split; one after an acronym before a capital does
 * ("… klaster IKM. Mau tanya"), and so does one after a closing quote, or after a short word before
 * a capitalised word ("… start-up here. How does …"). A spaced dash or hyphen ("I'm preparing a
 * lesson — give me …") and "&" or "+" between words ("namanya apa & kapan mulai?") split a sentence;
 * a "+" inside brackets adds ("(tahap 1 + yg 2017)").
 */
export function clauses(text: string): Clause[] {
  const cut = text.slice(0, MAX_QUESTION_CHARS * 2).split(CLAUSE_BREAK);
  const out: Clause[] = [];
  // `cut` alternates a clause and the break after it; a sentence ends at a break that is not a
  // comma, an ampersand or a dash.
  let sentence: string[] = [];
  let sentences = 0;
  for (let i = 0; i < cut.length; i += 2) {
    const clause = (cut[i] ?? "").trim();
    if (clause) sentence.push(clause);
    const brk = cut[i + 1];
    if (brk !== undefined && WITHIN_SENTENCE.test(brk)) continue;
    // (A list's marker, "2." or "b)", ends the item before it with neither.)
    const marker = brk !== undefined && LIST_MARKER.test(brk);
    const end = brk === undefined || marker ? "" : brk.includes("?") ? "?" : /[.\n]/.test(brk) ? "." : "";
    sentence.forEach((text, j) => {
      out.push({ text, end, sentence: sentences, closes: j === sentence.length - 1 });
    });
    sentences += 1;
    sentence = [];
  }
  return out;
}

/** One clause of a message, and how the sentence it belongs to ends. */
export interface Clause {
  text: string;
  /** "?" asks, "." states; "" neither (an exclamation, a semicolon, or the message's end unmarked). */
  end: "?" | "." | "";
  /** Which sentence of the message it belongs to, counted from 0. */
  sentence: number;
  /** Whether it is its sentence's last clause, the one the sentence's end punctuation follows. */
  closes: boolean;
}

// Breaks between the clauses of one sentence: a comma, "&", "+", a spaced slash, dash or hyphen.
const WITHIN_SENTENCE = /^(,|\s[&+/]\s|\s[-—–]\s)$/u;
// The marker of a list's item: "1.", "2)", "a.", "b)" before a word, or a bullet ("1. produk Sulsel?
// 2. kapan mulai?", "• tujuan program • siapa dirjennya").
const LIST_MARKER = /^\s*(?:(?:\d{1,2}|[a-eA-E])[.)]|[•·▪◦●])\s*$/u;
const CLAUSE_BREAK =
  /([?!;]+|,(?=\s|$)|(?<=\p{L}{5}|\d|\p{L}['"’”»)])\.(?=\s|$)|(?<=\p{Lu}{2})\.(?=\s+\p{Lu})|(?<=\p{L}{2})(?<!\b(?:Kab|Kec|Kel|Prov|Kep|Yth|Jl|Dr|Prof|Ir|Hj|Bpk|Sdr|Mr|Mrs|Ms|St|No|Corp|Co|Inc|Ltd|Tbk|Kep|Bu|Pak))\.(?=\s+\p{Lu}\p{Ll})|\s&\s|\s\+\s(?![^()]*\))|\s[-—–/]\s|(?<=^|\s)(?:\d{1,2}|[a-eA-E])[.)](?=\s+\p{L})|\s*[•·▪◦●]\s*|\n+)/u;
