import { z } from "zod";

/** pino's level names, plus `silent` to turn logging off. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The checked configuration the rest of the bot reads; built once, at start, by `loadConfig`. */
export interface Config {
  botToken: string;
  /** Origin of the Bot API server, without a trailing slash. */
  telegramApiRoot: string;
  databasePath: string;
  adminIds: readonly number[];
  /** The staff group that questions the bot cannot answer are forwarded to; `undefined`: none. */
  staffChatId: number | undefined;
  /** Set when the bot should receive updates by webhook instead of long polling. */
  webhook: { url: string; secret: string } | undefined;
  port: number | undefined;
  logLevel: LogLevel;
  knowledgePath: string;
  timezone: string;
  unansweredRetentionDays: number;
}

const DEFAULT_KNOWLEDGE_PATH = "knowledge/programme.yaml";

/** One environment variable, as documented in the README and `.env.example`. */
export interface EnvVar {
  name: string;
  required: boolean;
  default: string | undefined;
  description: string;
}

/** Every environment variable the bot reads, in the order `.env.example` lists them. */
export const ENV_VARS: readonly EnvVar[] = [
  {
    name: "BOT_TOKEN",
    required: true,
    default: undefined,
    description: "Bot token from @BotFather (send /newbot).",
  },
  {
    name: "TELEGRAM_API_ROOT",
    required: false,
    default: "https://api.telegram.org",
    description: "Origin of the Bot API server; change it for a local Bot API server or tests.",
  },
  {
    name: "DATABASE_PATH",
    required: false,
    default: "./data/bot.sqlite",
    description: "SQLite file for user and group settings; its folder is created when missing.",
  },
  {
    name: "ADMIN_IDS",
    required: false,
    default: "",
    description:
      "Telegram user ids of programme staff (staff commands), separated by commas or spaces; send /id to the bot to learn yours.",
  },
  {
    name: "STAFF_CHAT_ID",
    required: false,
    default: undefined,
    description:
      "Id of the staff group (a negative number) where staff answer the questions the bot cannot; leave empty for none.",
  },
  {
    name: "WEBHOOK_URL",
    required: false,
    default: undefined,
    description: "Public https URL for webhook mode; leave empty to use long polling.",
  },
  {
    name: "WEBHOOK_SECRET",
    required: false,
    default: undefined,
    description:
      "Required with WEBHOOK_URL: 1-256 characters of A-Z a-z 0-9 _ - (e.g. openssl rand -hex 32).",
  },
  {
    name: "PORT",
    required: false,
    default: undefined,
    description:
      "Port of the HTTP server: the webhook in webhook mode, and GET /healthz in both modes (1-65535).",
  },
  {
    name: "LOG_LEVEL",
    required: false,
    default: "info",
    description: `Log level: ${LOG_LEVELS.join(", ")}.`,
  },
  {
    name: "KNOWLEDGE_PATH",
    required: false,
    default: DEFAULT_KNOWLEDGE_PATH,
    description: "The knowledge file the answers come from.",
  },
  {
    name: "TIMEZONE",
    required: false,
    default: "Asia/Jakarta",
    description: "IANA time zone for dates shown to users.",
  },
  {
    name: "UNANSWERED_RETENTION_DAYS",
    required: false,
    default: "90",
    description: "Days the anonymous question log (unanswered questions and statistics) is kept.",
  },
];

