import { Composer, TelegramError } from "telegraf";
import { message } from "telegraf/filters";
import type { InlineKeyboardButton } from "telegraf/types";
import { type Audience, inAudience, type Texts, textLang } from "../announce/audience";
import { formatDateTime, parseSchedule, zonedParts } from "../announce/schedule";
import type { AnnounceService } from "../announce/service";
import { LANGS, type Lang } from "../lang";
import { acknowledge } from "../telegram/acknowledge";
import { redactToken } from "../telegram/api-retry";
import type { BotContext } from "../telegram/context";
import { entitiesToHtml } from "../telegram/entities";
import { escapeHtml } from "../telegram/html";
import { sendHtml } from "../telegram/send";

/** Where a staff member is in writing an announcement. */
type Step = "text" | "lang" | "second" | "audience" | "provinces" | "preview" | "when";

/** An announcement being written: kept in memory only, until it is sent, scheduled or cancelled. */
interface Draft {
  step: Step;
  /** The first text, until its language is known. */
  first?: string;
  texts: Texts;
  audience?: Audience;
  provinces: string[];
  pin: boolean;
  touchedAt: number;
}

/** A draft left alone this long is forgotten. */
const DRAFT_TTL_MS = 60 * 60_000;
// One table of drafts per running bot, so a restarted app in the same process starts clean.
const draftTables = new WeakMap<AnnounceService, Map<number, Draft>>();

function drafts(service: AnnounceService): Map<number, Draft> {
  let table = draftTables.get(service);
  if (!table) {
    table = new Map();
    draftTables.set(service, table);
  }
  return table;
}

/** Whether the sender is programme staff (`ADMIN_IDS`). */
export function isStaff(ctx: BotContext): boolean {
  return ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);
}

/**
 * The announcement service when the sender is staff in a private chat; otherwise answers with a
 * polite refusal (a reply, or an alert under a button) and returns `undefined`.
 */
export async function staffService(ctx: BotContext): Promise<AnnounceService | undefined> {
  const service = ctx.deps.announce;
  if (!service) return undefined;
  const refusal = !isStaff(ctx)
    ? ctx.t("announce.staffOnly")
    : ctx.chat?.type !== "private"
      ? ctx.t("announce.privateOnly")
      : undefined;
  if (refusal === undefined) return service;
  if (ctx.callbackQuery) await acknowledge(ctx, refusal, { alert: true });
  else await sendHtml(ctx, refusal);
  return undefined;
}

/** The sender's live draft, if any. */
function draftOf(ctx: BotContext, service: AnnounceService): Draft | undefined {
  const userId = ctx.from?.id;
  if (userId === undefined) return undefined;
  const table = drafts(service);
  const draft = table.get(userId);
  const now = service.clock.now();
  if (!draft || now - draft.touchedAt > DRAFT_TTL_MS) {
    table.delete(userId);
    return undefined;
  }
  draft.touchedAt = now;
  return draft;
}

const otherLang = (lang: Lang): Lang => (lang === "id" ? "en" : "id");
const button = (text: string, data: string): InlineKeyboardButton => ({ text, callback_data: data });
const cancelRow = (ctx: BotContext) => [button(ctx.t("announce.buttons.cancel"), "an:x")];

/** Edits the message under the tapped button; a stale or unchanged message is no reason to fail. */
async function editPrompt(
  ctx: BotContext,
  html: string,
  keyboard: InlineKeyboardButton[][] = [],
): Promise<void> {
  await ctx
    .editMessageText(html, { parse_mode: "HTML", reply_markup: { inline_keyboard: keyboard } })
    .catch((err: unknown) => ctx.deps.logger.debug({ err }, "could not edit an announcement prompt"));
}

/** Telegram's own words for a refusal ("400: Bad Request: can't parse entities: …"), token-free. */
function failureText(err: unknown): string {
  if (err instanceof TelegramError) return `${err.code}: ${err.description}`;
  return redactToken(err instanceof Error ? err.message : String(err));
}

