/** A value of one CSV cell; `undefined` and `null` are empty. */
type CsvValue = string | number | boolean | undefined | null;

/**
 * The separator a spreadsheet set to Indonesian expects: Indonesian writes decimals with a comma,
 * so its list separator is the semicolon (Excel and LibreOffice take it from the locale).
 */
const SEPARATOR = ";";

// A spreadsheet reads a cell starting with one of these as a formula (CSV injection); a tab or a
// carriage return in front can hide the sign from a quick look.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, RFC 4180 style: quoted when it holds a quote, the separator, a comma or a line break
 * (quotes doubled). Text that a spreadsheet would run as a formula gets a leading `'`; numbers
 * stay numbers, written with a decimal comma as Indonesian does.
 */
export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";,\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file that opens in one click in a spreadsheet set to Indonesian: semicolons between
 * cells, CRLF line ends, and a byte-order mark so the UTF-8 (Indonesian names, emoji) reads right.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(SEPARATOR));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
