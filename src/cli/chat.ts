/**
 * Talk to the bot in a terminal, through the same handlers as in Telegram, without Telegram:
 * for people who edit the knowledge. Buttons are listed with a number; type the number to tap.
 *
 *   npm run chat [-- --lang en]
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { Telegram } from "telegraf";
import type { Update, UserFromGetMe } from "telegraf/types";
import { loadEngine } from "../answer/load";
import { createBot } from "../bot";
import { createI18n, translator } from "../i18n";
import { silentLogger } from "../logger";
import { openDatabase } from "../storage/database";
import { GroupStore } from "../storage/groups";
import { UserStore } from "../storage/users";

const { values } = parseArgs({ options: { lang: { type: "string", default: "id" } } });
const BOT: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: "Tanya IKM",
  username: "TanyaIkmBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};
const USER = { id: 100, is_bot: false, first_name: "Staf", language_code: values.lang };

const t = translator(createI18n());
const engine = await loadEngine(undefined, { t });
const db = openDatabase(":memory:");
const bot = createBot("0:terminal", {
  engine: () => engine,
  t,
  users: new UserStore(db),
  groups: new GroupStore(db),
  adminIds: [USER.id],
  logger: silentLogger,
});
bot.botInfo = BOT;

let buttons: Array<{ text: string; data: string }> = [];
let messageId = 0;

/** Telegram's HTML, as a terminal shows it. */
function plain(html: string): string {
  return html
    .replace(/<(b|strong)>/g, "\x1b[1m")
    .replace(/<\/(b|strong)>/g, "\x1b[22m")
    .replace(/<(i|em)>/g, "\x1b[3m")
    .replace(/<\/(i|em)>/g, "\x1b[23m")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// Every API call lands here instead of Telegram: show messages and remember their buttons.
// Telegraf makes a new Telegram client for each update, so the stub goes on the prototype
// (this process is the terminal chat only).
Telegram.prototype.callApi = (async (method: string, payload: Record<string, unknown>) => {
  if (method === "sendMessage" || method === "editMessageText") {
    console.log(`\n${plain(String(payload.text))}`);
    const markup = payload.reply_markup as {
      inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>>;
    };
    buttons = (markup?.inline_keyboard ?? [])
      .flat()
      .flatMap((b) => (b.callback_data ? [{ text: b.text, data: b.callback_data }] : []));
    buttons.forEach((b, i) => console.log(`  [${i + 1}] ${b.text}`));
  } else if (method === "answerCallbackQuery" && payload.text) {
    console.log(`\n(${String(payload.text)})`);
  }
  return { message_id: ++messageId, date: 0, chat: { id: USER.id, type: "private" }, text: "" };
}) as typeof Telegram.prototype.callApi;

let updateId = 0;
const chat = { id: USER.id, type: "private" as const, first_name: USER.first_name };
async function send(text: string): Promise<void> {
  const tap = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
  const update: Update = tap
    ? {
        update_id: ++updateId,
        callback_query: {
          id: String(updateId),
          from: USER,
          chat_instance: "1",
          data: tap.data,
          message: { message_id: messageId, date: 0, chat, text: "" },
        },
      }
    : {
        update_id: ++updateId,
        message: {
          message_id: ++messageId,
          date: 0,
          chat,
          from: USER,
          text,
          ...(text.startsWith("/")
            ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 1 }] }
            : {}),
        },
      };
  await bot.handleUpdate(update);
}

console.log("Tanya IKM — terminal chat. Type a question, a /command, or a button's number. Ctrl-D to quit.");
await send("/start");
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
for await (const line of rl) {
  if (line.trim()) await send(line.trim());
  if (process.stdin.isTTY) process.stdout.write("\n> ");
}
db.close();
