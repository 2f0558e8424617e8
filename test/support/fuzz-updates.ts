/**
 * Generators (fast-check arbitraries) of every kind of update the bot asks for, from a few
 * people in a few chats, made of the odd texts of fuzz-texts.ts; and whole flows (a staff
 * member's announcement draft, a group admin's commands) to reach the bot's deeper states.
 */
import fc from "fast-check";
import type { Update } from "telegraf/types";
import { OFFLINE_BOT_INFO } from "../../src/telegram/offline-identity.ts";
import { callbackData, formatted, MAX_TEXT, messageText, piece, query } from "./fuzz-texts.ts";

/** The people who write to the bot: the staff member's id goes into the bot's `adminIds`. */
export const PEOPLE = Object.freeze({
  person: { id: 5001, is_bot: false, first_name: "Siti", language_code: "id" },
  english: { id: 5002, is_bot: false, first_name: "Ann", language_code: "en" },
  odd: { id: 5003, is_bot: false, first_name: "<b>&amp;</b> 👨‍👩‍👧", language_code: "zz-\u202e" },
  /** A group admin (the recording Telegram says so for even ids). */
  groupAdmin: { id: 5004, is_bot: false, first_name: "Admin" },
  staff: { id: 7002, is_bot: false, first_name: "Staf", language_code: "id" },
});
export const STAFF_IDS = [PEOPLE.staff.id];

const CHATS = {
  group: { id: -4001, type: "group", title: "IKM Jatim" },
  supergroup: { id: -1004001, type: "supergroup", title: "Klaster <Kopi> & Co" },
  channel: { id: -1009001, type: "channel", title: "Kanal" },
} as const;

// ── Updates ──────────────────────────────────────────────────────────────────

const person = fc.constantFrom(...Object.values(PEOPLE));
const chatKind = fc.constantFrom("private", "private", "group", "supergroup");

// biome-ignore format: a table of short strings reads best packed
const COMMANDS = [
  "start", "help", "provinsi", "provinces", "kriteria", "criteria", "tentang", "about", "pejabat",
  "officials", "bahasa", "lang", "language", "langganan", "subscribe", "berhenti_langganan",
  "unsubscribe", "wilayah", "province", "umumkan", "announce", "pengumuman", "announcements",
  "belumterjawab", "unanswered", "batal", "cancel", "nosuchcommand",
];
// Not /statistik nor /muatulang: for staff they draw a chart or read the knowledge file again
// (hundreds of milliseconds each), which would make the suite slow and tells nothing about odd input.
const START_PAYLOADS = fc.oneof(
  fc.constantFrom(
    "",
    "r_p_papua",
    "r_pr_coffee",
    "r_x",
    "q_",
    "sulsel",
    "q_cGFwdWE",
    "__proto__",
    "constructor",
  ),
  query.map((q) => `q_${Buffer.from(q).toString("base64url").slice(0, 62)}`),
  fc.string({ unit: "binary", maxLength: 64 }),
);

/** A command with arguments (`/wilayah papua`, `/start@TanyaIkmBot q_…`, `/start@OtherBot`). */
const command = fc
  .tuple(
    fc.constantFrom(...COMMANDS),
    fc.constantFrom("", `@${OFFLINE_BOT_INFO.username}`, "@OtherBot"),
    START_PAYLOADS,
  )
  .map(([name, at, args]) => {
    const head = `/${name}${at}`;
    const t = args ? `${head} ${args}` : head;
    return {
      text: t.slice(0, MAX_TEXT),
      entities: [{ type: "bot_command", offset: 0, length: head.length }],
    };
  });

const MEDIA: Array<Record<string, unknown>> = [
  { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
  {
    sticker: {
      file_id: "s",
      file_unique_id: "s",
      type: "regular",
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
    },
  },
  { document: { file_id: "d", file_unique_id: "d" } },
  { voice: { file_id: "v", file_unique_id: "v", duration: 1 } },
  { location: { latitude: -2.5, longitude: 140.7 } },
  { contact: { phone_number: "+62", first_name: "X" } },
  { dice: { emoji: "🎲", value: 3 } },
  {
    poll: {
      id: "1",
      question: "?",
      options: [],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: "regular",
      allows_multiple_answers: false,
    },
  },
];
const SERVICE: Array<Record<string, unknown>> = [
  { message_auto_delete_timer_changed: { message_auto_delete_time: 86_400 } },
  { pinned_message: { message_id: 1, date: 1, chat: CHATS.group, text: "x" } },
  { new_chat_members: [OFFLINE_BOT_INFO, PEOPLE.person] },
  { left_chat_member: OFFLINE_BOT_INFO },
  { new_chat_title: "Baru" },
  { group_chat_created: true },
  { migrate_to_chat_id: -1004002 },
  { migrate_from_chat_id: -4002 },
  { write_access_allowed: { from_request: true } },
  { video_chat_started: {} },
];

/** What a message holds: text (most often), a command, media with a caption, or a service message. */
const messageBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 6, arbitrary: formatted },
  {
    weight: 1,
    arbitrary: formatted.map((f) => ({
      text: `@${OFFLINE_BOT_INFO.username} ${f.text}`,
      entities: [{ type: "mention", offset: 0, length: 12 }, ...f.entities],
    })),
  },
  { weight: 3, arbitrary: command },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...MEDIA), formatted)
      .map(([m, f]) => ({ ...m, caption: f.text.slice(0, 1024), caption_entities: f.entities })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...SERVICE) },
);

