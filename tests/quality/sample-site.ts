import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../../src/site-builder/build-site.ts";
import { temporaryFolder } from "../temporary-folder.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the sample newsroom (content/) into a fresh temporary folder (removed when the test file ends): the gates judge what readers get. */
export async function buildSampleSite(): Promise<string> {
  const outputDir = path.join(temporaryFolder("newsroom-quality-"), "site");
  await buildSite({ rootDir: ROOT, outputDir });
  return outputDir;
}
