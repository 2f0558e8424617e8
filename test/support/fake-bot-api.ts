/**
 * A small fake Telegram Bot API server for end-to-end tests.
 *
 * The real Telegraf talks HTTP to it (`new Telegraf(token, { telegram: { apiRoot: fake.apiRoot } })`),
 * so tests exercise the same request building, multipart uploads, error mapping and long polling
 * that production does. The fake records every call, answers with plausible defaults, and can be
 * told to fail or drop the connection for chosen calls (before taking the message, or after), or
 * to answer them late.
 *
 * Optional rate enforcement (`rateLimit`), for the broadcast benchmark: messages beyond Telegram's
 * limits are answered 429 with `retry_after`, as Telegram does.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from "telegraf/types";
import { OFFLINE_BOT_INFO } from "../../src/telegram/offline-identity.ts";

/** A file part of a multipart request (Telegraf sends one when a Buffer, path or stream is attached). */
export interface UploadedFile {
  filename: string;
  size: number;
  bytes: Buffer;
}

/** The error an API call answers with: the same shape as Telegram's `{ ok: false, ... }` body. */
export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** One API call the fake received. */
export interface RecordedCall {
  method: string;
  /** Parsed parameters: JSON body, urlencoded or multipart fields (files as {@link UploadedFile}). */
  params: Record<string, unknown>;
  /** `Date.now()` when the request was received. */
  at: number;
  /** True when the call was not answered `ok: true` (injected failure, dropped, or rejected as invalid). */
  failed?: boolean;
  /**
   * True when the connection was destroyed without an answer: before the call was taken (then it
   * is `failed` too), or after (`dropConnection` with `afterAccepting`: it was delivered).
   */
  dropped?: boolean;
  /** True when the call was held open, never answered (see {@link FakeBotApi.hang}). */
  hung?: boolean;
  /** The error body answered, for failed calls that got an answer. */
  error?: ApiErrorBody;
}

/** Options of {@link FakeBotApi.start}. */
export interface FakeBotApiOptions {
  /** Accept only this token (others get 401). Default: accept any token. */
  token?: string;
  /** Overrides merged into the default `getMe` answer. */
  botInfo?: Partial<UserFromGetMe>;
  /** Cap on a long poll's `timeout`, in seconds, so tests and shutdown stay fast. Default 1. */
  maxPollTimeoutSec?: number;
  /** Reject some requests the real API rejects (empty or too long text, long callback data...). Default true. */
  strict?: boolean;
  /**
   * Enforce Telegram's message limits: a `send*` call that would exceed them is answered 429 with
   * `retry_after`. Counted when a message is accepted, in sliding windows. Default: no limits.
   */
  rateLimit?: {
    global: { count: number; windowMs: number };
    perChat: { count: number; windowMs: number };
  };
}

/** Which later calls a failure applies to. */
export interface FailureOptions {
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** Only calls whose params satisfy this fail. */
  when?: (params: Record<string, unknown>) => boolean;
}

/** Options of {@link FakeBotApi.dropConnection}. */
export interface DropOptions extends FailureOptions {
  /**
   * Take the call first (a message is delivered) and drop the connection before answering, as when
   * the network fails on the way back. Default false: dropped before anything is done.
   */
  afterAccepting?: boolean;
}

/** Answers a method instead of the default; may throw {@link FakeApiError} to answer an error. */
export type Responder = (params: Record<string, unknown>, fake: FakeBotApi) => unknown | Promise<unknown>;

/** Throw from a {@link Responder} to answer `{ ok: false, ... }` with the error's code as HTTP status. */
export class FakeApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(`${body.error_code}: ${body.description}`);
  }
}

/** An update without its `update_id`, which {@link FakeBotApi.pushUpdate} assigns. */
export type UpdateInput = WithOptionalId<Update>;
// Distributes over the union so each kind of update keeps its own fields.
type WithOptionalId<U> = U extends Update ? Omit<U, "update_id"> & { update_id?: number } : never;

