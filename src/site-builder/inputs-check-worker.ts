/**
 * The thread a large site's inputs are checked on (inputs-check.ts), while
 * the build's own thread reads the last content state. Tells of its
 * progress in batches: a message per file would cost more than the file.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkInputs, type FromInputsCheck, type InputsCheckJob } from "./inputs-check.ts";

const FILES_PER_MESSAGE = 2000;

const port = parentPort!;
const send = (message: FromInputsCheck) => port.postMessage(message);
let unsent = 0;
try {
  let total = 0;
  const check = checkInputs(workerData as InputsCheckJob, (files) => {
    total = files;
    if (++unsent < FILES_PER_MESSAGE) return;
    send({ type: "progress", total, count: unsent });
    unsent = 0;
  });
  if (unsent > 0) send({ type: "progress", total, count: unsent });
  send({ type: "done", check });
} catch (error) {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
}
