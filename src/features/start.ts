import { Composer } from "telegraf";
import { acknowledge } from "../telegram/acknowledge.ts";
import type { BotContext } from "../telegram/context.ts";
import { decodeStartPayload } from "../telegram/deep-link.ts";
import { escapeHtml } from "../telegram/html.ts";
import { sendHtml, sendReply } from "../telegram/send.ts";

/** Callback data of the example-question buttons under /start: "q:<index>". */
const EXAMPLE_PREFIX = "q:";

/** The example questions of the welcome message, in the interface language. */
export function examples(ctx: BotContext): string[] {
  const list = ctx.t("start.examples", { returnObjects: true }) as unknown;
  return Array.isArray(list) ? list.map(String) : [];
}

/** /start (with or without a deep-link parameter) and /help. */
export const start = new Composer<BotContext>();

start.start(async (ctx) => {
  const payload = decodeStartPayload(ctx.payload);
  if (payload) {
    const engine = ctx.deps.engine();
    const reply =
      "ref" in payload
        ? engine.answerRef(payload.ref, ctx.lang)
        : engine.ask(payload.query, { defaultLang: ctx.lang });
    if (reply) {
      await sendReply(ctx, reply);
      return;
    }
  }
  const name = escapeHtml(ctx.from.first_name ?? "");
  const keyboard = examples(ctx).map((q, i) => [{ text: q, callback_data: `${EXAMPLE_PREFIX}${i}` }]);
  await sendHtml(ctx, ctx.t("start.welcome", { name }), keyboard);
});

start.help(async (ctx) => {
  await sendHtml(ctx, ctx.t("start.help", { username: ctx.botInfo.username }));
});

start.action(/^q:(\d{1,2})$/, async (ctx) => {
  const question = examples(ctx)[Number(ctx.match[1])];
  if (!question) return acknowledge(ctx, ctx.t("errors.expired"));
  await acknowledge(ctx);
  await sendReply(ctx, ctx.deps.engine().ask(question, { defaultLang: ctx.lang }));
});
