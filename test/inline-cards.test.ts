import type { TOptions } from "i18next";
import { describe, expect, it } from "vitest";
import { AnswerEngine } from "../src/answer/engine.ts";
import { createI18n, translator } from "../src/i18n/index.ts";
import type { Lang } from "../src/lang.ts";
import { botLink, inlineCard } from "../src/telegram/inline-cards.ts";
import { testEngine } from "./support/app.ts";

const t = translator(createI18n());

function cardContext(engine: AnswerEngine, lang: Lang = "id") {
  return { engine, lang, t: (key: string, o?: TOptions) => t(lang, key, o), botUsername: "TanyaIkmBot" };
}

describe("a card's button", () => {
  it("opens the bot on the card's subject", () => {
    expect(botLink("TanyaIkmBot", "pl.jatim.1")).toBe("https://t.me/TanyaIkmBot?start=r_pl_jatim_1");
    expect(botLink("TanyaIkmBot", "a.32.04")).toBe("https://t.me/TanyaIkmBot?start=r_a_32_04");
  });

  it("opens the bare chat when the subject cannot travel in a start parameter", () => {
    expect(botLink("TanyaIkmBot", `pl.${"x".repeat(70)}.0`)).toBe("https://t.me/TanyaIkmBot");
  });
});

describe("cards of a knowledge file with very long ids", () => {
  it("still get unique ids of at most 64 bytes", async () => {
    const base = await testEngine();
    const k = structuredClone(base.knowledge);
    k.provinces = k.provinces.map((p, i) => ({
      ...p,
      id: `${"province-with-a-very-long-id-".repeat(3)}${i}`,
    }));
    const engine = new AnswerEngine(k, base.areas, t);
    const cards = k.provinces.map((p) =>
      inlineCard({ kind: "entry", province: p.id, entry: 0 }, cardContext(engine)),
    );
    const ids = cards.map((c) => c?.id ?? "");
    for (const id of ids) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    expect(new Set(ids).size).toBe(k.provinces.length);
    cards.forEach((card, i) => {
      expect(card?.title.startsWith(`${k.provinces[i]?.name.id} — `)).toBe(true);
    });
  });
});

describe("cards are built once per engine and language", () => {
  it("reuses a card, and builds another for the other language", async () => {
    const engine = await testEngine();
    const hit = { kind: "entry", province: "sulsel", entry: 0 } as const;
    const first = inlineCard(hit, cardContext(engine, "id"));
    expect(inlineCard(hit, cardContext(engine, "id"))).toBe(first);
    expect(inlineCard(hit, cardContext(engine, "en"))?.title).toBe("South Sulawesi — Silver and gold crafts");
  });

  it("gives no card for an entry the knowledge no longer holds", async () => {
    const engine = await testEngine();
    expect(
      inlineCard({ kind: "entry", province: "atlantis", entry: 0 }, cardContext(engine)),
    ).toBeUndefined();
    expect(inlineCard({ kind: "area", code: "99.99" }, cardContext(engine))).toBeUndefined();
  });
});
