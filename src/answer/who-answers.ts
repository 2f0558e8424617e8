/** Answers to "who": who runs the programme, who stated a fact, who wrote or edited a source. Pure. */
import type { Asked } from "./answers.ts";
import { said } from "./attribute-answers.ts";
import { describe, officialsCard, topicCard, writersCard } from "./cards.ts";
import type { Subject } from "./subject.ts";
import type { AnswerWriter, Piece } from "./writer.ts";

/** Who, of a subject; `undefined` when the sources name no one for it. */
export function who(w: AnswerWriter, s: Subject, q: Asked): Piece | undefined {
  switch (s.kind) {
    case "topic": {
      // "Oleh siapa?" of the approach: the facilitators as the sources describe them (not by name).
      if (s.id === "approach" || s.id === "aim") return topicCard(w, s, q.lang);
      const partners = topicCard(w, { kind: "topic", id: "partners" }, q.lang);
      const officials = officialsCard(w, q.lang);
      return w.piece(`${partners.text}\n${officials.text}`, [...partners.sources, ...officials.sources], [s]);
    }
    case "criteria":
    case "criterion":
      return said(w, s, q);
    case "source":
      // "Who wrote the Tempo article?": the sources name the writer of Bisnis.com's only (a
      // report's authors are its publishers).
      // "Who edited the Bisnis article?" is answered with that person, whom "is she …?" then asks about.
      if (q.author) {
        const written = writersCard(w, s.id, q);
        if (written || w.k.sources[s.id]?.kind === "article") return written;
      }
      return describe(w, s, q);
    case "person":
    case "org":
    case "officials":
      return describe(w, s, q);
    default:
      return undefined;
  }
}
