import type { InlineKeyboardButton } from "telegraf/types";
import type { Reply, Suggestion } from "../answer/engine";
import type { Lang } from "../lang";

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

/** A reply as Telegram HTML: the answer, then its source in italics. */
export function replyHtml(reply: Reply): string {
  const body = escapeHtml(reply.text);
  return reply.sourceLine ? `${body}\n\n<i>${escapeHtml(reply.sourceLine)}</i>` : body;
}

/**
 * Splits a message into parts of at most `limit` characters, at paragraph, line or word
 * boundaries where it can, and never inside an HTML tag or entity.
 */
export function splitMessage(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = Math.max(window.lastIndexOf("\n\n"), window.lastIndexOf("\n"));
    if (cut < limit / 2) cut = window.lastIndexOf(" ");
    if (cut < limit / 2) cut = limit;
    // Never cut inside a tag (<…>) or an entity (&…;).
    const lastLt = window.lastIndexOf("<", cut);
    if (lastLt > window.lastIndexOf(">", cut)) cut = lastLt;
    const lastAmp = window.lastIndexOf("&", cut);
    if (lastAmp > window.lastIndexOf(";", cut) && cut - lastAmp < 10) cut = lastAmp;
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