/** How the audience reads in a sentence: "all subscribed groups", "groups of Papua". */
export function describeAudience(ctx: BotContext, audience: Audience): string {
  switch (audience.kind) {
    case "all":
      return ctx.t("announce.audience.all");
    case "lang":
      return ctx.t("announce.audience.lang", { lang: ctx.t(`announce.langNames.${audience.lang}`) });
    case "provinces": {
      const all = ctx.deps.engine().knowledge.provinces;
      const names = audience.provinces.map((id) => all.find((p) => p.id === id)?.name[ctx.lang] ?? id);
      return ctx.t("announce.audience.provinces", { names: names.join(", ") });
    }
  }
}

// ── Steps ────────────────────────────────────────────────────────────────────

function audienceMenu(ctx: BotContext, service: AnnounceService): [string, InlineKeyboardButton[][]] {
  const groups = service.subscriptions.subscribers();
  const count = (audience: Audience) => groups.filter((g) => inAudience(audience, g)).length;
  const keyboard = [
    [button(ctx.t("announce.buttons.all", { count: groups.length }), "an:a:all")],
    [button(ctx.t("announce.buttons.byProvince"), "an:a:prov")],
    ...LANGS.map((lang) => [
      button(
        ctx.t("announce.buttons.byLang", {
          lang: ctx.t(`announce.langNames.${lang}`),
          count: count({ kind: "lang", lang }),
        }),
        `an:a:${lang}`,
      ),
    ]),
    cancelRow(ctx),
  ];
  return [ctx.t("announce.askAudience"), keyboard];
}

function provinceMenu(ctx: BotContext, service: AnnounceService, draft: Draft): InlineKeyboardButton[][] {
  const groups = service.subscriptions.subscribers();
  const rows = ctx.deps.engine().knowledge.provinces.map((p) => {
    const count = groups.filter((g) => g.provinces.includes(p.id)).length;
    const mark = draft.provinces.includes(p.id) ? "✓ " : "";
    return [button(`${mark}${p.name[ctx.lang]} (${count})`, `an:p:${p.id}`)];
  });
  return [...rows, [button(ctx.t("announce.buttons.next"), "an:pn")], cancelRow(ctx)];
}

function summary(
  ctx: BotContext,
  service: AnnounceService,
  draft: Draft,
): [string, InlineKeyboardButton[][]] {
  const audience = draft.audience ?? { kind: "all" };
  const count = service.subscriptions.subscribers().filter((g) => inAudience(audience, g)).length;
  let text = ctx.t("announce.summary", {
    audience: escapeHtml(describeAudience(ctx, audience)),
    count,
    pin: ctx.t(draft.pin ? "announce.yes" : "announce.no"),
  });
  if (count === 0) text += `\n\n${ctx.t("announce.noRecipients")}`;
  const keyboard = [
    [button(ctx.t("announce.buttons.send"), "an:go"), button(ctx.t("announce.buttons.schedule"), "an:sch")],
    [button(ctx.t(draft.pin ? "announce.buttons.pinOn" : "announce.buttons.pinOff"), "an:pin")],
    cancelRow(ctx),
  ];
  return [text, keyboard];
}

/**
 * Shows each version exactly as the groups will get it, then the summary with Send, Schedule,
 * Cancel. When Telegram refuses the preview (HTML it cannot parse, a flood wait, the network),
 * says why and starts the draft again at its text, rather than leave it stuck without buttons.
 */
async function preview(ctx: BotContext, service: AnnounceService, draft: Draft): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  draft.step = "preview";
  const audience = draft.audience ?? { kind: "all" };
  const targets = service.subscriptions.subscribers().filter((g) => inAudience(audience, g));
  try {
    for (const lang of LANGS) {
      const html = draft.texts[lang];
      if (html === undefined) continue;
      const count = targets.filter((g) => textLang(draft.texts, g.language) === lang).length;
      await sendHtml(ctx, ctx.t("announce.previewOf", { lang: ctx.t(`announce.langNames.${lang}`), count }));
      // The same call, text and options as the delivery worker's: what staff see is what groups get.
      await ctx.telegram.sendMessage(chatId, html, { parse_mode: "HTML" });
    }
    const [text, keyboard] = summary(ctx, service, draft);
    await sendHtml(ctx, text, keyboard);
  } catch (err) {
    ctx.deps.logger.warn({ err, by: ctx.from?.id }, "could not show an announcement preview");
    Object.assign(draft, { step: "text", first: undefined, texts: {}, audience: undefined, provinces: [] });
    await sendHtml(ctx, ctx.t("announce.previewFailed", { reason: escapeHtml(failureText(err)) }), [
      cancelRow(ctx),
    ]).catch((e: unknown) => ctx.deps.logger.warn({ err: e }, "could not say that the preview failed"));
  }
}

