/**
 * Writing an announcement, as a Telegraf wizard: one step a question, in order — the text, its
 * language, an optional second text in the other language, the audience (and its provinces), the
 * preview with Send, Schedule or Cancel, and the time for a scheduled one. The step and the draft
 * live in the staff member's session, stored in SQLite: a restart loses nothing.
 */
import { randomBytes } from "node:crypto";
import { Composer, type MiddlewareFn, Scenes, TelegramError } from "telegraf";
import { message } from "telegraf/filters";
import type { InlineKeyboardButton } from "telegraf/types";
import { inAudience, textLang } from "../../announce/audience.ts";
import { formatDateTime, parseSchedule } from "../../announce/schedule.ts";
import { LANGS, type Lang } from "../../lang.ts";
import { acknowledge } from "../../telegram/acknowledge.ts";
import { redactToken } from "../../telegram/api-retry.ts";
import type { BotContext } from "../../telegram/context.ts";
import { entitiesToHtml } from "../../telegram/entities.ts";
import { escapeHtml } from "../../telegram/html.ts";
import { sendHtml } from "../../telegram/send.ts";
import * as menu from "./menus.ts";

/** The context inside the wizard: the bot's, with Telegraf's session, scene and wizard. */
export interface DraftContext extends BotContext {
  session: Scenes.WizardSession;
  scene: Scenes.SceneContextScene<DraftContext, Scenes.WizardSessionData>;
  wizard: Scenes.WizardContextWizard<DraftContext>;
}

/** The scene's id, in the session. */
export const DRAFT_SCENE = "announce";
/** A draft left alone this long is forgotten, in seconds (Telegraf's scene `ttl`). */
const DRAFT_TTL_SECONDS = 60 * 60;

/** The steps, in order; their index is the wizard's cursor, kept in the session. */
const STEPS = ["text", "lang", "second", "audience", "provinces", "preview", "when"] as const;
type Step = (typeof STEPS)[number];
const stepIndex = (step: Step) => STEPS.indexOf(step);

/** A new, empty draft with an id of its own for its buttons. */
export function newDraft(): menu.Draft {
  return { id: randomBytes(4).toString("hex"), texts: {}, provinces: [], pin: false };
}

/** The draft of the scene the staff member is in (the session keeps it as plain JSON). */
function draftOf(ctx: DraftContext): menu.Draft {
  return ctx.scene.state as menu.Draft;
}

const otherLang = (lang: Lang): Lang => (lang === "id" ? "en" : "id");

/**
 * Whether a text is well-formed UTF-16: a lone surrogate (half an emoji, from a broken client or
 * a forged update) cannot be encoded as UTF-8, and Telegram would refuse the whole message.
 */
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Edits the prompt under the tapped button; a stale or unchanged message is no reason to fail. */
async function editPrompt(ctx: DraftContext, [html, keyboard]: menu.Prompt): Promise<void> {
  await ctx
    .editMessageText(html, { parse_mode: "HTML", reply_markup: { inline_keyboard: keyboard } })
    .catch((err: unknown) => ctx.deps.logger.debug({ err }, "could not edit an announcement prompt"));
}

/** The staff member's text as Telegram HTML, or `undefined` (and why) when it cannot be sent. */
async function draftText(ctx: DraftContext, text: string): Promise<string | undefined> {
  if (isWellFormed(text))
    return entitiesToHtml(text, ctx.message && "entities" in ctx.message ? ctx.message.entities : []);
  await sendHtml(ctx, ctx.t("announce.brokenText"), menu.cancelOnly(ctx, draftOf(ctx)));
  return undefined;
}

/** A step that expects text: `onText` gets it as HTML; photos and files are asked to be text. */
function textStep(onText: (ctx: DraftContext, html: string) => Promise<void>): Composer<DraftContext> {
  const step = new Composer<DraftContext>();
  step.on(message("text"), async (ctx, next) => {
    if (ctx.message.text.startsWith("/")) return next();
    const html = await draftText(ctx, ctx.message.text);
    if (html !== undefined) await onText(ctx, html);
  });
  step.on("message", async (ctx, next) => {
    if ("text" in ctx.message) return next();
    await sendHtml(ctx, ctx.t("announce.textOnly"), menu.cancelOnly(ctx, draftOf(ctx)));
  });
  return step;
}

const textStepHandler = textStep(async (ctx, html) => {
  draftOf(ctx).first = html;
  ctx.wizard.selectStep(stepIndex("lang"));
  const [text, keyboard] = menu.langPrompt(ctx, draftOf(ctx));
  await sendHtml(ctx, text, keyboard);
});

