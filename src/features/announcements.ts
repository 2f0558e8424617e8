import { Composer } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import { describeAudience, parseAudience } from "../announce/audience.ts";
import { excerpt, RESEND_DATA, resendData } from "../announce/report.ts";
import { formatShort } from "../announce/schedule.ts";
import type { AnnounceService } from "../announce/service.ts";
import type { Announcement } from "../storage/announcements.ts";
import { staffOnly } from "../telegram/access.ts";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";
import { escapeHtml } from "../telegram/html.ts";
import { sendHtml } from "../telegram/send.ts";

/** Recent announcements listed under the scheduled ones. */
const RECENT = 5;
/** Scheduled announcements listed (with their cancel buttons): the list must fit one message. */
const MAX_SCHEDULED = 20;

function audienceOf(ctx: BotContext, announcement: Announcement): string {
  const audience = parseAudience(announcement.audience);
  if (!audience) return "?";
  return escapeHtml(describeAudience(ctx.deps.t, ctx.lang, audience, ctx.deps.engine().knowledge.provinces));
}

/** Staff only, in a private chat: the same refusals as writing an announcement. */
const forStaff = staffOnly();

/** The list: scheduled first (soonest first), then the latest others with their counts; a button to cancel each that can be. */
function listing(ctx: BotContext, service: AnnounceService): [string, InlineKeyboardButton[][]] {
  const { announcements: store, deliveries, timezone } = service;
  const scheduled = store.scheduled();
  const recent = store.recent(RECENT);
  if (!scheduled.length && !recent.length) return [ctx.t("announce.list.none"), []];
  const lines: string[] = [];
  const keyboard: InlineKeyboardButton[][] = [];
  if (scheduled.length) lines.push(ctx.t("announce.list.scheduled"));
  for (const announcement of scheduled.slice(0, MAX_SCHEDULED)) {
    lines.push(
      ctx.t("announce.list.scheduledItem", {
        id: announcement.id,
        when: formatShort(announcement.sendAt, ctx.lang, timezone),
        audience: audienceOf(ctx, announcement),
        excerpt: excerpt(announcement.texts.id ?? announcement.texts.en ?? ""),
      }),
    );
    keyboard.push([
      {
        text: ctx.t("announce.buttons.cancelOne", { id: announcement.id }),
        callback_data: `an:c:${announcement.id}`,
      },
    ]);
  }
  if (scheduled.length > MAX_SCHEDULED) {
    lines.push(ctx.t("announce.list.moreScheduled", { count: scheduled.length - MAX_SCHEDULED }));
  }
  if (recent.length) lines.push("", ctx.t("announce.list.recent"));
  for (const announcement of recent) {
    lines.push(
      ctx.t("announce.list.recentItem", {
        id: announcement.id,
        status: ctx.t(`announce.list.status.${announcement.status}`),
        // A missed one is known by the time it should have gone out.
        when: formatShort(
          announcement.status === "missed"
            ? announcement.sendAt
            : (announcement.startedAt ?? announcement.finishedAt ?? announcement.createdAt),
          ctx.lang,
          timezone,
        ),
        audience: audienceOf(ctx, announcement),
      }),
    );
    const counts = deliveries.counts(announcement.id);
    if (counts.total) lines.push(`  ${ctx.t("announce.list.counts", { ...counts })}`);
    if (counts.unconfirmed) {
      lines.push(`  ${ctx.t("announce.list.unconfirmed", { count: counts.unconfirmed })}`);
      // Here too, not only under the report: a report cut short by a crash may never have arrived.
      keyboard.push([
        {
          text: ctx.t("announce.buttons.resendOne", { id: announcement.id, count: counts.unconfirmed }),
          callback_data: resendData(announcement.id),
        },
      ]);
    }
    if (announcement.status === "sending") {
      keyboard.push([
        {
          text: ctx.t("announce.buttons.stopOne", { id: announcement.id }),
          callback_data: `an:c:${announcement.id}`,
        },
      ]);
    }
  }
  return [lines.join("\n"), keyboard];
}

/** /announcements (/pengumuman), for staff: scheduled and recent announcements, and cancelling one. */
export const announcements = new Composer<BotContext>();

announcements.command(["announcements", "pengumuman"], forStaff, async (ctx) => {
  const [text, keyboard] = listing(ctx, ctx.deps.announce);
  await sendHtml(ctx, text, keyboard);
});

announcements.action(/^an:c:(\d{1,12})$/, forStaff, async (ctx) => {
  const service = ctx.deps.announce;
  const id = Number(ctx.match[1]);
  const result = service.announcements.cancel(id);
  service.broadcaster.wake();
  if (result === "unknown") return acknowledge(ctx, ctx.t("errors.expired"));
  const key = result === "cancelled" ? "cancelDone" : result === "stopped" ? "stopDone" : "tooLate";
  if (result !== "too_late")
    ctx.deps.logger.info({ announcement: id, by: ctx.from.id, result }, "announcement cancelled");
  await acknowledge(ctx, ctx.t(`announce.${key}`, { id }), { alert: true });
  const [text, keyboard] = listing(ctx, service);
  await ctx
    .editMessageText(text, { parse_mode: "HTML", reply_markup: { inline_keyboard: keyboard } })
    .catch((err: unknown) => ctx.deps.logger.debug({ err }, "could not refresh the announcement list"));
});

// The report's button (and the list's): resend to the groups left unconfirmed. The report said
// that a group that did get it will have it twice.
announcements.action(RESEND_DATA, forStaff, async (ctx) => {
  const service = ctx.deps.announce;
  const id = Number(ctx.match[1]);
  const count = service.announcements.resendUnconfirmed(id);
  service.broadcaster.wake();
  if (count === 0) return acknowledge(ctx, ctx.t("announce.resend.none", { id }), { alert: true });
  ctx.deps.logger.info({ announcement: id, by: ctx.from.id, groups: count }, "unconfirmed groups resent");
  await acknowledge(ctx, ctx.t("announce.resend.started", { id, count }), { alert: true });
});
