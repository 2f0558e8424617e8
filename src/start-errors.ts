/**
 * Why the bot could not start, or had to stop taking updates, in one or two plain lines that say
 * what to do. Each row names a situation, how to recognise its error, and its words; an error no
 * row recognises is a bug, logged with its stack by the caller.
 */
import { TelegramError } from "telegraf";
import { ConfigError } from "./config.ts";
import { KnowledgeError } from "./knowledge/problems.ts";
import { DatabaseError } from "./storage/database.ts";

/** What the words may need to know besides the error. */
export interface StartContext {
  /** The Bot API server the bot talks to (TELEGRAM_API_ROOT). */
  apiRoot: string;
}

/** One situation a person can act on. */
export interface StartProblem {
  name: string;
  matches: (err: unknown) => boolean;
  words: (err: unknown, ctx: StartContext) => string;
}

/** How many of a file's problems the start-up message lists (`npm run validate` lists them all). */
const LISTED_PROBLEMS = 5;

// Node's and node-fetch's codes for "no connection to that server", and the bot's own for a server
// that answers, but not as the Bot API does (transport.ts).
const UNREACHABLE =
  /^(ERR_NOT_BOT_API|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO)/;

const telegramCode = (err: unknown) => (err instanceof TelegramError ? err.code : undefined);
const description = (err: unknown) => (err instanceof TelegramError ? err.description : "");

/** Every situation, in the order they are tried. */
export const START_PROBLEMS: readonly StartProblem[] = [
  {
    name: "configuration",
    matches: (err) => err instanceof ConfigError,
    words: (err) => (err as ConfigError).message,
  },
  {
    name: "token rejected",
    matches: (err) => telegramCode(err) === 401,
    words: () =>
      "Telegram rejected the bot token (401 Unauthorized): it was revoked, or it is mistyped in .env.\n" +
      "Get a new one from @BotFather with /token, put it in .env as BOT_TOKEN=..., and start again.",
  },
  {
    name: "not a Bot API",
    matches: (err) => telegramCode(err) === 404,
    words: (_, ctx) =>
      `${ctx.apiRoot} answered 404 Not Found: it is not a Telegram Bot API server, or it does not know this token.\n` +
      "Check TELEGRAM_API_ROOT (leave it empty for Telegram's own server) and BOT_TOKEN in .env.",
  },
  {
    name: "webhook set",
    matches: (err) => telegramCode(err) === 409 && /webhook/i.test(description(err)),
    words: () =>
      "A webhook is set for this bot (409 Conflict), so it cannot poll: another deployment runs it in webhook mode.\n" +
      "Stop that one, then start this one again (it removes the webhook when it starts polling); or set WEBHOOK_URL to run this one by webhook.",
  },
  {
    name: "another instance",
    matches: (err) => telegramCode(err) === 409,
    words: () =>
      "Another program is polling Telegram with this bot token (409 Conflict); only one may.\n" +
      "Stop the other one (another server, terminal or container), or give this one its own bot from @BotFather; then start again.",
  },
  {
    name: "API unreachable",
    matches: (err) =>
      err instanceof Error &&
      (err.name === "FetchError" || err.name === "AbortError" || UNREACHABLE.test(errorCode(err))),
    words: (err, ctx) =>
      `Cannot reach the Telegram Bot API at ${ctx.apiRoot} (${reason(err)}).\n` +
      "Check the network connection and any proxy or firewall, or TELEGRAM_API_ROOT in .env.",
  },
  {
    name: "database",
    matches: (err) => err instanceof DatabaseError,
    words: (err) => (err as DatabaseError).message,
  },
  {
    name: "knowledge or lexicon",
    matches: (err) => err instanceof KnowledgeError,
    words: (err) => {
      const { file, problems } = err as KnowledgeError;
      const lines = (err as KnowledgeError).message.split("\n");
      const more =
        problems.length > LISTED_PROBLEMS ? [`… and ${problems.length - LISTED_PROBLEMS} more`] : [];
      return [
        `${file} cannot be used, so the bot did not start. Fix it (npm run validate lists every problem) and start again:`,
        ...lines.slice(0, LISTED_PROBLEMS).map((line) => `  ${line}`),
        ...more,
      ].join("\n");
    },
  },
];

/** The words for `err`, and the situation's name; `undefined` when no row recognises it (a bug). */
export function explainStartError(
  err: unknown,
  ctx: StartContext,
): { name: string; words: string } | undefined {
  const problem = START_PROBLEMS.find((p) => p.matches(err));
  return problem && { name: problem.name, words: problem.words(err, ctx) };
}

function errorCode(err: Error): string {
  const { code, errno } = err as { code?: unknown; errno?: unknown };
  return String(code ?? errno ?? "");
}

/** "ECONNREFUSED", "no answer in 20 s": why a request did not get through, without its URL (it holds the token). */
function reason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === "AbortError") return "no answer in time";
  if (errorCode(err) === "ERR_NOT_BOT_API") return err.message;
  return errorCode(err) || err.name;
}
