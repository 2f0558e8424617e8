/**
 * What `/unanswered` shows staff: the questions the bot could not answer well (as clusters of
 * near-duplicates), the answers people marked 👎, and the questions sent to staff with whether
 * they were answered; and the same questions as a spreadsheet. Pure.
 */
import type { TOptions } from "i18next";
import { formatShort } from "../announce/schedule.ts";
import type { Lang } from "../lang.ts";
import type { StaffQuestion } from "../storage/staff-questions.ts";
import type { DownVote } from "../storage/votes.ts";
import { cutText, escapeHtml } from "../telegram/html.ts";
import type { QuestionCluster } from "./clusters.ts";
import { toCsv } from "./csv.ts";

/** Clusters, 👎 answers and questions for staff listed in the message; the spreadsheet holds every question. */
const LISTED = 15;
const LISTED_OTHERS = 10;

/** Translates a key in the staff member's language. */
type Tr = (key: string, options?: TOptions) => string;

/** Everything the list is made of. */
export interface UnansweredReport {
  days: number;
  /** Questions kept with their text (unanswered or answered unsure). */
  count: number;
  clusters: QuestionCluster[];
  downVotes: DownVote[];
  staffQuestions: StaffQuestion[];
  /** The name of a subject reference ("p.papua" → "Produk Papua"), or the reference when stale. */
  label: (ref: string | undefined) => string | undefined;
  lang: Lang;
  timezone: string;
}

/** Whether there is anything to show. */
export function isEmpty(report: UnansweredReport): boolean {
  return !report.clusters.length && !report.downVotes.length && !report.staffQuestions.length;
}

function clusterLines(t: Tr, report: UnansweredReport): string[] {
  const { clusters } = report;
  const lines = [
    t("upkeep.unanswered.title", { days: report.days, count: report.count, clusters: clusters.length }),
  ];
  clusters.slice(0, LISTED).forEach((cluster, index) => {
    const details = [t("upkeep.unanswered.people", { count: cluster.people }), cluster.langs.join("/")];
    if (cluster.variants) details.push(t("upkeep.unanswered.variants", { count: cluster.variants }));
    const guess = report.label(cluster.guess);
    if (guess) {
      const score = cluster.guessScore?.toFixed(2);
      details.push(
        t(score === undefined ? "upkeep.unanswered.guessNoScore" : "upkeep.unanswered.guess", {
          guess: escapeHtml(guess),
          score,
        }),
      );
    }
    const wording = escapeHtml(cutText(cluster.wording, 200));
    lines.push(
      t("upkeep.unanswered.line", { rank: index + 1, count: cluster.count, wording }),
      `    <i>${details.join(" · ")}</i>`,
    );
  });
  if (clusters.length > LISTED) lines.push(t("upkeep.unanswered.more", { count: clusters.length - LISTED }));
  return lines;
}

/** The answers marked 👎: the question when it was still known, else the start of the answer. */
function downVoteLines(t: Tr, report: UnansweredReport): string[] {
  if (!report.downVotes.length) return [];
  const lines = ["", t("upkeep.unanswered.downTitle", { count: report.downVotes.length })];
  for (const vote of report.downVotes.slice(0, LISTED_OTHERS)) {
    const about = escapeHtml(report.label(vote.subjects[0]) ?? "–");
    lines.push(
      vote.question
        ? t("upkeep.unanswered.downQuestion", { question: escapeHtml(cutText(vote.question, 200)), about })
        : t("upkeep.unanswered.downAnswer", { answer: escapeHtml(cutText(vote.answer ?? "", 120)), about }),
    );
  }
  return lines;
}

/** The questions sent to staff: waiting first, then answered or undeliverable. */
function staffLines(t: Tr, report: UnansweredReport): string[] {
  const asked = report.staffQuestions;
  if (!asked.length) return [];
  const waiting = asked.filter((q) => q.status === "forwarded").length;
  const lines = ["", t("upkeep.unanswered.staffTitle", { count: asked.length, waiting })];
  for (const q of asked.slice(0, LISTED_OTHERS)) {
    const when = q.answeredAt && formatShort(q.answeredAt, report.lang, report.timezone);
    lines.push(
      t("upkeep.unanswered.staffLine", {
        id: q.id,
        question: escapeHtml(cutText(q.question, 200)),
        status: t(`upkeep.unanswered.staffStatus.${q.status}`, { when }),
      }),
    );
  }
  return lines;
}

/** The message of `/unanswered`. */
export function unansweredHtml(t: Tr, report: UnansweredReport): string {
  const lines = report.clusters.length
    ? clusterLines(t, report)
    : [t("upkeep.unanswered.noneKept", { days: report.days })];
  lines.push(...downVoteLines(t, report), ...staffLines(t, report), "", t("upkeep.unanswered.csvHint"));
  return lines.join("\n");
}

/** "2025-06-02 09:00" in `timeZone`: a form every spreadsheet reads as a date and time. */
function localTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/**
 * The spreadsheet of `/unanswered csv`: one row a question, by cluster, most frequent cluster
 * first; headers in the staff member's language, times in the bot's time zone.
 */
export function unansweredCsv(t: Tr, report: UnansweredReport): string {
  const columns = ["cluster", "clusterCount", "wording", "question", "kind", "confidence", "lang", "chat"];
  const header = [
    ...columns.map((column) => t(`upkeep.csv.${column}`)),
    t("upkeep.csv.askedAt", { zone: report.timezone }),
    t("upkeep.csv.guess"),
    t("upkeep.csv.guessScore"),
  ];
  const rows = report.clusters.flatMap((cluster, index) =>
    cluster.rows.map((row) => [
      index + 1,
      cluster.count,
      cluster.wording,
      row.text,
      t(row.kind === "fallback" ? "upkeep.csv.unanswered" : "upkeep.csv.unsure"),
      row.confidence,
      row.lang,
      row.chatType,
      localTime(row.askedAt, report.timezone),
      report.label(row.guess),
      row.guessScore,
    ]),
  );
  return toCsv(header, rows);
}
