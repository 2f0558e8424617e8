import type { Translate } from "../i18n/index.ts";
import type { Areas } from "../knowledge/areas.ts";
import type { Knowledge } from "../knowledge/load.ts";
import type { Lang } from "../lang.ts";
import { answer } from "./answers.ts";
import { cardOf } from "./cards.ts";
import { changeOfMind, MAX_CHANGES } from "./changes-of-mind.ts";
import { statementVerdict, type Verdict, withoutLeadingYes } from "./claims.ts";
import { countOfListed } from "./counting.ts";
import { asTyped } from "./dictation.ts";
import { type Disagreement, disagreementIn, disagreementReply, takesSides } from "./disagreements.ts";
import { completedName } from "./follow-ups.ts";
import type { Found } from "./found.ts";
import { namesNothing, UNANSWERABLE } from "./intents.ts";
import { aboutLastAnswer } from "./last-answer.ts";
import { ReplyMemo } from "./memo.ts";
import { missingPiece } from "./missing.ts";
import { fold, MAX_QUESTION_CHARS } from "./normalise.ts";
import { correctedReply, otherPartiesIn, partyCorrections } from "./other-parties.ts";
import { isQuestionWord } from "./parts.ts";
import { correctedPremise, unansweredAfterStatements } from "./premises.ts";
import { previousOf } from "./previous.ts";
import { quotedAnswer } from "./quoted-answers.ts";
import type { Reading } from "./read.ts";
import { Reader } from "./reader.ts";
import { outsideCard, outsideTogether, withDistricts } from "./region-cards.ts";
import { ANSWER_CUTOFF, Replies } from "./replies.ts";
import { type AskOptions, allOptions, kindOf, openedWith, type Reply, type ReplyKind } from "./reply.ts";
import { smallTalkOf } from "./small-talk.ts";
import { spanCard } from "./spans.ts";
import { isEntry, isRegion, parseSubjectRef, type Subject, subjectRef } from "./subject.ts";
import { SuggestionIndex } from "./suggest.ts";
import { superlativeCard } from "./superlatives.ts";
import { PeopleTitles } from "./titled-people.ts";
import { type Understood, understand } from "./understand.ts";
import { unplacedProductsCard } from "./unplaced-products.ts";
import { Vocabulary } from "./vocabulary.ts";
import { AnswerWriter, type Piece } from "./writer.ts";

export type { Previous } from "./previous.ts";
export type { AskOptions, Reply, ReplyKind, Suggestion } from "./reply.ts";

/**
 * The question-answering core: reads a question, understands each question it asks, and writes
 * the reply from the knowledge. Pure: no Telegram, no I/O after construction.
 */
export class AnswerEngine {
  readonly vocabulary: Vocabulary;
  readonly reader: Reader;
  readonly writer: AnswerWriter;
  private readonly replies: Replies;
  /** Words that tie another organisation to the programme: its and its parties' names of one or two words ("program", "kerja sama", "JICA"), "atau". */
  private readonly attachingWords: ReadonlySet<string>;
  /** The people the sources name, as a title put on them is checked. */
  private readonly peopleTitles: PeopleTitles;
  /** What correcting another organisation's name takes of the knowledge (see `other-parties.ts`). */
  private readonly partyCorrections: ReturnType<typeof partyCorrections>;
  /** Replies already given, for a message sent again in the same circumstances. */
  readonly memo: ReplyMemo;

  constructor(
    readonly knowledge: Knowledge,
    readonly areas: Areas,
    t: Translate,
    /** How many replies to keep for messages sent again (0: read every message anew, as benchmarks do). */
    options: { keptReplies?: number } = {},
  ) {
    this.memo = new ReplyMemo(options.keptReplies);
    this.vocabulary = new Vocabulary(knowledge, areas);
    this.reader = new Reader(this.vocabulary, options.keptReplies);
    const { titles, address } = this.vocabulary.lexicon;
    this.peopleTitles = new PeopleTitles(knowledge, titles, address, t);
    this.partyCorrections = partyCorrections(knowledge, (text) => this.reader.read(text).whole, t);
    this.writer = new AnswerWriter(knowledge, areas, t);
    this.replies = new Replies(this.writer, knowledge, new SuggestionIndex(knowledge));
    const { terms } = knowledge.programme;
    const parties = knowledge.organisations
      .filter((o) => o.runs_programme)
      .flatMap((o) => [o.name, ...o.terms]);
    this.attachingWords = new Set([
      ...[...terms.id, ...terms.en, ...parties].map(fold).filter((t) => t.split(" ").length <= 2),
      ...this.vocabulary.lexicon.disagreements.choices,
    ]);
  }

