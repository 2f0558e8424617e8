import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../src/answer/engine.ts";
import { silentLogger } from "../src/logger.ts";
import { QuestionStore, type UnansweredRow } from "../src/storage/questions.ts";
import { VoteStore } from "../src/storage/votes.ts";
import { clusterQuestions, similarity } from "../src/upkeep/clusters.ts";
import { csvCell, toCsv } from "../src/upkeep/csv.ts";
import { dayOf, daysEnding } from "../src/upkeep/days.ts";
import { QuestionLog } from "../src/upkeep/question-log.ts";
import { purgeOld, startRetention } from "../src/upkeep/retention.ts";
import { collectStats } from "../src/upkeep/stats.ts";
import { testEngine } from "./support/app.ts";
import { memoryDatabase } from "./support/memory-db.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2024, 4, 31, 5, 0); // 31 May 2024, 12:00 in Jakarta

let engine: AnswerEngine;
beforeAll(async () => {
  engine = await testEngine();
});

/** A question log over an in-memory database, with a clock the test moves by hand. */
function setup() {
  const db = memoryDatabase();
  const store = new QuestionStore(db);
  const clock = { now: NOW };
  const log = new QuestionLog(store, {
    timezone: "Asia/Jakarta",
    logger: silentLogger,
    now: () => clock.now,
  });
  const ask = (question: string, userId: number | undefined = 1, chatType = "private") =>
    log.record({ question, reply: engine.ask(question), chatType, userId });
  return { db, store, log, clock, ask };
}

let nextAt = NOW;
const row = (text: string, extra: Partial<UnansweredRow> = {}): UnansweredRow => ({
  askedAt: nextAt--,
  day: "2024-05-31",
  kind: "fallback",
  lang: "id",
  chatType: "private",
  confidence: 0,
  subjects: [],
  userHash: undefined,
  text,
  guess: undefined,
  guessScore: undefined,
  ...extra,
});

