import { loadEngine } from "./src/answer/load";

const e = await loadEngine("knowledge/programme.yaml");
for (const q of process.argv.slice(2)) {
  const r = e.ask(q);
  console.log(
    q,
    "→",
    r.kind,
    r.subjects.map((s) => JSON.stringify(s)).join(" "),
    r.suggestions.map((s) => s.ref),
    "|",
    r.text.slice(0, 120).replace(/\n/g, " / "),
  );
}
