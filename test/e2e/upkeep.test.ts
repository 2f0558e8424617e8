import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import type { User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { copyKnowledge, setup, tempDir } from "../support/app.ts";
import { DEFAULT_USER, type RecordedCall, type UploadedFile } from "../support/fake-bot-api.ts";

type Ctx = Awaited<ReturnType<typeof setup>>;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STAFF: User = { id: 7007, is_bot: false, first_name: "Staf", language_code: "id" };
const askers = (n: number): User[] =>
  Array.from({ length: n }, (_, i) => ({ ...DEFAULT_USER, id: 5000 + i, first_name: `Penanya ${i}` }));

const text = (call: RecordedCall) => String(call.params.text);
// A reload builds a whole engine; on a busy machine that can take a few seconds.
const RELOAD_WAIT_MS = 15_000;

/** A running bot with one staff member, over its own copy of the knowledge file. */
async function start() {
  const folder = tempDir();
  const knowledgePath = copyKnowledge(folder.dir);
  const c = await setup({ adminIds: [STAFF.id], knowledgePath });
  cleanups.push(folder.cleanup, () => c.close());
  return { ...c, knowledgePath };
}

/** Sends `text` from `from` and waits for the bot's first message to that chat after it. */
async function say(c: Ctx, from: User, body: string): Promise<RecordedCall> {
  const seen = c.fake.delivered("sendMessage").length;
  c.fake.message({ text: body, from });
  return c.fake.waitFor(
    "sendMessage",
    (call) => call.params.chat_id === from.id && c.fake.delivered("sendMessage").indexOf(call) >= seen,
  );
}

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests edit the knowledge file's plain data
type Data = any;

/** The knowledge file with one change made to its data. */
function edited(path: string, change: (data: Data) => void): string {
  const data = parse(readFileSync(path, "utf8")) as Data;
  change(data);
  return stringify(data);
}

describe("staff commands", () => {
  it("refuses a user who is not staff, and sends them nothing of the log", async () => {
    const c = await start();
    for (const command of ["/unanswered", "/unanswered csv", "/stats", "/reload", "/statistik"]) {
      expect(text(await say(c, DEFAULT_USER, command))).toBe("Maaf, perintah ini hanya untuk staf program.");
    }
    expect(c.fake.calls("sendDocument")).toHaveLength(0);
    expect(c.fake.calls("sendPhoto")).toHaveLength(0);
  });

  it("refuses staff in a group: what people ask is not for the whole group", async () => {
    const c = await start();
    const group = { id: -100777, type: "supergroup" as const, title: "IKM" };
    c.fake.message({ text: "/unanswered", from: STAFF, chat: group });
    const call = await c.fake.waitFor("sendMessage", (m) => m.params.chat_id === group.id);
    expect(text(call)).toContain("obrolan pribadi");
  });
});

describe("/unanswered", () => {
  it("lists unanswered questions grouped as near-duplicates, most frequent first, escaped", async () => {
    const c = await start();
    const [a, b, d, e, f] = askers(5) as [User, User, User, User, User];
    await say(c, a, "berapa gaji menteri perindustrian?");
    await say(c, b, "Berapa gaji Menteri Perindustrian");
    await say(c, d, "gaji menteri perindustrian sekarang berapa??");
    await say(c, a, "bagaimana cara daftar program ini?");
    await say(c, e, "cara daftar program ini");
    await say(c, f, "<b>harga</b> tiket pesawat ke Tokyo?");
    await say(c, f, "produk papua apa?"); // answered: not listed

    const reply = text(await say(c, STAFF, "/unanswered"));
    expect(reply).toContain("6 pertanyaan dalam 3 kelompok");
    const lines = reply.split("\n");
    const first = lines.findIndex((l) => l.startsWith("1. <b>3×</b>"));
    expect(lines[first]).toMatch(/gaji menteri perindustrian/i);
    expect(lines[first + 1]).toContain("3 orang");
    expect(lines[first + 1]).toContain("+1 susunan kata serupa");
    expect(reply).toMatch(/2\. <b>2×<\/b> “(bagaimana )?cara daftar program ini\??”/);
    expect(reply).toContain("3. <b>1×</b> “&lt;b&gt;harga&lt;/b&gt; tiket pesawat ke Tokyo?”");
    expect(reply).not.toContain("papua");
  });

  it("says so when there is nothing to review", async () => {
    const c = await start();
    await say(c, DEFAULT_USER, "produk papua apa?");
    expect(text(await say(c, STAFF, "/belumterjawab"))).toContain("Tidak ada pertanyaan");
  });
});

describe("/unanswered csv", () => {
  it("sends a file a spreadsheet set to Indonesian opens as it is: read back by a CSV parser", async () => {
    const c = await start();
    const [a, b, d] = askers(3) as [User, User, User];
    await say(c, a, "berapa gaji menteri perindustrian?");
    await say(c, b, "Berapa gaji Menteri Perindustrian");
    await say(c, d, '=HYPERLINK("http://x";"klik"), gaji "menteri"?');
    await say(c, d, "siapa presiden amerika\nserikat sekarang");

    c.fake.message({ text: "/belumterjawab csv", from: STAFF });
    const call = await c.fake.waitFor("sendDocument");
    expect(call.params.chat_id).toBe(STAFF.id);
    expect(String(call.params.caption)).toContain("4 pertanyaan");
    const file = call.params.document as UploadedFile;
    expect(file.filename).toMatch(/^belum-terjawab-\d{4}-\d{2}-\d{2}\.csv$/);
    const raw = file.bytes.toString("utf8");
    expect(raw.startsWith("\uFEFF")).toBe(true);
    const rows: string[][] = parseCsv(file.bytes, { bom: true, delimiter: ";", relax_column_count: false });
    const [header, ...questions] = rows as [string[], ...string[][]];
    expect(header.slice(0, 4)).toEqual([
      "Kelompok",
      "Jumlah dalam kelompok",
      "Susunan kata utama",
      "Pertanyaan",
    ]);
    expect(header).toContain("Waktu (Asia/Jakarta)");
    expect(questions).toHaveLength(4);
    const column = (name: string) => header.indexOf(name);
    // The two wordings of the salary question lead, as one group of two.
    expect(questions.slice(0, 2).map((q) => [q[0], q[1]])).toEqual([
      ["1", "2"],
      ["1", "2"],
    ]);
    const texts = questions.map((q) => q[column("Pertanyaan")]);
    expect(texts).toContain("Berapa gaji Menteri Perindustrian");
    expect(texts).toContain(`'=HYPERLINK("http://x";"klik"), gaji "menteri"?`);
    expect(texts).toContain("siapa presiden amerika\nserikat sekarang");
    expect(questions.every((q) => q[column("Keadaan")] === "tidak terjawab")).toBe(true);
    // Times in the bot's time zone, as a spreadsheet reads them; scores with a decimal comma.
    const jakartaNow = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Asia/Jakarta",
      dateStyle: "short",
    }).format();
    expect(questions[0]?.[column("Waktu (Asia/Jakarta)")]).toMatch(
      new RegExp(`^${jakartaNow} \\d{2}:\\d{2}$`),
    );
    expect(questions.map((q) => q[column("Keyakinan")])).toContain("0");
    // No user id or name anywhere.
    expect(raw).not.toContain(String(a.id));
    expect(raw).not.toContain("Penanya");
  });

  it("has English headers for staff who use English, and names the command in their language", async () => {
    const c = await start();
    const english = { ...STAFF, language_code: "en" };
    await say(c, DEFAULT_USER, "berapa gaji menteri perindustrian?");
    expect(text(await say(c, english, "/unanswered"))).toContain("<code>/unanswered csv</code>");
    expect(text(await say(c, STAFF, "/unanswered"))).toContain("<code>/belumterjawab csv</code>");
    c.fake.message({ text: "/unanswered csv", from: english });
    const call = await c.fake.waitFor("sendDocument", (m) => String(m.params.caption).includes("questions"));
    const [header] = parseCsv((call.params.document as UploadedFile).bytes, {
      bom: true,
      delimiter: ";",
    }) as string[][];
    expect(header?.slice(0, 4)).toEqual(["Cluster", "Questions in cluster", "Main wording", "Question"]);
    expect(header).toContain("Time (Asia/Jakarta)");
  });
});

