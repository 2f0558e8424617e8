import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { chartFont, statsChartSvg } from "../src/upkeep/chart.ts";
import { dayMonth, dayRange, daysEnding } from "../src/upkeep/days.ts";
import type { Stats } from "../src/upkeep/stats.ts";
import { statsHtml } from "../src/upkeep/stats-text.ts";

const WIDTH = 1200;
const HEIGHT = 800;

/** Stats over 30 days ending 1 June 2025, with long names and large counts: the hardest labels. */
function stats(over: Partial<Stats> = {}): Stats {
  const days = daysEnding("2025-06-01", 30).map((day, i) => ({
    day,
    total: i % 3 ? i * 7 : 0,
    answered: i % 3 ? i * 5 : 0,
  }));
  const counted = (label: string, count: number) => ({ key: label, label, count });
  return {
    days,
    total: days.reduce((n, d) => n + d.total, 0),
    answered: 10,
    people: 4,
    langs: [{ lang: "id", count: 10 }],
    groups: { active: 2, subscribed: 1 },
    votes: { up: 3, down: 1, subjects: [{ key: "p.papua", label: "Papua", up: 1, down: 1 }] },
    provinces: [
      counted("Nusa Tenggara Timur (Kabupaten Manggarai Barat dan sekitarnya)", 12345),
      counted("Papua", 3),
    ],
    topics: [
      counted("Di mana kerajinan perak dan emas dikembangkan di Sulawesi Selatan?", 99999),
      counted("Kriteria", 5),
    ],
    ...over,
  };
}

/** Each text of the SVG, with the box the real font draws it in (resvg, alone on the canvas). */
function texts(svg: string) {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([element, content = ""]) => {
    const alone = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${element}</svg>`;
    const box = new Resvg(alone, { font: chartFont() }).getBBox();
    return { content, box };
  });
}

describe("the /stats chart", () => {
  it("keeps every label inside the picture, long names shortened with an ellipsis", async () => {
    const svg = await statsChartSvg(stats(), {
      title: `Pertanyaan per hari, ${dayRange("2025-05-03", "2025-06-01", "id")}`,
      day: (day) => dayMonth(day, "id"),
      answered: "Terjawab",
      unanswered: "Tidak terjawab",
      provinces: "Provinsi yang ditanyakan",
      topics: "Topik yang ditanyakan",
    });
    const all = texts(svg);
    expect(all.length).toBeGreaterThan(20);
    for (const { content, box } of all) {
      const inside =
        box !== undefined &&
        box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= WIDTH &&
        box.y + box.height <= HEIGHT;
      expect(inside, `"${content}" drawn at ${JSON.stringify(box)}`).toBe(true);
    }
    const contents = all.map((t) => t.content);
    expect(contents.some((c) => /^Pertanyaan per hari, 3 Mei\s–\s1 Jun 2025$/.test(c))).toBe(true);
    expect(contents).toContain("3 Mei");
    expect(contents.some((c) => c.startsWith("Nusa Tenggara Timur") && c.endsWith("..."))).toBe(true);
    expect(contents).toContain("99999");
  });
});

describe("the /stats text", () => {
  const t = (key: string, options?: object) => `${key}${options ? JSON.stringify(options) : ""}`;

  it("lists only the days someone asked, day before month", () => {
    const html = statsHtml(t, stats());
    const rows = /<pre>([\s\S]*)<\/pre>/.exec(html)?.[1]?.split("\n") ?? [];
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatch(/^04\/05 +7 \( +5\) █+$/);
    expect(rows.every((row) => !/^\d\d\/\d\d +0 /.test(row))).toBe(true);
  });

  it("says there were no questions rather than print zeros", () => {
    const empty = stats({
      days: daysEnding("2025-06-01", 30).map((day) => ({ day, total: 0, answered: 0 })),
      total: 0,
    });
    const html = statsHtml(t, empty);
    expect(html).toContain("upkeep.stats.noQuestions");
    expect(html).not.toContain("<pre>");
  });
});
