import { describe, expect, it } from "vitest";
import { cutText, escapeHtml, MAX_MESSAGE_LENGTH, splitMessage } from "../src/telegram/html.ts";

/** Whether every tag opened in a part is closed in it, in order. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2] as string);
  }
  return stack.length === 0;
}

const hasLoneSurrogate = (s: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("escaping user text for Telegram's HTML", () => {
  it("escapes &, < and >", () => {
    expect(escapeHtml(`<b>"Papua" & 'kopi'</b>`)).toBe(`&lt;b&gt;"Papua" &amp; 'kopi'&lt;/b&gt;`);
  });
});

describe("splitting a long message", () => {
  it("leaves a short message whole", () => {
    expect(splitMessage("<b>Halo</b>")).toEqual(["<b>Halo</b>"]);
  });

  it("cuts at paragraph breaks, every part within the limit, nothing lost", () => {
    const paragraph = `${"kata ".repeat(150).trim()}.`;
    const text = Array.from({ length: 12 }, (_, i) => `${i}: ${paragraph}`).join("\n\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(parts.join("\n\n").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));
    expect(parts[1]).toMatch(/^\d+: kata/);
  });

  it("closes tags open at a cut and opens them again in the next part", () => {
    const text = `<b>${"tebal ".repeat(1200)}</b> <i>akhir</i>`;
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(balanced(p)).toBe(true);
    }
    expect(parts[1]?.startsWith("<b>")).toBe(true);
  });

  it("never cuts inside a tag, an entity or an emoji", () => {
    const text = `${"x".repeat(4090)}<a href="https://example.org">tautan</a>&amp;${"🙂".repeat(3000)}`;
    for (const p of splitMessage(text)) {
      expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(hasLoneSurrogate(p)).toBe(false);
      expect(p).not.toMatch(/<[^>]*$/);
      expect(p).not.toMatch(/&[a-z]{0,5}$/);
      expect(balanced(p)).toBe(true);
    }
  });
});

describe("cutting a text short", () => {
  it("keeps emoji whole and marks the cut", () => {
    const cut = cutText(`${"a".repeat(58)}🙂🙂`, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(cut.endsWith("…")).toBe(true);
    expect(cutText("pendek", 60)).toBe("pendek");
  });
});
