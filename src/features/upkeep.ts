import { Composer, type Telegram } from "telegraf";
import type { AnswerEngine } from "../answer/engine";
import { parseSubjectRef } from "../answer/subject";
import type { ReloadResult } from "../knowledge/service";
import { LANGS, type Lang } from "../lang";
import { staffOnly } from "../telegram/access";
import type { BotContext, BotDeps } from "../telegram/context";
import { cutText, escapeHtml } from "../telegram/html";
import { sendHtml } from "../telegram/send";
import { renderStatsChart } from "../upkeep/chart";
import { clusterQuestions, type QuestionCluster } from "../upkeep/clusters";
import { toCsv } from "../upkeep/csv";
import { dayOf } from "../upkeep/days";
import { collectStats, STATS_DAYS, type Stats } from "../upkeep/stats";

/** How far back `/unanswered` looks unless told (`/unanswered 60`). */
const UNANSWERED_DAYS = 30;
/** Clusters listed in the message; the CSV holds them all. */
const LISTED_CLUSTERS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Staff commands only, and only in a private chat: what people ask is not for a whole group. */
const forStaff = staffOnly({ staffOnly: "upkeep.staffOnly", privateOnly: "upkeep.privateOnly" });

/** `/unanswered [csv] [days]`, `/stats`, `/reload`: knowledge upkeep for programme staff. */
export const upkeep = new Composer<BotContext>();

upkeep.command(["unanswered", "belumterjawab"], forStaff, async (ctx) => {
  const log = ctx.deps.questionLog;
  const words = ctx.payload.toLowerCase().split(/\s+/).filter(Boolean);
  const asked = Number(words.find((w) => /^\d{1,4}$/.test(w)));
  const days = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 3650) : UNANSWERED_DAYS;
  const now = ctx.deps.now();
  const rows = log.store.unanswered(now - days * DAY_MS);
  const clusters = clusterQuestions(rows);
  const engine = ctx.deps.engine();
  if (words.includes("csv")) {
    const day = dayOf(now, log.timezone);
    await ctx.replyWithDocument(
      {
        source: Buffer.from(unansweredCsv(clusters, engine, ctx.lang), "utf8"),
        filename: ctx.t("upkeep.unanswered.csvFile", { day }),
      },
      {
        caption: ctx.t("upkeep.unanswered.csvCaption", {
          days,
          count: rows.length,
          clusters: clusters.length,
        }),
      },
    );
    return;
  }
  if (!clusters.length) return void (await sendHtml(ctx, ctx.t("upkeep.unanswered.none", { days })));
  await sendHtml(ctx, unansweredHtml(ctx, clusters, engine, { days, count: rows.length }));
});