/** Every message `loadConfig` can fail with, so tests and docs can check against them. */
export const CONFIG_MESSAGES = {
  tokenMissing:
    "BOT_TOKEN is missing. Talk to @BotFather in Telegram, send /newbot, and put the token in .env as BOT_TOKEN=...",
  envFileMissing: (file: string) =>
    `There is no ${file} and BOT_TOKEN is not set. Copy the example (cp .env.example .env), ` +
    "then put the token from @BotFather (send /newbot) in it as BOT_TOKEN=...",
  // Never include the value: a half-pasted token is still a secret.
  tokenMalformed:
    "BOT_TOKEN does not look like a bot token (digits, a colon, then letters, digits, _ or -). " +
    "Copy it again from @BotFather and check .env for quotes, spaces or a missing part.",
  apiRootInvalid:
    "TELEGRAM_API_ROOT must be an http:// or https:// origin without a path, e.g. http://localhost:8081.",
  adminIdInvalid: (entry: string) =>
    `ADMIN_IDS contains "${entry}", which is not a Telegram user id (a positive whole number). ` +
    "Separate ids with commas or spaces, e.g. ADMIN_IDS=123456789,987654321.",
  staffChatIdInvalid: (value: string) =>
    `STAFF_CHAT_ID is "${value}", which is not a group's id (a negative whole number such as -1001234567890). ` +
    "Add the bot to the staff group: its log then says 'added to a group' with the group's id.",
  webhookUrlInvalid:
    "WEBHOOK_URL must be an https:// URL without a query string (Telegram delivers webhooks only over HTTPS), " +
    "e.g. https://bot.example.org/telegram. Leave it empty to use long polling.",
  webhookSecretMissing:
    "WEBHOOK_SECRET is required when WEBHOOK_URL is set. Choose 1-256 characters of A-Z a-z 0-9 _ -, " +
    "e.g. the output of `openssl rand -hex 32`.",
  webhookSecretInvalid:
    "WEBHOOK_SECRET may only hold 1-256 characters of A-Z a-z 0-9 _ - (Telegram's rule for secret_token).",
  portInvalid: "PORT must be a whole number from 1 to 65535.",
  logLevelInvalid: `LOG_LEVEL must be one of: ${LOG_LEVELS.join(", ")}.`,
  timezoneInvalid: (zone: string) =>
    `TIMEZONE "${zone}" is not a known IANA time zone; use a name such as Asia/Jakarta.`,
  retentionInvalid: "UNANSWERED_RETENTION_DAYS must be a positive whole number of days, e.g. 90.",
} as const;

/** Thrown by `loadConfig`; the message lists every problem with a way to fix it. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(
      `Configuration problem${problems.length === 1 ? "" : "s"} (check .env):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

const TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]{20,}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;
const WHOLE_NUMBER = /^\d+$/;

/** An unset variable and one left empty (as copied from `.env.example`) mean the same. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === ""
    ? undefined
    : typeof value === "string"
      ? value.trim()
      : value;

/** A variable that may be empty; `schema` receives the trimmed value or `undefined`. */
const env = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

const parseUrl = (value: string): URL | undefined => {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
};

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string()
    .regex(WHOLE_NUMBER, { error: message })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: message });

