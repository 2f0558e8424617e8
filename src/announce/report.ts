/**
 * What the staff member sees of a broadcast: the progress line, edited while it runs, and the
 * final report. Pure: counts and a translate function in, HTML out.
 */
import type { Translate } from "../i18n";
import type { Lang } from "../lang";
import type { DeliveryCounts, DeliveryProblem } from "../storage/announcements";
import { escapeHtml } from "../telegram/html";

/** Group names listed under each reason before "and N more". */
const MAX_NAMES = 10;

/** "16 detik" / "2 menit": a duration in whole seconds or minutes. */
export function formatDuration(t: Translate, lang: Lang, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 90
    ? t(lang, "announce.duration.seconds", { count: s })
    : t(lang, "announce.duration.minutes", { count: Math.round(s / 60) });
}

/** Seconds left at `ratePerSecond` for what is still to send. */
export function secondsLeft(counts: DeliveryCounts, ratePerSecond: number): number {
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

/** The final report: delivered, skipped and failed, with the reasons and the groups concerned. */
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
  if (counts.pinned) lines.push(t(lang, "announce.report.pinned", { count: counts.pinned }));
  lines.push(t(lang, "announce.report.skipped", { count: counts.skipped }));
  lines.push(t(lang, "announce.report.failed", { count: counts.failed }));
  if (seconds !== undefined)
    lines.push(t(lang, "announce.report.took", { time: formatDuration(t, lang, seconds) }));
  const byReason = new Map<string, DeliveryProblem[]>();
  for (const p of problems) {
    // Telegram's own words matter when it refused the text itself ("can't parse entities").
    const key = `${p.status}:${p.reason}:${p.reason === "rejected" ? (p.detail ?? "") : ""}`;
    byReason.set(key, [...(byReason.get(key) ?? []), p]);
  }
  if (byReason.size) lines.push("", t(lang, "announce.report.reasons"));
  for (const [key, list] of byReason) {
    const [status, reason, ...rest] = key.split(":") as [string, string, ...string[]];
    const detail = rest.join(":");
    const reasonText = t(lang, `announce.reasons.${reason}`, { defaultValue: reason });
    const label = detail ? `${reasonText} (${detail})` : reasonText;
    const names = list.slice(0, MAX_NAMES).map((p) => escapeHtml(p.title ?? String(p.chatId)));
    const more =
      list.length > MAX_NAMES ? [t(lang, "announce.report.more", { count: list.length - MAX_NAMES })] : [];
    const mark = status === "failed" ? "✗" : status === "sent" ? "?" : "–";
    lines.push(`${mark} <b>${escapeHtml(label)}</b> (${list.length}): ${[...names, ...more].join(", ")}`);
  }
  return lines.join("\n");
}
