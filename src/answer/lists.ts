/** Lists written out in a sentence, in either language. Pure. */
import type { Lang } from "../lang.ts";

/** "a, b dan c" / "a, b and c"; "a; b dan c; dan d" when an item is a list itself. */
export function joinList(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "id" ? "dan" : "and";
  // Three items or more that are lists themselves ("tahu dan tempe", not inside brackets) are set
  // apart by semicolons: "A, tahu dan tempe dan B" would read as four.
  const outsideBrackets = (item: string) => item.replace(/\([^()]*\)/g, "");
  const listed = (item: string) => / (dan|and) |, /.test(outsideBrackets(item));
  if (items.length > 2 && items.some(listed))
    return `${items.slice(0, -1).join("; ")}; ${and} ${items[items.length - 1]}`;
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}
