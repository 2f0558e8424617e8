import { Composer } from "telegraf";
import { acknowledge } from "../telegram/acknowledge.ts";
import { registerStaffMenu } from "../telegram/commands.ts";
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
  // A bot just set up has no staff yet: whoever starts it learns the id to put in ADMIN_IDS.
  const setup = ctx.deps.adminIds.length === 0 && ctx.chat.type === "private" ? `\n\n${idHtml(ctx)}` : "";
  await sendHtml(ctx, ctx.t("start.welcome", { name }) + setup, keyboard);
  if (isStaffMember(ctx)) await staffMenu(ctx);
});

/** `/id`: the sender's Telegram user id (and the group's, in a group), for ADMIN_IDS. */
start.command("id", async (ctx) => {
  await sendHtml(ctx, idHtml(ctx));
});

function idHtml(ctx: BotContext): string {
  const lines = [ctx.t("start.yourId", { id: ctx.from?.id ?? "?" })];
  if (ctx.chat && ctx.chat.type !== "private") lines.push(ctx.t("start.chatId", { id: ctx.chat.id }));
  else lines.push(ctx.t("start.staffHint"));
  return lines.join("\n");
}

function isStaffMember(ctx: BotContext): boolean {
  return ctx.chat?.type === "private" && ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);
}

/**
 * A staff member's menu can only be set once they have opened the bot: at start-up it fails for
 * those who had not. Their /start sets it at once, so they need not wait for a restart.
 */
async function staffMenu(ctx: BotContext): Promise<void> {
  const staffId = ctx.from?.id;
  if (staffId === undefined) return;
  await registerStaffMenu(ctx.telegram, ctx.deps.t, staffId).catch((err: unknown) =>
    ctx.deps.logger.warn({ err, staffId }, "could not set a staff member's command menu"),
  );
}

start.help(async (ctx) => {
  await sendHtml(ctx, ctx.t("start.help", { username: ctx.botInfo.username }));
});

start.action(/^q:(\d{1,2})$/, async (ctx) => {
  const question = examples(ctx)[Number(ctx.match[1])];
  if (!question) return acknowledge(ctx, ctx.t("errors.expired"));
  await acknowledge(ctx);
  await sendReply(ctx, ctx.deps.engine().ask(question, { defaultLang: ctx.lang }));
});
