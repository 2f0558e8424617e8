import { createI18n, type Translate, translator } from "../i18n/index.ts";
import { type Areas, loadAreas } from "../knowledge/areas.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { AnswerEngine } from "./engine.ts";

/** The default knowledge file, relative to the working directory. */
export const DEFAULT_KNOWLEDGE_PATH = "knowledge/programme.yaml";

/** Loads regions, knowledge and translations, and builds the answer engine over them. */
export async function loadEngine(
  knowledgePath = DEFAULT_KNOWLEDGE_PATH,
  deps: { areas?: Areas; t?: Translate; keptReplies?: number } = {},
): Promise<AnswerEngine> {
  const areas = deps.areas ?? (await loadAreas());
  const t = deps.t ?? translator(createI18n());
  return new AnswerEngine(loadKnowledge(knowledgePath, areas), areas, t, { keptReplies: deps.keptReplies });
}