describe("/stats", () => {
  it("reports the numbers as text and sends a PNG chart of sensible size", async () => {
    const c = await start();
    const [a, b] = askers(2) as [User, User];
    await say(c, a, "produk papua apa?");
    await say(c, a, "produk jatim apa?");
    await say(c, b, "Who is the Director General of Small and Medium Industry?");
    await say(c, b, "berapa gaji menteri perindustrian?");

    c.fake.message({ text: "/stats", from: STAFF });
    const photo = await c.fake.waitFor("sendPhoto", () => true, RELOAD_WAIT_MS);
    const report = c.fake
      .delivered("sendMessage")
      .map(text)
      .find((t) => t.startsWith("<b>Statistik 30 hari terakhir</b>"));
    expect(report).toContain("Pertanyaan: <b>4</b> dari 2 orang · terjawab <b>75%</b>");
    expect(report).toContain("Bahasa Indonesia 75% · English 25%");
    expect(report).toMatch(/\d\. (Papua|Jawa Timur) — 1/);
    expect(report).toContain("<pre>");

    expect(photo.params.chat_id).toBe(STAFF.id);
    const png = photo.params.photo as UploadedFile;
    const { width, height } = pngSize(png.bytes);
    expect(width).toBe(1200);
    expect(height).toBe(800);
    expect(png.size).toBeGreaterThan(5 * 1024);
    expect(png.size).toBeLessThan(1024 * 1024);
  });
});

