import type { Logger } from "../logger.ts";
import type { AnnouncementStore, Target } from "../storage/announcements.ts";
import type { SubscriptionStore } from "../storage/subscriptions.ts";
import { inAudience, parseAudience, textLang } from "./audience.ts";

/**
 * Queues the deliveries of every scheduled announcement whose time has come, one a subscribed
 * group of its audience in the language it reads. One found more than `missedAfterMs` after its
 * time (the bot was down) is marked missed instead: news that late does more harm than good.
 */
export function queueDue(
  deps: { announcements: AnnouncementStore; subscriptions: SubscriptionStore; logger: Logger },
  now: number,
  missedAfterMs: number,
): void {
  const { announcements, subscriptions, logger } = deps;
  for (const announcement of announcements.due(now)) {
    const lateMs = now - announcement.sendAt;
    if (lateMs > missedAfterMs) {
      if (announcements.miss(announcement.id)) {
        logger.warn(
          { announcement: announcement.id, lateMs },
          "a scheduled announcement came up too late (the bot was down): not sent",
        );
      }
      continue;
    }
    const audience = parseAudience(announcement.audience);
    const targets: Target[] = audience
      ? subscriptions
          .subscribers()
          .filter((group) => inAudience(audience, group))
          .map((group) => ({ chatId: group.chatId, lang: textLang(announcement.texts, group.language) }))
      : [];
    if (announcements.start(announcement.id, targets)) {
      logger.info({ announcement: announcement.id, groups: targets.length }, "broadcast started");
    }
  }
}
