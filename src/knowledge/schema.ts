import { z } from "zod";

/** A text in both languages; a half-translated entry fails validation. */
const bilingual = z.object({ id: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const sourceKeys = z.array(z.string().min(1)).min(1);
const terms = z.array(z.string().trim().min(1)).default([]);
/** Words for a thing, by language: the language of a question is read from them too. */
const bilingualTerms = z.object({ id: terms, en: terms }).strict();
const slug = z.string().regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and dashes");

const source = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
    url: z.url().optional(),
  })
  .strict();

const topic = z
  .object({
    id: slug,
    terms: bilingualTerms,
    answer: bilingual,
    sources: sourceKeys,
  })
  .strict();

const place = z
  .object({
    name: z.string().min(1),
    en: z.string().min(1),
    area: z.string().regex(/^\d{2}\.\d{2}$/, "a regency code such as 94.06"),
    sources: sourceKeys,
  })
  .strict();

const entry = z
  .object({
    phase: z.number().int().min(1),
    year: z.number().int().min(2000).max(2100),
    product: slug,
    place,
    note: bilingual.optional(),
    sources: sourceKeys,
  })
  .strict();

const province = z
  .object({
    id: slug,
    area: z.string().regex(/^\d{2}$/, "a province code such as 91"),
    name: bilingual,
    terms,
    follow_up_target: z.boolean().default(false),
    entries: z.array(entry).min(1),
  })
  .strict();

const product = z.object({ id: slug, name: bilingual, terms: bilingualTerms }).strict();

const criterion = z
  .object({ id: slug, name: bilingual, meaning: bilingual, terms, sources: sourceKeys })
  .strict();

const person = z
  .object({
    id: slug,
    name: z.string().min(1),
    /** False for people the sources name who are not officials of the programme (a reporter). */
    official: z.boolean().default(true),
    role: bilingual,
    about: bilingual,
    terms,
    sources: sourceKeys,
  })
  .strict();

const organisation = z
  .object({ id: slug, name: z.string().min(1), about: bilingual, terms, sources: sourceKeys })
  .strict();

/** The whole knowledge file, as staff write it. */
export const knowledgeSchema = z
  .object({
    sources: z.record(slug, source),
    topics: z.array(topic).min(1),
    provinces: z.array(province).min(1),
    products: z.array(product).min(1),
    criteria: z.array(criterion).min(1),
    people: z.array(person).default([]),
    organisations: z.array(organisation).default([]),
  })
  .strict();

export type KnowledgeFile = z.infer<typeof knowledgeSchema>;
export type Topic = z.infer<typeof topic>;
export type ProvinceEntry = z.infer<typeof entry>;
export type Province = z.infer<typeof province>;
export type Product = z.infer<typeof product>;
export type Criterion = z.infer<typeof criterion>;
export type Source = z.infer<typeof source>;
