/**
 * The Bot API's rules for what the bot sends, checked the way Telegram would refuse a call:
 * Telegram's HTML subset, text lengths after parsing, button data, inline answers, and strings
 * that UTF-8 can carry (no lone surrogates). Used by the fuzz test and the benchmarks'
 * in-process Telegram, which answer calls without a network.
 */

/** Telegram's limits on what one call may carry. */
export const LIMITS = Object.freeze({
  messageText: 4096,
  caption: 1024,
  callbackData: 64,
  callbackAnswer: 200,
  inlineResults: 50,
  inlineResultId: 64,
  startParameter: 64,
});

// Telegram's HTML: these tags (and their attributes), and only four named entities.
const TAGS = new Map<string, RegExp>([
  ["b", /^$/],
  ["strong", /^$/],
  ["i", /^$/],
  ["em", /^$/],
  ["u", /^$/],
  ["ins", /^$/],
  ["s", /^$/],
  ["strike", /^$/],
  ["del", /^$/],
  ["tg-spoiler", /^$/],
  ["span", /^ class="tg-spoiler"$/],
  ["a", /^ href="[^"]*"$/],
  ["tg-emoji", /^ emoji-id="\d+"$/],
  ["code", /^( class="language-[^"]*")?$/],
  ["pre", /^$/],
  ["blockquote", /^( expandable)?$/],
]);
// A tag, an entity, or a special character standing alone (which Telegram refuses).
const MARKUP =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>|&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);|[<>&]/g;

/**
 * The problems Telegram would find in `html` with `parse_mode: "HTML"`, and the text it shows.
 * Nesting Telegram does not support (bold inside code…) is not one: Telegram drops such
 * formatting rather than refuse the message.
 */
export function parseTelegramHtml(html: string): { problems: string[]; text: string } {
  const problems: string[] = [];
  const open: string[] = [];
  let text = "";
  let last = 0;
  for (const m of html.matchAll(MARKUP)) {
    text += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0].length === 1) {
      problems.push(
        `unescaped ${JSON.stringify(m[0])} at ${m.index}: ${JSON.stringify(html.slice(m.index, m.index + 20))}`,
      );
      continue;
    }
    if (m[4] !== undefined) {
      text += "x"; // an entity shows as one character
      continue;
    }
    const [, closing, rawName = "", attributes = ""] = m;
    const name = rawName.toLowerCase();
    const allowed = TAGS.get(name);
    if (!allowed) {
      problems.push(`unsupported tag <${name}>`);
    } else if (closing) {
      if (open.at(-1) === name) open.pop();
      else problems.push(`</${name}> closes ${open.at(-1) ?? "nothing"}`);
    } else if (!allowed.test(attributes)) {
      problems.push(`<${name}> with attributes ${JSON.stringify(attributes)}`);
    } else {
      open.push(name);
    }
  }
  text += html.slice(last);
  if (open.length) problems.push(`left open: ${open.join(", ")}`);
  return { problems, text };
}

/** Whether `text` is valid UTF-16 (no lone surrogate), so that it can travel as UTF-8. */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Every string anywhere in a payload, with where it is. */
function strings(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (typeof value !== "object" || value === null || Buffer.isBuffer(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
}

/** A text sent with or without `parse_mode`: HTML checked, and its visible length. */
function checkText(label: string, text: unknown, parseMode: unknown, max: number, problems: string[]): void {
  if (typeof text !== "string") return;
  const shown = parseMode === "HTML" ? parseTelegramHtml(text) : { problems: [], text };
  problems.push(...shown.problems.map((p) => `${label}: ${p}`));
  if (shown.text.trim() === "" && label !== "caption") problems.push(`${label} is empty`);
  if (shown.text.length > max) problems.push(`${label} is ${shown.text.length} characters (at most ${max})`);
}

interface Button {
  text?: unknown;
  callback_data?: unknown;
}

function checkKeyboard(markup: unknown, problems: string[]): void {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (rows === undefined) return;
  if (!Array.isArray(rows)) return void problems.push("inline_keyboard is not rows");
  for (const button of rows.flat() as Button[]) {
    if (typeof button.text !== "string" || button.text.trim() === "") problems.push("a button without text");
    const data = button.callback_data;
    if (typeof data === "string" && (data === "" || Buffer.byteLength(data) > LIMITS.callbackData)) {
      problems.push(`callback data of ${Buffer.byteLength(data)} bytes`);
    }
  }
}

interface InlineResult {
  id?: unknown;
  title?: unknown;
  reply_markup?: unknown;
  input_message_content?: { message_text?: unknown; parse_mode?: unknown };
}

function checkInlineAnswer(payload: Record<string, unknown>, problems: string[]): void {
  const results = (payload.results ?? []) as InlineResult[];
  if (results.length > LIMITS.inlineResults) problems.push(`${results.length} inline results (at most 50)`);
  const ids = new Set<unknown>();
  for (const result of results) {
    if (
      typeof result.id !== "string" ||
      Buffer.byteLength(result.id) > LIMITS.inlineResultId ||
      ids.has(result.id)
    ) {
      problems.push(`inline result id ${JSON.stringify(result.id)}`);
    }
    ids.add(result.id);
    if (typeof result.title !== "string" || result.title.trim() === "")
      problems.push("an inline result without title");
    const content = result.input_message_content;
    checkText(
      "inline message_text",
      content?.message_text,
      content?.parse_mode,
      LIMITS.messageText,
      problems,
    );
    checkKeyboard(result.reply_markup, problems);
  }
  const button = payload.button as { start_parameter?: unknown } | undefined;
  if (
    button?.start_parameter !== undefined &&
    !/^[A-Za-z0-9_-]{1,64}$/.test(String(button.start_parameter))
  ) {
    problems.push(`start_parameter ${JSON.stringify(button.start_parameter)}`);
  }
}

/** Everything Telegram would refuse in a call of `method` with `payload`; empty when all is well. */
export function problemsOf(method: string, payload: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [path, value] of strings(payload)) {
    if (!isWellFormed(value)) problems.push(`${path} holds a lone surrogate`);
  }
  if (method === "sendMessage" || method === "editMessageText") {
    checkText("text", payload.text ?? "", payload.parse_mode, LIMITS.messageText, problems);
  }
  checkText("caption", payload.caption, payload.parse_mode, LIMITS.caption, problems);
  if (method === "answerCallbackQuery" && typeof payload.text === "string") {
    if (payload.text.length > LIMITS.callbackAnswer)
      problems.push(`callback answer of ${payload.text.length}`);
  }
  if (method === "answerInlineQuery") checkInlineAnswer(payload, problems);
  checkKeyboard(payload.reply_markup, problems);
  return problems;
}
