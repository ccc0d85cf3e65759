import { readdirSync, readFileSync } from "node:fs";

/** A process as Linux's /proc/<pid>/stat shows it; undefined where there is no /proc or no such process. */
interface ProcStat {
  state: string;
  ppid: number;
  pgrp: number;
}

function readProcStat(pid: number | "self"): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses, so count from the last ")".
  const [state = "", ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state, ppid: Number(ppid), pgrp: Number(pgrp) };
}

/** True when process `pid` exists and has not exited (an exited one waiting to be reaped, a zombie, has). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return readProcStat(pid)?.state !== "Z";
}

/**
 * True while any process of process group `pgid` runs. On Linux, zombies are
 * left out: an orphan that exited waits for init to reap it, which can take a
 * while in a container, but it holds no port and does nothing.
 */
export function isProcessGroupRunning(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return true; // no /proc: the signal's answer is all there is
  }
  return pids.some((pid) => {
    const stat = readProcStat(Number(pid));
    return stat?.pgrp === pgid && stat.state !== "Z";
  });
}

/**
 * Calls `onExit` once the process that started this one has ended: a parent
 * killed outright (SIGKILL, a closed terminal's shell, `npm start` whose shell
 * died of SIGTERM) tells its children nothing. Polled; Node reads
 * `process.ppid` once, so Linux's /proc/self/stat says who the parent is now
 * (an orphan's is init or a subreaper), and elsewhere the first parent is
 * asked whether it still runs. Returns what stops the polling.
 */
export function whenParentExits(onExit: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    const now = readProcStat("self")?.ppid;
    if (now === undefined ? isProcessRunning(parent) : now === parent) return;
    clearInterval(timer);
    onExit();
  }, intervalMs);
  // It never keeps the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
