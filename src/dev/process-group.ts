import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
import { isProcessGroupRunning } from "../util/processes.ts";

export interface ProcessGroupExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A child process in a process group of its own, with whatever it starts
 * (esbuild's compiler service, workers' processes): `stop()` signals the whole
 * group, so no grandchild outlives it. POSIX only (process groups).
 *
 * Its own group also keeps a terminal's Ctrl-C away from it: the terminal
 * signals the foreground group, and the owner decides how its child stops.
 */
export class ProcessGroup {
  readonly child: ChildProcess;
  /** Resolves when the child itself has exited (the rest of its group may not have yet). */
  readonly exited: Promise<ProcessGroupExit>;
  #stopping: Promise<void> | undefined;

  constructor(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}) {
    this.child = spawn(command, args, { ...options, detached: true });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => resolve({ code, signal }));
      // It could not start (then there is no "exit").
      this.child.once("error", () => resolve({ code: null, signal: null }));
    });
  }

  /** The group's id: the child's pid (undefined if it could not start). */
  get pgid(): number | undefined {
    return this.child.pid;
  }

  get isStopping(): boolean {
    return this.#stopping !== undefined;
  }

  /**
   * Stops every process of the group: SIGTERM, then SIGKILL for what still
   * runs after `graceMs`; resolves once the child has exited and nothing of
   * the group runs.
   */
  stop(graceMs = 5000): Promise<void> {
    this.#stopping ??= (async () => {
      this.signal("SIGTERM");
      if (await this.#ended(graceMs)) return;
      this.signal("SIGKILL");
      await this.#ended(2000);
    })();
    return this.#stopping;
  }

  /** Sends `signal` to every process of the group, at once and without waiting (what an exit handler may do). */
  signal(signal: NodeJS.Signals): void {
    if (this.pgid === undefined) return;
    try {
      process.kill(-this.pgid, signal);
    } catch {
      // ESRCH: none of the group is left.
    }
  }

  /** True once the child has exited and no process of its group runs, polled until `withinMs` has passed. */
  async #ended(withinMs: number): Promise<boolean> {
    const pgid = this.pgid;
    if (pgid === undefined) return true;
    const deadline = Date.now() + withinMs;
    let childExited = false;
    void this.exited.then(() => (childExited = true));
    while (Date.now() < deadline) {
      if (childExited && !isProcessGroupRunning(pgid)) return true;
      await delay(50);
    }
    return false;
  }
}
