/**
 * A human answer for what the bot cannot answer. With a staff group set up (`STAFF_CHAT_ID`), a
 * reply that sends people to the official channels also offers "Ask staff" in a private chat. The
 * person agrees to forward the question, with or without their name; it goes to the staff group
 * with its language and the bot's best guess. A staff member's reply there reaches the person, in
 * a message saying it comes from staff, and the question counts as answered.
 *
 * Each offer belongs to the person it was made to (checked on every tap), the person's id never
 * reaches staff, and only replies in the staff group to the bot's own forwarded message are
 * delivered: nobody can reach another person's chat through the bot.
 */
import { Composer } from "telegraf";
import type { Message } from "telegraf/types";
import type { Reply } from "../answer/engine.ts";
import { parseSubjectRef, subjectRef } from "../answer/subject.ts";
import type { Lang } from "../lang.ts";
import type { StaffQuestion } from "../storage/staff-questions.ts";
import { acknowledge } from "../telegram/acknowledge.ts";
import { isForbidden, redactToken } from "../telegram/api-retry.ts";
import type { BotContext } from "../telegram/context.ts";
import { entitiesToHtml } from "../telegram/entities.ts";
import { cutText, escapeHtml, splitMessage } from "../telegram/html.ts";
import { ASK_STAFF_DATA } from "../telegram/reply-keyboard.ts";

/** The longest question quoted back to its asker or shown to staff. */
const QUOTED = 1_000;
/** Offers being forwarded now: a double tap must not post the question twice. */
const forwarding = new Set<number>();

/**
 * Offers "Ask staff" under `reply` to the question `question`, in a private chat with a staff
 * group set up; returns the button, or `undefined` where none is offered.
 */
export function offerStaff(
  ctx: BotContext,
  question: string,
  reply: Reply,
): { id: number; label: string } | undefined {
  const desk = ctx.deps.staffDesk;
  if (desk.chatId === undefined || ctx.chat?.type !== "private" || !ctx.from) return undefined;
  const [about] = reply.subjects;
  const guess = reply.guess ?? (about && { ref: subjectRef(about), confidence: reply.confidence });
  const id = desk.questions.offer(
    {
      userId: ctx.from.id,
      lang: reply.lang,
      question: question.trim().slice(0, QUOTED),
      guess: guess?.ref,
      guessScore: guess?.confidence,
    },
    ctx.deps.now(),
  );
  return { id, label: ctx.deps.t(reply.lang, "staff.askButton") };
}

/** The offer a tap names, if it is the tapper's own and staff can be reached. */
function ownOffer(ctx: BotContext, id: number): StaffQuestion | undefined {
  const question = ctx.deps.staffDesk.questions.get(id);
  if (ctx.deps.staffDesk.chatId === undefined || ctx.chat?.type !== "private") return undefined;
  return question && question.userId === ctx.from?.id ? question : undefined;
}

export const staffDesk = new Composer<BotContext>();

// "Ask staff": what will be sent, and the choice of sending the name with it.
staffDesk.action(ASK_STAFF_DATA, async (ctx) => {
  const question = ownOffer(ctx, Number(ctx.match[1]));
  if (!question) return acknowledge(ctx, ctx.t("errors.expired"));
  if (question.status !== "offered") return acknowledge(ctx, ctx.t("staff.alreadySent"));
  await acknowledge(ctx);
  const lang = question.lang;
  const t = (key: string) => ctx.deps.t(lang, key);
  await ctx.reply(ctx.deps.t(lang, "staff.consent", { question: escapeHtml(question.question) }), {
    parse_mode: "HTML",
    reply_markup: {
      inline_keyboard: [
        [{ text: t("staff.sendAnonymous"), callback_data: `hs:${question.id}:a` }],
        [{ text: t("staff.sendWithName"), callback_data: `hs:${question.id}:n` }],
      ],
    },
  });
});

