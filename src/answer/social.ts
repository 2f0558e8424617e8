/**
 * What a message copied from social media or a chat app carries besides the question: links,
 * @mentions and retweet marks, a "Forwarded from …:" header, hashtags after it and a signature
 * ("— Sari, Tegal"). They say where the message came from and who wrote it, not what it asks;
 * they are taken out before it is read. Pure.
 */
import { MAX_QUESTION_CHARS } from "./normalise.ts";

// A link: with its scheme, or a domain with a path ("news.example.id/ikm", "bit.ly/abc"). A
// domain alone ("INDUSTRY.co.id") is a name and stays.
const LINK = /(?:\bhttps?:\/\/|\bwww\.)\S+|\b[\w-]+(?:\.[\w-]+)+\/\S*/giu;
// "RT @infoikm:", "@TanyaIKMbot", "cc @admin".
const MENTION = /\bRT\s+@\w+:?|(?<![\w.])@\w+:?/giu;
// A chat app's header of a forwarded message, to its colon.
const FORWARDED = /^\s*(?:forwarded from|diteruskan dari)\b[^:\n]{0,80}:/iu;
// "… ? — Sari, Tegal": a name (and a place) after a dash, ending the message after a question.
const SIGNATURE =
  /(?<=[?!.\p{Extended_Pictographic}]\s{0,3})\s[—–-]{1,2}\s*\p{Lu}[\p{L}.']*(?:\s\p{Lu}[\p{L}.']*)?(?:,\s*\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)?\s*$/u;
// A signature is short: only the message's end is searched for one (so a long message costs no more).
const SIGNATURE_CHARS = 60;

/** The message without its links, mentions, forwarding header, trailing hashtags and signature. */
export function withoutPostMarks(message: string): string {
  if (!/[@#/:—–-]|www\./.test(message)) return message;
  const cut = message
    .slice(0, MAX_QUESTION_CHARS * 2)
    .replace(FORWARDED, " ")
    .replace(LINK, " ")
    .replace(MENTION, " ");
  const head = cut.slice(0, -SIGNATURE_CHARS);
  const signed = head + cut.slice(head.length).replace(SIGNATURE, "");
  // Hashtags that end the message ("… ? #IKM #JICA"); within a sentence a hashtag is its word. (A
  // message of hashtags only is read as its words.)
  let end = signed.trimEnd();
  for (;;) {
    const at = Math.max(end.lastIndexOf(" "), end.lastIndexOf("\n"), end.lastIndexOf("\t"));
    if (at < 0 || !end.startsWith("#", at + 1)) break;
    end = end.slice(0, at).trimEnd();
  }
  const onlyTags = end.trimStart().startsWith("#") && !/\s/.test(end.trim());
  return onlyTags ? signed : end;
}
