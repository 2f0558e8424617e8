import { describe, expect, it } from "vitest";
import { quotedAnswer, quoteMarkers } from "../src/answer/quoted-answers.ts";
import { askAfter as ask } from "./support/app.ts";

describe("the bot's own answer quoted back", () => {
  const markers = quoteMarkers(["tadi kamu bilang", "you wrote"]);

  it("sets the quote apart from what is asked after it", () => {
    expect(quotedAnswer("> Sumatera Utara: tenun ulos\nsamosir itu di mana?", markers)).toEqual({
      quote: "Sumatera Utara: tenun ulos",
      rest: "samosir itu di mana?",
    });
    expect(quotedAnswer("Tadi kamu bilang sumber dukungan, maksudnya apa?", markers)).toEqual({
      quote: "sumber dukungan",
      rest: "maksudnya apa?",
    });
    expect(quotedAnswer('You wrote "Pasuruan City" — is that the city or the regency?', markers)?.quote).toBe(
      "Pasuruan City",
    );
    expect(quotedAnswer("Produk Sulsel apa?", markers)).toBeUndefined();
  });

  it("answers what follows the quote, and thanks after one", async () => {
    const region = await ask(
      "tadi km bilang Sumatera Utara: tenun ulos di Kabupaten Samosir… Aceh ikut jg gak min?",
    );
    expect(region.kind).toBe("not_in_programme");
    expect(region.text).toContain("Aceh");
    const thanks = await ask("> Sulawesi Selatan: kerajinan perak dan emas di Makassar\nokee makasih min 🙏");
    expect(thanks.kind).toBe("smalltalk");
    const meaning = await ask("Tadi kamu bilang sumber dukungan, maksudnya apa?");
    expect(meaning.text).toContain("APBN");
  });
});
