import type { Update, User } from "telegraf/types";

/** A text message from `user` in their private chat with the bot, numbered `id` (update and message). */
export function privateText(id: number, text: string, user: User): Update {
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: user,
      text,
    },
  };
}
