import { Composer } from "telegraf";
import type { InlineQueryResultArticle } from "telegraf/types";
import { provinceSearch } from "../answer/province-search.ts";
import type { BotContext } from "../telegram/context.ts";
import { encodeStartPayload } from "../telegram/deep-link.ts";
import { inlineCard } from "../telegram/inline-cards.ts";

/** Telegram shows at most 50 results an answer; more come a page at a time through `offset`. */
const MAX_INLINE_RESULTS = 50;
// At most this many characters of a query travel in the no-match button's start parameter.
const START_QUERY_CHARS = 46;
/** Seconds Telegram may reuse an answer: short, so a knowledge reload shows soon. */
const INLINE_CACHE_SECONDS = 30;

/** Inline mode: `@bot <words>` in any chat offers province cards to post there. */
export const inline = new Composer<BotContext>();

inline.on("inline_query", async (ctx) => {
  const engine = ctx.deps.engine();
  const { query, offset } = ctx.inlineQuery;
  const { hits, method } = provinceSearch(engine).search(query);
  const start = pageStart(offset);
  const page = hits.slice(start, start + MAX_INLINE_RESULTS);
  const card = { engine, lang: ctx.lang, t: ctx.t, botUsername: ctx.botInfo.username };
  const results: InlineQueryResultArticle[] = [];
  for (const hit of page) {
    const result = inlineCard(hit, card);
    if (result) results.push(result);
  }
  const next = start + MAX_INLINE_RESULTS;
  ctx.deps.logger.debug({ method, hits: hits.length, start }, "inline query");
  await ctx.answerInlineQuery(results, {
    // Cards are in the user's language, so they must not be shared with other users.
    is_personal: true,
    cache_time: INLINE_CACHE_SECONDS,
    next_offset: next < hits.length ? String(next) : "",
    // Nothing found: offer the private chat, where the bot answers the same words as a question.
    ...(hits.length === 0 && query.trim()
      ? { button: { text: ctx.t("inline.noMatch"), start_parameter: startParameter(query) } }
      : {}),
  });
});

/**
 * The query as a start parameter. Cut first to what fits (46 bytes become the 62 base64
 * characters after "q_"), so encoding a long query costs no more than a short one.
 */
function startParameter(query: string): string {
  return encodeStartPayload({ query: [...query.trim()].slice(0, START_QUERY_CHARS).join("") });
}

/** The first result of the page asked for: Telegram echoes back the `next_offset` it was given. */
function pageStart(offset: string): number {
  return /^\d{1,4}$/.test(offset) ? Number(offset) : 0;
}
