import { describe, expect, it } from "vitest";
import { INTENT_TABLE, intentOf } from "../src/answer/intents.ts";
import { readQuestion } from "../src/answer/read.ts";
import { testEngine } from "./support/app.ts";

// Each row of the intent table carries its own example questions: each must be read as that row's
// intent, so that a change moving one to another row names the row it broke.
describe("the intent table's examples", () => {
  for (const row of INTENT_TABLE) {
    describe(`row "${row.intent}"`, () => {
      const examples = [...row.examples.id, ...row.examples.en];
      it("has examples in both languages", () => {
        expect(row.examples.id.length + row.examples.en.length).toBeGreaterThan(0);
        expect(row.intent === "describe" || row.examples.id.length > 0).toBe(true);
      });
      it.each(examples)("%j", async (question) => {
        const engine = await testEngine();
        const [part] = readQuestion(question, engine.vocabulary).parts;
        expect(part && intentOf(part)).toBe(row.intent);
      });
    });
  }
});
