import { Composer, type MiddlewareFn, Scenes, session } from "telegraf";
import type { SessionStore } from "telegraf/session";
import type { DraftSession } from "../../announce/service.ts";
import { isStaff, staffOnly } from "../../telegram/access.ts";
import { acknowledge } from "../../telegram/acknowledge.ts";
import type { BotContext } from "../../telegram/context.ts";
import { sendHtml } from "../../telegram/send.ts";
import { DRAFT_BUTTON } from "./menus.ts";
import { DRAFT_SCENE, type DraftContext, draftWizard, newDraft, ownButton } from "./wizard.ts";

const forStaff = staffOnly();
const staffInPrivate = (ctx: BotContext) => ctx.chat?.type === "private" && isStaff(ctx);

/**
 * /announce (/umumkan), for staff in a private chat: the text (formatting kept), an optional
 * second text in the other language, the audience, a preview exactly as it will appear, then
 * Send, Schedule or Cancel (wizard.ts). /cancel (/batal) leaves the draft from any step.
 *
 * Only staff in a private chat get a session (read from and written to `drafts`), so the
 * public's questions cost no database round trip. Others asking for /announce, or tapping an
 * announcement button, are refused (staffOnly).
 */
export function announce(drafts: SessionStore<DraftSession>): MiddlewareFn<BotContext> {
  const stage = new Scenes.Stage<DraftContext>([draftWizard()]);
  stage.command(["announce", "umumkan"], (ctx) => ctx.scene.enter(DRAFT_SCENE, newDraft()));
  stage.command(["cancel", "batal"], async (ctx) => {
    if (!ctx.scene.current) return void (await sendHtml(ctx, ctx.t("announce.nothingToCancel")));
    await ctx.scene.leave();
    await sendHtml(ctx, ctx.t("announce.cancelled"));
  });

  const feature = new Composer<DraftContext>();
  feature.use(
    Composer.optional(
      staffInPrivate,
      session<DraftSession, DraftContext>({ store: drafts }),
      stage.middleware(),
      // A draft's button that no step took: of an earlier step of this draft, or of another draft.
      Composer.action(DRAFT_BUTTON, (ctx) =>
        acknowledge(
          ctx,
          ctx.t(ctx.scene.current && ownButton(ctx) ? "errors.expired" : "announce.staleDraft"),
        ),
      ),
    ),
  );
  feature.command(["announce", "umumkan", "cancel", "batal"], forStaff);
  feature.action(/^an:/, forStaff, (_ctx, next) => next());
  // The session and the stage add `session`, `scene` and `wizard` before any handler reads them.
  return feature.middleware() as unknown as MiddlewareFn<BotContext>;
}
