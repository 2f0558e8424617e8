/**
 * Who may do what: the one staff filter and the one group-admin filter every feature uses.
 *
 * A refusal is never posted in a group: commands such as /stats or /subscribe are shared with the
 * group's other bots, and a public "not for you" would be chatter there. In a group, someone not
 * allowed is ignored (a tapped button still gets its refusal, which only the tapper sees); in a
 * private chat they are told why.
 */
import type { Middleware } from "telegraf";
import { acknowledge } from "./acknowledge.ts";
import type { BotContext } from "./context.ts";
import { sendHtml } from "./send.ts";

/** Whether the sender is programme staff (`ADMIN_IDS`). */
export function isStaff(ctx: BotContext): boolean {
  return ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);
}

/** Whether the chat is a group or supergroup (not a private chat or a channel). */
function inGroup(ctx: BotContext): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/**
 * Whether the sender administers this group, or posts as the group (an anonymous admin: Telegram
 * names the group as the sender). When Telegram cannot tell (an error), the answer is no.
 */
async function isGroupAdmin(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || !ctx.from) return false;
  if (ctx.message && "sender_chat" in ctx.message && ctx.message.sender_chat?.id === chat.id) return true;
  const member = await ctx.telegram.getChatMember(chat.id, ctx.from.id).catch(() => undefined);
  return member?.status === "creator" || member?.status === "administrator";
}

/** Tells the sender why not: an alert under a tapped button, else a message in this (private) chat. */
async function refuse(ctx: BotContext, key: string): Promise<void> {
  if (ctx.callbackQuery) await acknowledge(ctx, ctx.t(key), { alert: true });
  else await sendHtml(ctx, ctx.t(key));
}

/**
 * The refusals, one wording each (`locales/<lang>/errors.json`): whatever the command or button,
 * a refusal for the same reason reads the same.
 */
const REFUSALS = {
  /** To someone who is not staff, in a private chat or under a button. */
  staffOnly: "errors.refused.staffOnly",
  /** To staff who used a staff command in a group. */
  privateOnly: "errors.refused.privateOnly",
  /** To a group command sent in a private chat. */
  groupOnly: "errors.refused.groupOnly",
  /** Under a button a group member who is not an admin tapped. */
  adminOnly: "errors.refused.adminOnly",
} as const;

/**
 * Lets through programme staff in a private chat. Anyone else is refused in a private chat and
 * ignored in a group; staff in a group are asked to use a private chat.
 */
export function staffOnly(): Middleware<BotContext> {
  return async (ctx, next) => {
    if (!isStaff(ctx)) {
      if (ctx.chat?.type === "private" || ctx.callbackQuery) await refuse(ctx, REFUSALS.staffOnly);
      return;
    }
    if (ctx.chat?.type !== "private") return refuse(ctx, REFUSALS.privateOnly);
    return next();
  };
}

/**
 * Lets through a group's admins in their group. Members who are not admins are ignored (a tapped
 * button says why). In a private chat, a group command (`groupOnly`) is told it is for groups;
 * anything else passes (a user's own settings).
 */
export function groupAdminOnly(options: { groupOnly: boolean }): Middleware<BotContext> {
  return async (ctx, next) => {
    if (!inGroup(ctx)) return options.groupOnly ? refuse(ctx, REFUSALS.groupOnly) : next();
    if (await isGroupAdmin(ctx)) return next();
    if (ctx.callbackQuery) await refuse(ctx, REFUSALS.adminOnly);
  };
}
