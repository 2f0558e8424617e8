import { describe, expect, it } from "vitest";
import { AnnouncementStore } from "../../src/storage/announcements.ts";
import { schemaVersion } from "../../src/storage/database.ts";
import { DeliveryQueue } from "../../src/storage/deliveries.ts";
import { GroupStore } from "../../src/storage/groups.ts";
import { migrations } from "../../src/storage/migrations.ts";
import { SubscriptionStore } from "../../src/storage/subscriptions.ts";
import { memoryDatabase } from "../support/memory-db.ts";

/** Stores over an in-memory database, on a clock the test moves, with migrations followed. */
function setup() {
  const db = memoryDatabase();
  const clock = { now: 1_000 };
  const now = () => clock.now;
  const groups = new GroupStore(db, now);
  const subscriptions = new SubscriptionStore(db, now);
  const store = new AnnouncementStore(db, now);
  const queue = new DeliveryQueue(db, now);
  groups.onMigrate((from, to) => {
    subscriptions.moveChat(from, to);
    queue.moveChat(from, to);
  });
  const group = (id: number, opts: { subscribed?: boolean; provinces?: string[] } = {}) => {
    groups.upsert({ id, title: `G${id}`, type: "group" });
    subscriptions.setSubscribed(id, opts.subscribed ?? true);
    if (opts.provinces) subscriptions.setProvinces(id, opts.provinces);
  };
  const announce = (sendAt = 1_000) =>
    store.create({
      authorId: 7,
      authorLang: "id",
      texts: { id: "Halo", en: "Hello" },
      audience: { kind: "all" },
      pin: false,
      sendAt,
    });
  return { db, clock, groups, subscriptions, store, queue, group, announce };
}

describe("the schema", () => {
  it("numbers its steps 1, 2, 3… with the announcements at 2", () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[1]?.name).toMatch(/announcements/);
    const { db } = setup();
    expect(schemaVersion(db)).toBe(migrations.length);
  });
});

describe("subscriptions", () => {
  it("lists subscribed groups the bot is still in, with their provinces and language", () => {
    const s = setup();
    s.group(-1, { provinces: ["papua", "jatim"] });
    s.group(-2, { subscribed: false });
    s.group(-3);
    s.groups.setActive(-3, false);
    s.groups.setLanguage(-1, "en");
    expect(s.subscriptions.subscribers()).toEqual([
      expect.objectContaining({
        chatId: -1,
        language: "en",
        languageChosen: true,
        provinces: ["jatim", "papua"],
      }),
    ]);
    expect(s.subscriptions.isDeliverable(-1)).toBe(true);
    expect(s.subscriptions.isDeliverable(-3)).toBe(false);
  });

  it("follow a group to its supergroup id, merging with what is there", () => {
    const s = setup();
    s.group(-5, { provinces: ["papua"] });
    s.group(-1005, { subscribed: false, provinces: ["sulsel"] });
    expect(s.groups.migrate(-5, -1005)).toBe(true);
    expect(s.subscriptions.get(-1005)).toEqual({ subscribed: true, provinces: ["papua", "sulsel"] });
    expect(s.subscriptions.get(-5)).toEqual({ subscribed: false, provinces: [] });
  });
});

describe("submitting a draft", () => {
  // After a crash before the draft's session was saved, Telegram delivers the "send" tap again.
  it("makes one announcement however often the same draft is submitted", () => {
    const s = setup();
    const draft = {
      authorId: 7,
      authorLang: "id" as const,
      texts: { id: "Halo" },
      audience: { kind: "all" as const },
      pin: false,
      sendAt: 1_000,
    };
    const first = s.store.create({ ...draft, draftId: "d1" });
    expect(s.store.create({ ...draft, draftId: "d1" })).toBe(first);
    expect(s.store.create({ ...draft, draftId: "d2" })).not.toBe(first);
    expect(s.store.scheduled().map((a) => a.id)).toEqual([first, first + 1]);
  });
});

