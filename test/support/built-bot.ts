/**
 * The production bot as `npm start` runs it: compiled by `npm run build` into a copy of the
 * project in a temporary folder (its own knowledge, lexicon and .env, which tests may break),
 * then run as a plain `node dist/main.js` process, or through `npm start` itself.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(import.meta.dirname, "..", "..");
const COPIED = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  ".env.example",
  "src",
  "knowledge",
  "locales",
];

/** A copy of the project, built; `cleanup` removes it. */
export interface BuiltProject {
  dir: string;
  cleanup: () => void;
}

/** Copies the project to a temporary folder (node_modules linked, not copied) and runs `npm run build` there. */
export async function buildProject(): Promise<BuiltProject> {
  const dir = mkdtempSync(join(tmpdir(), "tanya-ikm-built-"));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  await promisify(execFile)("npm", ["run", "--silent", "build"], { cwd: dir });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A running bot process and what it has written so far. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => { stdout: string; stderr: string };
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves when stdout has a line matching `pattern`; rejects after `timeoutMs`. */
  line: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
}

/**
 * Starts `command` (default: `node dist/main.js`, no flags) in `dir` with exactly `env` beside
 * PATH and HOME: nothing of the test runner's environment (a BOT_TOKEN, npm's variables) leaks in.
 */
export function startProcess(
  dir: string,
  env: Record<string, string>,
  command: readonly string[] = [process.execPath, "dist/main.js"],
): BotProcess {
  const [file = process.execPath, ...args] = command;
  const child = spawn(file, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    for (const wake of [...waiters]) wake();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.on("exit", (code, signal) => done({ code, signal, at: Date.now() })),
  );
  const line = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<string>((found, fail) => {
      const check = () => {
        const match = stdout.split("\n").find((l) => pattern.test(l));
        if (match === undefined) return;
        cleanup();
        found(match);
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(
          new Error(`no line matching ${pattern} in ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { child, output: () => ({ stdout, stderr }), exited, line };
}

/** Runs the bot until it exits (it should, on a start-up error); fails the test if it outlives `timeoutMs`. */
export async function runUntilExit(
  dir: string,
  env: Record<string, string>,
  timeoutMs = 15_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bot = startProcess(dir, env);
  const timer = setTimeout(() => bot.child.kill("SIGKILL"), timeoutMs);
  const { code } = await bot.exited;
  clearTimeout(timer);
  return { code, ...bot.output() };
}
