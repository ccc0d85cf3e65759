import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../../src/site-builder/build-site.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the sample newsroom (content/) into a fresh temporary folder: the gates judge what readers get. */
export async function buildSampleSite(): Promise<string> {
  const outputDir = path.join(mkdtempSync(path.join(tmpdir(), "newsroom-quality-")), "site");
  await buildSite({ rootDir: ROOT, outputDir });
  return outputDir;
}
