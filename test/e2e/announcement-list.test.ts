import { afterEach, describe, expect, it } from "vitest";
import { setup } from "../support/app.ts";
import { DEFAULT_USER } from "../support/fake-bot-api.ts";

const STAFF = { ...DEFAULT_USER, id: 7001, first_name: "Rina" };

type Ctx = Awaited<ReturnType<typeof setup>>;
let ctx: Ctx | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe("the staff's list of announcements", () => {
  it("fits one message however many are scheduled, and still fits after a cancel (found by the fuzz test)", async () => {
    ctx = await setup({ adminIds: [STAFF.id] });
    const store = ctx.app.deps.announce.announcements;
    const long = `Rapat koordinasi 🏳️‍🌈 ${"penting ".repeat(20)}`;
    for (let i = 0; i < 60; i++) {
      store.create({
        authorId: STAFF.id,
        authorLang: "id",
        texts: { id: long },
        audience: { kind: "all" },
        pin: false,
        sendAt: Date.now() + (i + 1) * 86_400_000,
      });
    }
    ctx.fake.message({ text: "/pengumuman", from: STAFF });
    const list = await ctx.fake.waitFor("sendMessage");
    const text = String(list.params.text);
    expect(ctx.fake.delivered("sendMessage")).toHaveLength(1);
    expect(text).toContain("…dan 40 lagi yang terjadwal.");
    const buttons = (list.params.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard.flat();
    expect(buttons).toHaveLength(20);

    ctx.fake.callbackQuery({ data: "an:c:1", from: STAFF });
    const edited = await ctx.fake.waitFor("editMessageText");
    expect(String(edited.params.text)).toContain("…dan 39 lagi yang terjadwal.");
    expect(String(edited.params.text).length).toBeLessThanOrEqual(4096);
  });
});