  /** Answers one message. Never throws for any text. The reply is frozen: it may be given again. */
  ask(question: string, options: AskOptions = {}): Reply {
    return this.memo.reply(question, options, () =>
      this.answerAsked(asTyped(question, this.asksByWord), allOptions(options)),
    );
  }

  /** Whether a word alone asks a question ("apa", "dmn", "where"): a spoken mark may follow it. */
  private readonly asksByWord = (word: string): boolean =>
    this.vocabulary.segment(this.vocabulary.tokens(word)).some(isQuestionWord);

  private answerAsked(question: string, options: AskOptions): Reply {
    // "> Sumatera Utara: tenun ulos …\nsamosir itu di mana?": the bot's words quoted back are what
    // the chat was about; the rest is asked after them.
    const quoted = quotedAnswer(question, this.vocabulary.lexicon.botSaid);
    const context = quoted && this.answerMessage(quoted.quote, options, 0).previous;
    const asked = quoted?.rest && /[\p{L}\d]/u.test(quoted.rest) ? quoted.rest : question;
    const asking = context ? { ...options, previous: context } : options;
    // "Menteri Gati bilang …": a title the sources don't give a person is set right before the answer.
    const answer = (text: string, lang?: Lang) =>
      this.answerMessage(text, lang ? { ...asking, lang: asking.lang ?? lang } : asking, 0);
    const reply =
      this.peopleTitles.reply(asked, answer, (text) => this.reader.read(text).lang) ?? answer(asked);
    // (What was said is kept with the chat's context, when the reader reads it whole: a
    // disagreement may span two messages.)
    const said = question.length <= MAX_QUESTION_CHARS ? question : undefined;
    return reply.previous ? { ...reply, previous: { ...reply.previous, said } } : reply;
  }

  /**
   * "produk Jatim apa, eh maksudnya Jateng": what follows a change of mind is asked as a follow-up
   * to what came before it, in the whole message's language (`changes` of them followed so far).
   */
  private answerMessage(
    question: string,
    options: AskOptions,
    changes: number,
    meant = false,
    parties = true,
  ): Reply {
    // "Program JETRO dan Kemenperin …": another organisation where the programme's own belongs.
    const { otherParties, disagreements: disagreementWords } = this.vocabulary.lexicon;
    const others = parties ? otherPartiesIn(question, otherParties, this.attachingWords) : undefined;
    if (others)
      return correctedReply(others, {
        answer: (rest) => this.answerMessage(rest, options, changes, meant),
        answerAsIs: () => this.answerMessage(question, options, changes, meant, false),
        ...this.partyCorrections,
      });
    // "Teman saya bilang ulos dari Sumut, saya bilang Sulsel, siapa yang benar?": each side checked.
    // ("Teman bilang Jatim cuma satu lokasi." then "Saya bilang dua. Mana yg bener?": both sides.)
    const alone = disagreementIn(question, this.phrasesOf, disagreementWords);
    const said = options.previous?.said;
    const both =
      said &&
      (alone?.claims.length ?? 1) < 2 &&
      takesSides(question, disagreementWords) &&
      takesSides(said, disagreementWords, true)
        ? disagreementIn(`${said}\n${question}`, this.phrasesOf, disagreementWords)
        : undefined;
    const disagreement = both && both.claims.length > 1 ? both : alone;
    if (disagreement) return this.answerDisagreement(disagreement, question, options);
    const change =
      changes < MAX_CHANGES && changeOfMind(question, this.vocabulary.lexicon.changes, this.phrasesOf);
    if (!change) return this.answerRead(question, options, meant);
    // (What was abandoned is answered as read, once, for the chat's context.)
    const abandoned = change.abandoned ? this.answerRead(change.abandoned, options, false) : undefined;
    // "Is Sumut in? if not, what does Papua make?": when it is, both are asked.
    if (change.conditional && abandoned && abandoned.kind !== "fallback")
      return this.answerRead(question, options, meant);
    // (The whole message's language, read once: "Is West Bangka in — sorry, …, Bangka Barat?" is English.)
    const lang = options.lang ?? this.reader.read(question).lang;
    // (Not what the abandoned words asked that the sources lack: "tenant ulos …? maksudnya tenun".)
    const previous = abandoned?.previous ? { ...abandoned.previous, missing: undefined } : options.previous;
    // (What follows is asked, not stated, unless it corrects a fact: "Correction: … started in 2012.")
    return this.answerMessage(change.meant, { ...options, lang, previous }, changes + 1, !change.stated);
  }

