/**
 * The production bot (`npm run build`, then `node dist/main.js` or `npm start`) starting and
 * stopping against the fake Bot API: each start-up error a person can act on ends the process
 * with its code and one or two plain lines; a stop is graceful and never takes longer than 8 s.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { copyKnowledge, TEST_TOKEN, tempDir } from "../support/app.ts";
import { type BuiltProject, buildProject, runUntilExit, startProcess } from "../support/built-bot.ts";
import { DEFAULT_USER, FakeBotApi } from "../support/fake-bot-api.ts";

let project: BuiltProject;
beforeAll(async () => {
  project = await buildProject();
}, 120_000);
afterAll(() => project?.cleanup());

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fake Bot API and a temporary folder for the database, closed after the test. */
async function setup(options: Parameters<typeof FakeBotApi.start>[0] = {}) {
  const fake = await FakeBotApi.start(options);
  const folder = tempDir();
  cleanups.push(() => fake.close(), folder.cleanup);
  const env = {
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: join(folder.dir, "bot.sqlite"),
  };
  return { fake, dir: folder.dir, env };
}

/** Runs the bot until it exits; checks what every start-up error must be: code 1, no token, short. */
async function startFails(env: Record<string, string>, maxLines = 2) {
  const result = await runUntilExit(project.dir, env);
  expect(result.code).toBe(1);
  expect(`${result.stdout}${result.stderr}`).not.toContain(TEST_TOKEN.split(":")[1]);
  const lines = result.stderr.trim().split("\n");
  expect(lines.length).toBeLessThanOrEqual(maxLines);
  return result.stderr;
}

