/**
 * Another organisation named where one of the programme's belongs: "Program JETRO dan Kemenperin
 * buat IKM itu mulai tahun berapa?", "the Ministry of Trade's project with JICA in West Kalimantan",
 * "Ini programnya Kemenkop UKM atau Kemenperin?". The question is answered without the other name,
 * after saying which organisation the sources name instead; a question about the other organisation
 * itself ("Apa itu JETRO?", "What does JETRO do for exporters?") is not answered. Pure.
 */
import type { Translate } from "../i18n/index.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Found } from "./found.ts";
import { namesNothing } from "./intents.ts";
import { alternatives } from "./letters.ts";
import { fold, MAX_QUESTION_CHARS } from "./normalise.ts";
import { type Reply, withoutVerdict } from "./reply.ts";

/** The other organisations a message names, and the message without them. */
export interface OtherParties {
  /** As the asker wrote them ("JETRO", "Kemenkop UKM"), with their countries (ISO codes): the programme's organisation of that country is the one meant. */
  found: Array<{ name: string; country: string }>;
  rest: string;
  /** Whether one stands beside a word that ties it to the programme (see `attachedAt`). */
  attached: boolean;
}

// How near a word that ties another organisation to the programme is, in words ("JETRO's coffee
// project": the possessive is a word).
const NEAR = 3;

/**
 * The organisations of `parties` (folded name → country, the lexicon's `other_parties`) that
 * `message` names, longest names first, or `undefined`. `attaching`: words that tie a name beside
 * them to the programme. (Looked for in what the reader reads: `MAX_QUESTION_CHARS`.)
 */
export function otherPartiesIn(
  message: string,
  parties: ReadonlyMap<string, string>,
  attaching: ReadonlySet<string>,
): OtherParties | undefined {
  if (message.length > MAX_QUESTION_CHARS || !parties.size) return undefined;
  const folded = ` ${fold(message)} `;
  const found: OtherParties["found"] = [];
  let attached = false;
  let rest = message;
  for (const [name, country] of [...parties].sort(([a], [b]) => b.length - a.length)) {
    if (!folded.includes(` ${name} `)) continue;
    const written = new RegExp(
      `(?<![\\p{L}\\d])(?:${alternatives([name], "[^\\p{L}\\d]+")})(?![\\p{L}\\d])(?:['’]s)?`,
      "giu",
    );
    const as = rest.match(written);
    if (!as) continue;
    found.push({ name: as[0].replace(/['’]s$/u, ""), country });
    attached ||= attachedAt(folded, name, attaching);
    rest = rest.replace(written, " ");
  }
  return found.length ? { found, rest, attached } : undefined;
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
  /**
   * What the rest of the message names, read once: the countries of the programme's organisations
   * it names (JICA's beside "Kemenkop"), and whether it asks something of the programme ("apa itu?"
   * names nothing; "Is JICA different from …?" compares).
   */
  readRest: (text: string) => { partners: ReadonlySet<string>; asksOfProgramme: boolean };
  /** "Sumber menyebut JICA, bukan JETRO.", a sentence for each country, or `undefined` when the programme has none of them. */
  note: (lang: Reply["lang"], found: OtherParties["found"]) => string | undefined;
}

/**
 * The answer to the message without the other organisations when they are named as the programme's
 * parties and the rest asks something of the programme; else the message answered as it is ("Apa
 * itu JETRO?", "Is JICA different from JETRO?"). An answer opens with the note that names the
 * programme's own, unless it checked a statement on its own terms ("Saya dengar dari JETRO kalau
 * ulos dari Sumut, benar?": yes).
 */
export function correctedReply(others: OtherParties, w: CorrectingWriter): Reply {
  const rest = w.readRest(others.rest);
  const partnered = others.found.some((o) => [...rest.partners].some((country) => country !== o.country));
  const tied = (others.attached || partnered) && rest.asksOfProgramme;
  const reply = tied ? w.answer(others.rest) : w.answerAsIs();
  const note =
    reply.kind === "answer" && (tied || !reply.verdict) ? w.note(reply.lang, others.found) : undefined;
  // (A verdict on a statement built on another organisation would bear it out: the note says instead.)
  return note ? { ...reply, text: `${note}\n${withoutVerdict(reply)}`, verdict: undefined } : reply;
}

/**
 * What correcting another organisation's name takes of the knowledge: what the rest of a message
 * names (read by `read`), and the note naming the programme's own organisation of each country.
 */
export function partyCorrections(
  k: Knowledge,
  read: (text: string) => Found,
  t: Translate,
): Pick<CorrectingWriter, "readRest" | "note"> {
  const runs = k.organisations.filter((o) => o.runs_programme);
  return {
    readRest: (text) => {
      const whole = read(text);
      const named = runs.filter((o) => whole.orgs.includes(o.id));
      const partners = new Set(named.flatMap((o) => (o.country ? [o.country] : [])));
      // ("program jica ini dr kementerian koperasi kan": a claim of whose the programme is asks of it.)
      const claimed = whole.programme && whole.cues.has("confirm");
      return { partners, asksOfProgramme: (!namesNothing(whole) || claimed) && !whole.cues.has("compare") };
    },
    note: (lang, found) => {
      const notes = [...new Set(found.map((o) => o.country))].flatMap((country) => {
        const own = runs.find((o) => o.country === country);
        const names = found.filter((o) => o.country === country).map((o) => o.name);
        return own ? [t(lang, "answer.otherParty", { party: own.name, others: names.join(", ") })] : [];
      });
      return notes.length ? notes.join(" ") : undefined;
    },
  };
}
