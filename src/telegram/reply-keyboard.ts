/**
 * The buttons under a reply: follow-ups or "did you mean", the official channels where the reply
 * sends people there, "Ask staff" where staff can answer, and 👍/👎 on an answer. Pure.
 */
import type { InlineKeyboardButton } from "telegraf/types";
import type { Reply } from "../answer/engine.ts";
import type { Channel } from "../knowledge/schema.ts";
import { suggestionKeyboard } from "./html.ts";

/** Callback data of the vote buttons: "fb:u:<question>" / "fb:d:<question>"; the thanks that replaces them. */
export const VOTE_DATA = /^fb:([ud]):(\d{1,15})$/;
export const THANKS_DATA = "fb:ok";
/** Callback data of "Ask staff": "hs:<offer>". */
export const ASK_STAFF_DATA = /^hs:(\d{1,15})$/;

/** What goes under a reply beyond its suggestions. */
export interface ReplyExtras {
  /** The official channels, as URL buttons: where the reply tells people to ask. */
  channels?: readonly Channel[] | undefined;
  /** An offer to forward the question to staff (its id), with the button's label. */
  askStaff?: { id: number; label: string } | undefined;
  /** The question's row in the log: its answer gets 👍/👎. */
  voteOn?: number | undefined;
}

/** Whether people can tell the bot an answer was right or wrong: answers, not fallbacks or small talk. */
export function isVotable(reply: Reply): boolean {
  return reply.kind === "answer" || reply.kind === "not_in_programme";
}

/** The vote row: 👍 and 👎 for the answer to question `questionId`. */
export function voteRow(questionId: number): InlineKeyboardButton[] {
  return [
    { text: "👍", callback_data: `fb:u:${questionId}` },
    { text: "👎", callback_data: `fb:d:${questionId}` },
  ];
}

/** Every row of buttons under `reply`. */
export function replyKeyboard(reply: Reply, extras: ReplyExtras = {}): InlineKeyboardButton[][] {
  const rows = suggestionKeyboard(reply.suggestions, reply.lang);
  if (extras.channels?.length)
    rows.push(extras.channels.map((c) => ({ text: c.name[reply.lang], url: c.url })));
  if (extras.askStaff)
    rows.push([{ text: extras.askStaff.label, callback_data: `hs:${extras.askStaff.id}` }]);
  if (extras.voteOn !== undefined) rows.push(voteRow(extras.voteOn));
  return rows;
}

/**
 * The keyboard with its vote row replaced by a thanks button that does nothing: a vote is
 * acknowledged in place, without a new message, and cannot be cast twice.
 */
export function thankedKeyboard(
  keyboard: InlineKeyboardButton[][],
  thanks: string,
): InlineKeyboardButton[][] {
  const isVote = (b: InlineKeyboardButton) => "callback_data" in b && VOTE_DATA.test(b.callback_data);
  return [...keyboard.filter((row) => !row.some(isVote)), [{ text: thanks, callback_data: THANKS_DATA }]];
}