/** A chat as the builders accept it: the id is enough, the type follows from its sign. */
export interface ChatInput {
  id: number;
  type?: Chat["type"];
  title?: string;
  username?: string;
  first_name?: string;
}

type MemberStatus = ChatMember["status"];

interface Failure {
  method: string;
  remaining: number;
  when: ((params: Record<string, unknown>) => boolean) | undefined;
  /** The error to answer, or what to do with the connection instead of answering. */
  error: ApiErrorBody | "drop" | "hang";
  /** Drop the connection after taking the call rather than before. */
  afterAccepting: boolean;
}

interface CallWaiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

const DEFAULT_BOT: UserFromGetMe = Object.freeze({ ...OFFLINE_BOT_INFO, id: 424242 });

/** The user the update builders use when no `from` is given. */
export const DEFAULT_USER: User = Object.freeze({
  id: 1001,
  is_bot: false,
  first_name: "Siti",
  username: "siti_test",
  language_code: "id",
});

// Multipart and urlencoded values are all strings; these become numbers again so params look
// the same whichever encoding Telegraf picked.
const NUMERIC_FIELD = /(^|_)id$|^(offset|limit|timeout|cache_time|width|height|duration)$/;

export class FakeBotApi {
  /** Bare origin to pass as Telegraf's `apiRoot`, e.g. `http://127.0.0.1:40123`. */
  readonly apiRoot: string;
  /** What `getMe` answers. */
  readonly botInfo: UserFromGetMe;

  readonly #server: Server;
  readonly #token: string | undefined;
  readonly #maxPollMs: number;
  readonly #strict: boolean;
  #queue: Update[] = [];
  #nextUpdateId = 1;
  #nextMessageId = 1;
  #nextQueryId = 1;
  #calls: RecordedCall[] = [];
  #polls: RecordedCall[] = [];
  #failures: Failure[] = [];
  #waiters = new Set<CallWaiter>();
  #pollWakers = new Set<() => void>();
  #responders = new Map<string, Responder>();
  #answerDelays = new Map<string, (params: Record<string, unknown>) => number>();
  #members = new Map<string, MemberStatus>();
  #chats = new Map<number, Chat>();
  #webhookUrl = "";
  #closed = false;
  readonly #rateLimit: FakeBotApiOptions["rateLimit"];
  #sentTimes: number[] = [];
  #chatSentTimes = new Map<string, number[]>();
  #rateLimited = 0;

