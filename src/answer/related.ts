import type { KnowledgeFile } from "../knowledge/schema.ts";
import type { Subject, SubjectKind } from "./subject.ts";

/** The group of provinces chosen among others (the follow-up programme's targets), if any. */
function chosenGroup(k: KnowledgeFile): Subject[] {
  const chosen = k.cohorts.find((c) => c.members);
  return chosen ? [{ kind: "cohort", id: chosen.id }] : [];
}

// What people usually ask next, by the kind of subject just answered.
const NEXT: Partial<Record<SubjectKind, (k: KnowledgeFile) => Subject[]>> = {
  province: () => [{ kind: "list" }, { kind: "criteria" }],
  place: () => [{ kind: "list" }, { kind: "criteria" }],
  product: () => [{ kind: "list" }, { kind: "criteria" }],
  area: () => [{ kind: "list" }, { kind: "criteria" }],
  island: () => [{ kind: "list" }, { kind: "criteria" }],
  criteria: (k) => [...chosenGroup(k), { kind: "list" }],
  criterion: (k) => [{ kind: "criteria" }, ...chosenGroup(k)],
  list: (k) => [{ kind: "criteria" }, ...chosenGroup(k)],
  cohort: (k) => [{ kind: "list" }, { kind: "criteria" }, ...chosenGroup(k)],
};

/** Follow-up subjects worth a button under an answer about `subjects`. */
export function relatedSubjects(subjects: Subject[], k: KnowledgeFile): Subject[] {
  const first = subjects[0];
  if (!first) return [];
  const next = NEXT[first.kind];
  return next ? next(k) : [{ kind: "list" }, { kind: "topic", id: "aim" }];
}
