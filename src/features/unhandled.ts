import { Composer } from "telegraf";
import { acknowledge } from "../telegram/acknowledge";
import type { BotContext } from "../telegram/context";

/** Mounted last: whatever no feature took. Unknown buttons have expired; private non-text gets a hint. */
export const unhandled = new Composer<BotContext>();

unhandled.on("callback_query", (ctx) => acknowledge(ctx, ctx.t("errors.expired")));

unhandled.on("message", async (ctx) => {
  if (ctx.chat.type !== "private") return;
  const text = "text" in ctx.message ? ctx.message.text : undefined;
  await ctx.reply(ctx.t(text?.startsWith("/") ? "errors.unknownCommand" : "errors.notText"));
});
