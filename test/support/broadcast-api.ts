import type { BroadcastApi } from "../../src/announce/broadcast-api.ts";
import type { Clock } from "../../src/announce/clock.ts";

/** A recorded call to the fake Bot API. */
export interface FakeCall {
  method: string;
  chatId: number;
  /** The clock's time when the call was made. */
  at: number;
  text: string;
}

/**
 * A stub Bot API that records each call and answers at once (or when the test releases it), or
 * throws what `fail` returns for it; a held call rejects when its signal aborts, as a real
 * request does. Passed to the worker as it is: no HTTP, no casts.
 */
export function fakeBroadcastApi(
  clock: Clock,
  opts: { hold?: boolean; fail?: (call: FakeCall) => Error | undefined },
): BroadcastApi & { calls: FakeCall[]; held: Array<() => void> } {
  const calls: FakeCall[] = [];
  const held: Array<() => void> = [];
  let messageId = 1;
  const answer = async (method: string, chatId: number, signal: AbortSignal, text = "") => {
    const call = { method, chatId, at: clock.now(), text };
    calls.push(call);
    const error = opts.fail?.(call);
    if (error) throw error;
    if (opts.hold) {
      await new Promise<void>((resolve, reject) => {
        held.push(resolve);
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    return messageId++;
  };
  return {
    calls,
    held,
    sendMessage: (chatId, html, signal) => answer("sendMessage", chatId, signal, html),
    editMessage: async (chatId, _messageId, html, signal) =>
      void (await answer("editMessageText", chatId, signal, html)),
    pinMessage: async (chatId, _messageId, signal) => void (await answer("pinChatMessage", chatId, signal)),
  };
}
