import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const HOW_TO_GET_RCLONE =
  "rclone not found. Install it (Debian or Ubuntu: apt-get update && apt-get install -y rclone) or set RCLONE_PATH to an rclone binary.";

/** rclone's exit codes for "directory not found" and "file not found": an absent file, not a failure. */
const NOT_FOUND_EXIT_CODES = new Set([3, 4]);

export class RcloneError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`rclone ${args[0]} failed (exit ${exitCode ?? "killed"}): ${stderr.trim().split("\n").slice(-3).join(" | ") || "no message"}`);
    this.name = "RcloneError";
  }

  get isNotFound(): boolean {
    return this.exitCode !== null && NOT_FOUND_EXIT_CODES.has(this.exitCode);
  }
}

/** Runs one rclone command; resolves with its standard output. Tests wrap it to fail or kill a step. */
export type RcloneRunner = (args: readonly string[], options?: { input?: string }) => Promise<string>;

/** `RCLONE_PATH`, else `rclone` on the PATH; undefined when there is none. */
export function findRclone(): string | undefined {
  if (process.env.RCLONE_PATH) return existsSync(process.env.RCLONE_PATH) ? process.env.RCLONE_PATH : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "rclone");
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The real runner. `-q`: rclone prints errors only; the deploy reports what
 * it did itself. Remotes may be configured by environment variables
 * (RCLONE_CONFIG_<NAME>_TYPE ...). `onSpawn` sees each process (a test kills one mid-upload).
 */
export function rcloneRunner(options: { binary?: string; env?: NodeJS.ProcessEnv; onSpawn?: (child: ChildProcess, args: readonly string[]) => void } = {}): RcloneRunner {
  const binary = options.binary ?? findRclone();
  if (!binary) throw new Error(HOW_TO_GET_RCLONE);
  return (args, { input } = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(binary, [...args, "-q"], { env: options.env ?? process.env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
      options.onSpawn?.(child, args);
      const stdout: Buffer[] = [];
      let stderr = "";
      child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(stdout).toString("utf8")) : reject(new RcloneError(args, code, stderr))));
      if (input !== undefined) child.stdin!.end(input);
    });
}

/** `remote:bucket/site` + `news/x/index.html`; a bare remote (`remote:`) or a local folder works too. */
export function remotePath(target: string, file = ""): string {
  if (!file) return target;
  return target.endsWith(":") || target.endsWith("/") ? `${target}${file}` : `${target}/${file}`;
}
