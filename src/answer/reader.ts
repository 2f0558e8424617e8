/**
 * Readings kept: a reply depends on the chat's context, but a message's reading only on its text,
 * and people send the same texts again and again ("produk sulsel apa?"), each in a context of its
 * own. Answering one message also reads it more than once (its language, then its questions).
 * Pure: memory only.
 */
import { KeptValues } from "./kept.ts";
import { MAX_QUESTION_CHARS } from "./normalise.ts";
import { type Reading, readQuestion } from "./read.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** The most readings kept; the least lately read go first. */
const MAX_READINGS = 1000;

/**
 * Reads messages with one vocabulary (a reload of the knowledge makes a new reader), keeping the
 * last readings. A kept reading is shared by every reply that reads the same text: nothing changes
 * a reading once it is made.
 */
export class Reader {
  readonly #kept: KeptValues<Reading>;

  /** `max`: how many to keep; with none, the last one still is, as one answer reads its message again. */
  constructor(
    private readonly vocabulary: Vocabulary,
    max = MAX_READINGS,
  ) {
    this.#kept = new KeptValues(Math.max(max, 1));
  }

  /** `onlyAsked`: the text is asked, never a statement offered for checking (see `read.ts`). */
  read(message: string, onlyAsked = false): Reading {
    // (A long message is seldom sent twice: it would only push short ones out.)
    if (message.length > MAX_QUESTION_CHARS) return readQuestion(message, this.vocabulary, onlyAsked);
    const key = `${onlyAsked ? "1" : "0"}${message}`;
    const kept = this.#kept.get(key);
    if (kept) return kept;
    const reading = readQuestion(message, this.vocabulary, onlyAsked);
    this.#kept.set(key, reading);
    return reading;
  }
}
