import { Composer, type Telegram } from "telegraf";
import type { AnswerEngine } from "../answer/engine.ts";
import { parseSubjectRef } from "../answer/subject.ts";
import { problemLines } from "../knowledge/problems.ts";
import type { ReloadResult } from "../knowledge/service.ts";
import type { Lang } from "../lang.ts";
import { staffOnly } from "../telegram/access.ts";
import type { BotContext, BotDeps } from "../telegram/context.ts";
import { escapeHtml } from "../telegram/html.ts";
import { sendHtml } from "../telegram/send.ts";
import { renderStatsChart } from "../upkeep/chart.ts";
import { clusterQuestions } from "../upkeep/clusters.ts";
import { dayMonth, dayOf, dayRange } from "../upkeep/days.ts";
import { collectStats } from "../upkeep/stats.ts";
import { statsHtml } from "../upkeep/stats-text.ts";
import { isEmpty, type UnansweredReport, unansweredCsv, unansweredHtml } from "../upkeep/unanswered-text.ts";

/** How far back `/unanswered` looks unless told (`/unanswered 60`). */
const UNANSWERED_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Staff commands only, and only in a private chat: what people ask is not for a whole group. */
const forStaff = staffOnly();

/** `/unanswered [csv] [days]`, `/stats`, `/reload`: knowledge upkeep for programme staff. */
export const upkeep = new Composer<BotContext>();

upkeep.command(["unanswered", "belumterjawab"], forStaff, async (ctx) => {
  const words = ctx.payload.toLowerCase().split(/\s+/).filter(Boolean);
  const asked = Number(words.find((w) => /^\d{1,4}$/.test(w)));
  const days = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 3650) : UNANSWERED_DAYS;
  const report = unansweredReport(ctx, days);
  if (words.includes("csv")) {
    const day = dayOf(ctx.deps.now(), report.timezone);
    await ctx.replyWithDocument(
      {
        source: Buffer.from(unansweredCsv(ctx.t, report), "utf8"),
        filename: ctx.t("upkeep.unanswered.csvFile", { day }),
      },
      {
        caption: ctx.t("upkeep.unanswered.csvCaption", {
          days,
          count: report.count,
          clusters: report.clusters.length,
        }),
      },
    );
    return;
  }
  if (isEmpty(report)) return void (await sendHtml(ctx, ctx.t("upkeep.unanswered.none", { days })));
  await sendHtml(ctx, unansweredHtml(ctx.t, report));
});

/** What `/unanswered` lists over the last `days` days. */
function unansweredReport(ctx: BotContext, days: number): UnansweredReport {
  const { questionLog, feedback, staffDesk, now } = ctx.deps;
  const since = now() - days * DAY_MS;
  const rows = questionLog.store.unanswered(since);
  const engine = ctx.deps.engine();
  return {
    days,
    count: rows.length,
    clusters: clusterQuestions(rows),
    downVotes: feedback.votes.downVotes(since),
    staffQuestions: staffDesk.questions.forwardedSince(since),
    label: (ref) => guessLabel(engine, ref, ctx.lang),
    lang: ctx.lang,
    timezone: questionLog.timezone,
  };
}

upkeep.command(["stats", "statistik"], forStaff, async (ctx) => {
  const log = ctx.deps.questionLog;
  const stats = collectStats(
    {
      store: log.store,
      votes: ctx.deps.feedback.votes,
      engine: ctx.deps.engine(),
      timezone: log.timezone,
      now: ctx.deps.now(),
      activeGroups: ctx.deps.groups.listActive().length,
      subscribedGroups: ctx.deps.announce.subscriptions.subscribers().length,
    },
    ctx.lang,
  );
  await sendHtml(ctx, statsHtml(ctx.t, stats));
  let png: Buffer;
  try {
    png = await renderStatsChart(stats, {
      title: ctx.t("upkeep.stats.chartTitle", {
        range: dayRange(stats.days[0]?.day ?? "", stats.days.at(-1)?.day ?? "", ctx.lang),
      }),
      day: (day) => dayMonth(day, ctx.lang),
      answered: ctx.t("upkeep.stats.answered"),
      unanswered: ctx.t("upkeep.stats.unanswered"),
      provinces: ctx.t("upkeep.stats.chartProvinces"),
      topics: ctx.t("upkeep.stats.chartTopics"),
    });
  } catch (err) {
    ctx.deps.logger.error({ err }, "could not draw the statistics chart");
    return void (await ctx.reply(ctx.t("upkeep.stats.chartFailed")));
  }
  await ctx.replyWithPhoto(
    { source: png, filename: "stats.png" },
    { caption: ctx.t("upkeep.stats.chartCaption") },
  );
});

upkeep.command(["reload", "muatulang"], forStaff, async (ctx) => {
  await sendHtml(ctx, reloadHtml(ctx.deps, ctx.lang, await ctx.deps.knowledge.reload()));
});

/** The answer to a reload: what is now in service, or exactly where the file is wrong. */
function reloadHtml(deps: BotDeps, lang: Lang, result: ReloadResult): string {
  if (result.ok) {
    const k = result.engine.knowledge;
    return deps.t(lang, "upkeep.reload.ok", {
      file: escapeHtml(k.file),
      provinces: k.provinces.length,
      cohorts: k.cohorts.length,
      products: k.products.length,
    });
  }
  const { file, problems } = result.error;
  return deps.t(lang, "upkeep.reload.failed", {
    file: escapeHtml(file),
    problems: problemLines(problems, lang)
      .map((line) => `• ${escapeHtml(line)}`)
      .join("\n"),
  });
}

/**
 * Tells every staff member, in a private message, what an automatic reload did. A staff member
 * who never started the bot cannot be written to; that is logged, not thrown.
 */
export async function reportReload(telegram: Telegram, deps: BotDeps, result: ReloadResult): Promise<void> {
  for (const id of deps.adminIds) {
    try {
      const lang = deps.users.getLanguage(id) ?? "id";
      const head = deps.t(lang, result.ok ? "upkeep.reload.autoOk" : "upkeep.reload.autoFailed");
      await telegram.sendMessage(id, `${escapeHtml(head)}\n\n${reloadHtml(deps, lang, result)}`, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    } catch (err) {
      deps.logger.warn({ err, staff: id }, "could not tell a staff member about a knowledge reload");
    }
  }
}

/** The name of a best guess ("p.papua" → "Produk Papua"), or the reference when it is stale. */
function guessLabel(engine: AnswerEngine, ref: string | undefined, lang: Lang): string | undefined {
  if (!ref) return undefined;
  const subject = parseSubjectRef(ref);
  return subject ? engine.writer.label(lang, subject) : ref;
}
