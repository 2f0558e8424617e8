import type { InlineQueryResultArticle, InputTextMessageContent, User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { AnswerEngine } from "../../src/answer/engine.ts";
import { loadEngine } from "../../src/answer/load.ts";
import { type App, startApp } from "../../src/app.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { copyKnowledge, setup, tempDir, testConfig, testEngine } from "../support/app.ts";
import { DEFAULT_USER, FakeBotApi, type RecordedCall } from "../support/fake-bot-api.ts";

interface Running {
  fake: FakeBotApi;
  app: App;
  close(): Promise<void>;
}
let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const EN_USER: User = { ...DEFAULT_USER, id: 2002, first_name: "Ann", language_code: "en" };
const BOT_LINK = /^https:\/\/t\.me\/TanyaIkmBot\?start=([A-Za-z0-9_-]{1,64})$/;

/** The bot over the real knowledge, as `npm start` runs it, against the fake Bot API. */
async function start(): Promise<Running> {
  const s = await setup();
  running = { fake: s.fake, app: s.app, close: () => s.close() };
  return running;
}

/** The bot over another engine (bigger knowledge, or knowledge with markup in it). */
async function startWith(engine: AnswerEngine): Promise<Running> {
  const fake = await FakeBotApi.start();
  const { dir, cleanup } = tempDir();
  const app = await startApp(testConfig(fake, dir), { logger: silentLogger, engine, host: "127.0.0.1" });
  running = {
    fake,
    app,
    async close() {
      await app.stop("test over");
      await fake.close();
      cleanup();
    },
  };
  return running;
}

/** Types `@TanyaIkmBot <query>` and returns the answer that reached the fake Bot API. */
async function inline(r: Running, query: string, opts: { from?: User; offset?: string } = {}) {
  const update = r.fake.inlineQuery({ query, ...opts });
  const call = await r.fake.waitFor(
    "answerInlineQuery",
    (c) => c.params.inline_query_id === update.inline_query.id,
  );
  return { call, results: results(call) };
}

function results(call: RecordedCall): InlineQueryResultArticle[] {
  return call.params.results as InlineQueryResultArticle[];
}

const message = (card: InlineQueryResultArticle | undefined) =>
  (card?.input_message_content as InputTextMessageContent | undefined)?.message_text ?? "";
const button = (card: InlineQueryResultArticle | undefined) => card?.reply_markup?.inline_keyboard[0]?.[0];
const url = (card: InlineQueryResultArticle | undefined) => {
  const b = button(card);
  return b && "url" in b ? b.url : "";
};

/** Sends `/start <parameter>` in the private chat and returns the bot's answer. */
async function deepLink(r: Running, parameter: string, from: User = DEFAULT_USER): Promise<string> {
  const seen = r.fake.delivered("sendMessage").length;
  r.fake.message({ text: `/start ${parameter}`, from });
  const call = await r.fake.waitFor(
    "sendMessage",
    (c) => c.params.chat_id === from.id && r.fake.delivered("sendMessage").indexOf(c) >= seen,
  );
  return String(call.params.text);
}

/** Every result satisfies Telegram's rules: unique ids of 1–64 bytes, HTML messages, at most 50. */
function expectValid(list: InlineQueryResultArticle[]): void {
  expect(list.length).toBeLessThanOrEqual(50);
  expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
  for (const card of list) {
    expect(card.type).toBe("article");
    expect(Buffer.byteLength(card.id)).toBeGreaterThan(0);
    expect(Buffer.byteLength(card.id)).toBeLessThanOrEqual(64);
    expect(card.title.length).toBeGreaterThan(0);
    expect(card.input_message_content).toMatchObject({ parse_mode: "HTML" });
    expect(message(card).length).toBeLessThanOrEqual(4096);
    expect(url(card)).toMatch(/^https:\/\/t\.me\/TanyaIkmBot(\?start=[A-Za-z0-9_-]{1,64})?$/);
  }
}

describe("looking a province up inline", () => {
  it("finds South Sulawesi by its abbreviation, as a personal, briefly cached card", async () => {
    const r = await start();
    const { call, results: cards } = await inline(r, "sulsel");
    expectValid(cards);
    expect(call.params.is_personal).toBe(true);
    expect(call.params.cache_time).toBeGreaterThan(0);
    expect(call.params.cache_time).toBeLessThanOrEqual(60);
    expect(call.params.button).toBeUndefined();
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(card?.title).toBe("Sulawesi Selatan — Kerajinan perak dan emas");
    expect(card?.description).toBe("Makassar · menyatakan siap bergabung pada 2017");
    expect(message(card)).toContain("Sulawesi Selatan: kerajinan perak dan emas di Makassar");
    expect(message(card)).toContain("menyatakan siap bergabung pada 2017");
    expect(message(card)).toMatch(/\n\n<i>Sumber: Bisnis\.com \(25 Desember 2017\)<\/i>$/);
    expect(button(card)?.text).toBe("Tanya lebih lanjut ke Tanya IKM");
    expect(url(card)).toMatch(BOT_LINK);
  });

  it("answers an English-speaking user in English: 'south sulawesi'", async () => {
    const r = await start();
    const { results: cards } = await inline(r, "south sulawesi", { from: EN_USER });
    expectValid(cards);
    expect(cards.map((c) => c.title)).toEqual(["South Sulawesi — Silver and gold crafts"]);
    expect(cards[0]?.description).toBe("Makassar · declared ready to join in 2017");
    expect(message(cards[0])).toContain("South Sulawesi: silver and gold crafts in Makassar");
    expect(message(cards[0])).toContain("<i>Source: Bisnis.com (25 December 2017)</i>");
    expect(button(cards[0])?.text).toBe("Ask Tanya IKM more");
  });

  it("prefers the language the user chose over Telegram's language_code", async () => {
    const r = await start();
    r.app.deps.users.setLanguage(EN_USER.id, "id");
    const { results: cards } = await inline(r, "south sulawesi", { from: EN_USER });
    expect(cards[0]?.title).toBe("Sulawesi Selatan — Kerajinan perak dan emas");
  });

  it("finds coffee in Papua by product, with the note that Dogiyai is now in Papua Tengah", async () => {
    const r = await start();
    const { results: cards } = await inline(r, "kopi");
    expectValid(cards);
    expect(cards.map((c) => c.title)).toEqual(["Papua — Pengolahan kopi"]);
    expect(cards[0]?.description).toBe("Kabupaten Dogiyai · menyatakan siap bergabung pada 2017");
    expect(message(cards[0])).toContain("Kabupaten Dogiyai masuk Provinsi Papua Tengah");
  });

  it("shows both of Jawa Timur's entries: 2013 footwear and 2017 ship components", async () => {
    const r = await start();
    const { results: cards } = await inline(r, "jatim");
    expectValid(cards);
    expect(cards.map((c) => c.title)).toEqual([
      "Jawa Timur — Alas kaki",
      "Jawa Timur — Industri komponen kapal dan pengecoran logam",
    ]);
    expect(cards.map((c) => c.description)).toEqual([
      "Kota Mojokerto · tahap pertama, sejak 2013",
      "Kota Pasuruan · menyatakan siap bergabung pada 2017",
    ]);
  });

  it("lists every programme entry for an empty query", async () => {
    const r = await start();
    const { call, results: cards } = await inline(r, "");
    expectValid(cards);
    const provinces = r.app.deps.engine().knowledge.provinces;
    const entries = provinces.reduce((n, p) => n + p.entries.length, 0);
    expect(cards).toHaveLength(entries);
    for (const p of provinces) expect(cards.some((c) => c.title.startsWith(`${p.name.id} — `))).toBe(true);
    expect(call.params.next_offset ?? "").toBe("");
  });

  it("gives one card saying that Aceh is not in the programme", async () => {
    const r = await start();
    const { results: cards } = await inline(r, "aceh");
    expectValid(cards);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.title).toBe("Aceh — bukan provinsi program");
    expect(cards[0]?.description).toBe("Aceh tidak termasuk program ini menurut sumber.");
    expect(message(cards[0])).toContain("Provinsi program: Sumatera Utara");
  });

  it("offers the private chat above no results for 'zzzz', and the bot answers it there", async () => {
    const r = await start();
    const { call, results: cards } = await inline(r, "zzzz");
    expect(cards).toEqual([]);
    const offer = call.params.button as { text: string; start_parameter: string };
    expect(offer.text).toBe("Tidak ketemu — tanyakan di chat pribadi");
    expect(offer.start_parameter).toMatch(/^q_[A-Za-z0-9_-]{1,62}$/);
    expect(Buffer.from(offer.start_parameter.slice(2), "base64url").toString()).toBe("zzzz");
    const answer = await deepLink(r, offer.start_parameter);
    expect(answer).toBe(r.app.deps.engine().ask("zzzz", { defaultLang: "id" }).text);
  });

  it("sends a question about something else to the chat, which answers it: 'kriteria'", async () => {
    const r = await start();
    const { call, results: cards } = await inline(r, "kriteria");
    expect(cards).toEqual([]);
    const offer = call.params.button as { start_parameter: string };
    expect(await deepLink(r, offer.start_parameter)).toContain("Sumber dukungan");
  });

  it("answers 256 characters of noise without failing", async () => {
    const r = await start();
    const noise = "ẞ😀<b>&amp;</b>\"'%$#@!~`|\\\u202e日本語 كلمة zq ".repeat(20).slice(0, 256);
    const { call, results: cards } = await inline(r, noise);
    expectValid(cards);
    const offer = call.params.button as { start_parameter: string } | undefined;
    if (offer) expect(offer.start_parameter).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    // Still answering afterwards.
    expect((await inline(r, "sulsel")).results).toHaveLength(1);
  });
});

