/**
 * What staff see at each step of writing an announcement: the prompts and their buttons. Each
 * button carries its draft's id (`an:<draft>:<verb>[:<value>]`), so a button from an earlier
 * draft is known for what it is and never acts on the current one.
 */
import type { InlineKeyboardButton } from "telegraf/types";
import {
  type Audience,
  describeAudience,
  inAudience,
  type Subscriber,
  type Texts,
  textLang,
} from "../../announce/audience.ts";
import { zonedParts } from "../../announce/schedule.ts";
import type { AnnounceService } from "../../announce/service.ts";
import { LANGS, type Lang } from "../../lang.ts";
import type { BotContext } from "../../telegram/context.ts";
import { escapeHtml } from "../../telegram/html.ts";

/** An announcement being written, kept in the staff member's session until it is sent or cancelled. */
export interface Draft {
  /** Carried by every button of this draft. */
  id: string;
  /** The first text, until its language is known. */
  first?: string | undefined;
  texts: Texts;
  audience?: Audience | undefined;
  provinces: string[];
  pin: boolean;
}

/** A prompt: HTML and the buttons under it. */
export type Prompt = [html: string, keyboard: InlineKeyboardButton[][]];

/** Callback data of a draft's buttons: the draft's id, the verb, and a value for some verbs. */
export const DRAFT_BUTTON = /^an:([0-9a-f]{8}):([a-z]{1,4})(?::([a-z0-9-]{1,40}))?$/;

/** Callback data matching one verb of a draft's buttons (any draft: the scene checks whose). */
export function draftAction(verb: string, value?: string): RegExp {
  return new RegExp(`^an:[0-9a-f]{8}:${verb}${value === undefined ? "" : `:(${value})`}$`);
}

function button(draft: Draft, text: string, verb: string, value?: string): InlineKeyboardButton {
  return { text, callback_data: `an:${draft.id}:${verb}${value === undefined ? "" : `:${value}`}` };
}

const cancelRow = (ctx: BotContext, draft: Draft) => [button(draft, ctx.t("announce.buttons.cancel"), "x")];

/** The first text's language. */
export function langPrompt(ctx: BotContext, draft: Draft): Prompt {
  const row = LANGS.map((lang) => button(draft, ctx.t(`language.names.${lang}`), "l", lang));
  return [ctx.t("announce.askLang"), [row, cancelRow(ctx, draft)]];
}

/** The other language's version, or Skip. */
export function secondPrompt(ctx: BotContext, draft: Draft, other: Lang): Prompt {
  const lang = ctx.t(`announce.langNames.${other}`);
  const keyboard = [[button(draft, ctx.t("announce.buttons.skip"), "skip")], cancelRow(ctx, draft)];
  return [ctx.t("announce.askSecond", { lang }), keyboard];
}

/** All groups, by province, or by language, each with how many groups it reaches. */
export function audiencePrompt(ctx: BotContext, service: AnnounceService, draft: Draft): Prompt {
  const groups = service.subscriptions.subscribers();
  const count = (audience: Audience) => groups.filter((group) => inAudience(audience, group)).length;
  const byLang = LANGS.map((lang) => {
    const label = ctx.t("announce.buttons.byLang", {
      lang: ctx.t(`announce.langNames.${lang}`),
      count: count({ kind: "lang", lang }),
    });
    return [button(draft, label, "a", lang)];
  });
  const keyboard = [
    [button(draft, ctx.t("announce.buttons.all", { count: groups.length }), "a", "all")],
    [button(draft, ctx.t("announce.buttons.byProvince"), "a", "prov")],
    ...byLang,
    cancelRow(ctx, draft),
  ];
  return [ctx.t("announce.askAudience"), keyboard];
}

/** The programme's provinces, the chosen ones marked, each with its number of groups. */
export function provincePrompt(ctx: BotContext, service: AnnounceService, draft: Draft): Prompt {
  const groups = service.subscriptions.subscribers();
  const rows = ctx.deps.engine().knowledge.provinces.map((province) => {
    const count = groups.filter((group) => group.provinces.includes(province.id)).length;
    const mark = draft.provinces.includes(province.id) ? "✓ " : "";
    return [button(draft, `${mark}${province.name[ctx.lang]} (${count})`, "p", province.id)];
  });
  const keyboard = [...rows, [button(draft, ctx.t("announce.buttons.next"), "pn")], cancelRow(ctx, draft)];
  return [ctx.t("announce.askProvinces"), keyboard];
}

