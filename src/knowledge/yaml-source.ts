/**
 * YAML files people edit: read fast when they are right (js-yaml, about ten times faster than
 * `yaml` on a cold start), and looked at closely only when something is wrong: then the `yaml`
 * library, loaded at that moment, finds every syntax error and the line and column of any key.
 */
import { createRequire } from "node:module";
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";

type YamlLibrary = typeof import("yaml");

/** A step into the data: a key of a mapping, or a 0-based index of a list. */
export type PathPart = string | number;

/** A file's text and the data it holds; its document (for places) is built when first asked. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** Built by {@link locate} the first time a place is needed. */
  document?: { doc: Document; lines: LineCounter };
}

/** A syntax error, where it is, in the parser's words (less the location it appends). */
export interface SyntaxFault {
  line: number;
  column: number;
  words: string;
}

let yamlLibrary: YamlLibrary | undefined;
/** The `yaml` library, loaded the first time a problem needs it (a clean start never does). */
function yaml(): YamlLibrary {
  yamlLibrary ??= createRequire(import.meta.url)("yaml") as YamlLibrary;
  return yamlLibrary;
}

/** Reads YAML text: its data, or every syntax error in it. */
export function readYaml(text: string, file: string): { source: YamlSource; faults: SyntaxFault[] } {
  try {
    // The core schema: dates stay text, as YAML 1.2 reads them (and as `yaml` would).
    return { source: { file, text, data: load(text, { schema: CORE_SCHEMA, filename: file }) }, faults: [] };
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const source: YamlSource = { file, text, data: undefined };
    const { doc, lines } = documentOf(source);
    const faults = doc.errors.map((error) => {
      const at = lines.linePos(error.pos[0]);
      const words = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      return { line: at.line, column: at.col, words };
    });
    // Should `yaml` accept what js-yaml refused, js-yaml's own words are the fault.
    if (faults.length) return { source, faults };
    const mark = err.mark ?? { line: 0, column: 0 };
    return { source, faults: [{ line: mark.line + 1, column: mark.column + 1, words: err.reason }] };
  }
}

function documentOf(source: YamlSource): { doc: Document; lines: LineCounter } {
  if (!source.document) {
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    source.document = { doc: parseDocument(source.text, { lineCounter: lines, prettyErrors: false }), lines };
  }
  return source.document;
}

/** The line and column of `path` in the file: the key's own place, else its closest parent's. */
export function locate(
  source: YamlSource,
  path: readonly PathPart[],
): { line: number; col: number } | undefined {
  const { doc, lines } = documentOf(source);
  let node: unknown = doc.contents;
  let place = offsetOf(node);
  for (const part of path) {
    const next = childOf(node, part);
    if (!next) break;
    node = next.value;
    place = next.at ?? offsetOf(node) ?? place;
  }
  return place === undefined ? undefined : lines.linePos(place);
}

function childOf(node: unknown, part: PathPart): { value: unknown; at: number | undefined } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
    return pair ? { value: pair.value, at: offsetOf(pair.key) } : undefined;
  }
  if (isSeq(node) && typeof part === "number") {
    const item = node.items[part];
    return item === undefined ? undefined : { value: item, at: offsetOf(item) };
  }
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
