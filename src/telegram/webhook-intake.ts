import type { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../logger.ts";
import type { WebhookRoute } from "../server.ts";
import type { BotContext } from "./context.ts";
import type { Liveness } from "./liveness.ts";

/**
 * What happens to an update Telegram delivers to the webhook: acknowledged at once (Telegram
 * waits for no reply), handled in the background, and ignored when it comes again. Telegram
 * delivers an update again when its request was not answered 2xx in time, so a slow answer must
 * not mean a second reply.
 */

/** Options of {@link WebhookIntake}; every field has a default. */
export interface IntakeOptions {
  /** Updates handled at once; beyond, Telegram's request waits for a free slot. Default 64. */
  maxInFlight?: number;
  /** How long an update id is remembered, in ms. Default 10 minutes. */
  rememberMs?: number;
  /** Most update ids remembered at once; the oldest go first. Default 50,000. */
  maxRemembered?: number;
  now?: () => number;
  /** Told about an update whose handling threw (the bot's error boundary should have caught it). */
  onError?: (err: unknown, updateId: number) => void;
}

const DEFAULTS = Object.freeze({
  maxInFlight: 64,
  rememberMs: 10 * 60_000,
  maxRemembered: 50_000,
  now: () => Date.now(),
  onError: (_err: unknown, _updateId: number) => {},
});

/** Ids seen lately, forgotten after `ttlMs` or when more than `max` are held. */
export class RecentIds {
  // Insertion order is arrival order: the oldest entries are always at the front.
  readonly #seenAt = new Map<number, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers `id`; false when it was already remembered. */
  add(id: number): boolean {
    const t = this.now();
    for (const [old, at] of this.#seenAt) {
      if (t - at <= this.ttlMs && this.#seenAt.size < this.max) break;
      this.#seenAt.delete(old);
    }
    if (this.#seenAt.has(id)) return false;
    this.#seenAt.set(id, t);
    return true;
  }

  get size(): number {
    return this.#seenAt.size;
  }
}

/** Takes the updates the webhook receives and hands each one, once, to `handle`. */
export class WebhookIntake {
  readonly #options: Required<IntakeOptions>;
  readonly #seen: RecentIds;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #waiting: Array<() => void> = [];

  constructor(
    private readonly handle: (update: Record<string, unknown> & { update_id: number }) => Promise<void>,
    options: IntakeOptions = {},
  ) {
    this.#options = { ...DEFAULTS, ...withoutUndefined(options) };
    this.#seen = new RecentIds(this.#options.rememberMs, this.#options.maxRemembered, this.#options.now);
  }

  /**
   * Starts handling `update` unless its id was seen lately; resolves as soon as Telegram may be
   * answered: at once, or when a slot frees while `maxInFlight` updates are being handled.
   */
  async accept(update: Record<string, unknown>): Promise<"accepted" | "repeat"> {
    const id = update.update_id;
    if (typeof id !== "number") throw new TypeError("an update without a numeric update_id");
    if (!this.#seen.add(id)) return "repeat";
    while (this.#inFlight.size >= this.#options.maxInFlight) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    const work = this.handle({ ...update, update_id: id })
      .catch((err: unknown) => this.#options.onError(err, id))
      .finally(() => {
        this.#inFlight.delete(work);
        this.#waiting.shift()?.();
      });
    this.#inFlight.add(work);
    return "accepted";
  }

  /** Updates being handled now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Resolves when every update accepted so far has been handled. */
  async drain(): Promise<void> {
    while (this.#inFlight.size) await Promise.all([...this.#inFlight]);
  }
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The bot's webhook route and what is needed to stop it cleanly. */
export interface BotWebhook {
  route: WebhookRoute;
  /** Resolves when every update taken so far has been handled. */
  drain(): Promise<void>;
}

/**
 * The webhook of `bot` at the path of `url`: updates are acknowledged as soon as they are taken,
 * handled once, and counted as signs of life by `liveness`.
 */
export function botWebhook(
  bot: Telegraf<BotContext>,
  webhook: { url: string; secret: string },
  deps: { logger: Logger; liveness: Liveness; options?: IntakeOptions | undefined },
): BotWebhook {
  const { logger, liveness } = deps;
  const intake = new WebhookIntake((update) => bot.handleUpdate(update as unknown as Update), {
    ...deps.options,
    onError: (err, updateId) => logger.error({ err, updateId }, "an update escaped the error boundary"),
  });
  return {
    route: {
      path: new URL(webhook.url).pathname || "/",
      secret: webhook.secret,
      async accept(update) {
        liveness.received();
        if ((await intake.accept(update)) === "repeat") {
          logger.info({ updateId: update.update_id }, "an update delivered again was ignored");
        }
      },
    },
    drain: () => intake.drain(),
  };
}
