import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { findRclone, HOW_TO_GET_RCLONE } from "../../src/deploy/rclone.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { siteContents } from "./build-fixture.ts";

/**
 * Why deploy tests cannot run here, or undefined when they can. Under CI a
 * missing rclone is a failure, never a silent pass.
 */
export function rcloneSkipReason(): string | undefined {
  if (findRclone()) return undefined;
  if (process.env.CI === "true") throw new Error(`${HOW_TO_GET_RCLONE} (CI=true: deploy tests must run)`);
  return HOW_TO_GET_RCLONE;
}

/** rclone's environment in tests: no config file of the machine's, remotes from variables only. */
export function rcloneEnv(remotes: Record<string, Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, RCLONE_CONFIG: "/dev/null" };
  for (const [name, settings] of Object.entries(remotes)) {
    for (const [key, value] of Object.entries(settings)) env[`RCLONE_CONFIG_${name.toUpperCase()}_${key.toUpperCase()}`] = value;
  }
  return env;
}

/** A fresh temporary folder, removed when the test file ends. */
export function temporaryDir(name: string): string {
  return temporaryFolder(`newsroom-${name}-`);
}

/** The target's files without the deploy's own `.newsroom/`, each with a SHA-256, to compare with a site's. */
export function targetContents(dir: string): Map<string, string> {
  return new Map([...siteContents(dir)].filter(([file]) => !file.startsWith("/.newsroom/")));
}

/** Folders under `dir` with nothing in them (what a deleted article must not leave behind). */
export function emptyFolders(dir: string, relative = ""): string[] {
  const entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
  if (relative && entries.length === 0) return [relative];
  return entries.filter((entry) => entry.isDirectory()).flatMap((entry) => emptyFolders(dir, path.join(relative, entry.name)));
}

export function copyFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface WebdavServer {
  /** The folder the server serves. */
  dir: string;
  /** The address rclone is given: a recording proxy in front of the server. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * `rclone serve webdav` on 127.0.0.1 (rclone 1.60 has no `serve s3`), behind
 * a proxy that records every request, so tests see what a deploy sends: the
 * headers of each PUT and whether anything lists a folder.
 */
export async function startWebdav(dir: string): Promise<WebdavServer> {
  const server = spawn(findRclone()!, ["serve", "webdav", dir, "--addr", "127.0.0.1:0"], { env: rcloneEnv(), stdio: ["ignore", "ignore", "pipe"] });
  const upstream = await serverAddress(server);
  const requests: RecordedRequest[] = [];
  const proxy = http.createServer((request, response) => {
    requests.push({ method: request.method!, url: decodeURIComponent(request.url!), headers: request.headers });
    const forward = http.request(`${upstream}${request.url!.slice(1)}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    forward.on("error", () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    dir,
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      server.kill();
    },
  };
}

/** The address `rclone serve` prints once it listens ("... started on http://127.0.0.1:PORT/"). */
function serverAddress(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`rclone serve webdav did not start: ${output}`)), 15_000);
    server.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const match = /started on \[?(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    server.on("exit", (code) => reject(new Error(`rclone serve webdav exited (${code}): ${output}`)));
  });
}
