import type { MessageEntity } from "telegraf/types";
import { escapeAttribute, escapeHtml } from "./html.ts";

/** The opening and closing tags of an entity, or `undefined` for entities Telegram finds by itself (links, mentions). */
function tags(entity: MessageEntity): [string, string] | undefined {
  // Newer than the Bot API types Telegraf ships.
  if ((entity.type as string) === "expandable_blockquote")
    return ["<blockquote expandable>", "</blockquote>"];
  switch (entity.type) {
    case "bold":
      return ["<b>", "</b>"];
    case "italic":
      return ["<i>", "</i>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strikethrough":
      return ["<s>", "</s>"];
    case "spoiler":
      return ["<tg-spoiler>", "</tg-spoiler>"];
    case "code":
      return ["<code>", "</code>"];
    case "pre":
      return entity.language
        ? [`<pre><code class="language-${escapeAttribute(entity.language)}">`, "</code></pre>"]
        : ["<pre>", "</pre>"];
    case "text_link":
      return [`<a href="${escapeAttribute(entity.url)}">`, "</a>"];
    case "text_mention":
      return [`<a href="tg://user?id=${entity.user.id}">`, "</a>"];
    case "blockquote":
      return ["<blockquote>", "</blockquote>"];
    case "custom_emoji":
      // Telegram's ids are numbers; any other (a forged update) would make it refuse the message.
      return /^\d{1,20}$/.test(entity.custom_emoji_id)
        ? [`<tg-emoji emoji-id="${entity.custom_emoji_id}">`, "</tg-emoji>"]
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Why not `@telegraf/entity` (0.7, Telegraf's own `toHTML`): it renders nested entities, `pre`
 * with a language, custom emoji, blockquotes and spoilers as we need, but it writes attribute
 * values as they are (a link whose address holds `"`, or a `pre` language, breaks the HTML and
 * Telegram refuses the whole announcement), repeats the overlapped text of entities that overlap
 * without nesting (`<b>abcd</b><i>cdef</i>`), and sorts the message's own entity array in place.
 * test/announce/entities.test.ts holds those cases; switch when the package handles them.
 */

/**
 * `offset` moved back to the start of the character it falls in: an entity that begins or ends
 * inside an emoji (between the two halves of a surrogate pair, which Telegram never sends but a
 * forged update can) must not split it into two invalid halves.
 */
function charStart(text: string, offset: number): number {
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? offset - 1 : offset;
}

/**
 * A message's text with its formatting (bold, links, quotes…) as Telegram HTML, every character of
 * the text escaped: what the staff member wrote, safe to send with `parse_mode: "HTML"`.
 * Offsets are UTF-16 code units, as in JavaScript strings. Entities nest; one that overlaps its
 * parent's end is cut there, so the tags always balance.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const sorted = entities
    .filter((e) => e.length > 0 && tags(e) !== undefined)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const open: Array<{ end: number; close: string }> = [];
  let out = "";
  let pos = 0;
  const closeUntil = (limit: number) => {
    for (let top = open.at(-1); top && top.end <= limit; top = open.at(-1)) {
      out += escapeHtml(text.slice(pos, top.end)) + top.close;
      pos = top.end;
      open.pop();
    }
  };
  for (const entity of sorted) {
    const start = Math.max(charStart(text, entity.offset), pos);
    closeUntil(start);
    const end = Math.min(charStart(text, entity.offset + entity.length), open.at(-1)?.end ?? text.length);
    if (end <= start) continue;
    const [openTag, closeTag] = tags(entity) ?? ["", ""];
    out += escapeHtml(text.slice(pos, start)) + openTag;
    pos = start;
    open.push({ end, close: closeTag });
  }
  closeUntil(Number.POSITIVE_INFINITY);
  return out + escapeHtml(text.slice(pos));
}
