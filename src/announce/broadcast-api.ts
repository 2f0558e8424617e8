import { type Telegram, TelegramError } from "telegraf";
import { redactToken } from "../telegram/api-retry.ts";

/**
 * The Bot API calls a broadcast makes, and nothing more: the delivery worker gets one for the
 * groups and one for staff at construction, so tests hand it a plain fake. Errors are Telegraf's
 * (`TelegramError` with `code` and `description`, or a network error).
 */
export interface BroadcastApi {
  /** Sends `html` (parse mode HTML) to a chat, with buttons if given; resolves with Telegram's message id. */
  sendMessage(chatId: number, html: string, signal: AbortSignal, buttons?: Buttons): Promise<number>;
  /** Edits a message the bot sent earlier. */
  editMessage(chatId: number, messageId: number, html: string, signal: AbortSignal): Promise<void>;
  /** Pins a message without notifying the group's members. */
  pinMessage(chatId: number, messageId: number, signal: AbortSignal): Promise<void>;
}

/** Rows of buttons under a message, each with its label and callback data. */
export type Buttons = ReadonlyArray<ReadonlyArray<{ text: string; data: string }>>;

// Telegraf types its signal with the abort-controller shim; node-fetch takes Node's own alike.
type ApiSignal = NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"];
const apiSignal = (signal: AbortSignal) => ({ signal: signal as unknown as ApiSignal });

/** A {@link BroadcastApi} over a Telegraf client (retrying or not, as the client was built). */
export function telegramBroadcastApi(telegram: Telegram): BroadcastApi {
  return {
    async sendMessage(chatId, html, signal, buttons) {
      const keyboard = buttons?.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data })));
      const payload = {
        chat_id: chatId,
        text: html,
        parse_mode: "HTML",
        ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
      } as const;
      const message = await telegram.callApi("sendMessage", payload, apiSignal(signal));
      return message.message_id;
    },
    async editMessage(chatId, messageId, html, signal) {
      const payload = { chat_id: chatId, message_id: messageId, text: html, parse_mode: "HTML" } as const;
      await telegram.callApi("editMessageText", payload, apiSignal(signal));
    },
    async pinMessage(chatId, messageId, signal) {
      const payload = { chat_id: chatId, message_id: messageId, disable_notification: true };
      await telegram.callApi("pinChatMessage", payload, apiSignal(signal));
    },
  };
}

/** An error in a few words for logs and the report: Telegram's own ("403: Forbidden: …"), token-free. */
export function describeError(err: unknown): string {
  if (err instanceof TelegramError) return `${err.code}: ${err.description}`;
  return redactToken(err instanceof Error ? err.message : String(err));
}