staffDesk.action(/^hs:(\d{1,15}):([an])$/, async (ctx) => {
  const question = ownOffer(ctx, Number(ctx.match[1]));
  const staffChat = ctx.deps.staffDesk.chatId;
  if (!question || staffChat === undefined) return acknowledge(ctx, ctx.t("errors.expired"));
  const t = (key: string) => ctx.deps.t(question.lang, key);
  if (question.status !== "offered" || forwarding.has(question.id))
    return acknowledge(ctx, t("staff.alreadySent"));
  forwarding.add(question.id);
  try {
    await acknowledge(ctx);
    const name = ctx.match[2] === "n" ? senderName(ctx) : undefined;
    const sent = await ctx.telegram.sendMessage(staffChat, forwardedHtml(ctx, question, name), {
      parse_mode: "HTML",
    });
    ctx.deps.staffDesk.questions.markForwarded(question.id, staffChat, sent.message_id, ctx.deps.now());
    ctx.deps.logger.info({ question: question.id }, "question forwarded to staff");
    await ctx.editMessageText(t("staff.sent"));
  } catch (err) {
    ctx.deps.logger.error({ err, question: question.id }, "could not forward a question to staff");
    await ctx.editMessageText(t("staff.unreachable")).catch(() => undefined);
  } finally {
    forwarding.delete(question.id);
  }
});

/** The person's name as Telegram gives it, with their username. */
function senderName(ctx: BotContext): string {
  const from = ctx.from;
  if (!from) return "";
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return from.username ? `${name} (@${from.username})` : name;
}

/** The language of the staff group: its setting, else Indonesian. */
function staffLang(ctx: BotContext): Lang {
  const chatId = ctx.deps.staffDesk.chatId;
  return (chatId !== undefined && ctx.deps.groups.get(chatId)?.language) || "id";
}

/** The question as staff see it: number, language, text, the bot's guess, the name if given. */
function forwardedHtml(ctx: BotContext, q: StaffQuestion, name: string | undefined): string {
  const lang = staffLang(ctx);
  const t = ctx.deps.t;
  const lines = [
    t(lang, "staff.forwarded", {
      id: q.id,
      lang: t(lang, `language.names.${q.lang}`),
      question: escapeHtml(q.question),
    }),
  ];
  const subject = q.guess ? parseSubjectRef(q.guess) : undefined;
  if (subject && q.guessScore !== undefined) {
    const guess = escapeHtml(ctx.deps.engine().writer.label(lang, subject));
    lines.push(t(lang, "staff.guess", { guess, score: q.guessScore.toFixed(2) }));
  }
  lines.push(name ? t(lang, "staff.from", { name: escapeHtml(name) }) : t(lang, "staff.anonymous"));
  lines.push("", t(lang, "staff.replyHint"));
  return lines.join("\n");
}

// A staff member's reply, in the staff group, to a question the bot forwarded there.
staffDesk.on("message", async (ctx, next) => {
  const staffChat = ctx.deps.staffDesk.chatId;
  const repliedTo = "reply_to_message" in ctx.message ? ctx.message.reply_to_message : undefined;
  if (staffChat === undefined || ctx.chat.id !== staffChat || repliedTo?.from?.id !== ctx.botInfo.id)
    return next();
  const question = ctx.deps.staffDesk.questions.byStaffMessage(staffChat, repliedTo.message_id);
  if (!question) return next();
  const tell = (key: string, options: Record<string, unknown> = {}) =>
    ctx.reply(ctx.deps.t(staffLang(ctx), key, { id: question.id, ...options }), {
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    });
  if (!("text" in ctx.message)) return void (await tell("staff.textOnly"));
  await deliver(ctx, question, ctx.message, tell);
});

/** Sends a staff member's reply to the person who asked, and tells staff whether it arrived. */
async function deliver(
  ctx: BotContext,
  question: StaffQuestion,
  reply: Message.TextMessage,
  tell: (key: string, options?: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  const html = ctx.deps.t(question.lang, "staff.answer", {
    question: escapeHtml(cutText(question.question, 200)),
    answer: entitiesToHtml(reply.text, reply.entities),
  });
  const { questions } = ctx.deps.staffDesk;
  try {
    for (const part of splitMessage(html))
      await ctx.telegram.sendMessage(question.userId, part, { parse_mode: "HTML" });
  } catch (err) {
    ctx.deps.logger.warn({ err, question: question.id }, "could not deliver a staff answer");
    if (isForbidden(err)) {
      questions.settle(question.id, "undeliverable", ctx.deps.now());
      return void (await tell("staff.blocked"));
    }
    const reason = redactToken(err instanceof Error ? err.message : String(err));
    return void (await tell("staff.notDelivered", { reason: cutText(reason, 200) }));
  }
  questions.settle(question.id, "answered", ctx.deps.now());
  await tell("staff.delivered");
}