  private constructor(server: Server, options: FakeBotApiOptions) {
    this.#server = server;
    this.#token = options.token;
    this.#maxPollMs = (options.maxPollTimeoutSec ?? 1) * 1000;
    this.#strict = options.strict ?? true;
    this.#rateLimit = options.rateLimit;
    this.botInfo = { ...DEFAULT_BOT, ...options.botInfo };
    const { port } = server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
    server.on("request", (req, res) => {
      this.#handle(req, res).catch((err: unknown) => {
        send(res, 500, { ok: false, error_code: 500, description: `Fake Bot API crashed: ${String(err)}` });
      });
    });
  }

  /** Starts a fake on 127.0.0.1 with a random port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return new FakeBotApi(server, options);
  }

  // ── Updates ────────────────────────────────────────────────────────────────

  /** Queues an update for `getUpdates`, numbering it when it has no `update_id`; returns it. */
  pushUpdate(input: UpdateInput): Update {
    const update = { ...input, update_id: input.update_id ?? this.#nextUpdateId } as Update;
    this.#nextUpdateId = Math.max(this.#nextUpdateId, update.update_id + 1);
    this.#queue.push(update);
    for (const wake of [...this.#pollWakers]) wake();
    return update;
  }

  /** Updates queued and not yet confirmed by a `getUpdates` offset. */
  get pendingUpdates(): readonly Update[] {
    return this.#queue;
  }

  /**
   * Pushes a text message from `from` (default {@link DEFAULT_USER}) in `chat` (default: the
   * private chat with that user). Text starting with `/` gets a `bot_command` entity, as Telegram
   * adds one and Telegraf's `bot.command()` relies on it.
   */
  message(opts: {
    text: string;
    chat?: ChatInput;
    from?: User;
    /** The message this one replies to (the bot's, by default, when only its id is known). */
    replyTo?: { message_id: number; from?: User; text?: string };
  }): Update.MessageUpdate<Message.TextMessage> {
    const from = opts.from ?? DEFAULT_USER;
    const chat = this.#chat(opts.chat ?? { id: from.id }, from);
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(opts.text);
    const message: Message.TextMessage = {
      message_id: this.#nextMessageId++,
      date: unixNow(),
      chat,
      from,
      text: opts.text,
      ...(opts.replyTo
        ? {
            reply_to_message: {
              date: unixNow(),
              chat,
              from: this.botInfo,
              text: "…",
              ...opts.replyTo,
            } as unknown as NonNullable<Message.TextMessage["reply_to_message"]>,
          }
        : {}),
      ...(command
        ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] }
        : {}),
    };
    // The cast: typegram splits messages into new/edited/channel variants the literal can't name.
    return this.pushUpdate({ message } as UpdateInput) as Update.MessageUpdate<Message.TextMessage>;
  }

  /**
   * Pushes a callback query (an inline button press) with `data`. The button sits on a bot
   * message `messageId` (default: the last message id handed out) in `chat`.
   */
  callbackQuery(opts: {
    data: string;
    chat?: ChatInput;
    from?: User;
    messageId?: number;
    /** The text and buttons of the message the button sits on, as Telegram sends them back. */
    message?: { text?: string; reply_markup?: Message.TextMessage["reply_markup"] };
  }): Update.CallbackQueryUpdate {
    const from = opts.from ?? DEFAULT_USER;
    const chat = this.#chat(opts.chat ?? { id: from.id }, from);
    const message: Message.TextMessage = {
      message_id: opts.messageId ?? Math.max(1, this.#nextMessageId - 1),
      date: unixNow(),
      chat,
      from: this.botInfo,
      text: "…",
      ...opts.message,
    };
    const callback_query = {
      id: String(this.#nextQueryId++),
      from,
      chat_instance: String(chat.id),
      data: opts.data,
      message,
    };
    return this.pushUpdate({ callback_query }) as Update.CallbackQueryUpdate;
  }

  /** Pushes an inline query (`@TanyaIkmBot <query>` typed in any chat). */
  inlineQuery(opts: { query: string; from?: User; offset?: string }): Update.InlineQueryUpdate {
    const inline_query = {
      id: String(this.#nextQueryId++),
      from: opts.from ?? DEFAULT_USER,
      query: opts.query,
      offset: opts.offset ?? "",
      chat_type: "sender" as const,
    };
    return this.pushUpdate({ inline_query }) as Update.InlineQueryUpdate;
  }

  /**
   * Pushes a `my_chat_member` update: the bot's own status in `chat` changed from `oldStatus`
   * (default 'left') to `newStatus` (default 'member'), e.g. added to a group or blocked ('kicked').
   */
  myChatMember(opts: {
    chat: ChatInput;
    from?: User;
    oldStatus?: MemberStatus;
    newStatus?: MemberStatus;
  }): Update.MyChatMemberUpdate {
    const from = opts.from ?? DEFAULT_USER;
    const member = (status: MemberStatus) => memberOf(this.botInfo, status);
    const my_chat_member = {
      chat: this.#chat(opts.chat, from),
      from,
      date: unixNow(),
      old_chat_member: member(opts.oldStatus ?? "left"),
      new_chat_member: member(opts.newStatus ?? "member"),
    };
    return this.pushUpdate({ my_chat_member } as UpdateInput) as Update.MyChatMemberUpdate;
  }

  // ── Recorded calls ─────────────────────────────────────────────────────────

  /** Calls received (all but `getUpdates`), failed attempts included, optionally of one method. */
  calls(method?: string): RecordedCall[] {
    return method === undefined ? [...this.#calls] : this.#calls.filter((c) => c.method === method);
  }

  /** Calls answered `ok: true`: what actually reached Telegram, retries not counted. */
  delivered(method?: string): RecordedCall[] {
    return this.calls(method).filter((c) => !c.failed);
  }

  /** The `getUpdates` calls, kept apart so polling does not drown the interesting calls. */
  polls(): RecordedCall[] {
    return [...this.#polls];
  }

  /** Forgets recorded calls and polls (not queued updates, failures or settings). */
  clearCalls(): void {
    this.#calls = [];
    this.#polls = [];
  }

  /**
   * Resolves with the first successful call of `method` matching `predicate`, already recorded
   * or still to come; rejects after `timeoutMs` with the list of what was recorded.
   * Failed attempts never match: look at {@link calls} for those.
   */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    const match = (call: RecordedCall) => call.method === method && !call.failed && predicate(call);
    const found = this.#calls.find(match);
    if (found) return Promise.resolve(found);
    if (method === "getUpdates") {
      const poll = this.#polls.find(match);
      if (poll) return Promise.resolve(poll);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new Error(
            `waitFor('${method}') timed out after ${timeoutMs} ms; recorded: ${this.#describeCalls()}`,
          ),
        );
      }, timeoutMs);
      const waiter: CallWaiter = {
        method,
        predicate: match,
        resolve: (call) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(call);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  // ── Behaviour ──────────────────────────────────────────────────────────────

  /**
   * Makes the next matching call(s) of `method` answer `{ ok: false, ...error }` with
   * `error.error_code` as HTTP status, e.g. `{ error_code: 429, description: 'Too Many Requests:
   * retry after 1', parameters: { retry_after: 1 } }`.
   */
  fail(method: string, error: ApiErrorBody, options: FailureOptions = {}): void {
    const { times = 1, when } = options;
    this.#failures.push({ method, remaining: times, when, error, afterAccepting: false });
  }

  /**
   * Makes the next matching call(s) of `method` lose their connection without an answer: before
   * the call is taken, or after (`afterAccepting`: the message is delivered all the same).
   */
  dropConnection(method: string, options: DropOptions = {}): void {
    const { times = 1, when, afterAccepting = false } = options;
    this.#failures.push({ method, remaining: times, when, error: "drop", afterAccepting });
  }

  /**
   * Makes the next matching call(s) of `method` hang: the request is taken and never answered, as
   * when the network holds a connection open, until the client gives up or the fake closes.
   */
  hang(method: string, options: FailureOptions = {}): void {
    const { times = 1, when } = options;
    this.#failures.push({ method, remaining: times, when, error: "hang", afterAccepting: false });
  }

  /**
   * Answers matching calls of `method` late: `delayMs(params)` ms after taking them (0: at once).
   * The call is recorded, and a message delivered, when it arrives.
   */
  answerLate(method: string, delayMs: (params: Record<string, unknown>) => number): void {
    this.#answerDelays.set(method, delayMs);
  }

  /** Answers `method` with `responder` instead of the default. */
  respond(method: string, responder: Responder): void {
    this.#responders.set(method, responder);
  }

  /** Sets what `getChatMember(chatId, userId)` answers (default 'member'). */
  setChatMember(chatId: number, userId: number, status: MemberStatus): void {
    this.#members.set(`${chatId}:${userId}`, status);
  }

  /** Ends pending long polls (empty answer), closes every connection and stops listening. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const wake of [...this.#pollWakers]) wake();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    // Let the answers to the polls just ended reach the client before cutting keep-alive sockets.
    await new Promise((resolve) => setImmediate(resolve));
    this.#server.closeAllConnections();
    await closed;
  }

  // ── HTTP ───────────────────────────────────────────────────────────────────

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method = ""] = route;
    if (this.#token !== undefined && token !== this.#token) {
      return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    let params: Record<string, unknown>;
    try {
      params = { ...decodeFields(url.searchParams), ...(await parseBody(req)) };
    } catch (err) {
      const description = `Bad Request: can't parse request body: ${String(err)}`;
      return send(res, 400, { ok: false, error_code: 400, description });
    }

    const call: RecordedCall = { method, params, at: Date.now() };
    const failure = this.#takeFailure(method, params);
    if (failure && !failure.afterAccepting) {
      call.failed = true;
      if (failure.error === "hang") {
        call.hung = true;
        this.#record(call);
        return;
      }
      if (failure.error === "drop") {
        call.dropped = true;
        this.#record(call);
        req.socket.destroy();
        return;
      }
      call.error = failure.error;
      this.#record(call);
      return send(res, failure.error.error_code, { ok: false, ...failure.error });
    }

    if (method === "getUpdates") return this.#getUpdates(call, res);

    let result: unknown;
    try {
      if (this.#strict) validate(method, params);
      this.#enforceRate(method, params, call.at);
      const responder = this.#responders.get(method);
      // A responder may answer later (a promise), to hold a call in flight.
      result = responder ? await responder(params, this) : this.#defaultResult(method, params);
    } catch (err) {
      if (!(err instanceof FakeApiError)) throw err;
      call.failed = true;
      call.error = err.body;
      this.#record(call);
      return send(res, err.body.error_code, { ok: false, ...err.body });
    }
    this.#record(call);
    if (failure?.afterAccepting) {
      call.dropped = true;
      req.socket.destroy();
      return;
    }
    const delayMs = this.#answerDelays.get(method)?.(params) ?? 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    send(res, 200, { ok: true, result });
  }

  /** Long polling: answer at once when updates are queued, else when one arrives or time is up. */
  #getUpdates(call: RecordedCall, res: ServerResponse): void {
    this.#record(call);
    const { offset, limit, timeout } = call.params;
    if (typeof offset === "number" && offset > 0) {
      this.#queue = this.#queue.filter((u) => u.update_id >= offset);
    } else if (typeof offset === "number" && offset < 0) {
      this.#queue = this.#queue.slice(offset);
    }
    const max = typeof limit === "number" ? Math.min(Math.max(limit, 1), 100) : 100;
    const waitMs = Math.min(typeof timeout === "number" ? timeout * 1000 : 0, this.#maxPollMs);

    const ready = () => this.#queue.length > 0 || this.#closed;
    const answer = () => send(res, 200, { ok: true, result: this.#queue.slice(0, max) });
    if (ready() || waitMs <= 0) {
      answer();
      return;
    }

    const cleanup = () => {
      clearTimeout(timer);
      this.#pollWakers.delete(wake);
    };
    const wake = () => {
      if (!ready()) return;
      cleanup();
      answer();
    };
    const timer = setTimeout(() => {
      cleanup();
      answer();
    }, waitMs);
    this.#pollWakers.add(wake);
    res.on("close", cleanup); // the client went away, e.g. Telegraf aborting its poll on stop()
  }

  /** 429s answered because a message would have exceeded `rateLimit`. */
  get rateLimited(): number {
    return this.#rateLimited;
  }

  /** With `rateLimit`: throws a 429 for a message over the limits, else counts it as sent. */
  #enforceRate(method: string, params: Record<string, unknown>, now: number): void {
    const limit = this.#rateLimit;
    if (!limit || !/^(send(?!ChatAction)|copyMessage|forwardMessage)/.test(method)) return;
    const chatKey = String(params.chat_id);
    const chat = this.#chatSentTimes.get(chatKey) ?? [];
    this.#sentTimes = this.#sentTimes.filter((t) => t > now - limit.global.windowMs);
    const recentInChat = chat.filter((t) => t > now - limit.perChat.windowMs);
    const waits: number[] = [];
    if (this.#sentTimes.length >= limit.global.count) {
      waits.push(
        (this.#sentTimes[this.#sentTimes.length - limit.global.count] ?? now) + limit.global.windowMs - now,
      );
    }
    if (recentInChat.length >= limit.perChat.count) {
      waits.push(
        (recentInChat[recentInChat.length - limit.perChat.count] ?? now) + limit.perChat.windowMs - now,
      );
    }
    if (waits.length) {
      this.#rateLimited++;
      const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      throw new FakeApiError({
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }
    this.#sentTimes.push(now);
    recentInChat.push(now);
    this.#chatSentTimes.set(chatKey, recentInChat);
  }

  #record(call: RecordedCall): void {
    if (call.method === "getUpdates") {
      this.#polls.push(call);
    } else {
      this.#calls.push(call);
    }
    for (const waiter of [...this.#waiters]) {
      if (waiter.method === call.method && waiter.predicate(call)) waiter.resolve(call);
    }
  }

  #takeFailure(method: string, params: Record<string, unknown>): Failure | undefined {
    const failure = this.#failures.find((f) => f.method === method && (f.when?.(params) ?? true));
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.#failures.splice(this.#failures.indexOf(failure), 1);
    return failure;
  }

  #describeCalls(): string {
    if (this.#calls.length === 0) return "(no calls)";
    return this.#calls
      .map((c) => {
        const text =
          typeof c.params.text === "string" ? ` ${JSON.stringify(c.params.text.slice(0, 40))}` : "";
        const status = c.dropped
          ? " [dropped]"
          : c.hung
            ? " [hung]"
            : c.error
              ? ` [${c.error.error_code}]`
              : "";
        return `${c.method}${text}${status}`;
      })
      .join(", ");
  }

  // ── Default answers ────────────────────────────────────────────────────────

  #defaultResult(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "sendMessage":
        return this.#sentMessage(params, { text: params.text });
      case "sendPhoto":
        return this.#sentMessage(params, {
          caption: params.caption,
          photo: [
            {
              file_id: `photo-${this.#nextMessageId}`,
              file_unique_id: `p${this.#nextMessageId}`,
              width: 640,
              height: 480,
              file_size: fileSize(params.photo),
            },
          ],
        });
      case "sendDocument": {
        const file = params.document;
        return this.#sentMessage(params, {
          caption: params.caption,
          document: {
            file_id: `document-${this.#nextMessageId}`,
            file_unique_id: `d${this.#nextMessageId}`,
            file_name: isUpload(file) ? file.filename : undefined,
            file_size: fileSize(file),
          },
        });
      }
      case "editMessageText":
      case "editMessageReplyMarkup":
        // Inline messages (sent via inline mode) are edited by id and answer just `true`.
        if (params.inline_message_id !== undefined) return true;
        return {
          message_id: params.message_id,
          date: unixNow(),
          edit_date: unixNow(),
          chat: this.#chatById(params.chat_id),
          from: this.botInfo,
          text: params.text ?? "…",
          ...inlineMarkup(params.reply_markup),
        };
      case "getWebhookInfo":
        return {
          url: this.#webhookUrl,
          has_custom_certificate: false,
          pending_update_count: this.#queue.length,
        };
      case "setWebhook":
        this.#webhookUrl = typeof params.url === "string" ? params.url : "";
        return true;
      case "deleteWebhook":
        this.#webhookUrl = "";
        if (params.drop_pending_updates === true) this.#queue = [];
        return true;
      case "getChatMember": {
        const status = this.#members.get(`${params.chat_id}:${params.user_id}`) ?? "member";
        const id = Number(params.user_id);
        return memberOf({ id, is_bot: false, first_name: `User ${id}` }, status);
      }
      case "getChat":
        return this.#chatById(params.chat_id);
      default:
        // answerCallbackQuery, answerInlineQuery, setMyCommands, pinChatMessage, sendChatAction,
        // deleteMessage and any method without a better answer.
        return true;
    }
  }

  #sentMessage(params: Record<string, unknown>, content: Record<string, unknown>): Message {
    const message = {
      message_id: this.#nextMessageId++,
      date: unixNow(),
      chat: this.#chatById(params.chat_id),
      from: this.botInfo,
      ...withoutUndefined(content),
      ...inlineMarkup(params.reply_markup),
    };
    return message as unknown as Message;
  }

  /** Completes a builder's chat and remembers it so answers about that chat carry the same object. */
  #chat(input: ChatInput, from: User): Chat {
    const { id, type = chatType(id) } = input;
    const chat = (
      type === "private"
        ? {
            first_name: from.first_name,
            ...(from.username ? { username: from.username } : {}),
            ...input,
            id,
            type,
          }
        : { title: type === "channel" ? "Channel" : "Group", ...input, id, type }
    ) as Chat;
    this.#chats.set(id, chat);
    return chat;
  }

  #chatById(chatId: unknown): Chat {
    if (typeof chatId === "string" && chatId.startsWith("@")) {
      return { id: -1001000000000, type: "channel", title: chatId.slice(1), username: chatId.slice(1) };
    }
    const id = Number(chatId);
    const known = this.#chats.get(id);
    if (known) return known;
    const type = chatType(id);
    return (
      type === "private" ? { id, type, first_name: `User ${id}` } : { id, type, title: "Group" }
    ) as Chat;
  }
}

