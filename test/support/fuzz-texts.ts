/**
 * Generators (fast-check arbitraries) of hostile and odd text, for the fuzz test and the
 * hostile-input benchmark: every Unicode plane, right-to-left and invisible characters,
 * combining marks, emoji sequences, lone surrogates, 4,096-character texts, HTML- and
 * Markdown-like text; entities anywhere (also past the text); forged callback data of every
 * shape the bot uses; inline queries up to 256 characters.
 */
import fc from "fast-check";
import type { MessageEntity } from "telegraf/types";

/** Telegram's longest message text and inline query. */
export const MAX_TEXT = 4096;
export const MAX_QUERY = 256;

// ── Texts ────────────────────────────────────────────────────────────────────

// biome-ignore format: a table of short strings reads best packed
const WORDS = [
  "papua", "kopi", "sulsel", "Dogiyai", "Samosir", "ulos", "jatim", "provinsi", "produk", "apa", "dimana",
  "what", "where", "JICA", "IKM", "Kemenperin", "pejabat", "kriteria", "constructor", "__proto__",
  "toString", "hasOwnProperty", "valueOf", "prototype", "Produk Papua apa?", "siapa pejabatnya?",
];
// biome-ignore format: a table of short strings reads best packed
const SPECIAL = [
  // right to left, and the controls that flip it
  "ما هي منتجات بابوا؟", "מה מייצרת פפואה", "\u202e", "\u202d", "\u200f", "\u061c",
  // invisible
  "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u180e",
  // combining marks, stacked
  "e\u0301", "a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307", "\u0336\u0334\u0335", "ก\u0e31\u0e49",
  // emoji sequences
  "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇮🇩", "🇯🇵", "👍🏽", "1️⃣", "🧑🏿‍🦱", "❤️‍🔥",
  // lone surrogates (Telegram never sends them; a forged update might)
  "\ud800", "\udfff", "\ud83d", "\ude00x",
  // HTML-like
  "<b>", "</b>", "<i>x</i>", '<a href="tg://user?id=1">', "&amp;", "&", "<", ">", "&lt;", "&#128512;",
  "<script>alert(1)</script>", "<tg-spoiler>", "</pre>", '"', "'",
  // Markdown-like
  "**", "__", "`", "```js\n", "[papua](https://example.org)", "*kopi*", "_x_", "~~", "||", "\\", "\\_",
  // whitespace and controls
  " ", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u2028", "\u0000", "\u0007", "\u001b[31m",
  // bot-like
  "/start", "@TanyaIkmBot", "@OtherBot", "#hashtag", "$IDR", "https://t.me/TanyaIkmBot?start=x",
];

/** One piece of a text: a word, a special sequence, random code points of any plane, a long word. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 3 }),
        fc.integer({ min: 20, max: 700 }),
      )
      .map(([unit, times]) => unit.repeat(times)),
  },
);

/** Pieces joined by spaces or not, cut to `max` characters (which may cut an emoji in two). */
function joined(pieces: fc.Arbitrary<string[]>, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(pieces, fc.constantFrom(" ", "", "\n", " , "))
    .map(([parts, separator]) => parts.join(separator).slice(0, max));
}

/** Texts of every sort, from empty to 4,096 characters. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: joined(fc.array(piece, { maxLength: 12 }), MAX_TEXT) },
  {
    // Exactly 4,096 characters: a few pieces repeated.
    weight: 1,
    arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => {
      const unit = parts.join(" ") || "x";
      return unit.repeat(Math.ceil(MAX_TEXT / unit.length)).slice(0, MAX_TEXT);
    }),
  },
);

/** A question to the bot in a private chat: the answer path, timed by the fuzz test. */
export const question: fc.Arbitrary<string> = text.filter((t) => !t.startsWith("/"));

/** Inline queries: at most 256 characters. */
export const query: fc.Arbitrary<string> = joined(fc.array(piece, { maxLength: 8 }), MAX_QUERY);

// ── Entities ─────────────────────────────────────────────────────────────────

// biome-ignore format: a table of short strings reads best packed
const ENTITY_TYPES = [
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic",
  "underline", "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code", "pre",
  "text_link", "text_mention", "custom_emoji",
] as const;

/** Entities for a text of `length`: anywhere, overlapping, and some past its end. */
export function entities(length: number): fc.Arbitrary<MessageEntity[]> {
  const entity = fc
    .record({
      type: fc.constantFrom(...ENTITY_TYPES),
      offset: fc.integer({ min: 0, max: length + 8 }),
      length: fc.integer({ min: 0, max: length + 8 }),
      extra: fc.string({ unit: "binary", maxLength: 20 }),
    })
    .map(({ type, offset, length, extra }) => {
      const base = { offset, length };
      switch (type) {
        case "pre":
          return { ...base, type, language: extra };
        case "text_link":
          return { ...base, type, url: `https://example.org/${extra}` };
        case "text_mention":
          return { ...base, type, user: { id: 5001, is_bot: false, first_name: extra || "x" } };
        case "custom_emoji":
          return { ...base, type, custom_emoji_id: extra };
        default:
          return { ...base, type } as MessageEntity;
      }
    });
  return fc.array(entity, { maxLength: 12 }) as fc.Arbitrary<MessageEntity[]>;
}

/** A message's text: Telegram delivers none that is empty or only spaces. */
export const messageText = text.filter((t) => t.trim() !== "");

/** A message's text with its entities. */
export const formatted = messageText.chain((t) => entities(t.length).map((e) => ({ text: t, entities: e })));

// ── Callback data ────────────────────────────────────────────────────────────

const REFS = ["p.papua", "p.sulsel", "pr.coffee", "l", "l1", "l2", "cr", "of", "t.overview", "p.", "x.y.z"];

/** Callback data of every shape the bot makes, forged: known prefixes with odd tails, and noise. */
export const callbackData: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(fc.constantFrom("a:id:", "a:en:", "a:jp:", "a::"), fc.oneof(fc.constantFrom(...REFS), piece)),
    fc.tuple(fc.constantFrom("q:", "lang:", "an:c:", "an:0badf00d:"), fc.oneof(piece, fc.nat().map(String))),
    // A draft's button (an:<draft id>:<verb>[:<value>]) of a draft that is not the sender's, or is gone.
    fc.tuple(
      fc.stringMatching(/^an:[0-9a-f]{8}:$/),
      fc.constantFrom(
        "skip",
        "pn",
        "pin",
        "go",
        "sch",
        "x",
        "l:id",
        "l:jp",
        "a:all",
        "a:prov",
        "p:papua",
        "p:x",
      ),
    ),
    fc.tuple(fc.constant(""), fc.string({ unit: "binary", minLength: 1, maxLength: 64 })),
  )
  .map(([prefix, tail]) => cutToBytes(prefix + tail, 64))
  .filter((data) => data.length > 0);

/** `text` cut to at most `max` UTF-8 bytes: Telegram's callback data is never longer. */
function cutToBytes(text: string, max: number): string {
  let out = "";
  for (const char of text) {
    if (Buffer.byteLength(out + char) > max) break;
    out += char;
  }
  return out;
}
