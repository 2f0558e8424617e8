/** What the sources don't say, said specifically: the fallback piece of a question they can't answer. */
import type { Knowledge } from "../knowledge/load.ts";
import { describe } from "./cards.ts";
import type { Subject } from "./subject.ts";
import type { Understood } from "./understand.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/**
 * "The sources don't give that figure for Kota Mojokerto. What the sources do say: …", and
 * where to ask next. Kind `fallback`: the question is not answered.
 */
export function missingPiece(
  w: AnswerWriter,
  k: Knowledge,
  u: Understood,
  why: string,
  s: Subject | undefined,
): Piece {
  const { lang } = u.asked;
  // (Requirements asked of a part of the programme rather than of taking part, "a facilitator's
  // qualifications": see `own-business.ts`.)
  // (Leaving asked of no one named, "did anyone quit?", is said of anyone.)
  const of =
    why === "requirements" && s !== undefined && s.kind !== "criteria"
      ? "requirementsOf"
      : why === "left" && (s === undefined || s.kind === "topic")
        ? "leftAnyone"
        : why;
  const key = `answer.missing.${of}`;
  const exists = w.memo(`has:${lang}:${key}`, () => w.t(lang, key, { defaultValue: "" }) !== "");
  const subject = s ? w.nameOf(lang, s) : w.text(lang, "answer.programme");
  const lines = [
    w.t(lang, exists ? key : "answer.missing.describe", {
      subject,
      words: u.unexplained.slice(0, 3).join(" "),
      // A country is a name: "korea" as typed is "Korea".
      country: (u.foreign ?? "").replace(/(^|\s)\p{L}/gu, (letter) => letter.toUpperCase()),
      years: u.unknownYears.join(", "),
      short: u.unexpanded ?? "",
      party: u.motive ? w.nameOf(lang, { kind: "org", id: u.motive }) : "",
      stater: w.nameOf(lang, { kind: "org", id: k.programme.aim.stated_by }),
    }),
  ];
  const summary = s && !(why === "words" && s.kind === "topic") ? describe(w, s, u.asked) : undefined;
  if (summary && summary.kind !== "fallback")
    lines.push(`${w.text(lang, "answer.whatTheySay")} ${summary.text}`);
  // (Of where a place's goods sell, the markets the programme aims at are what the sources say.)
  const aim = why === "trade" ? k.programme.aim : undefined;
  if (aim) lines.push(aim.text[lang]);
  lines.push(w.nextSteps(lang));
  return {
    ...w.piece(
      lines.join("\n"),
      [...(summary?.kind === "fallback" ? [] : (summary?.sources ?? [])), ...(aim?.sources ?? [])],
      s ? [s] : [],
      "fallback",
    ),
    nextSteps: true,
  };
}