// ── Helpers ──────────────────────────────────────────────────────────────────

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function parseBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("application/json")) return JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return decodeFields(new URLSearchParams(raw.toString("utf8")));
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const params: Record<string, unknown> = {};
    const strings: [string, string][] = [];
    for (const [key, value] of form) {
      if (typeof value === "string") {
        strings.push([key, value]);
      } else {
        const bytes = Buffer.from(await value.arrayBuffer());
        params[key] = { filename: value.name, size: bytes.length, bytes } satisfies UploadedFile;
      }
    }
    // Telegraf repeats the method as a form field; the URL already names it.
    return { ...decodeFields(strings.filter(([key]) => key !== "method")), ...params };
  }
  throw new Error(`unsupported content-type '${type}'`);
}

/** String fields to values: JSON objects/arrays parsed (reply_markup, results...), ids as numbers. */
function decodeFields(fields: Iterable<[string, string]>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    params[key] = decodeField(key, value);
  }
  return params;
}

function decodeField(key: string, value: string): unknown {
  if (/^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (NUMERIC_FIELD.test(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === "true" || value === "false") return value === "true";
  return value;
}

/** The checks of the real API that catch bugs worth catching in tests. */
function validate(method: string, params: Record<string, unknown>): void {
  const bad = (description: string) =>
    new FakeApiError({ error_code: 400, description: `Bad Request: ${description}` });
  if (method.startsWith("send") && method !== "sendChatAction" && params.chat_id === undefined) {
    throw bad("chat_id is empty");
  }
  if (method === "sendMessage" || method === "editMessageText") {
    const text = params.text;
    if (typeof text !== "string" || text.trim() === "") throw bad("message text is empty");
    if (text.length > 4096) throw bad("message is too long");
  }
  if (typeof params.caption === "string" && params.caption.length > 1024) {
    throw bad("message caption is too long");
  }
  if (method === "answerCallbackQuery" && typeof params.text === "string" && params.text.length > 200) {
    throw bad("MESSAGE_TOO_LONG");
  }
  if (method === "answerInlineQuery" && Array.isArray(params.results) && params.results.length > 50) {
    throw bad("RESULTS_TOO_MUCH");
  }
  const markup = params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) {
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) {
        throw bad("BUTTON_DATA_INVALID");
      }
    }
  }
}

function chatType(id: number): Chat["type"] {
  if (id > 0) return "private";
  return String(id).startsWith("-100") ? "supergroup" : "group";
}

function memberOf(user: User, status: MemberStatus): ChatMember {
  switch (status) {
    case "creator":
      return { user, status, is_anonymous: false };
    case "administrator":
      return {
        user,
        status,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: false,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
      };
    case "kicked":
      return { user, status, until_date: 0 };
    case "restricted":
      return { user, status, until_date: 0, is_member: true } as ChatMember;
    default:
      return { user, status };
  }
}

/** Telegram echoes inline keyboards in the sent message, not reply keyboards. */
function inlineMarkup(markup: unknown): { reply_markup?: unknown } {
  return typeof markup === "object" && markup !== null && "inline_keyboard" in markup
    ? { reply_markup: markup }
    : {};
}

function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

function fileSize(value: unknown): number | undefined {
  return isUpload(value) ? value.size : undefined;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