const langStep = new Composer<DraftContext>();
langStep.action(menu.draftAction("l", "id|en"), async (ctx) => {
  const draft = draftOf(ctx);
  const lang: Lang = ctx.match[1] === "en" ? "en" : "id";
  draft.texts = { [lang]: draft.first };
  draft.first = undefined;
  ctx.wizard.selectStep(stepIndex("second"));
  await acknowledge(ctx);
  await editPrompt(ctx, menu.secondPrompt(ctx, draft, otherLang(lang)));
});

const secondStep = textStep(async (ctx, html) => {
  const draft = draftOf(ctx);
  const first = LANGS.find((lang) => draft.texts[lang] !== undefined) ?? "id";
  draft.texts[otherLang(first)] = html;
  ctx.wizard.selectStep(stepIndex("audience"));
  const [text, keyboard] = menu.audiencePrompt(ctx, ctx.deps.announce, draft);
  await sendHtml(ctx, text, keyboard);
});
secondStep.action(menu.draftAction("skip"), async (ctx) => {
  ctx.wizard.selectStep(stepIndex("audience"));
  await acknowledge(ctx);
  await editPrompt(ctx, menu.audiencePrompt(ctx, ctx.deps.announce, draftOf(ctx)));
});

const audienceStep = new Composer<DraftContext>();
audienceStep.action(menu.draftAction("a", "all|id|en|prov"), async (ctx) => {
  const draft = draftOf(ctx);
  await acknowledge(ctx);
  const choice = ctx.match[1];
  if (choice === "prov") {
    ctx.wizard.selectStep(stepIndex("provinces"));
    return editPrompt(ctx, menu.provincePrompt(ctx, ctx.deps.announce, draft));
  }
  draft.audience = choice === "id" || choice === "en" ? { kind: "lang", lang: choice } : { kind: "all" };
  await editPrompt(ctx, [menu.audienceText(ctx, draft.audience), []]);
  return preview(ctx);
});

const provincesStep = new Composer<DraftContext>();
provincesStep.action(menu.draftAction("p", "[a-z0-9-]{1,40}"), async (ctx) => {
  const draft = draftOf(ctx);
  const id = ctx.match[1] ?? "";
  if (!ctx.deps.engine().knowledge.provinces.some((province) => province.id === id)) {
    return acknowledge(ctx, ctx.t("errors.expired"));
  }
  draft.provinces = draft.provinces.includes(id)
    ? draft.provinces.filter((chosen) => chosen !== id)
    : [...draft.provinces, id];
  await acknowledge(ctx);
  await editPrompt(ctx, menu.provincePrompt(ctx, ctx.deps.announce, draft));
});
provincesStep.action(menu.draftAction("pn"), async (ctx) => {
  const draft = draftOf(ctx);
  if (!draft.provinces.length) return acknowledge(ctx, ctx.t("announce.noProvinceChosen"));
  await acknowledge(ctx);
  draft.audience = { kind: "provinces", provinces: [...draft.provinces] };
  await editPrompt(ctx, [menu.audienceText(ctx, draft.audience), []]);
  return preview(ctx);
});

const previewStep = new Composer<DraftContext>();
previewStep.action(menu.draftAction("pin"), async (ctx) => {
  const draft = draftOf(ctx);
  draft.pin = !draft.pin;
  await acknowledge(ctx);
  await editPrompt(ctx, menu.summaryPrompt(ctx, ctx.deps.announce, draft));
});
previewStep.action(menu.draftAction("go"), async (ctx) => {
  const id = await submit(ctx, ctx.deps.announce.clock.now());
  await acknowledge(ctx);
  await editPrompt(ctx, [ctx.t("announce.queued", { id }), []]);
});
previewStep.action(menu.draftAction("sch"), async (ctx) => {
  ctx.wizard.selectStep(stepIndex("when"));
  await acknowledge(ctx);
  await editPrompt(ctx, menu.whenPrompt(ctx, ctx.deps.announce, draftOf(ctx)));
});

const whenStep = new Composer<DraftContext>();
whenStep.on(message("text"), async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const service = ctx.deps.announce;
  const parsed = parseSchedule(ctx.message.text, service.clock.now(), service.timezone);
  if (!parsed.ok) {
    const text = ctx.t(`announce.when.${parsed.error}`, menu.scheduleExamples(ctx, service));
    return void (await sendHtml(ctx, text, menu.cancelOnly(ctx, draftOf(ctx))));
  }
  const id = await submit(ctx, parsed.at);
  const when = escapeHtml(formatDateTime(parsed.at, ctx.lang, service.timezone));
  await sendHtml(ctx, ctx.t("announce.scheduled", { id, when }));
});

