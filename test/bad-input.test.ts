import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { loadEngine } from "../src/answer/load.ts";
import { subjectRef } from "../src/answer/subject.ts";
import { LANGS } from "../src/lang.ts";

const KNOWLEDGE = fileURLToPath(new URL("../knowledge/programme.yaml", import.meta.url));
/** Telegram's limit for one message's text. */
const MAX_MESSAGE_CHARS = 4096;
/** Telegram's limit for a button's callback data, which carries a suggestion's reference. */
const MAX_CALLBACK_BYTES = 64;

let shared: Promise<AnswerEngine> | undefined;

/** The engine over the real knowledge file, built once for every test of this file. */
function setup(): Promise<AnswerEngine> {
  shared ??= loadEngine(KNOWLEDGE);
  return shared;
}

/** What every reply must be, whatever it was asked: a whole reply that fits in one message. */
function expectWellFormed(reply: Reply): void {
  expect(["answer", "not_in_programme", "smalltalk", "fallback"]).toContain(reply.kind);
  expect(LANGS).toContain(reply.lang);
  expect(reply.text.trim()).not.toBe("");
  const message = reply.sourceLine ? `${reply.text}\n\n${reply.sourceLine}` : reply.text;
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  for (const s of reply.suggestions) {
    expect(s.label).not.toBe("");
    expect(Buffer.byteLength(s.ref)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
  }
}

/** "answer:p.papua", "fallback": the kind of a reply and what it is about, for short assertions. */
function gist(reply: Reply): string {
  return reply.subjects.length ? `${reply.kind}:${reply.subjects.map(subjectRef).join(",")}` : reply.kind;
}

describe("odd input gets a sensible reply or a fallback, never an exception", () => {
  it.each<[string, string, (kind: string) => void]>([
    ["empty", "", (g) => expect(g).toBe("fallback")],
    ["whitespace only", "   \n\t  \r\n ", (g) => expect(g).toBe("fallback")],
    ["10,000 letters", "a".repeat(10_000), (g) => expect(g).toBe("fallback")],
    [
      "10,000 characters of a real word",
      "papua ".repeat(2_000).slice(0, 10_000),
      (g) => expect(g).toBe("answer:p.papua"),
    ],
    ["10,000 characters of a question and noise", `Produk Papua apa? ${"x ".repeat(5_000)}`, () => {}],
    ["emoji only", "😀🎉👍🏽🇮🇩", (g) => expect(g).toBe("fallback")],
    ["an emoji before a real word", "🇮🇩 papua", (g) => expect(g).toBe("answer:p.papua")],
    ["Arabic, right to left", "ما هي منتجات بابوا؟", (g) => expect(g).toBe("fallback")],
    ["Hebrew, right to left", "מה מייצרת פפואה?", (g) => expect(g).toBe("fallback")],
    ["a NUL character only", "\u0000", (g) => expect(g).toBe("fallback")],
    ["NUL characters around a word", "\u0000papua\u0000", (g) => expect(g).toBe("answer:p.papua")],
    ["a bell between words", "papua\u0007kopi", () => {}],
    ["a right-to-left override before a word", "\u202epapua", (g) => expect(g).toBe("answer:p.papua")],
    ["zero-width characters only", "\u200b\u200c\u200d\ufeff", (g) => expect(g).toBe("fallback")],
    ["a zero-width joiner inside a word", "papu\u200dua", () => {}],
    ["HTML bold", "<b>papua</b>", (g) => expect(g).toBe("answer:p.papua")],
    ["an HTML script", "<script>alert(1)</script>", (g) => expect(g).toBe("fallback")],
    ["Markdown bold", "**kopi**", (g) => expect(g).toBe("answer:pl.papua.0")],
    ["a Markdown link", "[papua](https://example.com)", () => {}],
    ["a lone high surrogate before a word", "\ud800papua", (g) => expect(g).toBe("answer:p.papua")],
    ["a lone low surrogate after a word", "papua\udc00", (g) => expect(g).toBe("answer:p.papua")],
    ["a lone surrogate only", "\udc00", (g) => expect(g).toBe("fallback")],
    ["full-width letters", "ＰＡＰＵＡ", (g) => expect(g).toBe("answer:p.papua")],
    ["Windows line breaks", "kopi\r\ndimana", (g) => expect(g).toBe("answer:pl.papua.0")],
    ["search operators", "!papua | 'kopi ^jatim =sulsel$", () => {}],
    ["a regular-expression bomb", `${"(a+)+".repeat(50)}!`, () => {}],
  ])("%s", async (_, question, check) => {
    const engine = await setup();
    for (const lang of [undefined, ...LANGS]) {
      const reply = engine.ask(question, { lang });
      expectWellFormed(reply);
      check(gist(reply));
    }
  });

  // Invisible format characters (U+200B zero-width space, U+202E right-to-left override, U+00AD
  // soft hyphen…) pasted inside a word must not split it.
  it.each([
    ["a zero-width space inside a word", "pa\u200bpua"],
    ["a right-to-left override inside a word", "pap\u202eua"],
    ["a soft hyphen inside a word", "pa\u00adpua"],
  ])("%s is read as the word", async (_, question) => {
    expect(gist((await setup()).ask(question))).toBe("answer:p.papua");
  });
});

describe("the longest replies still fit in one Telegram message", () => {
  it("every list, every province and the officials, in both languages", async () => {
    const engine = await setup();
    const refs = [
      "l",
      ...engine.knowledge.cohorts.map((c) => `l.${c.id}`),
      "cr",
      "of",
      ...engine.knowledge.provinces.map((p) => `p.${p.id}`),
      ...engine.knowledge.products.map((p) => `pr.${p.id}`),
    ];
    for (const ref of refs) {
      for (const lang of LANGS) {
        const reply = engine.answerRef(ref, lang);
        expect(reply, ref).toBeDefined();
        if (reply) expectWellFormed(reply);
      }
    }
  });

  it("a question naming every programme province at once", async () => {
    const engine = await setup();
    for (const lang of LANGS) {
      const reply = engine.ask(engine.knowledge.provinces.map((p) => p.name[lang]).join(", "));
      expect(reply.kind).toBe("answer");
      expectWellFormed(reply);
    }
  });

  it("a question naming sixty regions at once", async () => {
    const engine = await setup();
    expectWellFormed(
      engine.ask(
        `${engine.areas.regencies
          .slice(0, 60)
          .map((a) => a.name)
          .join(", ")}?`,
      ),
    );
  });
});

describe("words that name JavaScript's own properties are ordinary words", () => {
  // Lookup tables keyed by user words must be Maps: `table["constructor"]` on a plain object is
  // Object's constructor, which once broke every question holding the word.
  const PROTOTYPE_WORDS = Object.getOwnPropertyNames(Object.prototype);

  it.each(PROTOTYPE_WORDS)("%s, alone and in a question", async (word) => {
    const engine = await setup();
    for (const question of [word, `${word} papua`, `produk ${word} sulsel apa?`, `/start ${word}`]) {
      expectWellFormed(engine.ask(question));
    }
    expect(gist(engine.ask(`${word} papua`))).toContain("p.papua");
  });
});
