/**
 * What a question about the asker's own part asks: whether their business may join asks what it
 * takes to take part, and whether "our province" is in asks of the region the chat just named. Pure.
 */
import type { Found } from "./found.ts";
import { asksWh, type Intent, SHAPING_INTENTS } from "./intents.ts";
import type { Previous } from "./previous.ts";
import { isRegion, type Subject } from "./subject.ts";

/** The intent and subjects once the asker's own part is read; `followUp` when they came from the chat. */
export function askersOwn(
  found: Found,
  intent: Intent,
  subjects: Subject[],
  previous: Previous | undefined,
): { intent: Intent; subjects: Subject[]; followUp: boolean } {
  // "Apakah usaha saya bisa ikut?": whether the asker's own business may join asks what it takes.
  const joins =
    intent === "member" || (found.cues.has("member") && SHAPING_INTENTS.has(intent) && !asksWh(found));
  const ofRegion = found.cues.has("provinces") || found.cues.has("where");
  // The programme, however the question names it ("kerja sama pengembangan IKM dengan JICA").
  const ofProgramme = subjects.every((s) => s.kind === "topic");
  // "Saya mau ikut program, syaratnya apa?": requirements asked right after wanting to join are
  // what it takes to join, not how regions are chosen (unless a criterion is named).
  const afterJoining =
    previous?.intent === "requirements" &&
    !ofRegion &&
    found.cues.has("requirement") &&
    found.criteria.length === 0 &&
    subjects.every((s) => s.kind === "criteria");
  const asked = (joins && found.asker && !ofRegion && ofProgramme) || afterJoining ? "requirements" : intent;
  // "Saya anggota DPRD Kalimantan Timur. Apakah provinsi kami termasuk?": the asker's region is
  // the one they just named.
  const named = previous?.subjects.filter(isRegion) ?? [];
  if (joins && found.asker && ofRegion && ofProgramme && named.length)
    return { intent: asked, subjects: named, followUp: true };
  if (asked !== "requirements") return { intent: asked, subjects, followUp: false };
  // Requirements to take part are answered with what the sources do give: how regions are chosen;
  // those of a part of the programme named ("syarat jadi fasilitator"), with what they say of it.
  // (Of how it works only, the facilitators: "syarat IKM ikut klaster?" still asks what it takes to join.)
  const parts = found.cues.has("member") ? [] : found.attributes.filter((a) => a === "approach");
  const of = parts.length
    ? parts.map((id): Subject => ({ kind: "topic", id }))
    : [{ kind: "criteria" } as const];
  return { intent: asked, subjects: of, followUp: false };
}
