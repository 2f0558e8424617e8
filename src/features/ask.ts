import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import type { MessageEntity } from "telegraf/types";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";
import { isVotable } from "../telegram/reply-keyboard.ts";
import { pointsToChannels, sendReply } from "../telegram/send.ts";
import { offerStaff } from "./staff-desk.ts";

/**
 * The question a group message puts to the bot, or `undefined` when it is ordinary chatter:
 * the bot answers only messages that mention it or reply to one of its own.
 */
function questionInGroup(
  text: string,
  entities: MessageEntity[] | undefined,
  bot: { id: number; username: string },
  replyToId: number | undefined,
): string | undefined {
  const mention = `@${bot.username}`.toLowerCase();
  let mentioned = false;
  let question = text;
  for (const e of entities ?? []) {
    const part = text.slice(e.offset, e.offset + e.length);
    if (
      (e.type === "mention" && part.toLowerCase() === mention) ||
      (e.type === "text_mention" && e.user.id === bot.id)
    ) {
      mentioned = true;
      question = question.replace(part, " ");
    }
  }
  if (!mentioned && replyToId !== bot.id) return undefined;
  return question.trim();
}

/** Free-text questions, and the buttons ("did you mean", follow-ups) that answer a subject. */
export const ask = new Composer<BotContext>();

ask.on(message("text"), async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith("/")) return next();
  let question: string | undefined = text;
  if (ctx.chat.type !== "private") {
    question = questionInGroup(
      text,
      ctx.message.entities,
      ctx.botInfo,
      ctx.message.reply_to_message?.from?.id,
    );
    if (question === undefined) return;
  }
  const { conversations, now } = ctx.deps;
  const previous = conversations.previous(ctx.chat.id, ctx.from.id, now());
  const reply = ctx.deps.engine().ask(question, { defaultLang: ctx.lang, previous });
  conversations.remember(ctx.chat.id, ctx.from.id, reply.previous, now());
  const id = ctx.deps.questionLog.record({ question, reply, chatType: ctx.chat.type, userId: ctx.from.id });
  if (ctx.chat.type !== "private") return void (await sendReply(ctx, reply));
  // In a private chat: 👍/👎 under an answer, "Ask staff" where the sources have no answer.
  const votable = id !== undefined && isVotable(reply);
  if (votable) ctx.deps.feedback.offered(id, question);
  await sendReply(ctx, reply, {
    voteOn: votable ? id : undefined,
    askStaff: pointsToChannels(reply) ? offerStaff(ctx, question, reply) : undefined,
  });
});

ask.action(/^a:(id|en):(.{1,56})$/, async (ctx) => {
  const lang = ctx.match[1] === "en" ? "en" : "id";
  const reply = ctx.deps.engine().answerRef(ctx.match[2] as string, lang);
  if (!reply) return acknowledge(ctx, ctx.t("errors.expired"));
  // A tapped answer is what the conversation asked last: "di kota mana?" follows it.
  const chatId = ctx.chat?.id;
  if (chatId !== undefined)
    ctx.deps.conversations.remember(chatId, ctx.from.id, reply.previous, ctx.deps.now());
  await acknowledge(ctx);
  await sendReply(ctx, reply);
});