/** How the draft's audience reads in a sentence, escaped. */
export function audienceText(ctx: BotContext, audience: Audience): string {
  return escapeHtml(describeAudience(ctx.deps.t, ctx.lang, audience, ctx.deps.engine().knowledge.provinces));
}

/** The summary under the preview: recipients, pin, and Send, Schedule, Cancel. */
export function summaryPrompt(ctx: BotContext, service: AnnounceService, draft: Draft): Prompt {
  const audience = draft.audience ?? { kind: "all" };
  const targets = service.subscriptions.subscribers().filter((group) => inAudience(audience, group));
  const count = targets.length;
  let text = ctx.t("announce.summary", {
    audience: audienceText(ctx, audience),
    count,
    pin: ctx.t(draft.pin ? "announce.yes" : "announce.no"),
  });
  if (count === 0) text += `\n\n${ctx.t("announce.noRecipients")}`;
  const unchosen = languageNotChosen(ctx, targets, draft.texts);
  if (unchosen) text += `\n\n${unchosen}`;
  const keyboard = [
    [
      button(draft, ctx.t("announce.buttons.send"), "go"),
      button(draft, ctx.t("announce.buttons.schedule"), "sch"),
    ],
    [button(draft, ctx.t(draft.pin ? "announce.buttons.pinOn" : "announce.buttons.pinOff"), "pin")],
    cancelRow(ctx, draft),
  ];
  return [text, keyboard];
}

/** Groups named in the warning about languages never chosen; the rest are counted. */
const NAMED_GROUPS = 10;

/**
 * The groups of the audience whose admins never chose a language, each with the version it will
 * get: staff see them before sending. Empty when every group chose.
 */
function languageNotChosen(ctx: BotContext, targets: Subscriber[], texts: Texts): string {
  const unchosen = targets.filter((group) => !group.languageChosen);
  if (!unchosen.length) return "";
  const named = unchosen.slice(0, NAMED_GROUPS).map((group) => {
    const lang = ctx.t(`announce.langNames.${textLang(texts, group.language)}`);
    return `${escapeHtml(group.title ?? String(group.chatId))} (${lang})`;
  });
  if (unchosen.length > NAMED_GROUPS)
    named.push(ctx.t("announce.andMore", { count: unchosen.length - NAMED_GROUPS }));
  return ctx.t("announce.languageNotChosen", { count: unchosen.length, groups: named.join(", ") });
}

/**
 * The times the prompts give as examples, always to come whatever the hour: tomorrow at 09:00
 * ("2025-06-03 09:00"), the day after at 09.00 as a date ("04/06/2025 09.00"), and the name of
 * the day after tomorrow ("Rabu"), which means that day.
 */
export function scheduleExamples(ctx: BotContext, service: AnnounceService) {
  const pad = (n: number) => String(n).padStart(2, "0");
  const now = service.clock.now();
  const tomorrow = zonedParts(now + 86_400_000, service.timezone);
  const later = zonedParts(now + 2 * 86_400_000, service.timezone);
  const weekday = new Intl.DateTimeFormat(ctx.lang === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    timeZone: service.timezone,
  }).format(now + 2 * 86_400_000);
  return {
    example: `${tomorrow.year}-${pad(tomorrow.month)}-${pad(tomorrow.day)} 09:00`,
    dmy: `${pad(later.day)}/${pad(later.month)}/${later.year} 09.00`,
    weekday,
  };
}

/** When to send it. */
export function whenPrompt(ctx: BotContext, service: AnnounceService, draft: Draft): Prompt {
  const text = ctx.t("announce.askWhen", { zone: service.timezone, ...scheduleExamples(ctx, service) });
  return [text, [cancelRow(ctx, draft)]];
}

/** Only Cancel, under a message that asks for text again. */
export function cancelOnly(ctx: BotContext, draft: Draft): InlineKeyboardButton[][] {
  return [cancelRow(ctx, draft)];
}
