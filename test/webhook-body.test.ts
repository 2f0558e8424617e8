import { describe, expect, it } from "vitest";
import { parseUpdate } from "../src/server.ts";

const body = (json: string) => Buffer.from(json, "utf8");

describe("a webhook body read as an update", () => {
  it.each([
    ["an update", '{"update_id":1,"message":{"text":"kopi"}}', { update_id: 1, message: { text: "kopi" } }],
    ["emoji raw and escaped", '{"update_id":2,"t":"🙂 \\ud83d\\ude00"}', { update_id: 2, t: "🙂 😀" }],
    [
      "lone surrogates (forged) mended, deep inside too",
      '{"update_id":3,"t":"a\\ud800b","m":{"e":[{"u":"\\udfff"}]}}',
      { update_id: 3, t: "a\ufffdb", m: { e: [{ u: "\ufffd" }] } },
    ],
  ])("%s", (_, json, update) => {
    expect(parseUpdate(body(json))).toEqual(update);
  });

  it.each([
    ["not JSON", "{update_id:1"],
    ["an array", "[1]"],
    ["no update_id", '{"message":{}}'],
    ["an update_id that is not a whole number", '{"update_id":"1"}'],
    ["empty", ""],
  ])("refuses %s", (_, json) => {
    expect(parseUpdate(body(json))).toBeUndefined();
  });
});
