import { createHash } from "node:crypto";
import type { TOptions } from "i18next";
import type { InlineQueryResultArticle } from "telegraf/types";
import type { AnswerEngine } from "../answer/engine.ts";
import type { ProvinceHit } from "../answer/province-search.ts";
import { parseSubjectRef, type Subject, subjectRef } from "../answer/subject.ts";
import type { Lang } from "../lang.ts";
import { decodeStartPayload, encodeStartPayload } from "./deep-link.ts";
import { escapeHtml } from "./html.ts";

/** What a card needs besides its hit: the engine, the interface language and its texts, the bot. */
interface CardContext {
  engine: AnswerEngine;
  lang: Lang;
  t: (key: string, options?: TOptions) => string;
  botUsername: string;
}

// Telegram's limit on a result id; the description shows two short lines at most.
const MAX_ID_BYTES = 64;
const MAX_DESCRIPTION = 120;

// Cards built, per engine: an engine's knowledge never changes (a reload brings a new engine).
const built = new WeakMap<AnswerEngine, Map<string, InlineQueryResultArticle | null>>();

/**
 * The card of one search hit: its title and description in the list, and the message it posts,
 * which says what the chat would answer (same composer, same source line) with a button that
 * opens the bot on that answer. `undefined` when the knowledge no longer holds the hit. Built
 * once per engine, language and bot, then reused.
 */
export function inlineCard(hit: ProvinceHit, c: CardContext): InlineQueryResultArticle | undefined {
  let cards = built.get(c.engine);
  if (!cards) {
    cards = new Map();
    built.set(c.engine, cards);
  }
  const key = `${c.lang} ${c.botUsername} ${hit.kind === "entry" ? `${hit.province}#${hit.entry}` : hit.code}`;
  let card = cards.get(key);
  if (card === undefined) {
    card = buildCard(hit, c) ?? null;
    cards.set(key, card);
  }
  return card ?? undefined;
}

function buildCard(hit: ProvinceHit, c: CardContext): InlineQueryResultArticle | undefined {
  const subject: Subject =
    hit.kind === "entry"
      ? { kind: "place", province: hit.province, entry: hit.entry }
      : { kind: "area", code: hit.code };
  const composed = c.engine.describe(subject, c.lang);
  const heading = hit.kind === "entry" ? entryHeading(hit, c) : areaHeading(hit.code, c, composed?.text);
  if (!composed || !heading) return undefined;
  const ref = subjectRef(subject);
  const source = c.engine.writer.sourceLine(c.lang, composed.sources);
  const body = escapeHtml(composed.text);
  return {
    type: "article",
    id: resultId(ref),
    title: heading.title,
    description: heading.description,
    input_message_content: {
      message_text: source ? `${body}\n\n<i>${escapeHtml(source)}</i>` : body,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
    reply_markup: { inline_keyboard: [[{ text: c.t("inline.open"), url: botLink(c.botUsername, ref) }]] },
  };
}

/** The result id: the subject reference, or a digest of it when too long for Telegram. */
function resultId(ref: string): string {
  if (Buffer.byteLength(ref) <= MAX_ID_BYTES) return ref;
  return `h.${createHash("sha256").update(ref).digest("base64url").slice(0, 40)}`;
}

/**
 * `https://t.me/<bot>?start=r_<ref>`: opens the private chat, where /start answers the reference;
 * the bare chat when the reference would not survive the trip (too long for a start parameter).
 */
export function botLink(username: string, ref: string): string {
  const payload = encodeStartPayload({ ref });
  const back = decodeStartPayload(payload);
  const travels =
    back !== undefined && "ref" in back && back.ref === ref && parseSubjectRef(ref) !== undefined;
  return `https://t.me/${username}${travels ? `?start=${payload}` : ""}`;
}

function entryHeading(hit: { province: string; entry: number }, c: CardContext) {
  const k = c.engine.knowledge;
  const province = k.provinces.find((p) => p.id === hit.province);
  const e = province?.entries[hit.entry];
  if (!province || !e) return undefined;
  const product = k.products.find((p) => p.id === e.product)?.name[c.lang] ?? e.product;
  return {
    title: c.t("inline.entryTitle", { province: province.name[c.lang], product: capitalise(product) }),
    description: c.t("inline.entryDescription", {
      place: c.lang === "en" ? e.place.en : e.place.name,
      label: c.engine.writer.cohortLabel(c.lang, e.cohort),
    }),
  };
}

function areaHeading(code: string, c: CardContext, text: string | undefined) {
  const area = c.engine.areas.byCode.get(code);
  if (!area || text === undefined) return undefined;
  const key = area.kind === "province" ? "inline.outsideProvince" : "inline.outsideRegency";
  return { title: c.t(key, { area: area.name }), description: firstSentence(text) };
}

/** The first sentence of a text, cut to fit a description. */
function firstSentence(text: string): string {
  const line = text.split("\n")[0] ?? "";
  const sentence = /^.*?[.!?](?=\s|$)/.exec(line)?.[0] ?? line;
  return sentence.length > MAX_DESCRIPTION
    ? `${sentence.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`
    : sentence;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
