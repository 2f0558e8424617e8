import { z } from "zod";

/** A text in both languages; a half-translated entry fails validation. */
const bilingual = z.object({ id: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const sourceKeys = z.array(z.string().min(1)).min(1);
const terms = z.array(z.string().trim().min(1)).default([]);
/** Words for a thing, by language: the language of a question is read from them too. */
const bilingualTerms = z.object({ id: terms, en: terms }).strict();
const slug = z.string().regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and dashes");
/** "2017-12-25" or "2016-06" (YAML reads a full date as a Date). */
const date = z.union([
  z.string().regex(/^\d{4}(-\d{2}){0,2}$/, "a date such as 2017-12-25 or 2016-06"),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/** One fact: its text in both languages and the sources it rests on. */
const fact = z.object({ text: bilingual, sources: sourceKeys }).strict();
/** A fact of the programme, with the words that ask for it. */
const attribute = fact.extend({ terms: bilingualTerms.default({ id: [], en: [] }) }).strict();

const source = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    kind: z.enum(["article", "report"]),
    /** The source "the article" means when a question names none. */
    main: z.boolean().default(false),
    date,
    time: z.string().min(1).optional(),
    /** People (ids below) who wrote and edited it, and whose statements it reports. */
    author: slug.optional(),
    editor: slug.optional(),
    speaker: slug.optional(),
    number: z.string().min(1).optional(),
    url: z.url().optional(),
    /** The language it is written in: a question may ask for the English one. */
    language: z.enum(["id", "en"]),
    /** What the sources list says of it beyond its card ("the same press release as …"). */
    note: bilingual.optional(),
    /** The group of provinces (a cohort id) it reports on, when it reports on one only. */
    covers: slug.optional(),
    terms,
  })
  .strict();

const channel = z.object({ id: slug, name: bilingual, url: z.url() }).strict();

const programme = z
  .object({
    /** The cooperation's countries, as ISO 3166 alpha-2 codes. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, "a country code such as JP")).min(1),
    terms: bilingualTerms,
    summary: attribute,
    name: attribute,
    started: attribute.extend({ year: z.number().int().min(1900).max(2100) }).strict(),
    partners: attribute,
    /**
     * `stated_by`: the organisation (an id below) whose aim the sources give. Why another party
     * took part ("why did Japan decide to help?") is not in them.
     */
    aim: attribute.extend({ stated_by: slug }).strict(),
    approach: attribute,
  })
  .strict();

const glossaryEntry = z
  .object({
    id: slug,
    term: z.string().min(1),
    meaning: bilingual,
    terms: bilingualTerms,
    sources: sourceKeys,
  })
  .strict();

const cohort = z
  .object({
    id: slug,
    /** Which group people mean by "first" or "second", if any. */
    ordinal: z.number().int().min(1).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    /** What the year is: when the group started, or when it declared it was ready to join. */
    year_means: z.enum(["started", "declared"]).default("started"),
    name: bilingual,
    /** How an entry of the group reads: "declared ready to join in 2017". */
    label: bilingual.optional(),
    period: fact
      .extend({ end: z.number().int().min(1900).max(2100) })
      .strict()
      .optional(),
    /** A group chosen among the members of another, naming its provinces (by id). */
    chosen_from: slug.optional(),
    members: z.array(slug).optional(),
    /** The order the sources list the group's provinces in (province ids). */
    order: z.array(slug).optional(),
    terms: bilingualTerms,
    sources: sourceKeys,
  })
  .strict();

const place = z
  .object({
    name: z.string().min(1),
    en: z.string().min(1),
    area: z.string().regex(/^\d{2}\.\d{2}$/, "a regency code such as 94.06"),
    surroundings: z.boolean().default(false),
    sources: sourceKeys,
  })
  .strict();

const entry = z
  .object({
    cohort: slug,
    product: slug,
    place,
    note: z
      .object({
        text: bilingual,
        sources: z.array(z.string().min(1)).default([]),
        // The year of what the note says, if any: a question naming it asks about the note.
        year: z.number().int().min(1900).max(2100).optional(),
        // Words that ask for what the note says ("pemekaran", "split"): the entry's card answers them.
        terms: bilingualTerms.default({ id: [], en: [] }),
      })
      .strict()
      .optional(),
    sources: sourceKeys,
  })
  .strict();

const province = z
  .object({
    id: slug,
    area: z.string().regex(/^\d{2}$/, "a province code such as 91"),
    name: bilingual,
    terms,
    entries: z.array(entry).min(1),
  })
  .strict();

const product = z.object({ id: slug, name: bilingual, terms: bilingualTerms }).strict();

const criterion = z
  .object({ id: slug, name: bilingual, meaning: bilingual, terms: bilingualTerms, sources: sourceKeys })
  .strict();

const selection = z
  .object({ terms: bilingualTerms, sources: sourceKeys, criteria: z.array(criterion).min(1) })
  .strict();

const person = z
  .object({
    id: slug,
    name: z.string().min(1),
    /** False for people the sources name who are not officials of the programme (a reporter). */
    official: z.boolean().default(true),
    role: bilingual,
    /** When the role was theirs, as the sources tell it. */
    as_of: date.optional(),
    about: fact,
    terms,
    /** Words that name the person by role ("dirjen", "reporter"): "I'm a journalist" names no one. */
    role_terms: terms,
    sources: sourceKeys,
  })
  .strict();

const organisation = z
  .object({
    id: slug,
    name: z.string().min(1),
    about: bilingual,
    // Runs the programme: beside the programme's own words its name names the programme ("proyek JICA").
    runs_programme: z.boolean().default(false),
    /** The cooperation's country it belongs to (ISO 3166 alpha-2): "Japan" names its side. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "a country code such as JP")
      .optional(),
    // One by one, where the entry names several ("KRI … & UNICO …"): how many it names is their count.
    members: z.array(z.string().min(1)).default([]),
    terms,
    sources: sourceKeys,
  })
  .strict();

/** The whole knowledge file, as staff write it. */
export const knowledgeSchema = z
  .object({
    sources: z.record(slug, source),
    channels: z.array(channel).min(1),
    programme,
    glossary: z.array(glossaryEntry).default([]),
    cohorts: z.array(cohort).min(1),
    provinces: z.array(province).min(1),
    products: z.array(product).min(1),
    selection,
    people: z.array(person).default([]),
    organisations: z.array(organisation).default([]),
  })
  .strict();

export type KnowledgeFile = z.infer<typeof knowledgeSchema>;
export type Bilingual = z.infer<typeof bilingual>;
export type Fact = z.infer<typeof fact>;
export type Cohort = z.infer<typeof cohort>;
export type ProvinceEntry = z.infer<typeof entry>;
export type Province = z.infer<typeof province>;
export type Product = z.infer<typeof product>;
export type Criterion = z.infer<typeof criterion>;
export type Source = z.infer<typeof source>;
export type Channel = z.infer<typeof channel>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;

/** The programme's facts that answers name by role: "aim" answers "what is the goal?". */
export const PROGRAMME_ATTRIBUTES = ["summary", "name", "started", "partners", "aim", "approach"] as const;
export type ProgrammeAttribute = (typeof PROGRAMME_ATTRIBUTES)[number];

/** How people name regions beyond the official list: other names of provinces, and islands. */
export const regionsSchema = z
  .object({
    province_names: z.record(z.string().regex(/^\d{2}$/, "a province code such as 91"), terms),
    regency_names: z
      .record(z.string().regex(/^\d{2}\.\d{2}$/, "a regency code such as 74.05"), terms)
      .default({}),
    islands: z
      .array(
        z
          .object({
            name: bilingual,
            terms: z.array(z.string().trim().min(1)).min(1),
            provinces: z.array(z.string().regex(/^\d{2}$/, "a province code such as 91")).min(1),
          })
          .strict(),
      )
      .default([]),
    positions: z
      .record(
        z.string().regex(/^\d{2}(\.\d{2})?$/, "a province or regency code such as 91 or 74.05"),
        z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      )
      .default({}),
  })
  .strict();

export type RegionsFile = z.infer<typeof regionsSchema>;
export type Island = RegionsFile["islands"][number];
