import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR, readLocale } from "../src/i18n/index.ts";

/** Every key of a nested object, with the placeholders of its text: "start.welcome {{name}}". */
function keysWithPlaceholders(value: unknown, prefix = ""): string[] {
  if (typeof value === "string")
    return [
      `${prefix} ${[...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
        .map((m) => m[1])
        .sort()
        .join(",")}`,
    ];
  if (Array.isArray(value)) return [`${prefix} [array of ${value.length}]`];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keysWithPlaceholders(v, prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix} ?`];
}

describe("the two languages", () => {
  it("have the same feature files", () => {
    expect(readdirSync(join(LOCALES_DIR, "en")).sort()).toEqual(readdirSync(join(LOCALES_DIR, "id")).sort());
  });

  it("hold the same keys with the same placeholders", () => {
    expect(keysWithPlaceholders(readLocale("en")).sort()).toEqual(
      keysWithPlaceholders(readLocale("id")).sort(),
    );
  });
});
