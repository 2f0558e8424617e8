import type { MessageEntity } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { entitiesToHtml } from "../../src/telegram/entities.ts";

describe("a formatted message as Telegram HTML", () => {
  it.each<[string, string, MessageEntity[], string]>([
    ["plain text is escaped", "a < b & c > d", [], "a &lt; b &amp; c &gt; d"],
    [
      "bold and italic",
      "Halo semua",
      [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 5, length: 5 },
      ],
      "<b>Halo</b> <i>semua</i>",
    ],
    [
      "nested entities",
      "Rapat penting besok",
      [
        { type: "bold", offset: 0, length: 19 },
        { type: "italic", offset: 6, length: 7 },
      ],
      "<b>Rapat <i>penting</i> besok</b>",
    ],
    [
      "a link, its address escaped",
      "Daftar di sini",
      [{ type: "text_link", offset: 10, length: 4, url: 'https://x.id/?a=1&b="2"' }],
      'Daftar di <a href="https://x.id/?a=1&amp;b=&quot;2&quot;">sini</a>',
    ],
    [
      "code and pre with a language",
      "x = 1",
      [{ type: "pre", offset: 0, length: 5, language: "py" }],
      '<pre><code class="language-py">x = 1</code></pre>',
    ],
    [
      "entities Telegram finds by itself add nothing",
      "lihat https://kemenperin.go.id",
      [{ type: "url", offset: 6, length: 24 }],
      "lihat https://kemenperin.go.id",
    ],
    [
      "offsets count UTF-16 units (emoji)",
      "🎉 Selamat!",
      [{ type: "bold", offset: 3, length: 7 }],
      "🎉 <b>Selamat</b>!",
    ],
    [
      "spoiler, underline, strike, quote",
      "a b c d",
      [
        { type: "spoiler", offset: 0, length: 1 },
        { type: "underline", offset: 2, length: 1 },
        { type: "strikethrough", offset: 4, length: 1 },
        { type: "blockquote", offset: 6, length: 1 },
      ],
      "<tg-spoiler>a</tg-spoiler> <u>b</u> <s>c</s> <blockquote>d</blockquote>",
    ],
    ["markup typed as text stays text", "<b>not bold</b>", [], "&lt;b&gt;not bold&lt;/b&gt;"],
    // The cases below are where @telegraf/entity's toHTML falls short (see src/telegram/entities.ts).
    [
      "a pre's language is escaped (@telegraf/entity writes it raw)",
      "x = 1",
      [{ type: "pre", offset: 0, length: 5, language: 'py"><b' }],
      '<pre><code class="language-py&quot;&gt;&lt;b">x = 1</code></pre>',
    ],
    [
      "an address in a link is escaped (@telegraf/entity writes it raw)",
      "sini",
      [{ type: "text_link", offset: 0, length: 4, url: 'https://x.id/?q="a"&b' }],
      '<a href="https://x.id/?q=&quot;a&quot;&amp;b">sini</a>',
    ],
    [
      "overlapping entities never repeat text (@telegraf/entity gives <b>abcd</b><i>cdef</i>)",
      "abcdef",
      [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 2, length: 4 },
      ],
      "<b>ab<i>cd</i></b>ef",
    ],
    [
      "custom emoji and an expandable quote",
      "⭐ kutipan",
      [
        { type: "custom_emoji", offset: 0, length: 1, custom_emoji_id: "5368324170671202286" },
        { type: "expandable_blockquote" as "blockquote", offset: 2, length: 7 },
      ],
      '<tg-emoji emoji-id="5368324170671202286">⭐</tg-emoji> <blockquote expandable>kutipan</blockquote>',
    ],
    [
      "an entity running past the text's end is cut at it",
      "abc",
      [{ type: "bold", offset: 1, length: 10 }],
      "a<b>bc</b>",
    ],
    [
      "an entity beginning or ending inside an emoji (forged) keeps the emoji whole",
      "👍🏽ok",
      [
        { type: "pre", offset: 0, length: 1 },
        { type: "bold", offset: 3, length: 2 },
      ],
      "👍<b>🏽o</b>k",
    ],
    [
      "a custom emoji keeps its id; one with a forged id is plain text",
      "🙂 🙃",
      [
        { type: "custom_emoji", offset: 0, length: 2, custom_emoji_id: "5368324170671202286" },
        { type: "custom_emoji", offset: 3, length: 2, custom_emoji_id: '"><b>' },
      ],
      '<tg-emoji emoji-id="5368324170671202286">🙂</tg-emoji> 🙃',
    ],
  ])("%s", (_name, text, entities, html) => {
    expect(entitiesToHtml(text, entities)).toBe(html);
  });

  it("leaves the message's entities as they were (@telegraf/entity sorts them in place)", () => {
    const entities: MessageEntity[] = [
      { type: "italic", offset: 2, length: 1 },
      { type: "bold", offset: 0, length: 1 },
    ];
    entitiesToHtml("a b", entities);
    expect(entities.map((entity) => entity.type)).toEqual(["italic", "bold"]);
  });
});
