import type { TOptions } from "i18next";
import { escapeHtml } from "../telegram/html.ts";
import type { Counted, Stats, Voted } from "./stats.ts";

/** Translates a key in the staff member's language. */
type Tr = (key: string, options?: TOptions) => string;

/** "75%", or "–" of nothing. */
function percent(t: Tr, part: number, of: number): string {
  return of ? `${Math.round((100 * part) / of)}%` : t("upkeep.stats.unknown");
}

/** A ranked list ("1. Papua — 3"), or "(none yet)". */
function ranked(t: Tr, items: Counted[]): string[] {
  if (!items.length) return [t("upkeep.stats.nothing")];
  return items.map((counted, index) =>
    t("upkeep.stats.topLine", { rank: index + 1, label: escapeHtml(counted.label), count: counted.count }),
  );
}

/** Questions a day, one row a day someone asked: days without questions are left out, not listed as zeros. */
function perDay(stats: Stats): string[] {
  const most = Math.max(1, ...stats.days.map((day) => day.total));
  return stats.days
    .filter((day) => day.total > 0)
    .map((day) => {
      const [, month, date] = day.day.split("-");
      const bar = "█".repeat(Math.max(1, Math.round((16 * day.total) / most)));
      return `${date}/${month} ${String(day.total).padStart(4)} (${String(day.answered).padStart(4)}) ${bar}`;
    });
}

/** 👍/👎 on answers, and the subjects with the highest share of 👎. */
function votes(t: Tr, stats: Stats): string[] {
  const { up, down, subjects } = stats.votes;
  if (!up && !down) return [t("upkeep.stats.votesNone")];
  const total = (voted: Voted) => voted.up + voted.down;
  return [
    t("upkeep.stats.votes", { up, down, share: percent(t, down, up + down) }),
    ...subjects.map((voted, index) =>
      t("upkeep.stats.voteLine", {
        rank: index + 1,
        label: escapeHtml(voted.label),
        down: voted.down,
        total: total(voted),
        share: percent(t, voted.down, total(voted)),
      }),
    ),
  ];
}

/** The text of `/stats`, in the staff member's language. */
export function statsHtml(t: Tr, stats: Stats): string {
  const title = t("upkeep.stats.title", {
    days: stats.days.length,
    from: stats.days[0]?.day,
    to: stats.days[stats.days.length - 1]?.day,
  });
  const groups = t("upkeep.stats.groups", stats.groups);
  if (!stats.total) return [title, t("upkeep.stats.noQuestions"), groups].join("\n");
  const langs = stats.langs
    .map((share) => {
      const name =
        share.lang === "id" || share.lang === "en" ? t(`language.names.${share.lang}`) : share.lang;
      return `${name} ${percent(t, share.count, stats.total)}`;
    })
    .join(" · ");
  return [
    title,
    t("upkeep.stats.questions", {
      total: stats.total,
      people: stats.people,
      share: percent(t, stats.answered, stats.total),
    }),
    t("upkeep.stats.languages", { list: langs }),
    groups,
    "",
    t("upkeep.stats.votesTitle"),
    ...votes(t, stats),
    "",
    t("upkeep.stats.topProvinces"),
    ...ranked(t, stats.provinces),
    "",
    t("upkeep.stats.topTopics"),
    ...ranked(t, stats.topics),
    "",
    t("upkeep.stats.perDay"),
    `<pre>${perDay(stats).join("\n")}</pre>`,
  ].join("\n");
}
