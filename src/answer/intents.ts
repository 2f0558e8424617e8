/**
 * What a question asks for, as a table: the first row whose cues the question holds names the
 * intent. Each row carries example questions in both languages, which run as tests
 * (`test/intents.test.ts`), so a change that moves an example to another row names that row.
 */

import type { Found } from "./found.ts";
import { type Cue, FILLER_CUES } from "./lexicon.ts";

export const INTENTS = [
  "further", // where to read or ask more: the sources, then the official channels
  "howto", // instructions (apply, register, contact): the sources hold none
  "later", // a third phase or later: the sources name none
  "absent", // a fact the sources never give, asked in words that otherwise mean something
  "left", // whether, when or why someone left the programme: the sources say it of no one
  "trade", // where a place's or a product's goods sell: the sources never say (settled in `settle.ts`)
  "judge", // to evaluate or compare: the sources never do
  "reason", // why a product, a date or an end is what it is: the sources never say
  "said", // who said it
  "source", // where a fact comes from
  "span", // how long between two dated things
  "end", // when something ended
  "when", // when, since when, what date
  "count", // how many
  "requirements", // what a business or a person must meet to take part: the sources only say how regions are chosen
  "criteria", // why or how something was chosen
  "province", // which province(s)
  "name", // what something is called
  "where", // where, which city or regency
  "product", // what is made or developed
  "member", // is X part of the programme
  "who", // who, which official or organisation
  "meaning", // what a word or name means
  "list", // which ones, all of them
  "describe", // nothing more specific: what the sources say about the subject
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentRow {
  intent: Intent;
  /** Whether a question (or part of one) asks this, from its cues. */
  matches: (f: Found) => boolean;
  examples: { id: string[]; en: string[] };
}

const has = (f: Found, ...cues: Cue[]) => cues.some((c) => f.cues.has(c));

/**
 * "Soal target awal itu kata Annisa ya?": who said it is what a statement offers for checking
 * when it claims nothing else (no number, year, product, region, organisation or consideration, no
 * word the sources don't know: "Menurut Gati, target awal itu 3 provinsi kan?" checks the three).
 */
export const speakerOffered = (f: Found) =>
  has(f, "confirm") &&
  f.people.length > 0 &&
  !asksWh(f) &&
  !has(f, "what") &&
  // ("Gati bilang ada 100 IKM yg dibina, bener?" claims what the sources don't give.)
  f.unknown.length === 0 &&
  !f.otherEvent &&
  // ("Gati bilang Bali ikut kan?", "… programnya tidak jalan kan?", "Gati said it ended, right?"
  // claim what they say she said: that is checked by itself.)
  !has(f, "member", "not", "negation", "end", "since", "only", "first", "second") &&
  [
    f.numbers,
    f.years,
    f.products,
    f.provinces,
    f.places,
    f.areas,
    f.islands,
    f.countries,
    f.orgs,
    f.criteria,
  ].every((named) => named.length === 0);

/** Whether a question asks which, where, who, when or how many (not only whether). */
export const asksWh = (f: Found) =>
  has(f, "plural", "where", "who", "author", "when", "published", "quantity");
/** Whether a question names nothing the knowledge knows (no region, product, person, group, term or fact). */
export const namesNothing = (f: Found) =>
  [f.provinces, f.places, f.areas, f.islands, f.products, f.criteria, f.people, f.roles, f.orgs, f.sources]
    .concat([f.cohorts, f.terms, f.attributes])
    .every((names) => names.length === 0);

// Cues a question of where to read more may hold: none that asks a fact ("Any more info on how
// regions are chosen?" asks how).
const FURTHER_CUES: ReadonlySet<Cue> = new Set<Cue>([
  ...FILLER_CUES,
  "further",
  "opener",
  "what",
  "tag",
  "do",
  "where",
  "howto",
]);

/** The intents in the order they are tried. */
export const INTENT_TABLE: readonly IntentRow[] = [
  {
    intent: "further",
    // (Asked where, or of nothing at all: "more info about Papua", "more information about the
    // programme please", "info lebih lanjut soal kriteria" ask what the sources say of it.)
    matches: (f) =>
      has(f, "further") &&
      [...f.cues].every((c) => FURTHER_CUES.has(c)) &&
      (has(f, "where", "howto") || (namesNothing(f) && !f.programme && !f.selection)),
    examples: {
      id: ["Info lebih lanjut di mana?", "Kalau mau baca informasi lengkapnya di mana?"],
      en: ["Where can I find more info about this?", "Where can I read more about Papua?"],
    },
  },
  {
    intent: "howto",
    matches: (f) => has(f, "howto"),
    examples: {
      id: ["Gimana cara daftar ikut program ini?", "cara bikin tempe gimana"],
      en: ["How do I apply to join the programme?", "How can I register my business?"],
    },
  },
  {
    intent: "later",
    matches: (f) => has(f, "third"),
    examples: { id: ["Provinsi mana saja di tahap ketiga?"], en: ["Which provinces are in phase 3?"] },
  },
  {
    intent: "absent",
    matches: (f) => has(f, "absent"),
    examples: {
      id: ["Apa ibu kota Jepang?", "ibu kota papua tengah apa?"],
      en: ["What is the capital city of Papua?"],
    },
  },
  {
    intent: "left",
    matches: (f) => has(f, "left"),
    examples: { id: ["Kenapa JICA mundur dari kerja sama?"], en: ["Did Papua drop out?"] },
  },
  {
    intent: "judge",
    // (A comparison alone asks what the sources state of each: "Strategic theme vs affirmative
    // theme, what is the difference?", "Tegal vs Samosir: which provinces?"; one that judges says so.)
    // (The most or fewest of what the sources don't list is a judgement too: "the most workers".)
    matches: (f) =>
      has(f, "judge", "most", "fewest") ||
      // "Mana yang lebih banyak hasilnya?": more of anything but provinces is a judgement.
      // (Not of the places the sources list: "Does East Java have more programme locations than Papua?")
      (has(f, "more") &&
        f.cohorts.length === 0 &&
        f.years.length === 0 &&
        !has(f, "provinces") &&
        !(has(f, "where") && f.provinces.length + f.places.length + f.areas.length > 0)),
    examples: {
      id: ["Apakah program ini berhasil?", "Provinsi mana yang paling berhasil di fase pertama?"],
      en: [
        "Was the Mojokerto footwear cluster a success?",
        "Are Tegal's metal components cheaper than Pasuruan's castings?",
      ],
    },
  },
  {
    intent: "reason",
    // The sources give reasons only for the programme (its aim) and for choosing regions: why a
    // product was chosen for a place, or why something began or ended when it did, they never say.
    // ("Kenapa tadi bilang ada rotan juga? bukannya cuma cokelat?" questions the answer: a claim.)
    matches: (f) =>
      has(f, "why") &&
      !has(f, "criteria", "said", "confirm") &&
      (f.products.length > 0 || f.years.length > 0 || has(f, "end", "since")),
    examples: {
      id: ["Kenapa alas kaki yang dikembangkan di Mojokerto?", "Kenapa programnya dimulai tahun 2013?"],
      en: ["Why tofu and tempeh for Southeast Sulawesi?", "Why did the first phase end in 2016?"],
    },
  },
  {
    intent: "said",
    // "Can you confirm the statement came from Minister X?", naming nothing the sources know,
    // asks who said it too.
    // ("Menurut Gati, siapa editor beritanya?": who said it is given; the editor is asked.)
    matches: (f) =>
      has(f, "said") &&
      !has(f, "author") &&
      ((!f.speakers.length && (has(f, "who") || (has(f, "confirm") && namesNothing(f)))) ||
        speakerOffered(f)),
    examples: {
      id: [
        "Siapa yang bilang daerah dipilih berdasarkan beberapa pertimbangan?",
        "siapa yang menyampaikan itu?",
        "Soal target awal itu kata Annisa ya?",
      ],
      en: ["Who said the regions were chosen on three considerations?", "According to whom?"],
    },
  },
  {
    intent: "source",
    // "When was the article published?" asks of the source, not for one.
    matches: (f) => has(f, "source") && !has(f, "when", "who", "author", "name", "quantity", "provinces"),
    examples: {
      id: ["Sumbernya dari mana?", "Info ini dari artikel apa?"],
      en: ["Where does this info come from?", "What is the source of that?"],
    },
  },
  {
    // Settled only with two dated things to measure between (`spans.ts`); else what the words ask
    // besides ("berapa tahun program ini berjalan?" asks since when).
    intent: "span",
    matches: (f) => has(f, "span"),
    examples: {
      id: ["Berapa hari selisih antara berita Tempo dan berita Bisnis?"],
      en: ["How many months lie between the JICA report and the Bisnis article?"],
    },
  },
  {
    intent: "end",
    matches: (f) => has(f, "end"),
    examples: { id: ["Kapan tahap pertama berakhir?"], en: ["When did the first phase end?"] },
  },
  {
    intent: "when",
    // "sejak 2013", "mulai 2017" narrow a question to a year; alone, "sejak"/"since" ask when.
    matches: (f) =>
      has(f, "when", "duration", "day", "clock") ||
      // "Kapan terbit?" asks when, "terbitnya?" too; "which site published it?" asks which site.
      (has(f, "published") && !has(f, "source", "what", "who", "author")) ||
      // "baru mulai 2017 ya?", "did it start in 2015?": a start year offered for checking is a
      // start asked about ("apakah" opens a yes-or-no question; it asks no "what").
      (has(f, "since") &&
        (!f.years.length ||
          ((has(f, "confirm") || (f.yesNo && f.attributes.includes("started"))) &&
            !has(f, "provinces", "phase"))) &&
        !(has(f, "what") && !f.yesNo) &&
        !has(f, "where", "who", "author", "quantity", "provinces", "plural", "product")),
    examples: {
      id: ["Kapan kerja sama ini dimulai?", "Kapan artikel Bisnis terbit?"],
      en: ["When was the Bisnis.com article published?", "Since when has the cooperation been running?"],
    },
  },
  {
    intent: "count",
    // "nomornya berapa?" asks for a number that names something (a report's), not a count.
    // "Lebih banyak mana, tahap pertama atau yang 2017?": which group has more is each one's count.
    matches: (f) =>
      (has(f, "quantity", "times") && !has(f, "numbered")) ||
      (has(f, "more") && (f.cohorts.length > 0 || f.years.length > 0 || has(f, "provinces"))),
    examples: {
      id: ["Berapa provinsi di tahap pertama?", "Ada berapa pertimbangan pemilihan daerah?"],
      en: ["How many provinces were in the first phase?", "How many locations does East Java have?"],
    },
  },
  {
    intent: "requirements",
    // Requirements asked of anything but a region ("syarat usaha ikut program", "syarat jadi
    // fasilitator"): the sources' criteria choose regions, not businesses or people. A question
    // naming one of the criteria asks about it.
    matches: (f) =>
      has(f, "requirement") &&
      // ("eligibility requirements for a small business": a business named asks of it; so does a
      // word of eligibility alone, "What are the eligibility requirements?".)
      (has(f, "member") || f.eligibility || f.attributes.some((a) => a !== "aim") || f.terms.length > 0) &&
      !has(f, "provinces") &&
      !f.attributes.includes("aim") &&
      f.criteria.length + f.cohorts.length === 0 &&
      // (A region where the business is does not make it the region's: "syarat ikut program buat
      // IKM di Palu".)
      (f.terms.length > 0 || f.provinces.length + f.places.length + f.areas.length + f.islands.length === 0),
    examples: {
      id: ["Apa syarat usaha kecil untuk ikut program ini?", "Apa persyaratan untuk jadi fasilitator?"],
      en: ["What are the requirements for a small business to join?", "Who is eligible to take part?"],
    },
  },
  {
    intent: "criteria",
    // Or why a region is (or isn't) in a group, in the programme twice, or in it at all: "kenapa
    // Sultra tidak jadi target awal?", "kenapa Jatim masuk dua kali?", "Kenapa Papua masuk program?".
    matches: (f) =>
      has(f, "criteria") ||
      (((f.attributes.includes("aim") && (f.cohorts.length > 0 || has(f, "both"))) ||
        (has(f, "why") && has(f, "member") && !f.negated && f.products.length === 0)) &&
        f.provinces.length + f.places.length + f.areas.length > 0),
    examples: {
      id: [
        "Kenapa Papua dipilih?",
        "Bagaimana daerah dipilih?",
        "Kenapa Sulawesi Tenggara tidak jadi target awal?",
      ],
      en: ["How are the regions selected?", "Why was Papua chosen?", "Why did Papua join the programme?"],
    },
  },
  {
    intent: "province",
    matches: (f) => has(f, "provinces") && (has(f, "what", "where", "plural") || f.years.length > 0),
    examples: {
      id: ["Di provinsi mana pengembangan kopi?", "Provinsi mana saja yang ikut sejak 2013?"],
      en: [
        "Which province works on aloe vera?",
        "Which provinces are the first targets of the follow-up programme?",
      ],
    },
  },
  {
    intent: "name",
    // "Name the city where …": the name of a place is where it is; the names of people at a
    // place ("names of the facilitators in Makassar") are still names.
    // (The officials named are who they are: "siapa saja pejabat yang disebut?"; the programme's
    // official name is its name.)
    matches: (f) =>
      has(f, "name") &&
      !(has(f, "where") && !has(f, "who", "author") && !f.attributes.length) &&
      !(has(f, "officials") && !f.programme && !has(f, "domain") && f.people.length + f.roles.length === 0),
    examples: { id: ["Namanya apa?", "Apa nama lengkap JICA?"], en: ["What is the project called?"] },
  },
  {
    intent: "where",
    matches: (f) => has(f, "where"),
    examples: {
      id: ["Di mana tenun ulos dikembangkan?", "di kota mana?"],
      en: [
        "Where is the coffee processing project?",
        "and which city?",
        "Name the city where aloe vera is processed",
      ],
    },
  },
  {
    intent: "product",
    matches: (f) => has(f, "product"),
    examples: {
      id: ["Produk apa yang dikembangkan di Sumatera Utara?", "sulsel ngembangin apa"],
      en: ["What product is developed in North Sumatra?", "What does Bangka Belitung make in the programme?"],
    },
  },
  {
    intent: "member",
    matches: (f) => has(f, "member", "among"),
    examples: {
      id: ["Apakah Aceh termasuk dalam program ini?", "Apakah Papua termasuk target awal?"],
      en: ["Is Bali part of the programme?", "Is Samosir Regency included?"],
    },
  },
  {
    intent: "who",
    // A word of writing asks who wrote, unless another question word asks ("nama resmi programnya
    // apaan ya, mau ditulis di makalah").
    matches: (f) => has(f, "who", "officials") || (has(f, "author") && !has(f, "what")),
    examples: {
      id: ["Siapa Dirjen IKM Kemenperin?", "Siapa mitra Jepang dalam program ini?"],
      en: ["Who is the Director General of Small and Medium Industry?", "Who wrote the Bisnis article?"],
    },
  },
  {
    intent: "meaning",
    matches: (f) => has(f, "meaning"),
    examples: {
      id: ["Apa itu tema afirmatif?", "IKM singkatan dari apa?"],
      en: ["What does IKM stand for?"],
    },
  },
  {
    intent: "list",
    matches: (f) => has(f, "plural", "provinces"),
    examples: { id: ["Sebutkan semuanya"], en: ["List them all"] },
  },
  {
    intent: "describe",
    matches: () => true,
    examples: { id: ["Papua?", "jatim"], en: ["Tell me about Papua"] },
  },
];

/** The intent of a question or part: the first row of the table that matches. */
export function intentOf(f: Found): Intent {
  return INTENT_TABLE.find((row) => row.matches(f))?.intent ?? "describe";
}

// Intents that only shape an answer: asked of a programme fact named by its word ("apa
// tujuannya?", "cara kerja program ini?"), they read the fact itself.
export const SHAPING_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "describe",
  "product",
  "province",
  "where",
  "list",
  "member",
  "meaning",
]);

// Intents no answer table cell can answer: the sources hold no instructions, no later phases,
// no evaluations, no requirements for taking part, none of the facts an "absent" word asks for.
export const UNANSWERABLE: ReadonlySet<Intent> = new Set<Intent>([
  "howto",
  "later",
  "judge",
  "reason",
  "absent",
  "left",
  "trade",
  "requirements",
]);
