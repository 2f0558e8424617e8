import { describe, expect, it } from "vitest";
import { loadEngine } from "../src/answer/load.ts";
import { ReplyMemo } from "../src/answer/memo.ts";
import type { Reply } from "../src/answer/reply.ts";
import { testEngine } from "./support/app.ts";

/** A reply whose text says which answer made it, and a counter of the answers made. */
function counted() {
  let made = 0;
  const answer = (): Reply => ({
    kind: "answer",
    lang: "id",
    text: `answer ${++made}`,
    sourceLine: "",
    sources: ["s1"],
    confidence: 1,
    subjects: [],
    suggestions: [],
    nextSteps: false,
    previous: { intent: "describe", subjects: [], sources: [], items: [], named: [] },
  });
  return { answer, made: () => made };
}

describe("replies kept for a message sent again", () => {
  it("give the same reply to the same message in the same circumstances, reading it once", () => {
    const memo = new ReplyMemo();
    const { answer, made } = counted();
    const first = memo.reply("produk sulsel apa?", { defaultLang: "id" }, answer);
    expect(memo.reply("produk sulsel apa?", { defaultLang: "id" }, answer)).toBe(first);
    expect(made()).toBe(1);
    expect(memo.counts).toEqual({ asked: 2, kept: 1 });
  });

  it("are not given where anything that decides the reply differs", () => {
    const memo = new ReplyMemo();
    const { answer, made } = counted();
    const first = memo.reply("produk sulsel apa?", {}, answer);
    memo.reply("produk sulsel apa? ", {}, answer);
    memo.reply("produk sulsel apa?", { defaultLang: "en" }, answer);
    memo.reply("produk sulsel apa?", { lang: "en" }, answer);
    memo.reply("produk sulsel apa?", { previous: first.previous }, answer);
    expect(made()).toBe(5);
    // A follow-up after the kept answer meets the same context, and its reply is kept too.
    const followUp = memo.reply("di kota mana?", { previous: first.previous }, answer);
    expect(memo.reply("di kota mana?", { previous: first.previous }, answer)).toBe(followUp);
    expect(memo.reply("di kota mana?", { previous: structuredClone(first.previous) }, answer)).not.toBe(
      followUp,
    );
  });

  it("are bounded: the reply asked for least lately goes first", () => {
    const memo = new ReplyMemo(2);
    const { answer, made } = counted();
    memo.reply("a", {}, answer);
    memo.reply("b", {}, answer);
    memo.reply("a", {}, answer);
    memo.reply("c", {}, answer);
    expect(made()).toBe(3);
    memo.reply("a", {}, answer);
    expect(made()).toBe(3);
    memo.reply("b", {}, answer);
    expect(made()).toBe(4);
  });

  it("keep nothing when told to keep none, nor a message longer than the reader reads", () => {
    const none = new ReplyMemo(0);
    const { answer, made } = counted();
    none.reply("a", {}, answer);
    none.reply("a", {}, answer);
    expect(made()).toBe(2);
    const memo = new ReplyMemo();
    const long = "produk sulsel apa? ".repeat(40);
    memo.reply(long, {}, answer);
    memo.reply(long, {}, answer);
    expect(made()).toBe(4);
  });

  it("are frozen, with their lists and context: a change by one chat would reach every other", () => {
    const memo = new ReplyMemo();
    const { answer } = counted();
    const reply = memo.reply("a", {}, answer);
    expect(() => {
      (reply as { text: string }).text = "changed";
    }).toThrow(TypeError);
    expect(() => reply.sources.push("s2")).toThrow(TypeError);
    expect(() => reply.previous?.named.push({ kind: "province", id: "papua" })).toThrow(TypeError);
  });
});

describe("the engine's kept replies", () => {
  it("answer a chat asked again exactly as it was answered the first time", async () => {
    const engine = await testEngine();
    const fresh = await loadEngine(undefined, { keptReplies: 0 });
    const chat = ["produk sulsel apa?", "di kota mana?", "kalau Jatim?", "siapa yang bilang?"];
    for (const round of [1, 2]) {
      let previous: Reply["previous"];
      let freshPrevious: Reply["previous"];
      for (const question of chat) {
        const reply = engine.ask(question, { previous });
        const anew = fresh.ask(question, { previous: freshPrevious });
        expect(reply.text, `round ${round}: ${question}`).toBe(anew.text);
        expect(reply.sources).toEqual(anew.sources);
        previous = reply.previous;
        freshPrevious = anew.previous;
      }
    }
    expect(fresh.memo.counts.kept).toBe(0);
  });
});

describe("readings kept for a text read again", () => {
  it("read a text once, whatever the context it comes in", async () => {
    const engine = await testEngine();
    const reader = engine.reader;
    const first = reader.read("produk sulsel apa?");
    expect(reader.read("produk sulsel apa?")).toBe(first);
    expect(reader.read("produk sulsel apa?", true)).not.toBe(first);
    // The same message after different questions is answered for each context, from one reading.
    const followingUp = (earlier: string) => engine.askAfter([earlier], "kalau Jatim?");
    expect(followingUp("produk sulsel apa?").text).toMatch(/alas kaki|komponen kapal/);
    expect(followingUp("siapa yang bilang?").text).not.toBe(followingUp("produk sulsel apa?").text);
  });

  it("keep a bounded number, the least lately read going first, and never a long message", async () => {
    const engine = await loadEngine(undefined, { keptReplies: 2 });
    const { reader } = engine;
    const a = reader.read("produk sulsel apa?");
    reader.read("kapan mulai?");
    reader.read("produk sulsel apa?");
    reader.read("siapa Gati?");
    expect(reader.read("produk sulsel apa?")).toBe(a);
    expect(reader.read("kapan mulai?")).not.toBe(reader.read("kapan mulai?x"));
    const long = `${"produk sulsel apa? ".repeat(60)}`;
    expect(reader.read(long)).not.toBe(reader.read(long));
  });

  it("with none to keep, still keep the last, as one answer reads its message more than once", async () => {
    const { reader } = await loadEngine(undefined, { keptReplies: 0 });
    const last = reader.read("produk sulsel apa?");
    expect(reader.read("produk sulsel apa?")).toBe(last);
    reader.read("kapan mulai?");
    expect(reader.read("produk sulsel apa?")).not.toBe(last);
  });
});