  /** A disagreement settled: each claim checked as a statement, what they answer asked plainly. */
  private answerDisagreement(d: Disagreement, question: string, options: AskOptions): Reply {
    const lang =
      options.lang ??
      this.reader.read(question).lang ??
      options.previous?.lang ??
      options.defaultLang ??
      "id";
    const asked = { ...options, lang };
    const tag = this.writer.text(lang, "answer.disagreement.tag");
    return disagreementReply(d, {
      check: (claim) => this.checkedClaim(`${claim}${tag}`, asked, lang),
      ask: (text) => this.answerRead(text, asked, true),
      opening: (key, alternative) => this.writer.t(lang, `answer.disagreement.${key}`, { alternative }),
      sourceLine: (sources) => this.writer.sourceLine(lang, sources),
    });
  }

  /**
   * A side's claim checked: the verdict the statement gets, or, of whether a region takes part,
   * its membership ("Papua ikut" holds, "Maluku ikut" does not), said as a verdict too.
   */
  private checkedClaim(text: string, options: AskOptions, lang: Lang): Reply {
    const reply = this.answerRead(text, options, false);
    if (reply.verdict || reply.kind === "fallback") return reply;
    const member = this.reader.read(text).whole.cues.has("member");
    const inside = member && reply.subjects.length > 0 && reply.subjects.every(isRegion);
    const verdict = reply.kind === "not_in_programme" ? "no" : inside ? "yes" : undefined;
    if (!verdict) return reply;
    return { ...reply, verdict, text: `${this.writer.text(lang, `answer.claim.${verdict}`)}\n${reply.text}` };
  }

  /** Whether the facts bear out a statement the message offers for checking ("yes"), refute it ("no"), or neither. */
  private verdictOf(reading: Reading, reply: Reply, lang: Lang): Verdict | undefined {
    if (reply.kind === "fallback") return undefined;
    return statementVerdict(reading.whole, this.knowledge, this.areas, {
      text: reply.text,
      sources: reply.subjects.flatMap((s) => (s.kind === "source" ? [s.id] : [])),
      numberWord: (n) => this.writer.number(lang, n),
    });
  }

  /** The phrases the matcher reads in a text. */
  private readonly phrasesOf = (text: string) => this.vocabulary.segment(this.vocabulary.tokens(text));

