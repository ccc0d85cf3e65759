import { spawn, type ChildProcess } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { PREVIEW_SERVER_NODE_FLAGS } from "../../src/dev/preview-options.ts";
import { TYPESCRIPT_FLAGS } from "../../src/loader/node-flags.ts";
import { temporaryFolder } from "../temporary-folder.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BASIC = path.join(ROOT, "tests/fixtures/sites/basic");
/** The basic site's encoded images, shared by the tests that preview it. */
export const BASIC_IMAGE_CACHE = path.join(BASIC, ".cache/images");

/** A fresh project folder holding a copy of the basic site's content, removed when the test file ends. */
export function copyBasicSite(prefix: string): string {
  const rootDir = temporaryFolder(prefix);
  cpSync(path.join(BASIC, "content"), path.join(rootDir, "content"), { recursive: true });
  return rootDir;
}

export interface RunningPreview {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** Spawns a command that prints "Preview at http://127.0.0.1:<port>/" once it serves; resolves then. */
export async function startServing(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; detached?: boolean }): Promise<RunningPreview> {
  const env = { ...process.env, NEWSROOM_IMAGE_CACHE: BASIC_IMAGE_CACHE, ...options.env };
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: options.detached ?? false });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start: ${output}`)), options.timeoutMs ?? 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Preview at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the preview exited (${code ?? signal}): ${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return { child, origin, output: () => output, exited, stop };
}

/** `npm start`'s preview server itself (src/dev/cli.ts, without the supervisor), in `rootDir`, on a free port. */
export function startPreview(rootDir: string, args: string[] = []): Promise<RunningPreview> {
  return startServing(process.execPath, [...PREVIEW_SERVER_NODE_FLAGS, ...TYPESCRIPT_FLAGS, path.join(ROOT, "src/dev/cli.ts"), "--port", "0", ...args], { cwd: rootDir });
}

/** Polls `url` until `accepts` holds for its status and body; fails after `timeoutMs` (a generous bound, not a timing). */
export async function pollUntil(url: string, accepts: (status: number, body: string) => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = await response.text();
      if (accepts(response.status, body)) return;
      last = `${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await delay(50);
  }
  throw new Error(`${url} did not show ${what} within ${timeoutMs / 1000} s (last answer: ${last})`);
}
