/**
 * Ask the bot a question from the terminal.
 *
 *   npm run ask -- "produk apa di Papua?"        prints the answer as a person would read it
 *   npm run --silent ask -- --json < questions   one question a line in, one JSON object a line out;
 *                                                a line {"q": "…", "history": ["…"]} is answered as the
 *                                                bot would after those messages in one chat
 *   --lang id|en                                 answer in this language whatever the question's
 *   --knowledge FILE                             another knowledge file
 */
import { createInterface } from "node:readline";
import type { Reply } from "../answer/engine.ts";
import { DEFAULT_KNOWLEDGE_PATH, loadEngine } from "../answer/load.ts";
import { isLang } from "../lang.ts";
import { parseCommand, usageError } from "./args.ts";

const COMMAND = {
  usage: 'npm run ask -- [--lang id|en] [--knowledge FILE] "question"   or   npm run --silent ask -- --json',
  help: `
Prints the bot's answer to a question as a person would read it.

--json             one question a line on stdin (or the arguments), one JSON reply a line on stdout
--lang id|en       answer in this language whatever the question's
--knowledge FILE   another knowledge file (default ${DEFAULT_KNOWLEDGE_PATH})`,
  options: {
    json: { type: "boolean", default: false },
    lang: { type: "string" },
    knowledge: { type: "string", default: DEFAULT_KNOWLEDGE_PATH },
  },
  maxPositionals: Number.POSITIVE_INFINITY,
} as const;

const { values, positionals } = parseCommand(COMMAND);
if (values.lang !== undefined && !isLang(values.lang)) {
  usageError(COMMAND, `--lang takes "id" or "en", not "${values.lang}"`);
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

/** A line of input: a question, or `{"q", "history"}` for a follow-up after earlier messages. */
function conversation(line: string): { q: string; history: string[] } {
  if (line.trimStart().startsWith("{")) {
    try {
      const parsed = JSON.parse(line) as { q?: unknown; history?: unknown };
      if (typeof parsed.q === "string") {
        const history = Array.isArray(parsed.history)
          ? parsed.history.filter((h) => typeof h === "string")
          : [];
        return { q: parsed.q, history };
      }
    } catch {
      // Not JSON after all: a question that starts with a brace.
    }
  }
  return { q: line, history: [] };
}

if (values.json) {
  const lines = positionals.length
    ? positionals
    : createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const { q, history } = conversation(line);
    process.stdout.write(`${json(q, engine.askAfter(history, q, { lang }))}\n`);
  }
} else {
  const question = positionals.join(" ");
  if (!question) usageError(COMMAND, "no question given");
  console.log(readable(engine.ask(question, { lang })));
}
