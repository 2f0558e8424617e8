import { describe, expect, it } from "vitest";
import { excerpt, progressText, reportText } from "../../src/announce/report.ts";
import { createI18n, translator } from "../../src/i18n/index.ts";
import type { DeliveryCounts, DeliveryProblem } from "../../src/storage/deliveries.ts";

const t = translator(createI18n());
const counts = (over: Partial<DeliveryCounts>): DeliveryCounts => ({
  total: 0,
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  unconfirmed: 0,
  maybeTwice: 0,
  pinned: 0,
  ...over,
});

describe("the progress line", () => {
  it("reads as in the issue: sent, failed, time left at the current rate", () => {
    const c = counts({ total: 600, sent: 120, failed: 2, pending: 470, sending: 8 });
    expect(progressText(t, "id", 4, c, 30)).toBe(
      "📣 Pengumuman #4\nTerkirim 120/600 · 2 gagal · ±16 detik lagi",
    );
    expect(progressText(t, "en", 4, c, 30)).toBe("📣 Announcement #4\nSent 120/600 · 2 failed · ~16 s left");
  });

  it("counts minutes for long waits and shows skipped groups", () => {
    const c = counts({ total: 5000, sent: 100, skipped: 3, pending: 4897 });
    expect(progressText(t, "id", 1, c, 30)).toBe(
      "📣 Pengumuman #1\nTerkirim 100/5000 · 0 gagal · ±3 menit lagi · 3 dilewati",
    );
  });
});

describe("the final report", () => {
  it("gives delivered, skipped and failed, with reasons and the groups' names escaped", () => {
    const c = counts({ total: 6, sent: 2, failed: 2, skipped: 1, unconfirmed: 1, maybeTwice: 1 });
    const text = reportText(
      t,
      "id",
      9,
      c,
      [
        {
          chatId: -1,
          title: "Tenun <Sintang>",
          status: "failed",
          reason: "forbidden",
          detail: "403: Forbidden",
        },
        { chatId: -2, title: undefined, status: "failed", reason: "forbidden", detail: undefined },
        { chatId: -3, title: "Kopi", status: "skipped", reason: "unsubscribed", detail: undefined },
        { chatId: -4, title: "Rotan", status: "unconfirmed", reason: "interrupted", detail: undefined },
        { chatId: -5, title: "Batik", status: "sent", reason: "maybe_twice", detail: undefined },
      ],
      21,
    );
    // Delivered counts only what Telegram confirmed; the unconfirmed are named, with what a resend means.
    expect(text).toContain("Terkirim: 2 dari 6 grup (dikonfirmasi Telegram)");
    expect(text).toContain("Tidak terkonfirmasi: 1 — pesannya mungkin sampai, mungkin tidak");
    expect(text).toContain("akan mendapatnya dua kali");
    expect(text).toContain("Mungkin diterima dua kali: 1");
    expect(text).toContain("? <b>tidak terkonfirmasi: bot mati saat mengirimnya</b> (1): Rotan");
    expect(text).toContain("2× <b>mungkin diterima dua kali</b> (1): Batik");
    expect(text).toContain("Dilewati: 1");
    expect(text).toContain("Gagal: 2");
    expect(text).toContain(
      "bot dikeluarkan dari grup (grup berhenti berlangganan)</b> (2): Tenun &lt;Sintang&gt;, -2",
    );
    expect(text).toContain("grup berhenti berlangganan</b> (1): Kopi");
    expect(text).toContain("Lama pengiriman: 21 detik");
  });

  it("stays within Telegram's 4096 characters however many groups failed, and says what it left out", () => {
    const longTitle = (i: number) => `Klaster IKM <${i}> ${"Kerajinan Tenun Ikat ".repeat(6)}`;
    const problems: DeliveryProblem[] = Array.from({ length: 600 }, (_, i) => ({
      chatId: -1000 - i,
      title: longTitle(i),
      status: "failed",
      reason: i < 100 ? "forbidden" : "rejected",
      // Telegram's refusal texts vary, and each one is a reason of its own.
      detail: `400: Bad Request: can't parse entities: unsupported start tag "x${i}" ${"at byte offset ".repeat(10)}`,
    }));
    const c = counts({ total: 600, failed: 600 });
    for (const lang of ["id", "en"] as const) {
      const text = reportText(t, lang, 12, c, problems, 30);
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text).toContain(lang === "id" ? "Gagal: 600" : "Failed: 600");
      // The first reasons are listed, the rest summed up with the number of groups.
      expect(text).toContain("(100): Klaster IKM &lt;0&gt;");
      expect(text).toMatch(
        lang === "id" ? /… dan \d+ alasan lainnya \(\d+ grup\)$/ : /… and \d+ more reasons \(\d+ groups\)$/,
      );
      const listed = [...text.matchAll(/<\/b> \((\d+)\)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      const rest = Number(/\((\d+) (?:grup|groups)\)$/.exec(text)?.[1]);
      expect(listed + rest).toBe(600);
    }
  });

  it("says so when nobody was in the audience", () => {
    expect(reportText(t, "en", 3, counts({}), [], 0)).toContain("no subscribed group is in its audience");
  });
});

describe("an announcement's excerpt", () => {
  it("is cut to its length without cutting an emoji in half", () => {
    const html = `<b>${"a".repeat(58)}</b>🏳️‍🌈 &amp; more`;
    const cut = excerpt(html);
    expect(cut).toBe(`${"a".repeat(58)}…`);
    expect(excerpt(`${"a".repeat(58)}👍🏽 x`)).toBe(`${"a".repeat(58)}…`);
    expect(excerpt("short &amp; <i>sweet</i>")).toBe("short &amp; sweet");
  });
});