describe("a start a person can fix: exit code 1 and what to do, in one or two lines", () => {
  it("no .env and no BOT_TOKEN", async () => {
    const { BOT_TOKEN: _, ...env } = (await setup()).env;
    const said = await startFails(env);
    expect(said).toContain(`There is no ${join(project.dir, ".env")} and BOT_TOKEN is not set`);
    expect(said).toContain("cp .env.example .env");
  });

  it("a .env without BOT_TOKEN", async () => {
    const { BOT_TOKEN: _, ...env } = (await setup()).env;
    writeFileSync(join(project.dir, ".env"), "BOT_TOKEN=\n");
    cleanups.push(() => rmSync(join(project.dir, ".env")));
    const said = await startFails(env);
    expect(said).toContain("BOT_TOKEN is missing. Talk to @BotFather");
  });

  it("a token Telegram rejects (401): get a new one with /token", async () => {
    const { env } = await setup({ token: "999:someoneElsesTokenSomeoneElsesToken" });
    const said = await startFails(env);
    expect(said).toContain("Telegram rejected the bot token (401 Unauthorized)");
    expect(said).toContain("@BotFather with /token");
  });

  it("an API that cannot be reached: which URL, and what to check", async () => {
    const { env, fake } = await setup();
    const closed = fake.apiRoot;
    await fake.close();
    const said = await startFails(env);
    expect(said).toContain(`Cannot reach the Telegram Bot API at ${closed} (ECONNREFUSED)`);
    expect(said).toContain("proxy");
    expect(said).toContain("TELEGRAM_API_ROOT");
  });

  it("another instance polling (409)", async () => {
    const { env, fake } = await setup();
    fake.fail("getUpdates", {
      error_code: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    const said = await startFails(env);
    expect(said).toContain("Another program is polling Telegram with this bot token (409 Conflict)");
  });

  it("a webhook set meanwhile (409)", async () => {
    const { env, fake } = await setup();
    fake.fail("getUpdates", {
      error_code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    const said = await startFails(env);
    expect(said).toContain("A webhook is set for this bot (409 Conflict)");
    expect(said).toContain("WEBHOOK_URL");
  });

  it("a database path that cannot be written", async () => {
    const { env, dir } = await setup();
    writeFileSync(join(dir, "not-a-folder"), "");
    const path = join(dir, "not-a-folder", "bot.sqlite");
    const said = await startFails({ ...env, DATABASE_PATH: path });
    expect(said).toContain(`Cannot write the database file ${path}`);
    expect(said).toContain("DATABASE_PATH");
  });

  it("a damaged database file", async () => {
    const { env } = await setup();
    writeFileSync(env.DATABASE_PATH, "not a database ".repeat(300));
    const said = await startFails(env);
    expect(said).toContain(`The database file ${env.DATABASE_PATH} is damaged`);
    expect(said).toContain("restore a backup");
  });

  it("a broken knowledge file: its problems, where they are", async () => {
    const { env, dir } = await setup();
    const file = copyKnowledge(dir, (yaml) =>
      yaml.replace("name: { id: Jawa Timur, en: East Java }", "nama: { id: Jawa Timur }"),
    );
    const said = await startFails({ ...env, KNOWLEDGE_PATH: file }, 3);
    expect(said).toContain(`${file} cannot be used, so the bot did not start`);
    expect(said).toMatch(
      new RegExp(`${file}:\\d+:5: provinces → jatim: unknown key "nama" — did you mean "name"\\?`),
    );
  });

  it("a broken lexicon", async () => {
    const { env } = await setup();
    const lexicon = join(project.dir, "knowledge/lexicon.yaml");
    const text = readFileSync(lexicon, "utf8");
    writeFileSync(lexicon, `${text}\nsurprise: [1\n`);
    cleanups.push(() => writeFileSync(lexicon, text));
    const said = await startFails(env, 3);
    expect(said).toContain("knowledge/lexicon.yaml cannot be used, so the bot did not start");
  });
});

describe("starting and stopping", () => {
  it("starts with plain node, no flags: JSON logs when not on a terminal, answers a question", async () => {
    const { env, fake } = await setup();
    const bot = startProcess(project.dir, env);
    cleanups.push(() => bot.child.kill("SIGKILL"));
    const running = await bot.line(/Tanya IKM is running/);
    expect(JSON.parse(running)).toMatchObject({ level: 30, mode: "polling" });
    fake.message({ text: "produk papua apa?" });
    expect(String((await fake.waitFor("sendMessage", undefined, 15_000)).params.text)).toContain("Dogiyai");
    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
  });

  it("polls before it loads the answer engine and the features; a question waiting at the start is answered", async () => {
    const { env, fake } = await setup();
    fake.message({ text: "produk papua apa?" });
    const bot = startProcess(project.dir, env);
    cleanups.push(() => bot.child.kill("SIGKILL"));
    const reply = await fake.waitFor("sendMessage", undefined, 15_000);
    expect(String(reply.params.text)).toContain("Dogiyai");
    // The log line comes once everything is loaded: by then the first poll had long been sent.
    const running = JSON.parse(await bot.line(/Tanya IKM is running/)) as { time: string | number };
    const [firstPoll] = fake.polls();
    expect(firstPoll?.at).toBeLessThanOrEqual(new Date(running.time).getTime());
    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
  });

  it("a stop asked for while it is still loading waits for the start, then stops gracefully", async () => {
    const { env, fake } = await setup();
    const bot = startProcess(project.dir, env);
    cleanups.push(() => bot.child.kill("SIGKILL"));
    await fake.waitFor("getUpdates", () => true, 15_000);
    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
    expect(bot.output().stdout).toMatch(/"msg":"stopped"/);
  });

  it("SIGTERM to the process npm start started reaches the bot, which stops gracefully", async () => {
    const { env, fake } = await setup();
    const bot = startProcess(project.dir, env, ["npm", "start"]);
    cleanups.push(() => bot.child.kill("SIGKILL"));
    await bot.line(/Tanya IKM is running/, 30_000);
    await fake.waitFor("getUpdates");
    bot.child.kill("SIGTERM");
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(bot.output().stdout).toMatch(/"reason":"SIGTERM".*stopping/);
    expect(bot.output().stdout).toMatch(/"msg":"stopped"/);
    // Nothing keeps polling once npm is gone (the fake answers a poll within 1 s).
    const polls = fake.polls().length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fake.polls().length).toBe(polls);
  }, 45_000);

  it("stops within 8 s however slow the network: a reply Telegram never answers does not hold it", async () => {
    const { env, fake } = await setup();
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    fake.respond("sendMessage", () => {
      arrived();
      return new Promise(() => {});
    });
    const bot = startProcess(project.dir, env);
    cleanups.push(() => bot.child.kill("SIGKILL"));
    await bot.line(/Tanya IKM is running/);
    fake.message({ text: "produk papua apa?", from: DEFAULT_USER });
    await inFlight;
    const asked = Date.now();
    bot.child.kill("SIGTERM");
    const { code, at } = await bot.exited;
    expect(at - asked).toBeLessThan(9_000);
    expect(at - asked).toBeGreaterThanOrEqual(7_500);
    expect(code).toBe(1);
    expect(bot.output().stdout).toContain("the stop did not finish in time");
  }, 30_000);
});