const schema = z
  .object({
    BOT_TOKEN: env(
      z.string({ error: CONFIG_MESSAGES.tokenMissing }).regex(TOKEN_PATTERN, {
        error: CONFIG_MESSAGES.tokenMalformed,
      }),
    ),
    TELEGRAM_API_ROOT: env(
      z
        .string()
        .default("https://api.telegram.org")
        .transform((value, ctx) => {
          const url = parseUrl(value);
          // Telegraf resolves `./bot<token>/<method>` against this, so a path would be silently dropped.
          if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
            ctx.issues.push({ code: "custom", message: CONFIG_MESSAGES.apiRootInvalid, input: value });
            return z.NEVER;
          }
          return url.origin;
        }),
    ),
    DATABASE_PATH: env(z.string().default("./data/bot.sqlite")),
    ADMIN_IDS: env(
      z
        .string()
        .default("")
        .transform((value, ctx) => {
          const ids: number[] = [];
          for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
            const id = Number(entry);
            if (!WHOLE_NUMBER.test(entry) || !Number.isSafeInteger(id) || id === 0) {
              ctx.issues.push({
                code: "custom",
                message: CONFIG_MESSAGES.adminIdInvalid(entry),
                input: entry,
              });
            } else if (!ids.includes(id)) {
              ids.push(id);
            }
          }
          return ids;
        }),
    ),
    STAFF_CHAT_ID: env(
      z
        .string()
        .refine((value) => /^-\d+$/.test(value) && Number.isSafeInteger(Number(value)), {
          error: (issue) => CONFIG_MESSAGES.staffChatIdInvalid(String(issue.input)),
        })
        .transform(Number)
        .optional(),
    ),
    WEBHOOK_URL: env(
      z
        .string()
        // No query string or fragment: Telegraf matches the webhook by path alone.
        .refine(
          (value) => {
            const url = parseUrl(value);
            return url?.protocol === "https:" && !url.search && !url.hash;
          },
          {
            error: CONFIG_MESSAGES.webhookUrlInvalid,
          },
        )
        .optional(),
    ),
    WEBHOOK_SECRET: env(
      z.string().regex(SECRET_PATTERN, { error: CONFIG_MESSAGES.webhookSecretInvalid }).optional(),
    ),
    PORT: env(wholeNumber(CONFIG_MESSAGES.portInvalid, 1, 65_535).optional()),
    LOG_LEVEL: env(
      z
        .string()
        .default("info")
        .transform((value) => value.toLowerCase())
        .pipe(z.enum(LOG_LEVELS, { error: CONFIG_MESSAGES.logLevelInvalid })),
    ),
    KNOWLEDGE_PATH: env(z.string().default(DEFAULT_KNOWLEDGE_PATH)),
    TIMEZONE: env(
      // Checked only when set: the check starts ICU's date data, some 9 MB the bot otherwise
      // needs only once staff schedule an announcement (the default short-circuits the refine).
      z
        .string()
        .refine(isTimeZone, { error: (issue) => CONFIG_MESSAGES.timezoneInvalid(String(issue.input)) })
        .default("Asia/Jakarta"),
    ),
    UNANSWERED_RETENTION_DAYS: env(
      z
        .string()
        .default("90")
        .pipe(wholeNumber(CONFIG_MESSAGES.retentionInvalid, 1, Number.MAX_SAFE_INTEGER)),
    ),
  })
  .refine((vars) => vars.WEBHOOK_URL === undefined || vars.WEBHOOK_SECRET !== undefined, {
    error: CONFIG_MESSAGES.webhookSecretMissing,
    // Run even when other variables failed, so one start lists every problem.
    when: (payload) => {
      const vars = payload.value as { WEBHOOK_URL?: unknown; WEBHOOK_SECRET?: unknown };
      return vars.WEBHOOK_URL !== undefined;
    },
  });

/** The knowledge file the bot would load: `KNOWLEDGE_PATH`, else the default (for tools without a full config). */
export function knowledgePathFrom(environment: NodeJS.ProcessEnv): string {
  const value = blankToUndefined(environment.KNOWLEDGE_PATH);
  return typeof value === "string" ? value : DEFAULT_KNOWLEDGE_PATH;
}

/**
 * Reads and checks the environment once; throws a `ConfigError` listing every problem found.
 * `envFileMissing` names the `.env` file that was looked for and not found, so a missing token
 * is explained by the missing file.
 */
export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  options: { envFileMissing?: string } = {},
): Config {
  const result = schema.safeParse(environment);
  if (!result.success) {
    const { envFileMissing } = options;
    const messages = result.error.issues.map((issue) =>
      issue.message === CONFIG_MESSAGES.tokenMissing && envFileMissing
        ? CONFIG_MESSAGES.envFileMissing(envFileMissing)
        : issue.message,
    );
    throw new ConfigError([...new Set(messages)]);
  }
  const vars = result.data;
  return {
    botToken: vars.BOT_TOKEN,
    telegramApiRoot: vars.TELEGRAM_API_ROOT,
    databasePath: vars.DATABASE_PATH,
    adminIds: vars.ADMIN_IDS,
    staffChatId: vars.STAFF_CHAT_ID,
    webhook:
      vars.WEBHOOK_URL !== undefined && vars.WEBHOOK_SECRET !== undefined
        ? { url: vars.WEBHOOK_URL, secret: vars.WEBHOOK_SECRET }
        : undefined,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    knowledgePath: vars.KNOWLEDGE_PATH,
    timezone: vars.TIMEZONE,
    unansweredRetentionDays: vars.UNANSWERED_RETENTION_DAYS,
  };
}