describe("the delivery queue", () => {
  it("queues one delivery a group, once, and walks each through claim and send", () => {
    const s = setup();
    const id = s.announce();
    expect(s.store.due(999)).toEqual([]);
    expect(
      s.store.start(id, [
        { chatId: -1, lang: "id" },
        { chatId: -2, lang: "en" },
      ]),
    ).toBe(true);
    expect(s.store.start(id, [{ chatId: -3, lang: "id" }])).toBe(false);
    expect(s.queue.counts(id)).toMatchObject({ total: 2, pending: 2 });

    const first = s.queue.nextDue(1_000);
    expect(first).toMatchObject({ chatId: -1, text: "Halo", attempts: 0 });
    expect(s.queue.nextDue(1_000, [-1])).toMatchObject({ chatId: -2, text: "Hello" });
    expect(s.queue.claim(first?.id ?? 0)).toBe(true);
    expect(s.queue.claim(first?.id ?? 0)).toBe(false);
    s.queue.markSent(first?.id ?? 0, 77);
    expect(s.queue.counts(id)).toMatchObject({ sent: 1, pending: 1 });
    expect(s.store.finishIfComplete(id)).toBe(false);
  });

  it("puts a retried delivery back at its time, and finishes when none is left", () => {
    const s = setup();
    const id = s.announce();
    s.store.start(id, [{ chatId: -1, lang: "id" }]);
    const row = s.queue.nextDue(1_000);
    s.queue.claim(row?.id ?? 0);
    s.queue.retry(row?.id ?? 0, 4_000, "rate_limited", "429");
    expect(s.queue.nextDue(3_999)).toBeUndefined();
    expect(s.queue.nextDueAt()).toBe(4_000);
    expect(s.queue.nextDue(4_000)).toMatchObject({ attempts: 1 });
    s.queue.claim(row?.id ?? 0);
    s.queue.end(row?.id ?? 0, "failed", "forbidden", "403: Forbidden");
    expect(s.store.finishIfComplete(id)).toBe(true);
    expect(s.store.finishIfComplete(id)).toBe(false);
    expect(s.queue.problems(id)).toEqual([
      { chatId: -1, title: undefined, status: "failed", reason: "forbidden", detail: "403: Forbidden" },
    ]);
  });

  it("puts a delivery back after a 429 without counting the attempt", () => {
    const s = setup();
    const id = s.announce();
    s.store.start(id, [{ chatId: -1, lang: "id" }]);
    const row = s.queue.nextDue(1_000);
    for (let i = 0; i < 3; i++) {
      s.queue.claim(row?.id ?? 0);
      s.queue.putBack(row?.id ?? 0, 2_000, "rate_limited", "429");
    }
    expect(s.queue.nextDue(2_000)).toMatchObject({ attempts: 0 });
    expect(s.queue.counts(id)).toMatchObject({ pending: 1, sending: 0 });
  });

  it("leaves a delivery in flight when the process died unconfirmed: not sent, not sent again by itself", () => {
    const s = setup();
    const id = s.announce();
    s.store.start(id, [
      { chatId: -1, lang: "id" },
      { chatId: -2, lang: "id" },
    ]);
    s.queue.claim(s.queue.nextDue(1_000)?.id ?? 0);
    expect(s.queue.recoverInterrupted()).toBe(1);
    expect(s.queue.counts(id)).toMatchObject({ sent: 0, unconfirmed: 1, pending: 1 });
    expect(s.queue.nextDue(1_000)).toMatchObject({ chatId: -2 });
    // Telegram may have counted it: still counted against the limits after a restart.
    expect(s.queue.recentSends(0)).toEqual([{ chatId: -1, at: 1_000 }]);
    expect(s.queue.problems(id)).toEqual([
      { chatId: -1, title: undefined, status: "unconfirmed", reason: "interrupted", detail: undefined },
    ]);
  });

  it("resends the unconfirmed deliveries when staff ask: the announcement is sent and reported again", () => {
    const s = setup();
    const id = s.announce();
    s.store.start(id, [
      { chatId: -1, lang: "id" },
      { chatId: -2, lang: "id" },
    ]);
    const first = s.queue.nextDue(1_000);
    s.queue.claim(first?.id ?? 0);
    s.queue.markSent(first?.id ?? 0, 5);
    s.queue.claim(s.queue.nextDue(1_000)?.id ?? 0);
    s.queue.recoverInterrupted();
    expect(s.store.finishIfComplete(id)).toBe(true);
    s.store.markReported(id, s.store.beginReport(id) ?? 0);

    s.clock.now = 2_000;
    expect(s.store.resendUnconfirmed(id)).toBe(1);
    expect(s.store.resendUnconfirmed(id)).toBe(0);
    expect(s.store.get(id)).toMatchObject({ status: "sending", startedAt: 2_000, reportedAt: undefined });
    const again = s.queue.nextDue(2_000);
    expect(again).toMatchObject({ chatId: -2, attempts: 0, maybeDelivered: true });
    s.queue.claim(again?.id ?? 0);
    s.queue.markSent(again?.id ?? 0, 6);
    expect(s.store.finishIfComplete(id)).toBe(true);
    expect(s.store.unreported().map((a) => a.id)).toEqual([id]);
    // The group may have had the first copy too: the report says so.
    expect(s.queue.counts(id)).toMatchObject({ sent: 2, unconfirmed: 0, maybeTwice: 1 });
    expect(s.queue.problems(id)).toMatchObject([{ chatId: -2, status: "sent", reason: "maybe_twice" }]);
  });

  it("retries a delivery that may have arrived marked as such; out of attempts, it is unconfirmed", () => {
    const s = setup();
    const id = s.announce();
    s.store.start(id, [{ chatId: -1, lang: "id" }]);
    const row = s.queue.nextDue(1_000);
    s.queue.claim(row?.id ?? 0);
    s.queue.retry(row?.id ?? 0, 1_000, "network", "socket hang up", true);
    s.queue.claim(row?.id ?? 0);
    // A later attempt that surely did not arrive does not clear the mark.
    s.queue.retry(row?.id ?? 0, 1_000, "server_error", "502", false);
    expect(s.queue.nextDue(1_000)).toMatchObject({ attempts: 2, maybeDelivered: true });
    s.queue.claim(row?.id ?? 0);
    s.queue.end(row?.id ?? 0, "unconfirmed", "no_answer", "socket hang up");
    expect(s.queue.counts(id)).toMatchObject({ sent: 0, unconfirmed: 1, failed: 0 });
  });

  it("moves unsent deliveries with a migrated group, skipping one its new id already has", () => {
    const s = setup();
    s.group(-5);
    const a1 = s.announce();
    const a2 = s.announce();
    s.store.start(a1, [{ chatId: -5, lang: "id" }]);
    s.store.start(a2, [
      { chatId: -5, lang: "id" },
      { chatId: -1005, lang: "id" },
    ]);
    s.groups.migrate(-5, -1005);
    expect(s.queue.problems(a2)).toMatchObject([{ chatId: -5, status: "skipped", reason: "migrated" }]);
    expect(s.queue.nextDue(1_000)).toMatchObject({ announcementId: a1, chatId: -1005 });
  });

  it("cancels a scheduled announcement, and stops one being sent", () => {
    const s = setup();
    const scheduled = s.announce(9_000);
    expect(s.store.cancel(scheduled)).toBe("cancelled");
    expect(s.store.due(10_000)).toEqual([]);
    const running = s.announce();
    s.store.start(running, [{ chatId: -1, lang: "id" }]);
    expect(s.store.cancel(running)).toBe("stopped");
    expect(s.queue.counts(running)).toMatchObject({ skipped: 1, pending: 0 });
    expect(s.store.finishIfComplete(running)).toBe(true);
    expect(s.store.cancel(running)).toBe("too_late");
    expect(s.store.cancel(999)).toBe("unknown");
  });
});

