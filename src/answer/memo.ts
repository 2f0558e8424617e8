import { KeptValues } from "./kept.ts";
import { MAX_QUESTION_CHARS } from "./normalise.ts";
import type { Previous } from "./previous.ts";
import type { AskOptions, Reply } from "./reply.ts";

/** The most replies kept; the least lately asked go first. */
const MAX_REPLIES = 1000;

/**
 * Replies already given, by everything that decides one: the message as sent, the language asked
 * for or assumed, and the chat's context. People ask the same things again and again ("produk
 * sulsel apa?", a question an announcement sets many people asking), and reading a message is most
 * of the cost of answering it; a reply depends on nothing else, so a kept one is the same reply.
 *
 * A context is told apart by identity: a kept reply hands the chat the same `previous` each time,
 * so a follow-up after a kept answer ("kalau Jatim?") is found again too. Kept replies are frozen:
 * every chat that gets one shares it.
 */
export class ReplyMemo {
  readonly #replies: KeptValues<Reply>;
  readonly #contextIds = new WeakMap<Previous, number>();
  #lastContextId = 0;
  #hits = 0;
  #asked = 0;

  constructor(private readonly max = MAX_REPLIES) {
    this.#replies = new KeptValues(max);
  }

  /** The reply to `question` in these circumstances: the one kept, or `answer()`'s, kept for next time. */
  reply(question: string, options: AskOptions, answer: () => Reply): Reply {
    this.#asked++;
    // A long message is seldom sent twice: it would only push short ones out.
    if (question.length > MAX_QUESTION_CHARS || this.max === 0) return answer();
    const key = `${options.lang ?? ""} ${options.defaultLang ?? ""} ${this.#contextId(options.previous)} ${question}`;
    // (Asked again, it moves to the back of the queue, the last to go.)
    const kept = this.#replies.get(key);
    if (kept) {
      this.#hits++;
      return kept;
    }
    const fresh = frozen(answer());
    this.#replies.set(key, fresh);
    return fresh;
  }

  /** How many messages were asked, and how many of them were answered with a kept reply. */
  get counts(): { asked: number; kept: number } {
    return { asked: this.#asked, kept: this.#hits };
  }

  #contextId(previous: Previous | undefined): number {
    if (!previous) return 0;
    let id = this.#contextIds.get(previous);
    if (id === undefined) {
      id = ++this.#lastContextId;
      this.#contextIds.set(previous, id);
    }
    return id;
  }
}

/**
 * `reply`, its lists and its context, frozen (not the subjects they point to: the knowledge's own):
 * a change by one chat would reach every other.
 */
function frozen(reply: Reply): Reply {
  const { previous, guess } = reply;
  for (const value of [...Object.values(reply), ...Object.values(previous ?? {})])
    if (Array.isArray(value)) Object.freeze(value);
  for (const record of [guess, previous]) if (record) Object.freeze(record);
  return Object.freeze(reply);
}
