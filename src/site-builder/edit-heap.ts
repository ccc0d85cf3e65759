import { spawn } from "node:child_process";
import { once } from "node:events";
import { constants } from "node:os";
import { relaunchArguments } from "../loader/node-flags.ts";
import { keptStateBytes } from "./content-state-file.ts";

/**
 * A build that starts from its last content state reads all of it back:
 * at 100,000 articles, 190 MB of objects that all live on, which V8's
 * young generation (16 MB semi-spaces) copied in about 300 scavenges, a
 * fifth of an edit's build. With 64 MB semi-spaces it took 21.3-26.2 s
 * against 22.2-27.1 s, and peaked at 1.9 GB against 2.0-2.2 GB: less
 * short-lived garbage is promoted (decision 0065). V8 takes the
 * size only when a process starts, and a cold build, which reads no state,
 * peaks higher with it; so the command line starts the build again, in a
 * child process with the larger semi-spaces, when the output's content
 * state is large and by this code. Once an edit no longer collected its
 * old generation (decision 0073), 128 MB did better again: a mean of
 * 10.15 s against 10.46 s, nine alternated dek edits at 100,000 articles,
 * 30 MB more at its peak; 256 MB did worse, and peaked 250 MB higher.
 * It also keeps an edit's old generation below the point where V8 starts
 * collecting it (OLD_SPACE_PER_STATE_BYTE).
 */
export const EDIT_SEMI_SPACE_MB = 128;

/**
 * The old generation the child starts with, per byte of content state. The
 * state read back lives on as objects about 4.7 times its size on disk (at
 * 100,000 articles, 900 MB from 185 MB), and V8, starting the old
 * generation small, reached that through full collections at 94, 334 and
 * 1,058 MB, each marking everything alive: 0.5-0.7 s of a dek edit's 11 s.
 * Started at 8 times the state, it collected once, near the end (decision
 * 0071), and that collection began as the build ended, so that the process
 * waited for it at its exit (decision 0073). With 128 MB semi-spaces less
 * short-lived garbage reaches the old generation, and an edit (a dek, a
 * story published) ends without starting one. Starting it at 12 times did
 * that too, but a build relaunched here that renders every page (new site
 * settings) then peaked at 3,485 MB against 2,463 MB at 8 times, at
 * 100,000 articles: the start seems to stay the least limit V8 collects at.
 */
const OLD_SPACE_PER_STATE_BYTE = 8;

/** Below this, V8's own starting size is left as it is. */
const MIN_INITIAL_OLD_SPACE_MB = 64;

/**
 * The state size from which the build is started again: about 35,000
 * articles. Below it nothing was gained (10,000 articles: 19 MB of state).
 * NEWSROOM_LARGE_STATE_BYTES sets another (the tests set 1).
 */
export const LARGE_STATE_BYTES = 64 * 1024 * 1024;

/** Marks the child process, which builds whatever its state. */
const RELAUNCHED = "NEWSROOM_EDIT_HEAP";

/** The Node flags a build starting from the content state in `stateFile` runs best with: none unless that state is large. */
export function editHeapFlags(stateFile: string, threshold = largeStateBytes()): string[] {
  const stateBytes = keptStateBytes(stateFile, threshold);
  if (stateBytes === 0) return [];
  const oldSpaceMB = Math.round((stateBytes * OLD_SPACE_PER_STATE_BYTE) / 2 ** 20);
  return [`--max-semi-space-size=${EDIT_SEMI_SPACE_MB}`, ...(oldSpaceMB >= MIN_INITIAL_OLD_SPACE_MB ? [`--initial-old-space-size=${oldSpaceMB}`] : [])];
}

/** Signals that stop a build: passed on to the child, which cleans up as a build does. */
const STOPPING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Starts this command again with `editHeapFlags`, when there are any and
 * this process is not that child already, and exits as the child does
 * (its output goes straight to this process's; a signal that would stop
 * this process is passed on to it, so that a CI job cancelled or timed out
 * leaves no build running); otherwise resolves at once.
 */
export async function relaunchForLargeEdit(stateFile: string): Promise<void> {
  if (process.env[RELAUNCHED]) return;
  const flags = editHeapFlags(stateFile);
  if (flags.length === 0) return;
  const child = spawn(process.execPath, relaunchArguments(flags), { stdio: "inherit", env: { ...process.env, [RELAUNCHED]: "1" } });
  for (const signal of STOPPING_SIGNALS) process.on(signal, () => child.kill(signal));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
}

function largeStateBytes(): number {
  const set = Number(process.env.NEWSROOM_LARGE_STATE_BYTES);
  return Number.isFinite(set) && set > 0 ? set : LARGE_STATE_BYTES;
}
