import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Counted, Stats } from "./stats.ts";

/** The chart's size in pixels. */
const CHART_WIDTH = 1200;
const CHART_HEIGHT = 800;

/** The words on the chart, in the staff member's language. */
export interface ChartTexts {
  /** With the period's dates: "Pertanyaan per hari, 3 Mei – 1 Jun 2025". */
  title: string;
  /** A day ("2025-06-01") as the axis shows it: "1 Jun". */
  day: (day: string) => string;
  answered: string;
  unanswered: string;
  provinces: string;
  topics: string;
}

const FONT_FAMILY = "DejaVu Sans";

/**
 * The TrueType files of the `dejavu-fonts-ttf` package: an npm dependency, so the chart has
 * its letters on a fresh machine without system fonts. Empty when the package is missing.
 */
function fontFiles(): string[] {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(dir, f)).filter((f) => existsSync(f));
  } catch {
    return [];
  }
}

/** The widest a bar's name may be, in pixels; longer names end in "…" rather than run off the chart. */
const LABEL_WIDTH = 190;
/** Room inside each grid for its axis labels and the counts at the ends of the bars. */
const CONTAIN_LABELS = { outerBoundsMode: "same", outerBoundsContain: "axisLabel" } as const;

function topBars(items: Counted[], gridIndex: number, color: string) {
  const shown = [...items].reverse(); // ECharts draws the first category at the bottom
  return {
    yAxis: {
      type: "category" as const,
      gridIndex,
      data: shown.map((i) => i.label),
      axisLabel: { fontSize: 13, width: LABEL_WIDTH, overflow: "truncate" as const },
    },
    // The space past the longest bar holds its count.
    xAxis: {
      type: "value" as const,
      gridIndex,
      minInterval: 1,
      boundaryGap: [0, "20%"] as [number, string],
      axisLabel: { fontSize: 12 },
    },
    series: {
      type: "bar" as const,
      xAxisIndex: gridIndex,
      yAxisIndex: gridIndex,
      data: shown.map((i) => i.count),
      itemStyle: { color },
      label: { show: true, position: "right" as const, fontSize: 12 },
      barMaxWidth: 26,
    },
  };
}

/**
 * Draws `/stats` as a PNG: questions per day (answered and not) above, the top provinces and
 * topics below. ECharts renders SVG on the server; resvg turns it into PNG. Both load on first
 * use, so the bot starts without them.
 */
export async function renderStatsChart(stats: Stats, texts: ChartTexts): Promise<Buffer> {
  const svg = await statsChartSvg(stats, texts);
  const { Resvg } = await import("@resvg/resvg-js");
  return new Resvg(svg, { background: "#ffffff", font: chartFont() }).render().asPng();
}

/** The font options resvg draws the chart's text with. */
export function chartFont() {
  const files = fontFiles();
  return {
    fontFiles: files,
    // Without the packaged font, whatever the system has is better than no text at all.
    loadSystemFonts: files.length === 0,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
  };
}

/** The chart as SVG, before it becomes a PNG. */
export async function statsChartSvg(stats: Stats, texts: ChartTexts): Promise<string> {
  const echarts = await import("echarts");
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(chartOption(stats, texts));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as ECharts options: questions a day above, the top provinces and topics below. */
function chartOption(stats: Stats, texts: ChartTexts) {
  const provinces = topBars(stats.provinces, 1, "#2f7ed8");
  const topics = topBars(stats.topics, 2, "#8e5ea2");
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY },
    title: [
      { text: texts.title, left: "center", top: 12, textStyle: { fontSize: 22 } },
      { text: texts.provinces, left: "3%", top: 470, textStyle: { fontSize: 16 } },
      { text: texts.topics, left: "53%", top: 470, textStyle: { fontSize: 16 } },
    ],
    legend: { top: 48, textStyle: { fontSize: 14 } },
    grid: [
      { left: 30, right: 30, top: 90, height: 340, ...CONTAIN_LABELS },
      { left: "3%", width: "44%", top: 510, bottom: 20, ...CONTAIN_LABELS },
      { left: "53%", width: "44%", top: 510, bottom: 20, ...CONTAIN_LABELS },
    ],
    xAxis: [
      {
        type: "category",
        gridIndex: 0,
        data: stats.days.map((day) => texts.day(day.day)),
        axisLabel: { fontSize: 12, interval: 2, hideOverlap: true },
      },
      provinces.xAxis,
      topics.xAxis,
    ],
    yAxis: [{ type: "value", gridIndex: 0, minInterval: 1 }, provinces.yAxis, topics.yAxis],
    series: [
      {
        name: texts.answered,
        type: "bar",
        stack: "day",
        data: stats.days.map((day) => day.answered),
        itemStyle: { color: "#3aa655" },
      },
      {
        name: texts.unanswered,
        type: "bar",
        stack: "day",
        data: stats.days.map((day) => day.total - day.answered),
        itemStyle: { color: "#e8833a" },
      },
      provinces.series,
      topics.series,
    ],
  };
}