describe("reloading the knowledge", () => {
  it("keeps answering from the last good knowledge when the file breaks, and says where it broke", async () => {
    const c = await start();
    const broken = edited(c.knowledgePath, (k) => {
      delete k.provinces[1].name.en;
    });
    writeFileSync(c.knowledgePath, broken);

    const notice = await c.fake.waitFor(
      "sendMessage",
      (m) => m.params.chat_id === STAFF.id && text(m).includes("tidak dapat dipakai"),
      RELOAD_WAIT_MS,
    );
    expect(text(notice)).toContain(`<code>${c.knowledgePath}</code>`);
    // In the staff member's language, with the line and the province by its name.
    const province = (parse(readFileSync("knowledge/programme.yaml", "utf8")) as Data).provinces[1].name.id;
    expect(text(notice)).toMatch(
      new RegExp(`• baris \\d+: provinces → ${province}: name bahasa Inggris belum diisi`),
    );

    expect(text(await say(c, DEFAULT_USER, "produk papua apa?"))).toContain("Dogiyai");

    const answer = text(await say(c, STAFF, "/reload"));
    expect(answer).toContain("pengetahuan sebelumnya tetap dipakai");
    expect(answer).toContain(`${province}: name bahasa Inggris belum diisi`);
    const english = { ...DEFAULT_USER, id: 2002, language_code: "en" };
    expect(text(await say(c, english, "What does Central Java produce?"))).toContain("Central Java");
  });

  it("picks up a fixed file by itself, and on /reload", async () => {
    const c = await start();
    writeFileSync(c.knowledgePath, "provinces: [");
    await c.fake.waitFor(
      "sendMessage",
      (m) => m.params.chat_id === STAFF.id && text(m).includes("bukan YAML yang sah"),
      RELOAD_WAIT_MS,
    );

    // Saved the way editors do: a new file renamed over the old one.
    const fixed = edited("knowledge/programme.yaml", (k) => {
      k.programme.summary.text.id = "Ringkasan program yang baru ditulis ulang.";
    });
    writeFileSync(`${c.knowledgePath}.tmp`, fixed);
    renameSync(`${c.knowledgePath}.tmp`, c.knowledgePath);
    const notice = await c.fake.waitFor(
      "sendMessage",
      (m) => m.params.chat_id === STAFF.id && text(m).includes("kini dipakai"),
      RELOAD_WAIT_MS,
    );
    expect(text(notice)).toMatch(/\d+ provinsi, \d+ kelompok provinsi/);
    expect(text(await say(c, DEFAULT_USER, "/tentang"))).toContain(
      "Ringkasan program yang baru ditulis ulang.",
    );

    const reloaded = text(await say(c, STAFF, "/muatulang"));
    expect(reloaded).toContain("Pengetahuan dimuat ulang");
  });
});
