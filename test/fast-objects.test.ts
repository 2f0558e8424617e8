import { describe, expect, it } from "vitest";
import { previousOf } from "../src/answer/previous.ts";
import { allOptions } from "../src/answer/reply.ts";
import { testEngine } from "./support/app.ts";

/** Whether `object` has each of `fields` as its own property, set or not. */
const holds = (object: object, fields: string[]) => fields.filter((f) => !Object.hasOwn(object, f));

// Objects the engine makes for every message and later copies with more fields: made with those
// fields from the start, so the copies stay on V8's fast path (see src/extended.ts).
describe("objects copied with more fields once a message", () => {
  it("are made with every field they are given later", async () => {
    const engine = await testEngine();
    const reply = engine.ask("produk sulsel apa?");
    expect(holds(reply, ["previous", "verdict", "guess"])).toEqual([]);
    const piece = engine.describe({ kind: "province", id: "sulsel" }, "id");
    expect(piece && holds(piece, ["items", "nextSteps"])).toEqual([]);
    expect(holds(previousOf({ intent: "describe" }, [], undefined), ["lang", "said"])).toEqual([]);
    expect(holds(allOptions({}), ["lang", "defaultLang", "previous"])).toEqual([]);
  });
});
