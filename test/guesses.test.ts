import { describe, expect, it } from "vitest";
import { askAfter as ask } from "./support/app.ts";

describe("asked for an opinion or a guess", () => {
  it.each<[string, string]>([
    ["Menurutmu produk Sulteng yang dikembangkan apa aja?", "cokelat"],
    ["tebak produk Sultra yg dikembangin apa min", "tempe"],
    ["What would you guess Bangka Belitung makes?", "pewter"],
    ["What do you think South Sulawesi focuses on?", "silver"],
    ["What's your best guess for when this Indonesia–Japan SMI cooperation started?", "2013"],
  ])("%j of a fact the sources give is answered with it", async (question, fact) => {
    const reply = await ask(question);
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain(fact);
  });

  it.each([
    "Menurutmu program ini berhasil gak?",
    "In your opinion, was the programme successful?",
    "Menurutmu programnya bagus gak?",
    "Is that a good approach, in your opinion?",
  ])("does not judge: %j", async (question) => {
    expect((await ask(question)).kind).toBe("fallback");
  });
});