  /** `meant`: what follows a change of mind, asked whether or not it ends in a question mark. */
  private answerRead(question: string, options: AskOptions, meant: boolean): Reply {
    const read = this.reader.read(question, meant);
    // "southeast?" after "central sulawesi?": the region whose name the word completes.
    const { provinces, places, areas } = read.whole;
    const completed =
      provinces.length + places.length + areas.length === 0 &&
      completedName(question, options.previous, this.knowledge, this.areas, this.vocabulary);
    const reading = completed ? this.reader.read(completed, meant) : read;
    const requested = reading.whole.cues.has("reply_en")
      ? "en"
      : reading.whole.cues.has("reply_id")
        ? "id"
        : undefined;
    const lang =
      options.lang ?? requested ?? reading.lang ?? options.previous?.lang ?? options.defaultLang ?? "id";
    if (reading.empty) return this.replies.fallback(lang, "answer.empty", []);
    const smalltalk = smallTalkOf(reading.whole);
    if (smalltalk) {
      const text = this.writer.text(lang, `answer.smalltalk.${smalltalk}`);
      return {
        ...this.replies.reply(lang, "smalltalk", [this.writer.piece(text, [], [])]),
        previous: options.previous,
      };
    }
    // ("kata yang tadi itu artinya apa?" with nothing said before: nothing to go back to.)
    const { whole } = reading;
    if (!options.previous && whole.cues.has("earlier") && namesNothing(whole) && !whole.programme)
      return this.replies.fallback(lang, "answer.noEarlier", []);
    // "itu salah, bukannya songket?", "ulangi dong", "so how many is that?": about the last answer
    // ("how many of them are outside Java?" sets some of it aside).
    const { previous: before } = options;
    const again = before && !whole.setAside && aboutLastAnswer(whole, before, this.writer, lang);
    if (again) return { ...this.replies.reply(lang, kindOf(again), again), previous: before };
    let pieces: Piece[] = [];
    // What each part that is not an introduction wrote, in order.
    const answered: Array<{ part: Found; written: Piece[] }> = [];
    // What the asker says of themselves ("saya punya usaha tahu di Konawe Selatan") is the context
    // of the questions after it, answered only when none of them is.
    const introduction: Piece[] = [];
    let previous = options.previous;
    let understood: Understood | undefined;
    let kind: ReplyKind | undefined;
    for (const part of reading.parts) {
      understood = understand(part, this.knowledge, this.areas, lang, previous);
      if (understood.confidence < ANSWER_CUTOFF || understood.subjects.length === 0) continue;
      const written = this.answerPart(understood);
      // Words that look like a misspelt name ("tngh sulawsi") ask "did you mean", not "the
      // sources don't say tngh" (unless the answer holds them: "anggaran" of the support criterion).
      if (
        reading.parts.length === 1 &&
        understood.unexplained.length &&
        kindOf(written) === "fallback" &&
        this.replies.misspelt(understood.unexplained)
      )
        break;
      // An introduction is context for the questions beside it, before or after them ("Is there a
      // cluster in Bali? We want to write about the silver workshops in Celuk.").
      if (part.intro && reading.parts.some((p) => !p.intro)) {
        introduction.push(...written.filter((p) => p.kind !== "fallback"));
        // "I keep seeing "IKM" in the news. What does it stand for?": a word it names is what "it" means.
        const terms = part.terms.map((id): Subject => ({ kind: "term", id }));
        const asked = terms.length ? terms : understood.subjects;
        const context = previousOf({ ...understood, subjects: asked }, written, previous);
        // ("Suppose I cite Gati — her position?": answered by her sources, "her" is still Gati.)
        const kept = context.subjects.some((s) => asked.some((a) => subjectRef(a) === subjectRef(s)));
        previous = { ...context, subjects: kept ? context.subjects : asked, lang };
        continue;
      }
      // The first question a message asks of a subject it names is its own: unanswered, the
      // message is not answered.
      // So is a question about a thing the sources never name, asked of the programme by default.
      const own = !understood.assumed || understood.unexplained.length > 0;
      if (!pieces.length && own && kindOf(written) === "fallback") kind = "fallback";
      pieces.push(...written);
      answered.push({ part, written });
      previous = { ...previousOf({ ...understood, part }, written, previous), lang };
    }
    // "Program ini kan sejak 2013, total anggarannya berapa?", "Papua joined for coffee; how many
    // tonnes does Dogiyai export?": statements are what the question after them builds on; when
    // the question is not answered, neither is the message (the fallback says what the sources do).
    // (Unless the facts refute them: "Program ini kan sejak 2010, …" is still corrected.)
    const built = unansweredAfterStatements(answered);
    if (built && this.verdictOf(reading, this.replies.reply(lang, kindOf(pieces), pieces), lang) !== "no") {
      pieces = built;
      kind = "fallback";
    }
    if (!pieces.length) pieces.push(...introduction);
    if (!pieces.length) return this.replies.didYouMean(lang, reading.whole, understood);
    // "Kenapa Makassar fokusnya ke tenun ulos?": a question built on what the facts contradict is
    // answered by correcting it.
    const no = this.writer.text(lang, "answer.claim.no");
    const replyKind = kind ?? kindOf(pieces);
    const unanswered = replyKind === "fallback";
    const describe = (s: Subject) => this.describe(s, lang);
    const premise = correctedPremise(reading, unanswered, this.knowledge, this.areas, describe, no);
    if (premise) return { ...this.replies.reply(lang, kindOf(premise), premise), previous };
    // A statement to check is answered yes or no before the facts that bear it out or correct it.
    const verdict = this.verdictOf(reading, this.replies.reply(lang, replyKind, pieces), lang);
    // (A region's card opens "Yes, … is part of the programme": the verdict says it, or "Not quite".)
    const yes = this.writer.text(lang, "answer.yesWord");
    const said = pieces.map((p, i) => (verdict && !i ? { ...p, text: withoutLeadingYes(p.text, yes) } : p));
    // "Pangururan ikut?": a district is answered as its regency, after saying which that is.
    const shown = withDistricts(this.writer, replyKind === "fallback" ? [] : whole.districts, lang, said);
    const reply: Reply = { ...this.replies.reply(lang, replyKind, shown.pieces), previous, verdict };
    // (The verdict stays the first line, as `withoutVerdict` reads it.)
    if (shown.first) reply.text = `${shown.first}\n${reply.text}`;
    if (verdict) reply.text = `${this.writer.text(lang, `answer.claim.${verdict}`)}\n${reply.text}`;
    // A question the sources do not answer keeps what it was about, for the staff's inbox.
    const [about] = reply.subjects;
    if (reply.kind === "fallback" && about)
      reply.guess = { ref: subjectRef(about), confidence: understood?.confidence ?? 0 };
    return reply;
  }

