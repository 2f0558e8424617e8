/** Small talk: a message that only greets, thanks or asks who the bot is. Pure. */
import type { Found } from "./found.ts";
import { type Cue, FILLER_CUES, type SmallTalk } from "./lexicon.ts";

// Cues that ask something: thanks beside them is said before a question.
const QUESTION_CUES = [
  "what",
  "where",
  "who",
  "when",
  "quantity",
  "how",
  "why",
  "member",
  "meaning",
  "absent",
  "tell",
] as const;
// Cues a question of who the bot is may hold ("Apakah saya berbicara dengan …?", "Are you from JICA?").
const IDENTITY_CUES: ReadonlySet<Cue> = new Set<Cue>(["what", "opener", "said", "domain", "tag"]);
const SMALL_TALK_ORDER: SmallTalk[] = [
  "thanks",
  "bye",
  "who-are-you",
  "languages",
  "how-are-you",
  "greet",
  "ack",
];

/** Small talk alone ("halo", "thanks a lot!"): nothing else of substance in the message. */
export function smallTalkOf(f: Found): SmallTalk | undefined {
  // ("Thanks, I'll pass this on to my manager.": thanks that asks nothing may say more the bot doesn't know.)
  const asks = f.yesNo || QUESTION_CUES.some((c) => f.cues.has(c));
  // ("cuaca mks besok hujan ga": "mks" is Makassar as much as thanks; beside words the bot doesn't
  // know, it is no thanks.)
  const thanksOnly =
    f.smalltalk.includes("thanks") && !asks && !(f.smallTalkNames > 0 && f.unknown.length > 0);
  // ("Good morning. I am a researcher from Kyoto University, nice to meet you.": a greeting with the
  // asker's introduction, asking nothing, greets, whatever words the introduction holds.)
  const introduced = f.smalltalk.includes("greet") && f.intro && !asks && !f.endsAsked;
  if (!f.smalltalk.length || (f.unknown.length > 2 && !thanksOnly && !introduced) || f.years.length)
    return undefined;
  // ("cara bikin akun BPJS kesehatan gmn": how to do something is asked, whatever word of small
  // talk its words hold.)
  // ("oh gitu, sebutin dong": so is a list's items asked for.)
  if (f.cues.has("howto") || f.cues.has("enumerate")) return undefined;
  // ("Can you help with my calculus homework?": help asked with what the bot doesn't know is help
  // with that, not what the bot can do.)
  // ("Anda ini siapa? … berbicara dengan petugas Kemenperin?", "Are you from JICA?": who the bot
  // is, asked beside the organisations it might be, is still about the bot.)
  const ofBot =
    f.smalltalk.includes("who-are-you") &&
    f.orgs.length > 0 &&
    f.orgs.length === namedCount(f) &&
    !(f.cues.has("what") && !f.cues.has("opener")) &&
    [...f.cues].every((c) => FILLER_CUES.has(c) || IDENTITY_CUES.has(c));
  if (ofBot && f.unknown.length <= 1) return "who-are-you";
  if (f.smalltalk.every((s) => s === "who-are-you") && f.unknown.length > 0) return undefined;
  // "Tolong terjemahkan 'selamat pagi' ke bahasa Jepang": a greeting quoted in a request.
  // "Apakah program ini juga bantu sertifikasi halal?": "bantu" beside the programme and words the
  // bot doesn't know is a question, not "what can you help with".
  if (f.unknown.length && (f.cues.has("domain") || f.programme)) return undefined;
  // "ok, is there a deadline?", "mantap. kalo tahunnya?": an acknowledgement before a question of
  // its own is the question ("Have a nice day." asks nothing: no question mark closes it; "ok?" is
  // the acknowledgement alone).
  // (A cue of meaning, a question word among them, says more; "saja" of "gitu aja?" only widens a
  // question that isn't there.)
  const meant = [...f.cues].some((c) => !FILLER_CUES.has(c) && c !== "plural");
  // (A word the bot doesn't know says more only in a question opened as one, "ok, is there a
  // deadline?", not "hmm ok?", "ok bos?"; or as goods: "makes sense, and palm oil?".)
  // ("ok, is that true?" opens a question that checks what was said.)
  const opened = f.cues.has("opener") && (f.unknown.length > 0 || f.cues.has("confirm"));
  const saysMore = opened || f.goods.length > 0 || meant;
  if (f.endsAsked && saysMore && f.smalltalk.every((s) => s === "ack")) return undefined;
  const named = namedCount(f);
  const substantive = [
    "product",
    "provinces",
    "where",
    "when",
    "published",
    "criteria",
    "member",
    "quantity",
    "officials",
    "name",
    "source",
    "said",
    "who",
    "author",
    // ("translate 'terima kasih' into Japanese": a fact the sources never give is asked, thanks quoted.)
    "absent",
  ] as const;
  // "Selamat pagi Bu Dirjen!", "Good morning, Director General!": people greeted, asked nothing,
  // are whom the greeting is for.
  // ("Good evening from Jakarta.": so is where it comes from.)
  const greeted = f.people.length + f.roles.length + f.greetedFrom;
  const greets = f.smalltalk.includes("greet") && !asks && !f.endsAsked && named === greeted;
  // ("Oke, terus yang kedua?": an item of a list pointed at is asked about.)
  if ((named && !greets) || f.selection || f.ordinal !== undefined) return undefined;
  // "Makasih ya, membantu banget buat tugas sekolah": thanks, asking nothing, is thanks whatever
  // else it says.
  if (thanksOnly) return "thanks";
  if (substantive.some((c) => f.cues.has(c))) return undefined;
  return SMALL_TALK_ORDER.find((k) => f.smalltalk.includes(k));
}

/** How many things a message names besides small talk. */
function namedCount(f: Found): number {
  return (
    f.provinces.length +
    f.places.length +
    f.products.length +
    f.criteria.length +
    f.people.length +
    f.roles.length +
    f.orgs.length +
    f.sources.length +
    f.areas.length +
    f.islands.length +
    f.cohorts.length +
    f.terms.length +
    f.attributes.length +
    // "hi, what is this IKM programme about?": the programme asked about is a question.
    // ("fine, what can you tell me about the programme?" too.)
    (f.programme && (f.cues.has("what") || f.cues.has("meaning") || f.cues.has("tell")) ? 1 : 0) -
    f.smallTalkNames
  );
}
