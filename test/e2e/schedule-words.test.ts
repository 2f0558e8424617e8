import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/announce/schedule.ts";
import {
  addGroup,
  type Ctx,
  compose,
  press,
  STAFF,
  setupAnnounce,
  staffSays,
  text,
  toChat,
  WIB,
  waitAfter,
} from "../support/announce.ts";

/** Every `<code>` example in a message. */
const examples = (html: string) => [...html.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1] ?? "");

/** Composes an announcement and taps Schedule; resolves with the prompt asking when. */
async function askWhen(c: Ctx) {
  addGroup(c, -4001);
  await compose(c, { text: "Webinar ekspor.", audience: "all" });
  await press(c, "sch");
  return c.fake.waitFor("editMessageText", toChat(STAFF.id, "Kapan dikirim?"));
}

describe("scheduling in words", () => {
  it("shows examples that are all still to come, even late at night, and reads 'besok jam 9'", async () => {
    const c = await setupAnnounce();
    c.clock.set(WIB(23, 50));
    const prompt = await askWhen(c);
    const shown = examples(text(prompt));
    expect(shown).toContain("besok jam 9");
    expect(shown).toContain("2025-06-03 09:00");
    for (const example of shown)
      expect(parseSchedule(example, c.clock.now(), "Asia/Jakarta"), example).toMatchObject({ ok: true });

    let mark = c.fake.calls().length;
    staffSays(c, "kemarin sore");
    const refused = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "tidak saya kenali"));
    expect(examples(text(refused))).toContain("04/06/2025 09.00");
    for (const example of examples(text(refused)))
      expect(parseSchedule(example, c.clock.now(), "Asia/Jakarta"), example).toMatchObject({ ok: true });

    mark = c.fake.calls().length;
    staffSays(c, "besok jam 9");
    const scheduled = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "dijadwalkan pada"));
    expect(text(scheduled)).toMatch(/Selasa, 0?3 Juni 2025.*09\.00 \(Asia\/Jakarta\)/);
    expect(c.app.deps.announce.announcements.scheduled()[0]?.sendAt).toBe(WIB(9) + 86_400_000);
  });

  it("reads English for staff who write English, and refuses a time already past", async () => {
    const c = await setupAnnounce();
    await askWhen(c);
    let mark = c.fake.calls().length;
    staffSays(c, "hari ini jam 7");
    await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "sudah lewat"));
    mark = c.fake.calls().length;
    staffSays(c, "Monday 2pm");
    const scheduled = await waitAfter(c, mark, "sendMessage", toChat(STAFF.id, "dijadwalkan pada"));
    expect(text(scheduled)).toMatch(/Senin, 0?9 Juni 2025.*14\.00/);
  });
});
