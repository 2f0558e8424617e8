import { Lifecycle } from "../../src/announce/lifecycle.ts";
import { Pacer } from "../../src/announce/pacer.ts";
import { StaffCalls } from "../../src/announce/staff-calls.ts";
import { StoragePause } from "../../src/announce/storage-pause.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { AnnouncementStore } from "../../src/storage/announcements.ts";
import { DeliveryQueue } from "../../src/storage/deliveries.ts";
import { GroupStore } from "../../src/storage/groups.ts";
import { SubscriptionStore } from "../../src/storage/subscriptions.ts";
import { OutgoingLimiter } from "../../src/telegram/outgoing.ts";
import { type FakeCall, fakeBroadcastApi } from "./broadcast-api.ts";
import { ManualClock } from "./clock.ts";
import { memoryDatabase } from "./memory-db.ts";

const t = translator(createI18n());

/**
 * What the broadcaster's parts are built from, over an in-memory database, a manual clock and a
 * recording fake Bot API: each part's test builds just the part it tests.
 */
export function broadcastParts(opts: { fail?: (call: FakeCall) => Error | undefined } = {}) {
  const db = memoryDatabase();
  const clock = new ManualClock(1_000_000);
  const now = () => clock.now();
  const api = fakeBroadcastApi(clock, opts);
  const life = new Lifecycle();
  life.state = "running";
  const groups = new GroupStore(db, now);
  const subscriptions = new SubscriptionStore(db, now);
  const announcements = new AnnouncementStore(db, now);
  const deliveries = new DeliveryQueue(db, now);
  groups.onMigrate((from, to) => {
    subscriptions.moveChat(from, to);
    deliveries.moveChat(from, to);
  });
  const outgoing = new OutgoingLimiter(clock);
  const pacer = new Pacer(outgoing, clock);
  const calls = new StaffCalls(life, silentLogger, 30_000);
  const storage = new StoragePause({
    clock,
    logger: silentLogger,
    t,
    staff: api,
    calls,
    authors: () => [],
  });
  /** Starts an announcement by staff member 7 to `chatIds` (subscribed groups); returns its id. */
  const started = (chatIds: number[], texts = { id: "Halo" }) => {
    for (const chatId of chatIds) {
      groups.upsert({ id: chatId, title: `G${chatId}`, type: "group" });
      subscriptions.setSubscribed(chatId, true);
    }
    const id = announcements.create({
      authorId: 7,
      authorLang: "id",
      texts,
      audience: { kind: "all" },
      pin: false,
      sendAt: clock.now(),
    });
    announcements.start(
      id,
      chatIds.map((chatId) => ({ chatId, lang: "id" })),
    );
    return id;
  };
  return {
    db,
    clock,
    api,
    life,
    groups,
    subscriptions,
    announcements,
    deliveries,
    outgoing,
    pacer,
    calls,
    storage,
    wake: () => {},
    t,
    logger: silentLogger,
    started,
  };
}
