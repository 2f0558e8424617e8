import { describe, expect, it } from "vitest";
import { type Asked, answerKey } from "../src/answer/answers.ts";

// Answers are kept by this key (src/answer/answers.ts): a field of the question that an answer
// reads and the key leaves out gives one question another's answer ("who said the programme
// ended?" was answered as "who said that?" once that had been asked).
const BASE: Asked = {
  lang: "en",
  cohort: undefined,
  counts: undefined,
  only: false,
  both: false,
  start: false,
  end: false,
  previousSources: [],
  followUp: false,
  years: [],
  why: false,
  duration: false,
  clock: false,
  day: false,
  author: false,
  editor: false,
  writerAndEditor: false,
  said: false,
  code: false,
  office: false,
  goods: [],
  chooser: false,
  excluding: [],
};
const CHANGED: { [K in keyof Asked]-?: Asked[K] } = {
  lang: "id",
  cohort: "first-phase",
  counts: "places",
  only: true,
  both: true,
  start: true,
  end: true,
  previousSources: ["bisnis-2017"],
  followUp: true,
  years: [2013],
  why: true,
  duration: true,
  clock: true,
  day: true,
  author: true,
  editor: true,
  writerAndEditor: true,
  said: true,
  code: true,
  office: true,
  goods: ["coffee"],
  chooser: true,
  excluding: ["tempo-2017"],
  // (Read by the engine around the answers, never by one: see `AnswerEngine.answerPart`.)
  noneBesides: undefined as unknown as boolean,
};

describe("the key an answer is kept by", () => {
  it("changes with every field of the question", () => {
    const subject = { kind: "topic", id: "summary" } as const;
    for (const field of Object.keys(CHANGED) as Array<keyof Asked>) {
      if (field === "noneBesides") continue;
      const changed = { ...BASE, [field]: CHANGED[field] };
      expect(answerKey("said", subject, changed), field).not.toBe(answerKey("said", subject, BASE));
    }
  });
});