/** "2025-06-02 09:00" for tomorrow morning: an example in the format staff may type. */
function exampleTime(service: AnnounceService): string {
  const p = zonedParts(service.clock.now() + 86_400_000, service.timezone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)} 09:00`;
}

/** Stores the announcement for `sendAt` and wakes the worker; forgets the draft. */
function submit(ctx: BotContext, service: AnnounceService, draft: Draft, sendAt: number): number {
  const id = service.store.create({
    authorId: ctx.from?.id ?? 0,
    authorLang: ctx.lang,
    texts: draft.texts,
    audience: draft.audience ?? { kind: "all" },
    pin: draft.pin,
    sendAt,
  });
  if (ctx.from) drafts(service).delete(ctx.from.id);
  service.broadcaster.wake();
  ctx.deps.logger.info({ announcement: id, by: ctx.from?.id, sendAt }, "announcement submitted");
  return id;
}

// ── Handlers ─────────────────────────────────────────────────────────────────

/**
 * /announce (/umumkan), for staff in a private chat: the text (formatting kept), an optional
 * second text in the other language, the audience, a preview exactly as it will appear, then
 * Send, Schedule or Cancel.
 */
export const announce = new Composer<BotContext>();

announce.command(["announce", "umumkan"], async (ctx) => {
  const service = await staffService(ctx);
  if (!service) return;
  drafts(service).set(ctx.from.id, {
    step: "text",
    texts: {},
    provinces: [],
    pin: false,
    touchedAt: service.clock.now(),
  });
  await sendHtml(ctx, ctx.t("announce.askText"), [cancelRow(ctx)]);
});

announce.on(message("text"), async (ctx, next) => {
  const service = ctx.deps.announce;
  if (!service || ctx.chat.type !== "private" || ctx.message.text.startsWith("/") || !isStaff(ctx))
    return next();
  const draft = draftOf(ctx, service);
  if (!draft) return next();
  const html = entitiesToHtml(ctx.message.text, ctx.message.entities);
  switch (draft.step) {
    case "text": {
      draft.first = html;
      draft.step = "lang";
      const keyboard = [LANGS.map((l) => button(ctx.t(`language.names.${l}`), `an:l:${l}`)), cancelRow(ctx)];
      await sendHtml(ctx, ctx.t("announce.askLang"), keyboard);
      return;
    }
    case "second": {
      const first = LANGS.find((l) => draft.texts[l] !== undefined) ?? "id";
      draft.texts[otherLang(first)] = html;
      draft.step = "audience";
      const [text, keyboard] = audienceMenu(ctx, service);
      await sendHtml(ctx, text, keyboard);
      return;
    }
    case "when": {
      const parsed = parseSchedule(ctx.message.text, service.clock.now(), service.timezone);
      if (!parsed.ok) {
        await sendHtml(ctx, ctx.t(`announce.when.${parsed.error}`, { example: exampleTime(service) }), [
          cancelRow(ctx),
        ]);
        return;
      }
      const id = submit(ctx, service, draft, parsed.at);
      const when = escapeHtml(formatDateTime(parsed.at, ctx.lang, service.timezone));
      await sendHtml(ctx, ctx.t("announce.scheduled", { id, when }));
      return;
    }
    default:
      return next();
  }
});

// Photos, files and the like while a text is expected.
announce.on("message", async (ctx, next) => {
  const service = ctx.deps.announce;
  if (!service || ctx.chat.type !== "private" || !isStaff(ctx) || "text" in ctx.message) return next();
  const draft = draftOf(ctx, service);
  if (!draft || (draft.step !== "text" && draft.step !== "second")) return next();
  await sendHtml(ctx, ctx.t("announce.textOnly"), [cancelRow(ctx)]);
});

announce.action(/^an:(l|a|p):([a-z0-9-]{1,40})$|^an:(skip|pn|pin|go|sch|x)$/, async (ctx) => {
  const service = await staffService(ctx);
  if (!service) return;
  const draft = draftOf(ctx, service);
  if (!draft) return acknowledge(ctx, ctx.t("errors.expired"));
  const [kind, value] = ctx.match[3] !== undefined ? [ctx.match[3], ""] : [ctx.match[1], ctx.match[2] ?? ""];

  if (kind === "x") {
    drafts(service).delete(ctx.from.id);
    await acknowledge(ctx);
    return editPrompt(ctx, ctx.t("announce.cancelled"));
  }
  if (
    kind === "l" &&
    draft.step === "lang" &&
    draft.first !== undefined &&
    (value === "id" || value === "en")
  ) {
    draft.texts = { [value]: draft.first };
    draft.first = undefined;
    draft.step = "second";
    await acknowledge(ctx);
    const lang = ctx.t(`announce.langNames.${otherLang(value)}`);
    return editPrompt(ctx, ctx.t("announce.askSecond", { lang }), [
      [button(ctx.t("announce.buttons.skip"), "an:skip")],
      cancelRow(ctx),
    ]);
  }
  if (kind === "skip" && draft.step === "second") {
    draft.step = "audience";
    await acknowledge(ctx);
    const [text, keyboard] = audienceMenu(ctx, service);
    return editPrompt(ctx, text, keyboard);
  }
  if (kind === "a" && draft.step === "audience") {
    await acknowledge(ctx);
    if (value === "prov") {
      draft.step = "provinces";
      return editPrompt(ctx, ctx.t("announce.askProvinces"), provinceMenu(ctx, service, draft));
    }
    draft.audience = value === "id" || value === "en" ? { kind: "lang", lang: value } : { kind: "all" };
    await editPrompt(ctx, escapeHtml(describeAudience(ctx, draft.audience)));
    return preview(ctx, service, draft);
  }
  if (kind === "p" && draft.step === "provinces") {
    if (!ctx.deps.engine().knowledge.provinces.some((p) => p.id === value)) {
      return acknowledge(ctx, ctx.t("errors.expired"));
    }
    draft.provinces = draft.provinces.includes(value)
      ? draft.provinces.filter((p) => p !== value)
      : [...draft.provinces, value];
    await acknowledge(ctx);
    return editPrompt(ctx, ctx.t("announce.askProvinces"), provinceMenu(ctx, service, draft));
  }
  if (kind === "pn" && draft.step === "provinces") {
    if (!draft.provinces.length) return acknowledge(ctx, ctx.t("announce.noProvinceChosen"));
    await acknowledge(ctx);
    draft.audience = { kind: "provinces", provinces: [...draft.provinces] };
    await editPrompt(ctx, escapeHtml(describeAudience(ctx, draft.audience)));
    return preview(ctx, service, draft);
  }
  if (kind === "pin" && draft.step === "preview") {
    draft.pin = !draft.pin;
    await acknowledge(ctx);
    const [text, keyboard] = summary(ctx, service, draft);
    return editPrompt(ctx, text, keyboard);
  }
  if (kind === "go" && draft.step === "preview") {
    const id = submit(ctx, service, draft, service.clock.now());
    await acknowledge(ctx);
    return editPrompt(ctx, ctx.t("announce.queued", { id }));
  }
  if (kind === "sch" && draft.step === "preview") {
    draft.step = "when";
    await acknowledge(ctx);
    return editPrompt(
      ctx,
      ctx.t("announce.askWhen", { zone: service.timezone, example: exampleTime(service) }),
      [cancelRow(ctx)],
    );
  }
  // A button of an earlier step, tapped again.
  return acknowledge(ctx, ctx.t("errors.expired"));
});