function chatOf(kind: string, from: { id: number; first_name: string }) {
  return kind === "private"
    ? { id: from.id, type: "private", first_name: from.first_name }
    : CHATS[kind as "group"];
}

/** An update of one of the kinds the bot asks for (`ALLOWED_UPDATES`), without its `update_id`. */
export const update: fc.Arbitrary<Omit<Update, "update_id">> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        from: person,
        kind: chatKind,
        body: messageBody,
        replyToBot: fc.boolean(),
        id: fc.nat(1_000_000),
      })
      .map(({ from, kind, body, replyToBot, id }) => {
        const chat = chatOf(kind, from);
        const reply = replyToBot
          ? { reply_to_message: { message_id: 1, date: 1, chat, from: OFFLINE_BOT_INFO, text: "…" } }
          : {};
        return { message: { message_id: id, date: 1, chat, from, ...reply, ...body } };
      }),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ from: person, kind: chatKind, data: callbackData, inline: fc.boolean() })
      .map(({ from, kind, data, inline }) => ({
        callback_query: {
          id: "cb",
          from,
          chat_instance: "1",
          data,
          ...(inline
            ? { inline_message_id: "inline-1" }
            : {
                message: {
                  message_id: 9,
                  date: 1,
                  chat: chatOf(kind, from),
                  from: OFFLINE_BOT_INFO,
                  text: "…",
                },
              }),
        },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        from: person,
        q: query,
        offset: fc.oneof(fc.constantFrom("", "50", "9999", "-1", "1e3"), piece),
      })
      .map(({ from, q, offset }) => ({
        inline_query: { id: "iq", from, query: q, offset, chat_type: "sender" },
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        from: person,
        kind: fc.constantFrom("group", "supergroup", "channel", "private"),
        before: fc.constantFrom("left", "kicked", "member", "administrator", "restricted", "creator"),
        after: fc.constantFrom("left", "kicked", "member", "administrator", "restricted", "creator"),
      })
      .map(({ from, kind, before, after }) => {
        const member = (status: string) => ({
          user: OFFLINE_BOT_INFO,
          status,
          until_date: 0,
          is_member: true,
        });
        const chat = kind === "private" ? chatOf(kind, from) : CHATS[kind as "group"];
        return {
          my_chat_member: {
            chat,
            from,
            date: 1,
            old_chat_member: member(before),
            new_chat_member: member(after),
          },
        };
      }),
  },
) as fc.Arbitrary<Omit<Update, "update_id">>;

// ── Flows ────────────────────────────────────────────────────────────────────

const staffChat = { id: PEOPLE.staff.id, type: "private", first_name: PEOPLE.staff.first_name };
const staffSays = (body: Record<string, unknown>) => ({
  message: { message_id: 1, date: 1, chat: staffChat, from: PEOPLE.staff, ...body },
});
const staffTaps = (data: string) => ({
  callback_query: {
    id: "cb",
    from: PEOPLE.staff,
    chat_instance: "1",
    data,
    message: { message_id: 9, date: 1, chat: staffChat, from: OFFLINE_BOT_INFO, text: "…" },
  },
});

/**
 * A staff member writing an announcement with an odd text and odd formatting, as far as the
 * preview (where the formatting becomes HTML) and sometimes a schedule typed by hand. Buttons
 * carry their draft's id, which only the bot knows: taps say `an:DRAFT:…`, and the recording
 * bot puts in the id of the draft it last showed buttons for.
 */
export const staffDraft: fc.Arbitrary<Array<Omit<Update, "update_id">>> = fc
  .record({
    first: formatted,
    second: fc.option(formatted, { nil: undefined }),
    lang: fc.constantFrom("id", "en"),
    audience: fc.constantFrom("all", "id", "en", "prov"),
    last: fc.constantFrom("go", "sch", "pin", "x"),
    when: messageText,
    cancel: fc.boolean(),
  })
  .map(({ first, second, lang, audience, last, when, cancel }) => [
    staffSays({ text: "/umumkan", entities: [{ type: "bot_command", offset: 0, length: 8 }] }),
    staffSays(first),
    staffTaps(`an:DRAFT:l:${lang}`),
    second ? staffSays(second) : staffTaps("an:DRAFT:skip"),
    staffTaps(`an:DRAFT:a:${audience}`),
    ...(audience === "prov" ? [staffTaps("an:DRAFT:p:papua"), staffTaps("an:DRAFT:pn")] : []),
    staffTaps(`an:DRAFT:${last}`),
    ...(last === "sch" ? [staffSays({ text: when })] : []),
    ...(cancel
      ? [staffSays({ text: "/batal", entities: [{ type: "bot_command", offset: 0, length: 6 }] })]
      : []),
  ]) as fc.Arbitrary<Array<Omit<Update, "update_id">>>;

/** A group admin setting the group's provinces and language with odd words. */
export const adminCommand: fc.Arbitrary<Omit<Update, "update_id">> = fc
  .tuple(fc.constantFrom("wilayah", "province", "langganan", "berhenti_langganan", "bahasa"), query)
  .map(([name, args]) => {
    const head = `/${name}`;
    const chat = CHATS.supergroup;
    const body = {
      text: `${head} ${args}`,
      entities: [{ type: "bot_command", offset: 0, length: head.length }],
    };
    return { message: { message_id: 2, date: 1, chat, from: PEOPLE.groupAdmin, ...body } };
  }) as fc.Arbitrary<Omit<Update, "update_id">>;
