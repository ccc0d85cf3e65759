import assert from "node:assert/strict";
import { copyFileSync, cpSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { copyBasicSite, pollUntil, ROOT, startServing, type RunningPreview } from "./preview-process.ts";

/**
 * A project folder as `npm start` sees it: this repository's package files
 * and code, the basic site's content. The code is linked, or copied when the
 * test changes it (the supervisor watches the code beside itself).
 */
function basicProject(code: "linked" | "copied" = "linked"): string {
  const projectDir = copyBasicSite("newsroom-npm-start-");
  for (const file of ["package.json", "package-lock.json", "tsconfig.json"]) copyFileSync(path.join(ROOT, file), path.join(projectDir, file));
  symlinkSync(path.join(ROOT, "node_modules"), path.join(projectDir, "node_modules"));
  for (const dir of ["src", "layouts", "public"]) {
    if (code === "linked") symlinkSync(path.join(ROOT, dir), path.join(projectDir, dir));
    else cpSync(path.join(ROOT, dir), path.join(projectDir, dir), { recursive: true });
  }
  return projectDir;
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  state: string;
  command: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state = "", ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return { pid, ppid: Number(ppid), state, command };
  } catch {
    return undefined; // gone
  }
}

/** `root` and every process below it, by the parent links of /proc. */
function processTree(root: number): ProcessInfo[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
  const tree: ProcessInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const info = all.find((candidate) => candidate.pid === pid);
    if (info) tree.push(info);
    queue.push(...all.filter((candidate) => candidate.ppid === pid).map((child) => child.pid));
  }
  return tree;
}

/** Running: not gone, and not a zombie waiting for init to reap it (it holds no port and does nothing). */
const stillRunning = (tree: readonly ProcessInfo[]) => tree.filter(({ pid }) => (readProcess(pid)?.state ?? "Z") !== "Z");

/** A port nothing listens on now (the system's choice for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts `npm start` on a free port; resolves once it serves, with its whole process tree. */
async function startNpmStart(options: { detached?: boolean; projectDir?: string; port?: number } = {}): Promise<{ preview: RunningPreview; port: number; tree: ProcessInfo[] }> {
  // Without the compile cache every process compiles its code, so each runs an esbuild service: grandchildren to stop.
  const preview = await startServing("npm", ["start", "--", "--port", String(options.port ?? 0)], { cwd: options.projectDir ?? basicProject(), env: { NEWSROOM_TYPESCRIPT_CACHE: "off" }, detached: options.detached ?? false });
  const port = Number(new URL(preview.origin).port);
  const tree = processTree(preview.child.pid!);
  try {
    const commands = tree.map(({ command }) => command).join("\n");
    assert.match(commands, /src\/dev\/supervisor\.ts/, "the supervisor runs");
    assert.match(commands, /src\/dev\/cli\.ts/, "the preview server runs under it");
    const server = tree.find(({ command }) => /src\/dev\/cli\.ts/.test(command))!;
    assert.ok(processTree(server.pid).some(({ command }) => /esbuild/.test(command)), "the preview server runs esbuild");
  } catch (error) {
    for (const { pid } of stillRunning(tree)) process.kill(pid, "SIGKILL");
    throw error;
  }
  return { preview, port, tree };
}

/** Asserts that every process of `tree` has ended within the bound and the port is closed; kills what is left (by pid) either way. */
async function assertAllStopped(tree: readonly ProcessInfo[], port: number, what: string): Promise<void> {
  try {
    const started = Date.now();
    while (stillRunning(tree).length > 0 && Date.now() - started < 15_000) await delay(100);
    assert.deepEqual(stillRunning(tree).map(({ command }) => command), [], `${what}: every process it started has ended within 15 s`);
    assert.equal(await acceptsConnections(port), false, `${what}: port ${port} is closed`);
  } finally {
    for (const { pid } of stillRunning(tree)) process.kill(pid, "SIGKILL");
  }
}

describe("npm start stops everything it started", () => {
  test("SIGTERM to npm start ends the supervisor, the preview server, esbuild and the port", async () => {
    const { preview, port, tree } = await startNpmStart();
    process.kill(preview.child.pid!, "SIGTERM");
    await assertAllStopped(tree, port, "SIGTERM");
  });

  test("SIGINT to npm start ends the supervisor, the preview server, esbuild and the port", async () => {
    const { preview, port, tree } = await startNpmStart();
    process.kill(preview.child.pid!, "SIGINT");
    await assertAllStopped(tree, port, "SIGINT");
  });

  test("Ctrl-C (SIGINT to the terminal's whole foreground group) ends them all", async () => {
    const { preview, port, tree } = await startNpmStart({ detached: true });
    process.kill(-preview.child.pid!, "SIGINT");
    await assertAllStopped(tree, port, "Ctrl-C");
  });

  test("a supervisor killed outright (SIGKILL) leaves no preview server: it stops once its parent is gone", async () => {
    const { port, tree } = await startNpmStart();
    const supervisor = tree.find(({ command }) => /src\/dev\/supervisor\.ts/.test(command) && !command.startsWith("sh "))!;
    process.kill(supervisor.pid, "SIGKILL");
    await assertAllStopped(
      tree.filter(({ pid }) => pid !== supervisor.pid),
      port,
      "SIGKILL to the supervisor",
    );
  });

  test("a change in layouts/ restarts the preview server: the new one serves the changed layout, the old one has ended", async () => {
    const projectDir = basicProject("copied");
    // A port of its own: with --port 0 the restarted server would take another one.
    const { preview, port, tree } = await startNpmStart({ projectDir, port: await freePort() });
    const seen = [...tree];
    try {
      const firstServer = tree.find(({ command }) => /src\/dev\/cli\.ts/.test(command))!;
      const footer = path.join(projectDir, "layouts/components/SiteFooter.tsx");
      writeFileSync(`${footer}.tmp`, readFileSync(footer, "utf8").replace(">All topics<", ">Every topic we cover<"));
      renameSync(`${footer}.tmp`, footer);
      await pollUntil(`${preview.origin}/`, (status, body) => status === 200 && body.includes("Every topic we cover"), "the changed footer", 90_000);
      assert.match(preview.output(), /layouts\/components\/SiteFooter\.tsx\b.* changed: restarting the preview/);
      assert.deepEqual(stillRunning([firstServer]), [], "the first server has ended");
      seen.push(...processTree(preview.child.pid!));
      process.kill(preview.child.pid!, "SIGTERM");
    } finally {
      await assertAllStopped(seen, port, "SIGTERM after a restart");
    }
  });
});