describe("deep links", () => {
  it("a card's button opens the same card in the private chat", async () => {
    const r = await start();
    const { results: cards } = await inline(r, "jatim");
    const second = cards[1];
    const parameter = BOT_LINK.exec(url(second))?.[1] ?? "";
    expect(parameter).toBe("r_pl_jatim_1");
    const answer = await deepLink(r, parameter);
    expect(answer).toBe(message(second));
  });

  it("an area card's button opens the area's answer", async () => {
    const r = await start();
    const { results: cards } = await inline(r, "aceh");
    const parameter = BOT_LINK.exec(url(cards[0]))?.[1] ?? "";
    expect(await deepLink(r, parameter)).toContain("Aceh tidak termasuk program ini");
  });

  it("a hand-typed link such as ?start=sulsel answers the province", async () => {
    const r = await start();
    expect(await deepLink(r, "sulsel")).toContain("Makassar");
  });
});

describe("knowledge that needs escaping or paging", () => {
  it("escapes HTML in the card's message and keeps title and description as plain text", async () => {
    const base = await testEngine();
    const { dir, cleanup } = tempDir();
    try {
      const file = copyKnowledge(dir, (yaml) =>
        yaml.replace("{ name: Makassar,", '{ name: "Makassar <b>&amp; Gowa</b>",'),
      );
      const engine = await loadEngine(file, { areas: base.areas, t: translator(createI18n()) });
      const r = await startWith(engine);
      const { results: cards } = await inline(r, "sulsel");
      expectValid(cards);
      expect(cards[0]?.description).toBe("Makassar <b>&amp; Gowa</b> · menyatakan siap bergabung pada 2017");
      expect(message(cards[0])).toContain("di Makassar &lt;b&gt;&amp;amp; Gowa&lt;/b&gt; (");
      // The only markup is the source line's italics.
      expect(message(cards[0]).replace(/<\/?i>/g, "")).not.toContain("<");
    } finally {
      cleanup();
    }
  });

  it("pages through more than 50 entries with next_offset", async () => {
    const base = await testEngine();
    const big = structuredClone(base.knowledge);
    for (let copy = 1; copy <= 6; copy++) {
      big.provinces.push(
        ...base.knowledge.provinces.map((p) => ({ ...structuredClone(p), id: `${p.id}-${copy}` })),
      );
    }
    const total = big.provinces.reduce((n, p) => n + p.entries.length, 0);
    expect(total).toBeGreaterThan(50);
    const r = await startWith(new AnswerEngine(big, base.areas, translator(createI18n())));
    const first = await inline(r, "");
    expectValid(first.results);
    expect(first.results).toHaveLength(50);
    expect(first.call.params.next_offset).toBe("50");
    const second = await inline(r, "", { offset: "50" });
    expectValid(second.results);
    expect(second.results).toHaveLength(total - 50);
    expect(second.call.params.next_offset ?? "").toBe("");
    const ids = [...first.results, ...second.results].map((c) => c.id);
    expect(new Set(ids).size).toBe(total);
  });
});
