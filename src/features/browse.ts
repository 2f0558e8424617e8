import { Composer } from "telegraf";
import { type Subject, subjectRef } from "../answer/subject.ts";
import type { BotContext } from "../telegram/context.ts";
import { answerData, escapeHtml } from "../telegram/html.ts";
import { sendHtml, sendReply } from "../telegram/send.ts";

/** Browsing commands: the provinces, the criteria, the programme, the officials. */
export const browse = new Composer<BotContext>();

browse.command(["provinsi", "provinces"], async (ctx) => {
  const buttons = ctx.deps
    .engine()
    .knowledge.provinces.map((p) => [
      { text: p.name[ctx.lang], callback_data: answerData(`p.${p.id}`, ctx.lang) },
    ]);
  await sendHtml(ctx, escapeHtml(ctx.t("browse.provinces")), buttons);
});

const subjectCommands: Array<[string[], Subject]> = [
  [["kriteria", "criteria"], { kind: "criteria" }],
  [["tentang", "about"], { kind: "topic", id: "summary" }],
  [["pejabat", "officials"], { kind: "officials" }],
];
for (const [names, subject] of subjectCommands) {
  browse.command(names, async (ctx) => {
    const reply = ctx.deps.engine().answerRef(subjectRef(subject), ctx.lang);
    if (reply) await sendReply(ctx, reply);
  });
}
