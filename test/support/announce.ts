/**
 * Helpers of the announcement e2e tests: a bot with one staff member over the fake Bot API and an
 * injected clock, and the staff member's moves (messages, button presses, a whole draft).
 */
import type { MessageEntity, User } from "telegraf/types";
import { afterEach, expect } from "vitest";
import type { BroadcasterOptions } from "../../src/announce/broadcast-options.ts";
import type { AnnounceService } from "../../src/announce/service.ts";
import type { Lang } from "../../src/lang.ts";
import { setup } from "./app.ts";
import { ManualClock } from "./clock.ts";
import type { RecordedCall, UpdateInput } from "./fake-bot-api.ts";

export const STAFF: User = {
  id: 7001,
  is_bot: false,
  first_name: "Rina",
  username: "rina_staf",
  language_code: "id",
};
/** A time on 2 June 2025 in Asia/Jakarta (UTC+7). */
export const WIB = (hour: number, minute = 0) => Date.UTC(2025, 5, 2, hour - 7, minute);

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of running.splice(0)) await close();
});

/** A bot with one staff member on a clock set to 08:00 WIB, closed after the test that started it. */
export async function setupAnnounce(options: BroadcasterOptions = {}) {
  const clock = new ManualClock(WIB(8));
  const base = await setup({ adminIds: [STAFF.id] }, { announce: { clock, ...options } });
  running.push(() => base.close());
  return Object.assign(base, { clock });
}

export type Ctx = Awaited<ReturnType<typeof setupAnnounce>>;

export function service(c: Ctx): AnnounceService {
  return c.app.deps.announce;
}

/** Lets the worker run what is due, then waits until it has nothing in flight. */
export async function settled(c: Ctx): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await service(c).broadcaster.whenIdle();
}

/** A subscribed (by default) group, written straight to the stores. */
export function addGroup(
  c: Ctx,
  id: number,
  opts: { lang?: Lang; provinces?: string[]; subscribed?: boolean; active?: boolean; title?: string } = {},
): void {
  c.app.deps.groups.upsert({
    id,
    title: opts.title ?? `Grup ${id}`,
    type: id < -1e12 ? "supergroup" : "group",
  });
  if (opts.lang) c.app.deps.groups.setLanguage(id, opts.lang);
  if (opts.active === false) c.app.deps.groups.setActive(id, false);
  service(c).subscriptions.setSubscribed(id, opts.subscribed ?? true);
  if (opts.provinces) service(c).subscriptions.setProvinces(id, opts.provinces);
}

export const text = (call: RecordedCall) => String(call.params.text);
export const toChat =
  (chatId: number, includes = "") =>
  (call: RecordedCall) =>
    call.params.chat_id === chatId && text(call).includes(includes);
export const deliveredTo = (c: Ctx, chatId: number) =>
  c.fake.delivered("sendMessage").filter((call) => call.params.chat_id === chatId);

/** Waits for a call recorded after `mark` (an index into `calls()`). */
export function waitAfter(c: Ctx, mark: number, method: string, predicate: (call: RecordedCall) => boolean) {
  return c.fake.waitFor(method, (call) => c.fake.calls().indexOf(call) >= mark && predicate(call));
}

/**
 * A person takes a moment between moves: the clock moves on. The bot's outgoing limiter runs on
 * this clock too, so a test that never moved it would see the bot's calls held at 30 a second.
 */
export function aMomentLater(c: Ctx): void {
  c.clock.advance(1500);
}

let messageId = 10_000;
/** A private message from the staff member, with formatting entities when given. */
export function staffSays(c: Ctx, body: string, entities?: MessageEntity[]): void {
  aMomentLater(c);
  c.fake.pushUpdate({
    message: {
      message_id: messageId++,
      date: 1,
      chat: { id: STAFF.id, type: "private", first_name: STAFF.first_name },
      from: STAFF,
      text: body,
      ...(entities ? { entities } : {}),
    },
  } as UpdateInput);
}

/** Taps a button in the staff member's chat and waits for the bot to answer the tap. */
export async function tap(c: Ctx, data: string, from: User = STAFF): Promise<RecordedCall> {
  const mark = c.fake.calls().length;
  aMomentLater(c);
  c.fake.callbackQuery({ data, from });
  return waitAfter(c, mark, "answerCallbackQuery", () => true);
}

type Keyboard = Array<Array<{ callback_data?: string }>>;
/** Per fake: how many calls were recorded when a draft button was last pressed. */
const pressedAt = new WeakMap<object, number>();

/**
 * The callback data of a draft button ending with `:<suffix>` (`l:id`, `skip`, `go`…) shown to
 * staff since the last press, waiting for it to be shown: draft buttons carry their draft's id,
 * so tests tap what the bot showed.
 */
export async function shownButton(c: Ctx, suffix: string): Promise<string> {
  const since = pressedAt.get(c.fake) ?? 0;
  const find = () =>
    c.fake
      .delivered()
      .slice(since)
      .filter((call) => call.params.chat_id === STAFF.id)
      .flatMap(
        (call) =>
          (call.params.reply_markup as { inline_keyboard?: Keyboard } | undefined)?.inline_keyboard ?? [],
      )
      .flat()
      .map((button) => button.callback_data ?? "")
      .findLast((data) => /^an:[0-9a-f]{8}:/.test(data) && data.endsWith(`:${suffix}`));
  await expect.poll(find, { timeout: 5000 }).toBeDefined();
  return find() ?? "";
}

/** Taps the draft button ending with `:<suffix>` shown to staff since the last press. */
export async function press(c: Ctx, suffix: string): Promise<RecordedCall> {
  const data = await shownButton(c, suffix);
  pressedAt.set(c.fake, c.fake.delivered().length);
  return tap(c, data);
}

export interface Composition {
  text: string;
  entities?: MessageEntity[];
  lang?: Lang;
  second?: string;
  secondEntities?: MessageEntity[];
  audience: "all" | "id" | "en" | { provinces: string[] };
}

/** Goes through /umumkan up to the summary with Send, Schedule and Cancel; returns the summary. */
export async function compose(c: Ctx, draft: Composition): Promise<RecordedCall> {
  let mark = c.fake.calls().length;
  aMomentLater(c);
  c.fake.message({ text: "/umumkan", from: STAFF });
  await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Pengumuman baru"));
  mark = c.fake.calls().length;
  staffSays(c, draft.text, draft.entities);
  await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "berbahasa apa"));
  await press(c, `l:${draft.lang ?? "id"}`);
  mark = c.fake.calls().length;
  if (draft.second !== undefined) {
    staffSays(c, draft.second, draft.secondEntities);
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Kirim ke grup mana"));
  } else {
    await press(c, "skip");
  }
  mark = c.fake.calls().length;
  if (typeof draft.audience === "object") {
    await press(c, "a:prov");
    for (const p of draft.audience.provinces) await press(c, `p:${p}`);
    await press(c, "pn");
  } else {
    await press(c, `a:${draft.audience}`);
  }
  return waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Pengumuman siap dikirim"));
}

/** Taps Send and waits for the final report. */
export async function send(c: Ctx): Promise<RecordedCall> {
  const mark = c.fake.calls().length;
  await press(c, "go");
  return waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "Laporan pengumuman"));
}
