/**
 * Which words of a question the matcher cannot account for, and so how sure its reading is. Pure.
 */
import { unknownProductClaim, type Verdict } from "./claims.ts";
import type { Found } from "./found.ts";
import { asksWh, type Intent, namesNothing } from "./intents.ts";
import { basisOffered } from "./settle.ts";
import { isRegion, type Subject } from "./subject.ts";
import type { Understood } from "./understand.ts";

// Each unknown word the question may carry lowers confidence by this factor.
const UNKNOWN_FACTOR = 0.8;

/**
 * The words a question holds that the matcher cannot account for, and how sure the reading is.
 * A word it does not know where the question says what it asks changes the question. Sentences
 * around the question that ask nothing ("saya pensiunan guru di Siantar") carry any. Elsewhere,
 * a long question that is mostly understood can carry a few ("mohon info, saya dari dinas …"):
 * every three meaningful phrases excuse one; a question that only names its subject ("what is
 * …?") excuses none of its first three; "how" ("gmn") asks about what it names. Whether the
 * programme takes in something, asked yes or no ("bisa UMKM kuliner ikutan program ini?"), asks
 * about that something: its words are all unexplained.
 */
export function unexplained(
  f: Found,
  intent: Intent,
  followUp: boolean,
  subjects: Subject[],
  outsideOnly: boolean,
  /** Whether the products the question names are where it puts them ("yes"/"no"), as claimed or asked. */
  productPlaced: Verdict | undefined,
  /** What the chat's last question asked that the sources lack, asked again (`missingAgain`). */
  again: string[] = [],
): Pick<Understood, "unexplained" | "confidence"> {
  // "Di Bantul ada binaan JICA gak?": whatever a question asks of the programme in a region
  // outside it, the programme is not there (unless it asks a thing by name: "the address of
  // JICA's office in Jakarta").
  // So does one asked yes or no of such a region: "Is there anything for silversmiths in
  // Kotagede?", "Do they work with sarong weavers in Samarinda?".
  const ofProgramme = f.programme || f.cues.has("domain") || f.cues.has("member");
  const yesNo = f.cues.has("opener") && !asksWh(f) && !f.cues.has("confirm");
  // (Asked whether it takes part, "What about Aceh's Gayo coffee, is it in the programme?", it is
  // outside whatever else the question names there.)
  const membership = f.cues.has("member") && !asksWh(f);
  if (outsideOnly && (f.asking.length === 0 || membership) && (ofProgramme || yesNo))
    return { unexplained: [], confidence: f.certainty };
  const named = intent === "describe" || intent === "meaning";
  const explicit = !named || followUp || f.attributes.length > 0 || f.cues.has("how");
  const allowed = explicit ? Math.floor(f.meaningful / 3) + 1 : Math.floor((f.meaningful - 1) / 3);
  // "How is this different from JICA's One Village One Product programme?": set beside a thing
  // the sources don't know, the comparison is about that thing.
  const comparedToUnknown = f.cues.has("compare") && f.questionUnknown.length > 0;
  const membershipOfUnknown =
    (intent === "member" || f.cues.has("member")) &&
    !asksWh(f) &&
    subjects.length > 0 &&
    subjects.every((s) => s.kind === "topic" && s.id === "summary");
  // "Apa nama koperasi tahu tempe di Konawe Selatan?": a name asked at a place is of the thing
  // the unknown word names (the place's own name is not asked).
  const nameAtPlace =
    intent === "name" && subjects.length > 0 && subjects.every(isRegion) && f.questionUnknown.length > 0;
  // "The affirmative theme means favouring big exporters, right?": the words are the meaning
  // offered for checking, answered with the one the sources give.
  // So is what a statement says a criterion is about ("… itu buat kota besar kan").
  const ofCriteria = subjects.length > 0 && subjects.every((s) => s.kind === "criterion");
  // So is what a statement says the programme is about: "the programme is mainly about cutting
  // export tariffs, right?" is answered by its aim.
  const ofAim = subjects.length > 0 && subjects.every((s) => s.kind === "topic" && s.id === "aim");
  if ((intent === "meaning" || ofCriteria || ofAim) && f.cues.has("confirm"))
    return { unexplained: [], confidence: f.certainty };
  // ("Regions are chosen by population, right?": the basis offered is answered by the sources'.)
  if (basisOffered(f)) return { unexplained: [], confidence: f.certainty };
  // "Bu Gati itu menteri ya?": a title put on a person is checked against the one the sources give.
  const titled =
    (f.cues.has("confirm") || f.yesNo) &&
    f.titles.length > 0 &&
    subjects.length > 0 &&
    subjects.every((s) => s.kind === "person") &&
    f.questionUnknown.every((w) => f.titles.includes(w));
  if (titled) return { unexplained: [], confidence: f.certainty };
  // An office the sources name nobody in, as the one who said something: "Bupati Dogiyai bilang apa
  // soal kopi?" asks what they said, which the sources don't quote; "Jubir JICA bilang lidah buaya
  // dikembangkan di provinsi mana?" only frames a question the facts answer.
  // (Who held it, or a statement of who did, is the speaker's to answer: "yg ngomong itu menteri, kan?")
  // (In the sentence that asks: "Dosen saya sempat menyebut … Lembaga mana …?" asks the last.)
  const officeSpeaks = f.cues.has("said") && !subjects.some((s) => s.kind === "person");
  const office =
    f.titles.some((t) => f.questionUnknown.includes(t)) && officeSpeaks && !f.cues.has("confirm") && !f.yesNo;
  if (office && intent === "describe") return { unexplained: f.titles, confidence: f.certainty };
  // "Bener gak Gubernur Sulsel bilang Makassar bikin perak?": a fact put in the mouth of an office
  // the sources don't quote is not theirs to bear out or deny, however the fact stands.
  // (A fact the sources contradict is still corrected: "… Governor said Papua joined in 2013?")
  const quoted =
    f.titles.length > 0 &&
    officeSpeaks &&
    f.cues.has("confirm") &&
    f.products.length > 0 &&
    productPlaced === "yes";
  if (quoted) return { unexplained: f.titles, confidence: f.certainty };
  // (Asked who held it, the office is what is asked: "Who was the Minister of Industry when …?")
  const framing = office && intent !== "who" && intent !== "said" ? f.titles : [];
  // "lidah buaya Pontianak udah tembus pasar Jepang blm?": a product rightly placed, checked yes
  // or no with words the sources don't know, claims what those words say, which they cannot bear out.
  const claimsMore =
    productPlaced === "yes" && (f.yesNo || f.cues.has("confirm")) && !asksWh(f) && f.unknown.length > 0;
  // "South Sulawesi's contribution to the programme is coffee.": a product put in the wrong region
  // is corrected, whatever words say so.
  // (So is one put in a place outside, which the sources don't cover: "Kotagede terkenal perak kan?")
  if ((productPlaced === "no" || productPlaced === "outside") && f.cues.has("confirm"))
    return { unexplained: [], confidence: f.certainty };
  if (unknownProductClaim(f)) return { unexplained: [], confidence: f.certainty };
  // "What programmes does Kemendag run?": a question that names a thing the sources don't know,
  // written as a name, is about that thing (offered for checking, or asked why, it is a claim:
  // "so the partner is JETRO?").
  const namedUnknown =
    named &&
    f.unknownNames.some((w) => f.questionUnknown.includes(w)) &&
    !f.cues.has("why") &&
    !f.cues.has("confirm") &&
    !f.yesNo;
  // "Summarise the latest Federal Reserve decision.": a summary asked of nothing the programme
  // names is a summary of what the words it doesn't know name.
  const summaryOfUnknown =
    f.attributes.length === 1 &&
    f.attributes[0] === "summary" &&
    !f.programme &&
    !f.cues.has("domain") &&
    subjects.every((s) => s.kind === "topic") &&
    f.unknown.length > 0;
  // "is there a deadline?", "ok, is there a deadline?": a yes-or-no question that names nothing but
  // what the sources don't know (an acknowledgement before it names nothing either) asks whether
  // that is there, after any question before it too. (Opened as one: "can you elaborate?" asks the
  // bot to, "is it recent?" asks of the last answer.)
  const asksOfUnknown =
    f.yesNo &&
    f.cues.has("opener") &&
    !f.cues.has("tag") &&
    f.meaningful <= f.smalltalk.length &&
    namesNothing(f) &&
    f.years.length === 0 &&
    !f.cues.has("confirm") &&
    f.questionUnknown.length > 0;
  // (Goods asked of a region outside the programme are asked there: it is not there, whatever they are.)
  return {
    unexplained:
      f.asking.some((w) => !framing.includes(w)) ||
      summaryOfUnknown ||
      claimsMore ||
      f.questionUnknown.filter((w) => !framing.includes(w) && !(outsideOnly && f.goods.includes(w))).length >
        allowed ||
      namedUnknown ||
      membershipOfUnknown ||
      nameAtPlace ||
      comparedToUnknown ||
      asksOfUnknown
        ? f.unknown
        : again,
    confidence: f.certainty * UNKNOWN_FACTOR ** Math.min(f.unknown.length, allowed),
  };
}
