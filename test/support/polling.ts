import type { Telegraf } from "telegraf";
import type { FakeBotApi } from "./fake-bot-api.ts";

/**
 * Plain Telegraf bots polling a fake Bot API, for tests of the transport itself. `launch` starts
 * polling without awaiting it (Telegraf resolves only when polling stops); `stopAll`, called
 * from `afterEach`, stops every bot and waits until its polling has ended.
 */
export function pollingBots() {
  const running: Array<{ bot: Telegraf; launched: Promise<void> }> = [];
  return {
    async launch(bot: Telegraf, api: FakeBotApi): Promise<void> {
      running.push({ bot, launched: bot.launch() });
      await api.waitFor("getUpdates");
    },
    async stopAll(): Promise<void> {
      for (const { bot, launched } of running.splice(0)) {
        bot.stop("test over");
        await launched;
      }
    },
  };
}
