/**
 * What the staff member sees of a broadcast: the progress line, edited while it runs, and the
 * final report. Pure: counts and a translate function in, HTML out.
 */
import type { Translate } from "../i18n/index.ts";
import type { Lang } from "../lang.ts";
import type { Announcement } from "../storage/announcements.ts";
import type { DeliveryCounts, DeliveryProblem } from "../storage/deliveries.ts";
import { cutText, escapeHtml, MAX_MESSAGE_LENGTH } from "../telegram/html.ts";
import { formatDateTime } from "./schedule.ts";

/** Group names listed under each reason before "and N more". */
const MAX_NAMES = 10;
/** Reasons listed before "and N more reasons". */
const MAX_REASONS = 12;
/** Longest group title and Telegram error text shown, in characters: long ones are cut. */
const MAX_TITLE_CHARS = 48;
const MAX_DETAIL_CHARS = 120;
const EXCERPT_CHARS = 60;

/** The first words of an announcement's HTML as plain text, escaped again: never cut inside a tag or entity. */
export function excerpt(html: string, max = EXCERPT_CHARS): string {
  const plain = html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  // cutText never cuts an emoji in half (a lone surrogate Telegram would refuse).
  return escapeHtml(plain.length > max ? `${cutText(plain, max - 1, "").trimEnd()}…` : plain);
}

/** "16 detik" / "2 menit": a duration in whole seconds or minutes. */
export function formatDuration(t: Translate, lang: Lang, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 90
    ? t(lang, "announce.duration.seconds", { count: s })
    : t(lang, "announce.duration.minutes", { count: Math.round(s / 60) });
}

/** Seconds left at `ratePerSecond` for what is still to send. */
function secondsLeft(counts: DeliveryCounts, ratePerSecond: number): number {
  const left = counts.pending + counts.sending;
  return left / Math.max(ratePerSecond, 0.1);
}

/** "📣 Pengumuman #3 · Terkirim 120/600 · 2 gagal · ±16 detik lagi". */
export function progressText(
  t: Translate,
  lang: Lang,
  id: number,
  counts: DeliveryCounts,
  ratePerSecond: number,
): string {
  const line = t(lang, "announce.progress", {
    id,
    sent: counts.sent,
    total: counts.total,
    failed: counts.failed,
    eta: formatDuration(t, lang, secondsLeft(counts, ratePerSecond)),
  });
  return counts.skipped
    ? `${line} · ${t(lang, "announce.progressSkipped", { count: counts.skipped })}`
    : line;
}

/** The progress line once nothing is left to send. */
export function finishedText(t: Translate, lang: Lang, id: number, counts: DeliveryCounts): string {
  return t(lang, "announce.progressDone", {
    id,
    sent: counts.sent,
    total: counts.total,
    failed: counts.failed,
    skipped: counts.skipped,
  });
}

/**
 * The final report: delivered (confirmed by Telegram), unconfirmed, perhaps received twice,
 * skipped and failed, with the reasons and the groups concerned. The lists are cut (names per reason, reasons, long titles and error texts) so the whole stays within
 * Telegram's 4096 characters however many groups failed: a report too long to send would never
 * arrive.
 */
