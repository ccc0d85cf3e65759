import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { inputsDigest, readBuildInputs, type BuildInputs } from "./input-digest.ts";

/** What the inputs-check thread is given (inputs-check-worker.ts). */
export interface InputsCheckJob {
  /** The last build's record (`inputs.json` of the output's state). */
  inputsFile: string;
  contentDir: string;
  /** The build's options that change what it writes. */
  settings: Record<string, unknown>;
}

/** The inputs as they are now, against those the last build of the same output recorded (input-digest.ts). */
export interface InputsCheck {
  inputs: Pick<BuildInputs, "digest" | "files">;
  /** The last build's digest and until when its output holds; undefined when it recorded none. */
  recorded: Pick<BuildInputs, "digest" | "validUntil"> | undefined;
  /** Whether a file's path or stamp is not the recorded one (a fresh checkout of the same bytes has new stamps). */
  stampsChanged: boolean;
}

/** Messages from the inputs-check thread. */
export type FromInputsCheck = { type: "progress"; total: number; count: number } | { type: "done"; check: InputsCheck } | { type: "failed"; message: string; stack?: string };

/**
 * From this size of the last build's record (about 34,000 files), the
 * inputs are checked on a thread of their own: listing and stat-ing
 * 100,000 files takes 0.6-0.9 s, in which the build's own thread reads the
 * last content state (decision 0072). Below it, starting the thread costs
 * more than it saves. NEWSROOM_LARGE_INPUTS_BYTES sets another (the tests set 1).
 */
export const LARGE_INPUTS_BYTES = 4 * 1024 * 1024;

/** The check, done here and now. `onFile` is told of each file, with how many there are. */
export function checkInputs(job: InputsCheckJob, onFile?: (total: number) => void): InputsCheck {
  const recorded = readBuildInputs(job.inputsFile);
  const inputs = inputsDigest(job.contentDir, job.settings, recorded, onFile);
  const stampsChanged = recorded === undefined || inputs.files.some(([file, stamp], index) => recorded.files[index]?.[0] !== file || recorded.files[index]?.[1] !== stamp);
  return { inputs, recorded: recorded && { digest: recorded.digest, validUntil: recorded.validUntil }, stampsChanged };
}

/**
 * The check under way: on a thread of its own when the last build's record
 * is large (`onThread`), so that the caller can do other work meanwhile;
 * else done before this returns. `onFiles` is told of files checked, in
 * batches from the thread (total, how many).
 */
export function startInputsCheck(job: InputsCheckJob, onFiles?: (total: number, count: number) => void): { onThread: boolean; check: Promise<InputsCheck> } {
  if (recordBytes(job.inputsFile) < largeInputsBytes()) {
    try {
      return { onThread: false, check: Promise.resolve(checkInputs(job, onFiles && ((total) => onFiles(total, 1)))) };
    } catch (error) {
      return { onThread: false, check: Promise.reject(error) };
    }
  }
  return { onThread: true, check: checkOnThread(job, onFiles) };
}

const WORKER_URL = new URL("./inputs-check-worker.mjs", import.meta.url);

function checkOnThread(job: InputsCheckJob, onFiles?: (total: number, count: number) => void): Promise<InputsCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on("message", (message: FromInputsCheck) => {
      if (message.type === "progress") onFiles?.(message.total, message.count);
      else if (message.type === "done") settle(() => resolve(message.check));
      else settle(() => reject(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {})));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) => settle(() => reject(new Error(`internal error, please report: the inputs check stopped (exit code ${code}) before it was done`))));
  });
}

function recordBytes(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

function largeInputsBytes(): number {
  const set = Number(process.env.NEWSROOM_LARGE_INPUTS_BYTES);
  return Number.isFinite(set) && set > 0 ? set : LARGE_INPUTS_BYTES;
}
