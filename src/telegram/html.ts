import type { InlineKeyboardButton } from "telegraf/types";
import type { Reply, Suggestion } from "../answer/engine.ts";
import type { Source } from "../knowledge/schema.ts";
import type { Lang } from "../lang.ts";

/** Telegram's limit on the text of one message. */
export const MAX_MESSAGE_LENGTH = 4096;

/** Escapes text for Telegram's HTML parse mode (only &, < and > are special there). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The callback data of a button that answers a subject in a language ("a:id:p.papua"); under 64 bytes. */
export function answerData(ref: string, lang: Lang): string {
  return `a:${lang}:${ref}`;
}

/** One button a row for suggestions: labels can be long. */
export function suggestionKeyboard(suggestions: Suggestion[], lang: Lang): InlineKeyboardButton[][] {
  return suggestions
    .filter((s) => Buffer.byteLength(answerData(s.ref, lang)) <= 64)
    .map((s) => [{ text: s.label.slice(0, 64), callback_data: answerData(s.ref, lang) }]);
}

/** A reply as Telegram HTML: the answer, then its source in italics, linked where it has a URL. */
export function replyHtml(reply: Reply, sources: Readonly<Record<string, Source>> = {}): string {
  const body = escapeHtml(reply.text);
  return reply.sourceLine ? `${body}\n\n<i>${sourceLineHtml(reply, sources)}</i>` : body;
}

/**
 * "Sumber: <a href=…>Bisnis.com</a> (25 Desember 2017)": the source line with each cited source's
 * publisher linked to its URL, where it has one. The line names the sources in the order cited,
 * so each is looked for after the one before.
 */
export function sourceLineHtml(reply: Reply, sources: Readonly<Record<string, Source>>): string {
  const line = escapeHtml(reply.sourceLine);
  let html = "";
  let from = 0;
  for (const key of reply.sources) {
    const source = Object.hasOwn(sources, key) ? sources[key] : undefined;
    if (!source) continue;
    const name = escapeHtml(source.publisher);
    const at = line.indexOf(`${name} (`, from);
    if (at < 0) continue;
    const shown = source.url ? `<a href="${escapeAttribute(source.url)}">${name}</a>` : name;
    html += line.slice(from, at) + shown;
    from = at + name.length;
  }
  return html + line.slice(from);
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/** Cuts `text` to at most `max` characters without splitting an emoji (a UTF-16 surrogate pair). */
export function cutText(text: string, max: number, ellipsis = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + ellipsis;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)[^>]*>/gi;

/** The opening tags still open at the end of an HTML fragment, outermost first. */
function openTags(html: string): string[] {
  const stack: Array<{ name: string; tag: string }> = [];
  for (const m of html.matchAll(TAG)) {
    const name = (m[2] as string).toLowerCase();
    if (m[1]) {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack.splice(at);
    } else {
      stack.push({ name, tag: m[0] });
    }
  }
  return stack.map((t) => t.tag);
}

function closingTags(open: string[]): string {
  return [...open]
    .reverse()
    .map((tag) => `</${(/^<([a-z][a-z0-9-]*)/i.exec(tag)?.[1] ?? "").toLowerCase()}>`)
    .join("");
}

/** Where to cut `text` to keep at most `limit` characters: a paragraph, line or word break if it can. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit);
  let cut = Math.max(window.lastIndexOf("\n\n"), window.lastIndexOf("\n"));
  if (cut < limit / 2) cut = window.lastIndexOf(" ");
  if (cut < limit / 2) cut = limit;
  // Never cut inside a tag (<…>), an entity (&…;) or an emoji's surrogate pair.
  const lastLt = window.lastIndexOf("<", cut);
  if (lastLt > window.lastIndexOf(">", cut)) cut = lastLt;
  const lastAmp = window.lastIndexOf("&", cut);
  if (lastAmp > window.lastIndexOf(";", cut) && cut - lastAmp < 10) cut = lastAmp;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return cut > 0 ? cut : limit;
}

/**
 * Splits an HTML message into parts of at most `limit` characters, at paragraph, line or word
 * boundaries where it can. Tags open at a cut are closed at the end of the part and opened again
 * at the start of the next, so every part is valid HTML on its own.
 */
export function splitMessage(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let budget = limit;
    for (;;) {
      const cut = cutPoint(rest, budget);
      const part = rest.slice(0, cut).trimEnd();
      const open = openTags(part);
      const closing = closingTags(open);
      if (part.length + closing.length <= limit || budget <= limit / 2) {
        parts.push(part + closing);
        rest = open.join("") + rest.slice(cut).trimStart();
        break;
      }
      budget -= closing.length;
    }
  }
  if (rest) parts.push(rest);
  return parts;
}