upkeep.command(["stats", "statistik"], forStaff, async (ctx) => {
  const log = ctx.deps.questionLog;
  const stats = collectStats(
    {
      store: log.store,
      engine: ctx.deps.engine(),
      timezone: log.timezone,
      now: ctx.deps.now(),
      activeGroups: ctx.deps.groups.listActive().length,
      subscribedGroups: ctx.deps.announce.subscriptions.subscribers().length,
    },
    ctx.lang,
  );
  await sendHtml(ctx, statsHtml(ctx, stats));
  let png: Buffer;
  try {
    png = await renderStatsChart(stats, {
      title: ctx.t("upkeep.stats.chartTitle", { days: STATS_DAYS }),
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
  const { file, path, problem } = result.error;
  return deps.t(lang, "upkeep.reload.failed", {
    file: escapeHtml(file),
    path: escapeHtml(path || "–"),
    problem: escapeHtml(problem),
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

function unansweredHtml(
  ctx: BotContext,
  clusters: QuestionCluster[],
  engine: AnswerEngine,
  totals: { days: number; count: number },
): string {
  const lines = [
    ctx.t("upkeep.unanswered.title", { days: totals.days, count: totals.count, clusters: clusters.length }),
    "",
  ];
  clusters.slice(0, LISTED_CLUSTERS).forEach((cluster, index) => {
    const details = [ctx.t("upkeep.unanswered.people", { count: cluster.people }), cluster.langs.join("/")];
    if (cluster.variants) details.push(ctx.t("upkeep.unanswered.variants", { count: cluster.variants }));
    const guess = guessLabel(engine, cluster.guess, ctx.lang);
    if (guess) {
      details.push(
        cluster.guessScore === undefined
          ? ctx.t("upkeep.unanswered.guessNoScore", { guess: escapeHtml(guess) })
          : ctx.t("upkeep.unanswered.guess", {
              guess: escapeHtml(guess),
              score: cluster.guessScore.toFixed(2),
            }),
      );
    }
    lines.push(
      ctx.t("upkeep.unanswered.line", {
        rank: index + 1,
        count: cluster.count,
        wording: escapeHtml(cutText(cluster.wording, 200)),
      }),
      `    <i>${details.join(" · ")}</i>`,
    );
  });
  lines.push(
    "",
    clusters.length > LISTED_CLUSTERS
      ? ctx.t("upkeep.unanswered.more", { count: clusters.length - LISTED_CLUSTERS })
      : ctx.t("upkeep.unanswered.csvHint"),
  );
  return lines.join("\n");
}

/** The CSV of `/unanswered csv`: one row a question, by cluster, most frequent cluster first. */
function unansweredCsv(clusters: QuestionCluster[], engine: AnswerEngine, lang: Lang): string {
  const header = [
    "cluster",
    "cluster_count",
    "cluster_wording",
    "question",
    "kind",
    "confidence",
    "lang",
    "chat_type",
    "asked_at_utc",
    "best_guess",
    "best_guess_name",
    "guess_score",
  ];
  const rows = clusters.flatMap((cluster, index) =>
    cluster.rows.map((row) => [
      index + 1,
      cluster.count,
      cluster.wording,
      row.text,
      row.kind,
      row.confidence,
      row.lang,
      row.chatType,
      new Date(row.askedAt).toISOString(),
      row.guess,
      guessLabel(engine, row.guess, lang),
      row.guessScore,
    ]),
  );
  return toCsv(header, rows);
}

function statsHtml(ctx: BotContext, stats: Stats): string {
  const percent = (part: number, of: number) =>
    of ? `${Math.round((100 * part) / of)}%` : ctx.t("upkeep.stats.unknown");
  const langs = stats.langs
    .map(
      (share) =>
        `${LANGS.includes(share.lang as Lang) ? ctx.t(`language.names.${share.lang}`) : share.lang} ${percent(share.count, stats.total)}`,
    )
    .join(" · ");
  const top = (items: Stats["topics"]) =>
    items.length
      ? items.map((counted, index) =>
          ctx.t("upkeep.stats.topLine", {
            rank: index + 1,
            label: escapeHtml(counted.label),
            count: counted.count,
          }),
        )
      : [ctx.t("upkeep.stats.nothing")];
  const most = Math.max(1, ...stats.days.map((day) => day.total));
  const perDay = stats.days.map((day) =>
    `${day.day.slice(5)} ${String(day.total).padStart(4)} (${String(day.answered).padStart(4)}) ${"█".repeat(Math.round((16 * day.total) / most))}`.trimEnd(),
  );
  return [
    ctx.t("upkeep.stats.title", {
      days: stats.days.length,
      from: stats.days[0]?.day,
      to: stats.days[stats.days.length - 1]?.day,
    }),
    ctx.t("upkeep.stats.questions", {
      total: stats.total,
      people: stats.people,
      share: percent(stats.answered, stats.total),
    }),
    ctx.t("upkeep.stats.languages", { list: langs || ctx.t("upkeep.stats.unknown") }),
    ctx.t("upkeep.stats.groups", {
      active: stats.groups.active,
      subscribed: stats.groups.subscribed,
    }),
    "",
    ctx.t("upkeep.stats.topProvinces"),
    ...top(stats.provinces),
    "",
    ctx.t("upkeep.stats.topTopics"),
    ...top(stats.topics),
    "",
    ctx.t("upkeep.stats.perDay"),
    `<pre>${perDay.join("\n")}</pre>`,
  ].join("\n");
}
