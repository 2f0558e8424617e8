/**
 * Ask the bot a question from the terminal.
 *
 *   npm run ask -- "produk apa di Papua?"        prints the answer as a person would read it
 *   npm run --silent ask -- --json < questions   one question a line in, one JSON object a line out
 *   --lang id|en                                 answer in this language whatever the question's
 *   --knowledge FILE                             another knowledge file
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Reply } from "../answer/engine";
import { DEFAULT_KNOWLEDGE_PATH, loadEngine } from "../answer/load";
import { isLang } from "../lang";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    lang: { type: "string" },
    knowledge: { type: "string", default: DEFAULT_KNOWLEDGE_PATH },
  },
});
if (values.lang !== undefined && !isLang(values.lang)) {
  console.error(`--lang takes "id" or "en", not "${values.lang}"`);
  process.exit(2);
}
const lang = isLang(values.lang) ? values.lang : undefined;
const engine = await loadEngine(values.knowledge);

/** The text a person reads: the answer, its source, and any "did you mean" choices. */
function readable(reply: Reply): string {
  const lines = [reply.text];
  if (reply.sourceLine) lines.push("", reply.sourceLine);
  if (reply.kind === "fallback" && reply.suggestions.length) {
    lines.push("", ...reply.suggestions.map((s) => `  → ${s.label}`));
  }
  return lines.join("\n");
}

function json(question: string, reply: Reply): string {
  return JSON.stringify({
    question,
    lang: reply.lang,
    kind: reply.kind,
    answer: reply.sourceLine ? `${reply.text}\n\n${reply.sourceLine}` : reply.text,
    confidence: reply.confidence,
    sources: reply.sources,
    suggestions: reply.suggestions.map((s) => s.label),
  });
}

if (values.json) {
  const lines = positionals.length
    ? positionals
    : createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const question of lines) {
    process.stdout.write(`${json(question, engine.ask(question, { lang }))}\n`);
  }
} else {
  const question = positionals.join(" ");
  if (!question) {
    console.error('Usage: npm run ask -- "produk apa di Papua?"   (or --json to read questions from stdin)');
    process.exit(2);
  }
  console.log(readable(engine.ask(question, { lang })));
}
