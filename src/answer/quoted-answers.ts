/**
 * A reply that quotes the bot's own answer back: "> Sumatera Utara: tenun ulos di Kabupaten
 * Samosir\nsamosir itu di mana persisnya?", "Tadi kamu bilang sumber dukungan, maksudnya apa?",
 * "You wrote Pasuruan — is that the city or the regency?". What is quoted is what the chat was
 * about, not what is asked or offered for checking; what follows is asked after it, as a follow-up
 * ("okee makasih min" is thanks). Pure.
 */
import { alternatives } from "./letters.ts";
import { MAX_QUESTION_CHARS } from "./normalise.ts";

export interface QuotedAnswer {
  /** The bot's words, quoted. */
  quote: string;
  /** What the message says or asks besides, possibly empty. */
  rest: string;
}

// A line quoted the way chats quote (">" first).
const QUOTE_LINE = /^\s*>+\s?(.*)$/u;
// Where words quoted after a marker without quotation marks end: a line's end, an ellipsis, a
// dash, a comma, or a sentence's end.
const QUOTE_END = /\n|…|\.{3}|\s[—–-]\s|,\s|[.?!](?=\s|$)/u;
// Quotation marks around the quoted words.
const QUOTED = /^\s*[:,]?\s*["“'‘«]([^"”'’»]{1,300})["”'’»]\s*[.,:;—–-]*\s*/u;

/** The markers of the bot's words ("tadi kamu bilang", "you wrote"), as a pattern. */
export function quoteMarkers(markers: readonly string[]): RegExp | undefined {
  if (!markers.length) return undefined;
  const sorted = [...markers].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\d])(?:${alternatives(sorted, "\\s+")})(?![\\p{L}\\d])\\s*[:,]?`, "iu");
}

/** The bot's answer quoted in `message`, and the rest, or `undefined` when it quotes none. */
export function quotedAnswer(message: string, markers: RegExp | undefined): QuotedAnswer | undefined {
  if (message.length > MAX_QUESTION_CHARS) return undefined;
  const lines = message.split("\n");
  const quoted = lines.flatMap((l) => QUOTE_LINE.exec(l)?.[1] ?? []);
  const unquoted = lines
    .filter((l) => !QUOTE_LINE.test(l))
    .join("\n")
    .trim();
  // (A quote and the words after it on one line: up to where the quote ends, when it shows.)
  const [only] = quoted;
  const ends = quoted.length === 1 && !unquoted && only ? QUOTE_END.exec(only) : undefined;
  if (ends && only)
    return { quote: only.slice(0, ends.index), rest: only.slice(ends.index + ends[0].length).trim() };
  if (quoted.length) return { quote: quoted.join(" "), rest: unquoted };
  const marker = markers?.exec(message);
  if (!marker) return undefined;
  const after = message.slice(marker.index + marker[0].length);
  const inMarks = QUOTED.exec(after);
  if (inMarks?.[1]) {
    const rest = `${message.slice(0, marker.index)} ${after.slice(inMarks[0].length)}`;
    return { quote: inMarks[1], rest: rest.trim() };
  }
  const end = QUOTE_END.exec(after);
  const quote = end ? after.slice(0, end.index) : after;
  const rest = `${message.slice(0, marker.index)} ${end ? after.slice(end.index + end[0].length) : ""}`;
  return quote.trim() ? { quote: quote.trim(), rest: rest.trim() } : undefined;
}