export function reportText(
  t: Translate,
  lang: Lang,
  id: number,
  counts: DeliveryCounts,
  problems: readonly DeliveryProblem[],
  seconds: number | undefined,
): string {
  if (counts.total === 0) return t(lang, "announce.report.empty", { id });
  const lines = [
    t(lang, "announce.report.title", { id }),
    t(lang, "announce.report.sent", { count: counts.sent, total: counts.total }),
  ];
  if (counts.unconfirmed) lines.push(t(lang, "announce.report.unconfirmed", { count: counts.unconfirmed }));
  if (counts.maybeTwice) lines.push(t(lang, "announce.report.maybeTwice", { count: counts.maybeTwice }));
  if (counts.pinned) lines.push(t(lang, "announce.report.pinned", { count: counts.pinned }));
  lines.push(t(lang, "announce.report.skipped", { count: counts.skipped }));
  lines.push(t(lang, "announce.report.failed", { count: counts.failed }));
  if (seconds !== undefined)
    lines.push(t(lang, "announce.report.took", { time: formatDuration(t, lang, seconds) }));
  const byReason = new Map<string, DeliveryProblem[]>();
  for (const problem of problems) {
    // Telegram's own words matter when it refused the text itself ("can't parse entities").
    const key = `${problem.status}:${problem.reason}:${problem.reason === "rejected" ? (problem.detail ?? "") : ""}`;
    byReason.set(key, [...(byReason.get(key) ?? []), problem]);
  }
  if (byReason.size) lines.push("", t(lang, "announce.report.reasons"));
  const reasonLines = [...byReason].map(([key, list]) => {
    const [status, reason, ...rest] = key.split(":") as [string, string, ...string[]];
    const detail = cutText(rest.join(":"), MAX_DETAIL_CHARS);
    const reasonText = t(lang, `announce.reasons.${reason}`, { defaultValue: reason });
    const label = detail ? `${reasonText} (${detail})` : reasonText;
    const names = list
      .slice(0, MAX_NAMES)
      .map((problem) => escapeHtml(cutText(problem.title ?? String(problem.chatId), MAX_TITLE_CHARS)));
    const more =
      list.length > MAX_NAMES ? [t(lang, "announce.report.more", { count: list.length - MAX_NAMES })] : [];
    const mark = STATUS_MARKS.get(status) ?? "–";
    return {
      groups: list.length,
      line: `${mark} <b>${escapeHtml(label)}</b> (${list.length}): ${[...names, ...more].join(", ")}`,
    };
  });
  // The HTML is never shorter than the text Telegram counts, so measuring it is on the safe side.
  let length = lines.join("\n").length;
  let shown = 0;
  for (const { line } of reasonLines) {
    const left = reasonLines.length - shown - 1;
    const reserve = left > 0 ? moreReasons(t, lang, reasonLines.slice(shown + 1)).length + 1 : 0;
    if (shown >= MAX_REASONS || length + 1 + line.length + reserve > MAX_MESSAGE_LENGTH) break;
    lines.push(line);
    length += 1 + line.length;
    shown++;
  }
  if (shown < reasonLines.length) lines.push(moreReasons(t, lang, reasonLines.slice(shown)));
  return lines.join("\n");
}

/** How each kind of problem is marked in the report's list of reasons. */
const STATUS_MARKS: ReadonlyMap<string, string> = new Map([
  ["failed", "✗"],
  ["unconfirmed", "?"],
  ["sent", "2×"],
  ["skipped", "–"],
]);

/** The callback data of the button that resends announcement `id` to its unconfirmed groups. */
export const resendData = (id: number) => `an:r:${id}`;
/** What {@link resendData} makes, with the announcement's id. */
export const RESEND_DATA = /^an:r:(\d{1,12})$/;

/** The report's button: resend to the unconfirmed groups (which may then have it twice). */
export function resendButton(t: Translate, lang: Lang, id: number, counts: DeliveryCounts) {
  return { text: t(lang, "announce.buttons.resend", { count: counts.unconfirmed }), data: resendData(id) };
}

/** "… and 7 more reasons (312 groups)". */
function moreReasons(t: Translate, lang: Lang, rest: ReadonlyArray<{ groups: number }>): string {
  const groups = rest.reduce((sum, reason) => sum + reason.groups, 0);
  return t(lang, "announce.report.moreReasons", { count: rest.length, groups });
}

/**
 * Tells the author that a scheduled announcement was not sent: the bot was down at its time and
 * came back too late for it to be worth sending.
 */
export function missedText(t: Translate, announcement: Announcement, timeZone: string, now: number): string {
  const lang = announcement.authorLang;
  return t(lang, "announce.missed", {
    id: announcement.id,
    when: escapeHtml(formatDateTime(announcement.sendAt, lang, timeZone)),
    late: formatDuration(t, lang, (now - announcement.sendAt) / 1000),
    excerpt: excerpt(announcement.texts[lang] ?? announcement.texts.id ?? announcement.texts.en ?? ""),
  });
}
