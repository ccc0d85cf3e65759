/**
 * Temporary folders for the shared fixtures (sites built once per file,
 * copied projects, deploy targets), removed once the test file is done.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

const folders: string[] = [];

// Registered as this module is imported, at a test file's top level, so it
// runs once all the file's tests have: an `after` called where a folder is
// made would run at the end of that test, or at once when made in a `before`
// hook, while later tests still read the folder.
after(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
});

/** A fresh folder in the system's temporary folder (`mkdtempSync`), removed when the test file ends. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}