/** Each step's handlers, by step: the wizard runs the one its cursor points at. */
const STEP_HANDLERS: Record<Step, MiddlewareFn<DraftContext>> = {
  text: textStepHandler.middleware(),
  lang: langStep.middleware(),
  second: secondStep.middleware(),
  audience: audienceStep.middleware(),
  provinces: provincesStep.middleware(),
  preview: previewStep.middleware(),
  when: whenStep.middleware(),
};

/** Telegram's own words for a refusal ("400: Bad Request: can't parse entities: …"), token-free. */
function failureText(err: unknown): string {
  if (err instanceof TelegramError) return `${err.code}: ${err.description}`;
  return redactToken(err instanceof Error ? err.message : String(err));
}

/**
 * Shows each version exactly as the groups will get it, then the summary with Send, Schedule,
 * Cancel. When Telegram refuses the preview (HTML it cannot parse, a flood wait, the network),
 * says why and starts the draft again at its text, rather than leave it stuck without buttons.
 */
async function preview(ctx: DraftContext): Promise<void> {
  const draft = draftOf(ctx);
  const service = ctx.deps.announce;
  ctx.wizard.selectStep(stepIndex("preview"));
  const audience = draft.audience ?? { kind: "all" };
  const targets = service.subscriptions.subscribers().filter((group) => inAudience(audience, group));
  try {
    for (const lang of LANGS) {
      const html = draft.texts[lang];
      if (html === undefined) continue;
      const count = targets.filter((group) => textLang(draft.texts, group.language) === lang).length;
      await sendHtml(ctx, ctx.t("announce.previewOf", { lang: ctx.t(`announce.langNames.${lang}`), count }));
      // The same call, text and options as the delivery worker's: what staff see is what groups get.
      await ctx.telegram.sendMessage(ctx.chat?.id ?? 0, html, { parse_mode: "HTML" });
    }
    const [text, keyboard] = menu.summaryPrompt(ctx, service, draft);
    await sendHtml(ctx, text, keyboard);
  } catch (err) {
    ctx.deps.logger.warn({ err, by: ctx.from?.id }, "could not show an announcement preview");
    Object.assign(draft, { first: undefined, texts: {}, audience: undefined, provinces: [] });
    ctx.wizard.selectStep(stepIndex("text"));
    const told: InlineKeyboardButton[][] = menu.cancelOnly(ctx, draft);
    await sendHtml(
      ctx,
      ctx.t("announce.previewFailed", { reason: escapeHtml(failureText(err)) }),
      told,
    ).catch((error: unknown) =>
      ctx.deps.logger.warn({ err: error }, "could not say that the preview failed"),
    );
  }
}

/** Stores the announcement for `sendAt`, wakes the worker and ends the draft; returns its id. */
async function submit(ctx: DraftContext, sendAt: number): Promise<number> {
  const draft = draftOf(ctx);
  const service = ctx.deps.announce;
  const id = service.announcements.create({
    draftId: draft.id,
    authorId: ctx.from?.id ?? 0,
    authorLang: ctx.lang,
    texts: draft.texts,
    audience: draft.audience ?? { kind: "all" },
    pin: draft.pin,
    sendAt,
  });
  await ctx.scene.leave();
  service.broadcaster.wake();
  ctx.deps.logger.info({ announcement: id, by: ctx.from?.id, sendAt }, "announcement submitted");
  return id;
}

/**
 * The wizard. Before any step: any button of another draft (which says so and does nothing), and
 * the Cancel button. A draft's first prompt is sent when the scene is entered.
 */
export function draftWizard(): Scenes.WizardScene<DraftContext> {
  const wizard = new Scenes.WizardScene<DraftContext>(
    DRAFT_SCENE,
    { ttl: DRAFT_TTL_SECONDS, handlers: [], enterHandlers: [], leaveHandlers: [] },
    ...STEPS.map((step) => STEP_HANDLERS[step]),
  );
  wizard.enter((ctx) => sendHtml(ctx, ctx.t("announce.askText"), menu.cancelOnly(ctx, draftOf(ctx))));
  // A button of another draft must not act on this one, whatever step it names.
  wizard.action(menu.DRAFT_BUTTON, (ctx, next) =>
    ownButton(ctx) ? next() : acknowledge(ctx, ctx.t("announce.staleDraft")),
  );
  wizard.action(menu.draftAction("x"), async (ctx) => {
    await ctx.scene.leave();
    await acknowledge(ctx);
    await editPrompt(ctx, [ctx.t("announce.cancelled"), []]);
  });
  return wizard;
}

/** Whether the tapped button belongs to the draft being written. */
export function ownButton(ctx: DraftContext): boolean {
  const data = ctx.callbackQuery && "data" in ctx.callbackQuery ? ctx.callbackQuery.data : "";
  return menu.DRAFT_BUTTON.exec(data)?.[1] === draftOf(ctx).id;
}
