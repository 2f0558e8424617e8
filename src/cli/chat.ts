/**
 * Talk to the bot in a terminal, through the same handlers as in Telegram, without Telegram:
 * for people who edit the knowledge. Buttons are listed with a number; type the number to tap.
 *
 *   npm run chat [-- --lang en]
 */
import { createInterface } from "node:readline/promises";
import type { Update } from "telegraf/types";
import { loadEngine } from "../answer/load.ts";
import { parseCommand } from "./args.ts";
import { offlineBot } from "./offline-bot.ts";

const { values } = parseCommand({
  usage: "npm run chat [-- --lang id|en]",
  help: `
Talk to the bot in this terminal, through the same handlers as in Telegram, as a staff member.
Buttons are listed with a number: type the number to tap one. Ctrl-D quits.

--lang id|en   the Telegram language of the pretend user (default id)`,
  options: { lang: { type: "string", default: "id" } },
});
const USER = { id: 100, is_bot: false, first_name: "Staf", language_code: values.lang };

const engine = await loadEngine();
const { bot, close } = offlineBot(engine, { stub: terminal, adminIds: [USER.id] });

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
async function terminal(method: string, payload: Record<string, unknown>): Promise<unknown> {
  if (method === "sendMessage" || method === "editMessageText") {
    console.log(`\n${plain(String(payload.text))}`);
    const markup = payload.reply_markup as {
      inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>>;
    };
    buttons = (markup?.inline_keyboard ?? [])
      .flat()
      .flatMap((b) => (b.callback_data ? [{ text: b.text, data: b.callback_data }] : []));
    for (const [i, b] of buttons.entries()) console.log(`  [${i + 1}] ${b.text}`);
  } else if (method === "answerCallbackQuery" && payload.text) {
    console.log(`\n(${String(payload.text)})`);
  }
  return { message_id: ++messageId, date: 0, chat: { id: USER.id, type: "private" }, text: "" };
}

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
close();
