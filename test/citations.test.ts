import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnswerEngine, Reply } from "../src/answer/engine.ts";
import { parseCases } from "../src/answer/evaluate.ts";
import { joinList } from "../src/answer/lists.ts";
import { PROGRAMME_ATTRIBUTES } from "../src/knowledge/schema.ts";
import { LANGS, type Lang } from "../src/lang.ts";
import { testEngine } from "./support/app.ts";

/** A fact as an answer states it (a text that appears when it does) and the sources it rests on. */
interface FactMark {
  text: string;
  sources: string[];
  /** Stated in quotes (a source's title). */
  quoted?: boolean;
  /** Its sources may be cited beside it, but need not be. */
  optional?: boolean;
}

/** Every fact of the knowledge, by the words that state it in `lang`. */
function facts(engine: AnswerEngine, lang: Lang): FactMark[] {
  const k = engine.knowledge;
  const w = engine.writer;
  const marks: FactMark[] = [];
  for (const id of PROGRAMME_ATTRIBUTES) {
    const { text, sources } = k.programme[id];
    marks.push({ text: text[lang], sources, quoted: text[lang].includes('"') });
  }
  for (const c of k.cohorts) {
    // A group's name states its year ("since 2013"): citing the group's sources beside it is
    // founded, though the name alone, as the way an answer refers to the group, asks for none.
    marks.push({ text: c.name[lang], sources: c.sources, optional: true });
    if (c.period) marks.push({ text: c.period.text[lang], sources: c.period.sources });
  }
  for (const p of k.provinces) {
    // That a province is the programme's rests on its entries' sources.
    marks.push({ text: p.name[lang], sources: p.entries.flatMap((e) => e.sources) });
    for (const e of p.entries) {
      marks.push({ text: w.productName(lang, e.product), sources: e.sources });
      marks.push({ text: lang === "en" ? e.place.en : e.place.name, sources: e.place.sources });
      if (e.note) marks.push({ text: e.note.text[lang], sources: e.note.sources });
    }
  }
  for (const c of k.selection.criteria) {
    // That regions are chosen on these considerations, by name; what each means.
    marks.push({ text: c.name[lang], sources: k.selection.sources });
    marks.push({ text: c.meaning[lang].slice(0, 40), sources: c.sources });
  }
  for (const p of k.people) {
    marks.push({ text: p.role[lang], sources: p.sources });
    marks.push({ text: p.about.text[lang], sources: p.about.sources });
  }
  for (const o of k.organisations) {
    marks.push({ text: o.about[lang], sources: o.sources });
    // Its members, one by one, as a count states them (each alone may be a source's author too).
    if (o.members.length) marks.push({ text: joinList(lang, o.members), sources: o.sources });
  }
  for (const g of k.glossary) marks.push({ text: g.meaning[lang], sources: g.sources });
  for (const [key, s] of Object.entries(k.sources)) {
    marks.push({ text: s.title, sources: [key], quoted: true });
    // A source named as an answer cites it ("Tempo.co (24 December 2017)") rests on itself.
    marks.push({ text: w.citation(lang, key) ?? key, sources: [key] });
  }
  return marks.filter((m) => m.text.length >= 4 && m.sources.length > 0);
}

/** Sources the reply's text gives reason to cite, and those it cites without reason. */
function citations(engine: AnswerEngine, reply: Reply): { missing: string[]; unfounded: string[] } {
  // A quoted title states no fact but its source's: "… in East Java To Papua" names no province.
  const said = reply.text.toLowerCase();
  const unquoted = said.replace(/"[^"]*"/g, " ");
  const stated = facts(engine, reply.lang).filter((f) => {
    const text = f.text.toLowerCase();
    return unquoted.includes(text) || (f.quoted && said.includes(text));
  });
  const founded = new Set(stated.flatMap((f) => f.sources));
  const required = new Set(stated.flatMap((f) => (f.optional ? [] : f.sources)));
  return {
    missing: [...required].filter((s) => !reply.sources.includes(s)),
    unfounded: reply.sources.filter((s) => !founded.has(s)),
  };
}

describe("an answer cites exactly the sources of the facts it states", () => {
  it("for every question of every set in test/eval", async () => {
    const engine = await testEngine();
    const files = readdirSync("test/eval").filter((f) => f.endsWith(".jsonl"));
    let checked = 0;
    for (const file of files) {
      for (const c of parseCases(readFileSync(`test/eval/${file}`, "utf8"))) {
        const reply = engine.askAfter(c.history ?? [], c.q);
        if (reply.kind === "smalltalk") continue;
        checked++;
        expect(citations(engine, reply), `${c.q}\n${reply.text}\n${reply.sources.join(", ")}`).toEqual({
          missing: [],
          unfounded: [],
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // It reads every set, and the sets grow with each blind set: its time is no measure, only a guard.
  }, 120_000);

  it("for every subject's card, in both languages", async () => {
    const engine = await testEngine();
    const k = engine.knowledge;
    const refs = [
      "l",
      "cr",
      "of",
      ...k.cohorts.map((c) => `l.${c.id}`),
      ...k.provinces.flatMap((p) => [`p.${p.id}`, ...p.entries.map((_, i) => `pl.${p.id}.${i}`)]),
      ...k.products.map((p) => `pr.${p.id}`),
      ...PROGRAMME_ATTRIBUTES.map((id) => `t.${id}`),
      ...Object.keys(k.sources).map((id) => `s.${id}`),
      ...k.people.map((p) => `ps.${p.id}`),
    ];
    for (const ref of refs) {
      for (const lang of LANGS) {
        const reply = engine.answerRef(ref, lang);
        expect(reply, ref).toBeDefined();
        if (reply)
          expect(citations(engine, reply), `${ref} ${lang}\n${reply.text}`).toEqual({
            missing: [],
            unfounded: [],
          });
      }
    }
  });
});