  /** Answers `question` as the bot would right after `history` (earlier messages, oldest first) in one chat. */
  askAfter(history: readonly string[], question: string, options: AskOptions = {}): Reply {
    let previous = options.previous;
    for (const earlier of history) previous = this.ask(earlier, { ...options, previous }).previous;
    return this.ask(question, { ...options, previous });
  }

  /** What the sources say about one subject (a card), or `undefined` when the knowledge lacks it. */
  describe(subject: Subject, lang: Lang): Piece | undefined {
    return cardOf(this.writer, subject, lang);
  }

  /** Answers a subject reference from a button or deep link ("p.papua"); `undefined` when stale or forged. */
  answerRef(ref: string, lang: Lang): Reply | undefined {
    const subject = parseSubjectRef(ref);
    const piece = subject && this.describe(subject, lang);
    if (!subject || !piece) return undefined;
    return {
      ...this.replies.reply(lang, kindOf([piece]), [piece]),
      previous: previousOf({ intent: "describe" }, [piece], undefined),
    };
  }

  /** The pieces answering one understood question, or saying what the sources do not hold. */
  private answerPart(u: Understood): Piece[] {
    if (u.unplaced) return [unplacedProductsCard(this.writer, u.asked.lang, u.unplaced)];
    const [first] = u.subjects;
    // ("Which province has the most locations?" counts what the sources list, "the most workers" judges;
    // "how many" of the provinces left once some are set aside counts them.)
    const superlative =
      (u.superlative && superlativeCard(this.writer, u.asked.lang, u.superlative, u.subjects)) ||
      (u.intent === "count" ? countOfListed(this.writer, u.subjects, u.asked) : undefined);
    if (UNANSWERABLE.has(u.intent) && !superlative) return [this.missing(u, u.intent, first)];
    if (u.foreign) return [this.missing(u, "foreign", first)];
    // "Why did Japan decide to help?": the sources give the aim as the ministry states it.
    if (u.motive) return [this.missing(u, "motive", { kind: "topic", id: "aim" })];
    // (Of a place or product of the programme, how it stands; of the rest, who holds an office now.)
    if (u.now) return [this.missing(u, first && isEntry(first) ? "today" : "now", first)];
    if (u.unknownYears.length) return [this.missing(u, "year", undefined)];
    if (u.unexpanded) return [this.missing(u, "expansion", first)];
    const answers = superlative
      ? [superlative]
      : u.span
        ? [spanCard(this.writer, u.asked.lang, u.span)]
        : outsideTogether(this.writer, u.subjects, u.asked.lang).map((s) =>
            Array.isArray(s)
              ? outsideCard(this.writer, u.asked.lang, s)
              : (answer(this.writer, u.intent, s, u.asked) ??
                this.missing(u, u.asked.duration ? "duration" : u.intent, s)),
          );
    // Words the answer itself holds are explained by it: "does the strategic theme include
    // empowering entrepreneurs?" asks about its own words.
    // (Folded only when needed: an answer's text is long, and most questions have no such words.)
    // A word is held where a word of the answer begins with it ("declared" in "declared ready"),
    // not inside another ("menteri" is not in "kementerian").
    const said = u.unexplained.length ? ` ${fold(answers.map((p) => p.text).join(" "))}` : "";
    const unexplained = u.unexplained.filter((w) => !said.includes(` ${w}`));
    // A thing the question named none for is no question about the programme (nor counted as one).
    const about = u.assumed ? undefined : first;
    if (unexplained.length) return [this.missing({ ...u, unexplained }, "words", about)];
    const { lang, noneBesides } = u.asked;
    // ("Selain Sulteng, provinsi 2013 di Sulawesi ada lagi?": none, and what there is.)
    if (noneBesides) return openedWith(this.writer.text(lang, "answer.noneBesides"), answers);
    // Facts asked from one source: when none of them comes from it, the answer says so first.
    const source = u.from;
    if (!source || answers.some((p) => p.sources.includes(source))) return answers;
    const name = this.writer.nameOf(lang, { kind: "source", id: source });
    return openedWith(this.writer.t(lang, "answer.notInSource", { source: name }), answers);
  }

  private missing(u: Understood, why: string, s: Subject | undefined): Piece {
    return missingPiece(this.writer, this.knowledge, u, why, s);
  }
}
