import { describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger.ts";
import { GroupStore } from "../src/storage/groups.ts";
import { QuestionStore } from "../src/storage/questions.ts";
import { StaffQuestionStore } from "../src/storage/staff-questions.ts";
import { VoteStore } from "../src/storage/votes.ts";
import { Feedback } from "../src/upkeep/feedback.ts";
import { QuestionLog } from "../src/upkeep/question-log.ts";
import { memoryDatabase } from "./support/memory-db.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 2, 3);

/** A question log and feedback over one in-memory database, on a clock the test moves. */
function setup() {
  const db = memoryDatabase();
  const clock = { now: NOW };
  const now = () => clock.now;
  const log = new QuestionLog(new QuestionStore(db), { timezone: "Asia/Jakarta", logger: silentLogger, now });
  const votes = new VoteStore(db);
  const feedback = new Feedback(log, votes, { now, logger: silentLogger });
  const ask = (userId: number, subjects: string[], chatType = "private") =>
    log.record({
      question: "produk papua apa?",
      chatType,
      userId,
      reply: {
        kind: "answer",
        lang: "id",
        text: "Papua: kopi",
        sourceLine: "",
        sources: [],
        confidence: 1,
        subjects: subjects.map((ref) => ({ kind: "province" as const, id: ref.slice(2) })),
        suggestions: [],
        nextSteps: false,
      },
    }) ?? -1;
  return { db, clock, log, votes, feedback, ask };
}

describe("votes on answers", () => {
  it("count one vote a person an answer, only from the person who asked", () => {
    const { feedback, votes, ask } = setup();
    const id = ask(1, ["p.papua"]);
    expect(feedback.vote(id, 2, false, "Papua: kopi")).toBe("unknown");
    expect(feedback.vote(id, 1, true, "Papua: kopi")).toBe("counted");
    expect(feedback.vote(id, 1, false, "Papua: kopi")).toBe("already");
    expect(votes.totals("2025-06-01")).toEqual({ up: 1, down: 0 });
  });

  it("refuse answers given in groups, and questions that are gone", () => {
    const { feedback, ask } = setup();
    expect(feedback.vote(ask(1, ["p.papua"], "group"), 1, true, "")).toBe("unknown");
    expect(feedback.vote(999, 1, true, "")).toBe("unknown");
  });

  it("keep a 👎's question while it is remembered, and the start of the answer", () => {
    const { feedback, votes, ask, clock } = setup();
    const first = ask(1, ["p.papua"]);
    feedback.offered(first, "produk papua apa?");
    expect(feedback.vote(first, 1, false, "Papua: kopi")).toBe("counted");
    const second = ask(2, ["p.jatim"]);
    feedback.offered(second, "produk jatim?");
    clock.now += 2 * 60 * 60 * 1000; // forgotten after an hour
    expect(feedback.vote(second, 2, false, "Jawa Timur: alas kaki")).toBe("counted");
    expect(votes.downVotes(NOW - DAY)).toEqual([
      expect.objectContaining({
        subjects: ["p.jatim"],
        question: undefined,
        answer: "Jawa Timur: alas kaki",
      }),
      expect.objectContaining({
        subjects: ["p.papua"],
        question: "produk papua apa?",
        answer: "Papua: kopi",
      }),
    ]);
  });

  it("are counted per subject, and go with their question when the log is purged", () => {
    const { feedback, votes, ask, log } = setup();
    feedback.vote(ask(1, ["p.papua"]), 1, false, "");
    feedback.vote(ask(2, ["p.papua"]), 2, true, "");
    feedback.vote(ask(3, ["p.jatim"]), 3, true, "");
    expect(votes.perSubject("2025-06-01")).toEqual([
      { ref: "p.papua", up: 1, down: 1 },
      { ref: "p.jatim", up: 1, down: 0 },
    ]);
    log.store.purge(NOW + 1);
    expect(votes.totals("2025-01-01")).toEqual({ up: 0, down: 0 });
  });
});

describe("questions for staff", () => {
  it("go from offered to forwarded once, and are found by their message in the staff group", () => {
    const store = new StaffQuestionStore(memoryDatabase());
    const id = store.offer(
      { userId: 5, lang: "en", question: "how to join?", guess: undefined, guessScore: undefined },
      NOW,
    );
    expect(store.get(id)).toMatchObject({ status: "offered", userId: 5, lang: "en" });
    expect(store.markForwarded(id, -100, 42, NOW + 1)).toBe(true);
    expect(store.markForwarded(id, -100, 43, NOW + 2)).toBe(false);
    expect(store.byStaffMessage(-100, 42)).toMatchObject({ id, status: "forwarded" });
    expect(store.byStaffMessage(-200, 42)).toBeUndefined();
    store.settle(id, "answered", NOW + 3);
    expect(store.forwardedSince(NOW - DAY)).toEqual([
      expect.objectContaining({ id, status: "answered", answeredAt: NOW + 3 }),
    ]);
  });

  it("forget offers nobody took up after a day, and every question after the retention", () => {
    const store = new StaffQuestionStore(memoryDatabase());
    const offer = () =>
      store.offer({ userId: 5, lang: "id", question: "?", guess: undefined, guessScore: undefined }, NOW);
    const idle = offer();
    const sent = offer();
    store.markForwarded(sent, -100, 1, NOW);
    expect(store.purge(NOW + 1, NOW - DAY)).toBe(1);
    expect(store.get(idle)).toBeUndefined();
    expect(store.get(sent)).toBeDefined();
    expect(store.purge(NOW + 1, NOW + 1)).toBe(1);
  });
});

describe("a group's language", () => {
  it("defaults once to the subscribing admin's, and stays chosen once an admin picks it", () => {
    const groups = new GroupStore(memoryDatabase());
    groups.upsert({ id: -1, title: "IKM", type: "group" });
    expect(groups.setDefaultLanguage(-1, "en")).toBe(true);
    expect(groups.get(-1)).toMatchObject({ language: "en", languageChosen: false });
    expect(groups.setDefaultLanguage(-1, "id")).toBe(false);
    groups.setLanguage(-1, "id");
    expect(groups.get(-1)).toMatchObject({ language: "id", languageChosen: true });
    groups.migrate(-1, -1001);
    expect(groups.get(-1001)).toMatchObject({ language: "id", languageChosen: true });
  });
});
