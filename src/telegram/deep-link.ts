/**
 * Start parameters of deep links (`t.me/<bot>?start=<parameter>`): at most 64 characters of
 * A–Z, a–z, 0–9, _ and -. A subject reference travels as `r_<ref>` (dots become underscores:
 * subject ids never hold one); a free question as `q_<base64url of its text>`.
 */
type StartPayload = { ref: string } | { query: string };

const MAX = 64;

/** Encodes a payload as a start parameter; a long query is cut to fit. */
export function encodeStartPayload(payload: StartPayload): string {
  if ("ref" in payload) return `r_${payload.ref.replace(/\./g, "_")}`.slice(0, MAX);
  // base64url makes 4 characters of every 3 bytes: 62 characters hold 46 bytes.
  const maxBytes = Math.floor(((MAX - 2) * 3) / 4);
  let text = "";
  let bytes = 0;
  for (const char of payload.query.trim()) {
    bytes += Buffer.byteLength(char, "utf8");
    if (bytes > maxBytes) break;
    text += char;
  }
  return `q_${Buffer.from(text, "utf8").toString("base64url")}`;
}

/** Reads a start parameter back; `undefined` for anything else (a plain /start, a forged one). */
export function decodeStartPayload(parameter: string): StartPayload | undefined {
  if (!/^[A-Za-z0-9_-]{3,64}$/.test(parameter)) return undefined;
  if (parameter.startsWith("r_")) return { ref: parameter.slice(2).replace(/_/g, ".") };
  if (parameter.startsWith("q_")) {
    const query = Buffer.from(parameter.slice(2), "base64url")
      .toString("utf8")
      .replace(/\uFFFD/g, "")
      .trim();
    return query ? { query } : undefined;
  }
  // A bare word ("sulsel", "papua") is read as a question too: people type such links by hand.
  return { query: parameter.replace(/[_-]+/g, " ") };
}
