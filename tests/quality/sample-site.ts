import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../../src/build/build.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the sample newsroom (content/) into a fresh temporary folder: the gates judge what readers get. */
export async function buildSampleSite(): Promise<string> {
  const outputDir = path.join(mkdtempSync(path.join(tmpdir(), "newsroom-quality-")), "site");
  await buildSite({ rootDir: ROOT, outputDir });
  return outputDir;
}

/** Every built HTML page, as a path relative to the site root. */
export function htmlFiles(siteDir: string, prefix = ""): string[] {
  return readdirSync(path.join(siteDir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(siteDir, relative);
    return entry.name.endsWith(".html") ? [relative] : [];
  });
}
