/**
 * What a message wraps its question in: the forms of a letter pasted into the chat ("Kepada Yth.
 * Admin, Dengan hormat, …", "Dear Sir/Madam, …" before it; "Atas perhatiannya kami ucapkan terima
 * kasih.", "I look forward to your reply. Yours faithfully, Daniel" after it), and what the asker
 * wants the answer for ("… for my travel blog"). They say nothing of what is asked. Pure.
 */

/** The phrases a letter opens and closes with, as the lexicon lists them. */
export interface LetterForms {
  /** A salutation, up to the comma or the line that ends it ("Dear Sir/Madam,"). */
  opening: RegExp | undefined;
  /** A closing, to the end of the message ("Hormat kami, …", "Kind regards"). */
  closing: RegExp | undefined;
}

// A salutation ends at its comma, colon or line, within a few words ("Kepada Yth. Admin Tanya IKM,").
const SALUTATION_END = String.raw`[^,:\n]{0,60}?[,:\n]`;

/** The opening and closing phrases as patterns: words apart by spaces or dots ("yth." "kepada yth"). */
export function letterForms(openings: readonly string[], closings: readonly string[]): LetterForms {
  const any = (list: readonly string[]) => alternatives(list, String.raw`[\s.]+`);
  return {
    opening: openings.length
      ? new RegExp(String.raw`^\s*(?:${any(openings)})(?![\p{L}\d])${SALUTATION_END}`, "iu")
      : undefined,
    // At a sentence's start; what follows it to the end asks nothing. (A few spaces only: \s would
    // take every one of a run of spaces back at each letter, a cost that grows with its square.)
    closing: closings.length
      ? new RegExp(String.raw`(?<=^|[.!?\n][ \t]{0,3})(?:${any(closings)})(?![\p{L}\d])[^?]*$`, "iu")
      : undefined,
  };
}

/** The phrases that open the asker's purpose, each to the end of its clause. */
export function purposePattern(purposes: readonly string[]): RegExp | undefined {
  if (!purposes.length) return undefined;
  const any = alternatives(purposes, String.raw`\s+`);
  return new RegExp(String.raw`(?<![\p{L}\d])(?:${any})(?![\p{L}\d])([^.,!?;\n]*)`, "giu");
}

/**
 * The message without the asker's purposes, or as it is when nothing else would be left. A purpose
 * is one only where `saysNothing` of its words ("for my travel blog"; not "for my shoe workshop in
 * Mojokerto", which names what is asked about).
 */
export function withoutPurposes(
  message: string,
  purpose: RegExp | undefined,
  saysNothing: (words: string) => boolean,
): string {
  if (!purpose) return message;
  // (The words after the phrase that opens it: "buat" itself may mean "make".)
  const rest = message.replace(purpose, (span, after: string) => (saysNothing(after) ? " " : span));
  return /[\p{L}\d]{2}/u.test(rest) ? rest : message;
}

/** The message without the forms of a letter, or as it is when nothing else would be left. */
export function withoutLetterForms(message: string, forms: LetterForms): string {
  let text = message;
  // "Kepada Yth. Admin Tanya IKM, Dengan hormat, perkenalkan, …": one salutation after another.
  for (let i = 0; i < 3 && forms.opening; i++) {
    const stripped = text.replace(forms.opening, "");
    if (stripped === text) break;
    text = stripped;
  }
  const closed = forms.closing ? text.replace(forms.closing, "") : text;
  // "Terima kasih." alone is thanks, not a letter's closing.
  return /[\p{L}\d]{2}/u.test(closed) ? closed : /[\p{L}\d]{2}/u.test(text) ? text : message;
}

/** Phrases as one pattern's alternatives, their words apart by `between`. */
export function alternatives(phrases: readonly string[], between: string): string {
  return phrases.map((p) => p.split(" ").map(escapePattern).join(between)).join("|");
}

function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
