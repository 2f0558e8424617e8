/**
 * Another organisation named where one of the programme's belongs: "Program JETRO dan Kemenperin
 * buat IKM itu mulai tahun berapa?", "the Ministry of Trade's project with JICA in West Kalimantan",
 * "Ini programnya Kemenkop UKM atau Kemenperin?". The question is answered without the other name,
 * after saying which organisation the sources name instead; a question about the other organisation
 * itself ("Apa itu JETRO?", "What does JETRO do for exporters?") is not answered. Pure.
 */
import { fold } from "./normalise.ts";
import { type Reply, withoutVerdict } from "./reply.ts";

/** The other organisations a message names, and the message without them. */
export interface OtherParties {
  /** As the asker wrote them ("JETRO", "Kemenkop UKM"). */
  names: string[];
  /** The country of the first (ISO code): the programme's organisation of that country is the one meant. */
  country: string;
  rest: string;
  /** Whether one stands beside a word that ties it to the programme (see `attachedAt`). */
  attached: boolean;
}

// A message this long is looked at (the reader reads no further).
const MAX_CHARS = 500;
// How near a word that ties another organisation to the programme is, in words ("JETRO's coffee
// project": the possessive is a word).
const NEAR = 3;

/**
 * The organisations of `parties` (folded name → country, the lexicon's `other_parties`) that
 * `message` names, longest names first, or `undefined`. `attaching`: words that tie a name beside
 * them to the programme.
 */
export function otherPartiesIn(
  message: string,
  parties: ReadonlyMap<string, string>,
  attaching: ReadonlySet<string>,
): OtherParties | undefined {
  if (message.length > MAX_CHARS || !parties.size) return undefined;
  const folded = ` ${fold(message)} `;
  const names: string[] = [];
  let country: string | undefined;
  let attached = false;
  let rest = message;
  for (const [name, of] of [...parties].sort(([a], [b]) => b.length - a.length)) {
    if (!folded.includes(` ${name} `)) continue;
    const words = name.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const written = new RegExp(
      `(?<![\\p{L}\\d])${words.join("[^\\p{L}\\d]+")}(?![\\p{L}\\d])(?:['’]s)?`,
      "giu",
    );
    const found = rest.match(written);
    if (!found) continue;
    names.push(found[0].replace(/['’]s$/u, ""));
    country ??= of;
    attached ||= attachedAt(folded, name, attaching);
    rest = rest.replace(written, " ");
  }
  return country ? { names, country, rest, attached } : undefined;
}

/**
 * Whether `name` stands beside a word of `attaching` ("program JETRO", "JBIC project", "JICA atau
 * JETRO", "kerja sama IKM"): named as one of the programme's parties, not asked about itself.
 */
function attachedAt(folded: string, name: string, attaching: ReadonlySet<string>): boolean {
  const words = folded.trim().split(" ");
  const length = name.split(" ").length;
  const beside = (at: number) => {
    const near = [
      ...words.slice(Math.max(0, at - NEAR), at),
      ...words.slice(at + length, at + length + NEAR),
    ];
    return near.some((w, i) => attaching.has(w) || attaching.has(`${w} ${near[i + 1] ?? ""}`));
  };
  return words.some((_, at) => words.slice(at, at + length).join(" ") === name && beside(at));
}

/** How a message naming another organisation is answered: the rest asked, and the note that corrects it. */
export interface CorrectingWriter {
  answer: (rest: string) => Reply;
  /** The message answered as if it named no other organisation. */
  answerAsIs: () => Reply;
  /** Whether a text names the programme's organisation of another country than `country` (JICA beside "Kemenkop"). */
  namesPartner: (text: string, country: string) => boolean;
  /** Whether a text names something the knowledge knows ("apa itu?" names nothing). */
  namesSomething: (text: string) => boolean;
  /** "Sumber menyebut JICA, bukan JETRO.", or `undefined` when the programme has no organisation of that country. */
  note: (lang: Reply["lang"], others: OtherParties) => string | undefined;
}

/**
 * The answer to the message without the other organisations when they are named as the programme's
 * parties and the rest names something; else the message answered as it is ("Apa itu JETRO?",
 * "Berapa dana dari JBIC?"). An answer opens with the note that names the programme's own.
 */
export function correctedReply(others: OtherParties, w: CorrectingWriter): Reply {
  const asParty = others.attached || w.namesPartner(others.rest, others.country);
  const reply = asParty && w.namesSomething(others.rest) ? w.answer(others.rest) : w.answerAsIs();
  const note = reply.kind === "answer" ? w.note(reply.lang, others) : undefined;
  // (A verdict on a statement built on another organisation would bear it out: the note says instead.)
  return note ? { ...reply, text: `${note}\n${withoutVerdict(reply)}`, verdict: undefined } : reply;
}
