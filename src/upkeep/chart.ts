import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Counted, Stats } from "./stats";

/** The chart's size in pixels. */
const CHART_WIDTH = 1200;
const CHART_HEIGHT = 800;

/** The words on the chart, in the staff member's language. */
interface ChartTexts {
  title: string;
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

const shorten = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function topBars(items: Counted[], gridIndex: number, color: string) {
  const shown = [...items].reverse(); // ECharts draws the first category at the bottom
  return {
    yAxis: {
      type: "category" as const,
      gridIndex,
      data: shown.map((i) => shorten(i.label)),
      axisLabel: { fontSize: 13 },
    },
    xAxis: { type: "value" as const, gridIndex, minInterval: 1, axisLabel: { fontSize: 12 } },
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
  const echarts = await import("echarts");
  const { Resvg } = await import("@resvg/resvg-js");
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(chartOption(stats, texts));
    const svg = chart.renderToSVGString();
    const files = fontFiles();
    const resvg = new Resvg(svg, {
      background: "#ffffff",
      font: {
        fontFiles: files,
        // Without the packaged font, whatever the system has is better than no text at all.
        loadSystemFonts: files.length === 0,
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
      },
    });
    return resvg.render().asPng();
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
      { text: texts.provinces, left: "4%", top: 470, textStyle: { fontSize: 16 } },
      { text: texts.topics, left: "54%", top: 470, textStyle: { fontSize: 16 } },
    ],
    legend: { top: 48, textStyle: { fontSize: 14 } },
    grid: [
      { left: 60, right: 30, top: 90, height: 330 },
      { left: "14%", width: "30%", top: 510, bottom: 30 },
      { left: "66%", width: "28%", top: 510, bottom: 30 },
    ],
    xAxis: [
      {
        type: "category",
        gridIndex: 0,
        data: stats.days.map((day) => day.day.slice(5)),
        axisLabel: { fontSize: 12, interval: 2 },
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
