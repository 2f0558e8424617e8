import type { MessageEntity } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { entitiesToHtml } from "../../src/telegram/entities";

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
  ])("%s", (_name, text, entities, html) => {
    expect(entitiesToHtml(text, entities)).toBe(html);
  });

  it("cuts an entity that overlaps its parent's end, so tags always balance", () => {
    const html = entitiesToHtml("abcdef", [
      { type: "bold", offset: 0, length: 4 },
      { type: "italic", offset: 2, length: 4 },
    ]);
    expect(html).toBe("<b>ab<i>cd</i></b>ef");
  });
});