describe("clustering near-duplicate questions", () => {
  it("counts wordings that differ only in case, punctuation and word order as one", () => {
    const clusters = clusterQuestions([
      row("Berapa gaji menteri?"),
      row("berapa GAJI menteri"),
      row("gaji menteri berapa??"),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.count).toBe(3);
    expect(clusters[0]?.variants).toBe(0);
  });

  it("joins similar wordings under the most frequent one, and keeps different questions apart", () => {
    const clusters = clusterQuestions([
      row("cara daftar program ini", { userHash: "a" }),
      row("bagaimana cara daftar program ini?", { userHash: "b" }),
      row("cara daftar program ini", { userHash: "a" }),
      row("harga tiket pesawat ke tokyo", { userHash: "c" }),
    ]);
    expect(clusters.map((c) => [c.wording, c.count, c.variants, c.people])).toEqual([
      ["cara daftar program ini", 3, 1, 2],
      ["harga tiket pesawat ke tokyo", 1, 0, 1],
    ]);
  });

  it("forgives a typo in a long word, not a different short word", () => {
    expect(similarity(["produk", "sulawesi"], ["prduk", "sulawesi"])).toBe(1);
    expect(similarity(["apa", "itu"], ["apa", "ini"])).toBeCloseTo(1 / 3);
  });

  it("orders clusters by count, then by the most recent question", () => {
    const older = row("pertanyaan lama sekali", { askedAt: NOW - 5 * DAY });
    const newer = row("pertanyaan baru sekali", { askedAt: NOW });
    expect(clusterQuestions([older, newer]).map((g) => g.wording)).toEqual([
      "pertanyaan baru sekali",
      "pertanyaan lama sekali",
    ]);
  });

  it("clusters questions without letters (emoji) by their text", () => {
    const clusters = clusterQuestions([row("🤔🤔"), row("🤔🤔"), row("🙏")]);
    expect(clusters.map((c) => c.count)).toEqual([2, 1]);
  });
});

describe("writing CSV", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ["with; semicolon", '"with; semicolon"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    ["=1+1", "'=1+1"],
    ["+62 812", "'+62 812"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    [" padded ", '" padded "'],
  ])("writes %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes numbers as numbers with a decimal comma (a negative score is no formula), nothing for missing values", () => {
    expect(csvCell(-0.5)).toBe("-0,5");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("starts with a byte-order mark and ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [[1.5, "x"]])).toBe("\uFEFFa;b\r\n1,5;x\r\n");
  });
});

describe("recording questions", () => {
  it("keeps the text and best guess of a fallback, and only counts an answer", () => {
    const { store, ask } = setup();
    ask("produk papua apa?");
    ask("berapa gaji menteri perindustrian?");
    ask("penduduk sulawesi tengah?");
    const kept = store.unanswered(0);
    expect(kept.map((r) => r.text)).toEqual([
      "penduduk sulawesi tengah?",
      "berapa gaji menteri perindustrian?",
    ]);
    expect(kept[0]).toMatchObject({ kind: "fallback", lang: "id", chatType: "private", day: "2024-05-31" });
    expect(kept[0]?.guess).toBe("p.sulteng");
    expect(store.perDay("2024-05-01")).toEqual([{ day: "2024-05-31", total: 3, answered: 1 }]);
    // What people ask about counts, answered or not.
    expect(store.perSubject("2024-05-01")).toEqual([
      { ref: "p.papua", count: 1 },
      { ref: "p.sulteng", count: 1 },
    ]);
  });

  it("never stores a user id, only a salted hash that counts distinct people", () => {
    const { db, store, ask } = setup();
    ask("berapa gaji menteri?", 987654321);
    ask("berapa gaji menteri?", 987654321);
    ask("berapa gaji menteri?", 123456789);
    const dump = JSON.stringify(db.prepare("SELECT * FROM questions").all());
    expect(dump).not.toContain("987654321");
    expect(dump).not.toContain("123456789");
    expect(store.people("2024-05-01")).toBe(2);
  });

  it("hashes with a salt kept in the database, so the same person counts once after a restart", () => {
    const { db, store, log, clock } = setup();
    log.record({ question: "halo", reply: engine.ask("halo"), chatType: "private", userId: 42 });
    const again = new QuestionLog(new QuestionStore(db), {
      timezone: "Asia/Jakarta",
      logger: silentLogger,
      now: () => clock.now,
    });
    again.record({ question: "halo", reply: engine.ask("halo"), chatType: "private", userId: 42 });
    expect(store.people("2024-05-01")).toBe(1);
  });

  it("counts each day in the bot's time zone", () => {
    const { store, clock, ask } = setup();
    clock.now = Date.UTC(2024, 4, 30, 18, 0); // 01:00 on 31 May in Jakarta
    ask("halo");
    expect(store.perDay("2024-05-01").map((d) => d.day)).toEqual(["2024-05-31"]);
  });

  it("does not throw when the database is gone", () => {
    const { db, ask } = setup();
    db.close();
    expect(() => ask("berapa gaji menteri?")).not.toThrow();
  });
});

describe("the retention purge", () => {
  it("deletes questions older than the retention and keeps the rest", () => {
    const { store, clock, ask } = setup();
    clock.now = NOW - 91 * DAY;
    ask("berapa gaji menteri dulu?");
    clock.now = NOW - 89 * DAY;
    ask("berapa gaji menteri kemarin?");
    expect(purgeOld(store, 90, NOW)).toBe(1);
    expect(store.unanswered(0).map((r) => r.text)).toEqual(["berapa gaji menteri kemarin?"]);
  });

  it("purges at once when started, and stops", () => {
    const { store, clock, ask } = setup();
    clock.now = NOW - 10 * DAY;
    ask("berapa gaji menteri?");
    const stop = startRetention(store, { days: 7, logger: silentLogger, now: () => NOW });
    stop();
    expect(store.unanswered(0)).toEqual([]);
  });
});

describe("/stats numbers", () => {
  it("fill every day of the last 30, name provinces apart from topics, and count languages", () => {
    const { db, store, clock, ask } = setup();
    clock.now = NOW - 2 * DAY;
    ask("produk papua apa?");
    ask("What does East Java produce?", 2);
    clock.now = NOW;
    ask("kriteria pemilihan daerah?");
    ask("apa itu bali?");
    ask("berapa gaji menteri?", 3);
    const stats = collectStats(
      {
        store,
        votes: new VoteStore(db),
        engine,
        timezone: "Asia/Jakarta",
        now: NOW,
        activeGroups: 4,
        subscribedGroups: 2,
      },
      "id",
    );
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]?.day).toBe("2024-05-02");
    expect(stats.days[29]).toEqual({ day: "2024-05-31", total: 3, answered: 2 });
    expect(stats.days[27]).toEqual({ day: "2024-05-29", total: 2, answered: 2 });
    expect(stats).toMatchObject({ total: 5, answered: 4, people: 3, groups: { active: 4 } });
    expect(stats.provinces.map((p) => p.label).sort()).toEqual(["Bali", "Jawa Timur", "Papua"]);
    expect(stats.topics.map((t) => t.label)).toEqual(["Kriteria pemilihan daerah"]);
    expect(stats.langs).toEqual([
      { lang: "id", count: 4 },
      { lang: "en", count: 1 },
    ]);
  });
});

describe("calendar days", () => {
  it("reads the day in a time zone and counts back on the calendar", () => {
    expect(dayOf(Date.UTC(2024, 4, 30, 17, 0), "Asia/Jakarta")).toBe("2024-05-31");
    expect(dayOf(Date.UTC(2024, 4, 30, 16, 59), "Asia/Jakarta")).toBe("2024-05-30");
    expect(daysEnding("2024-03-02", 3)).toEqual(["2024-02-29", "2024-03-01", "2024-03-02"]);
  });
});
