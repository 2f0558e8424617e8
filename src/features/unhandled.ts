import { Composer } from "telegraf";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";

/**
 * What a person sends that is not text: these get the hint that the bot reads text only. Anything
 * else in a private chat is a service message Telegram adds itself (a pinned message, an
 * auto-delete timer changed, a shared contact request answered…) and gets no reply.
 */
const SENT_BY_A_PERSON = [
  "animation",
  "audio",
  "contact",
  "dice",
  "document",
  "game",
  "location",
  "paid_media",
  "photo",
  "poll",
  "sticker",
  "story",
  "venue",
  "video",
  "video_note",
  "voice",
] as const;

/** Mounted last: whatever no feature took. Unknown buttons have expired; private non-text gets a hint. */
export const unhandled = new Composer<BotContext>();

unhandled.on("callback_query", (ctx) => acknowledge(ctx, ctx.t("errors.expired")));

unhandled.on("message", async (ctx) => {
  if (ctx.chat.type !== "private") return;
  const message = ctx.message;
  if ("text" in message) {
    await ctx.reply(ctx.t(message.text.startsWith("/") ? "errors.unknownCommand" : "errors.notText"));
  } else if (SENT_BY_A_PERSON.some((kind) => kind in message)) {
    await ctx.reply(ctx.t("errors.notText"));
  }
});