describe("a report", () => {
  /** A finished announcement, to one group. */
  function finished(s: ReturnType<typeof setup>): number {
    const id = s.announce();
    s.store.start(id, [{ chatId: -1, lang: "id" }]);
    const row = s.queue.nextDue(1_000);
    s.queue.claim(row?.id ?? 0);
    s.queue.markSent(row?.id ?? 0, 1);
    s.store.finishIfComplete(id);
    return id;
  }

  it("is marked before its call: one begun and never marked sent is in doubt, and not sent again", () => {
    const s = setup();
    const id = finished(s);
    const token = s.store.beginReport(id);
    expect(token).toBe(1_000);
    expect(s.store.beginReport(id)).toBeUndefined();
    expect(s.store.unreported()).toEqual([]);
    // The process died during the call.
    expect(s.store.reportsInDoubt()).toEqual([id]);
  });

  it("whose call failed while the bot ran may be sent again; once sent, it is not", () => {
    const s = setup();
    const id = finished(s);
    const token = s.store.beginReport(id) ?? 0;
    s.store.dropReport(id, token);
    expect(s.store.unreported().map((a) => a.id)).toEqual([id]);
    const again = s.store.beginReport(id) ?? 0;
    s.store.markReported(id, again);
    expect(s.store.get(id)?.reportedAt).toBe(1_000);
    expect(s.store.beginReport(id)).toBeUndefined();
    expect(s.store.unreported()).toEqual([]);
  });
});

describe("an announcement found too late", () => {
  it("is missed: never queued, listed as missed, its author to be told once", () => {
    const s = setup();
    const id = s.announce(1_000);
    s.clock.now = 5_000_000;
    expect(s.store.miss(id)).toBe(true);
    expect(s.store.miss(id)).toBe(false);
    expect(s.store.start(id, [{ chatId: -1, lang: "id" }])).toBe(false);
    expect(s.store.due(s.clock.now)).toEqual([]);
    expect(s.store.get(id)).toMatchObject({ status: "missed", sendAt: 1_000, startedAt: 5_000_000 });
    expect(s.store.recent().map((a) => a.status)).toEqual(["missed"]);
    expect(s.store.unreported().map((a) => a.id)).toEqual([id]);
    s.store.markReported(id, s.store.beginReport(id) ?? 0);
    expect(s.store.unreported()).toEqual([]);
    expect(s.store.reportsInDoubt()).toEqual([]);
    expect(s.store.cancel(id)).toBe("too_late");
  });

  it("is not confused with one cancelled by staff, which nobody needs to be told of", () => {
    const s = setup();
    const id = s.announce(9_000);
    s.store.cancel(id);
    expect(s.store.get(id)?.status).toBe("cancelled");
    expect(s.store.unreported()).toEqual([]);
  });
});
