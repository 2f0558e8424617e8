import { describe, expect, it } from "vitest";
import type { Reply } from "../src/answer/engine.ts";
import { testEngine } from "./support/app.ts";

// How people typing fast on phones word their questions, as blind set 142 showed: each case failed
// on the code before its fix. Earlier sets' cases are in `wording-of-blind-sets.test.ts`.

/** The reply to `question`, asked right after `history` in one chat. */
async function ask(question: string, history: string[] = []): Promise<Reply> {
  return (await testEngine()).askAfter(history, question);
}

describe("texting shorthand", () => {
  it("a shorthand for a chat spelling is read as the word that spelling stands for ('emg' → 'emang' → 'memang')", async () => {
    const criteria = await ask("emg pertimbangannya apa aja?", ["program lanjutan target awalnya apa aja"]);
    expect(criteria.kind).toBe("answer");
    expect(criteria.text).toMatch(/^Daerah dipilih berdasarkan tiga pertimbangan/);
  });

  it("'indo' is Indonesia", async () => {
    const since = await ask("kpn mulai kerjasama ikm indo jepang");
    expect(since.kind).toBe("answer");
    expect(since.text).toContain("2013");
  });
});

describe("where a person said it", () => {
  it("is how her statements were given: an official release", async () => {
    const en = await ask("where did she say this?", ["Who is Gati Wibawaningsih?"]);
    expect(en.kind).toBe("answer");
    expect(en.text).toContain("official release");
    const id = await ask("gati ngomong di mana?");
    expect(id.kind).toBe("answer");
    expect(id.text).toContain("rilis resmi");
  });

  it("where she lives is not in the sources", async () => {
    const lives = await ask("where does Gati live?");
    expect(lives.kind).toBe("fallback");
    expect(lives.text).toContain("Gati Wibawaningsih");
  });
});
