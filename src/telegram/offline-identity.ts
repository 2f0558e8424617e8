import type { UserFromGetMe } from "telegraf/types";

/** A made-up token for bots that never reach Telegram. */
export const OFFLINE_TOKEN = "123456:offlineofflineofflineofflineoffline";

/** Who the bot is when it runs without Telegram (terminal chat, benchmarks): no `getMe` needed. */
export const OFFLINE_BOT_INFO: UserFromGetMe = Object.freeze({
  id: 1,
  is_bot: true,
  first_name: "Tanya IKM",
  username: "TanyaIkmBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
});
