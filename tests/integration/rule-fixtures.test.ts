import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildSite, unwrapContentError } from "../../src/site-builder/build-site.ts";
import { checkSite } from "../../src/check/check-site.ts";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { RULES } from "../../src/diagnostics/messages.ts";
import { photo, truncatedJpeg } from "../fixtures/images/make-images.ts";

/**
 * One broken fixture per rule of the catalogue (tests/fixtures/rules/<rule
 * with "/" as "__">/: files laid over _base/, and `fixture.json` for what
 * cannot be a text file: images, links, Latin-1 text), and the exact lines
 * it must produce for that rule in `expected.txt`. A rule without a fixture
 * fails. `UPDATE_FIXTURES=1` writes the expected lines; review the diff.
 */
const RULE_FIXTURES = fileURLToPath(new URL("../fixtures/rules/", import.meta.url));
const UPDATE = process.env.UPDATE_FIXTURES === "1";

interface FixtureManifest {
  /** Images to make, by file name in content/images/: [width, height]. */
  images?: Record<string, [number, number]>;
  /** Damaged JPEGs to make in content/images/. */
  truncated?: string[];
  /** Symbolic links to make: path -> target. */
  links?: Record<string, string>;
  /** Files to write in Latin-1, not UTF-8. */
  latin1?: Record<string, string>;
  /** An article whose body is just past the long-body limit. */
  longBody?: string;
  /** Base files to leave out. */
  remove?: string[];
  /** Checked in a preview (drafts shown). */
  preview?: boolean;
  /** Only a build finds it (a damaged image fails when it is encoded). */
  build?: boolean;
}

const folderOf = (ruleId: string) => path.join(RULE_FIXTURES, ruleId.replaceAll("/", "__"));

async function siteFor(ruleId: string): Promise<{ root: string; manifest: FixtureManifest }> {
  const root = mkdtempSync(path.join(tmpdir(), "newsroom-rule-"));
  cpSync(path.join(RULE_FIXTURES, "_base"), root, { recursive: true });
  const folder = folderOf(ruleId);
  const manifestFile = path.join(folder, "fixture.json");
  const manifest: FixtureManifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : {};
  for (const file of manifest.remove ?? []) rmSync(path.join(root, file));
  for (const name of readdirSync(folder)) if (name !== "fixture.json" && name !== "expected.txt") cpSync(path.join(folder, name), path.join(root, name), { recursive: true });
  const images = path.join(root, "content", "images");
  for (const [name, [width, height]] of Object.entries(manifest.images ?? {})) await photo(width, height).jpeg().toFile(ensureDir(images, name));
  for (const name of manifest.truncated ?? []) writeFileSync(ensureDir(images, name), await truncatedJpeg(640, 360));
  for (const [file, target] of Object.entries(manifest.links ?? {})) symlinkSync(target, ensureDir(root, file));
  for (const [file, text] of Object.entries(manifest.latin1 ?? {})) writeFileSync(ensureDir(root, file), Buffer.from(text, "latin1"));
  if (manifest.longBody) {
    const words = Array.from({ length: 20_001 }, (_, i) => (i % 12 === 11 ? "council." : "council")).join(" ");
    writeFileSync(ensureDir(root, manifest.longBody), `---\ntitle: "A very long story"\ndek: "One sentence."\nauthors: [reporter]\ndate: 2026-11-21T09:00:00+00:00\n---\n${words}\n`);
  }
  return { root, manifest };
}

/** `dir/file`, its folder made. */
function ensureDir(dir: string, file: string): string {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  return target;
}

async function diagnosticsFor(ruleId: string): Promise<Diagnostic[]> {
  const { root, manifest } = await siteFor(ruleId);
  try {
    if (!manifest.build) return (await checkSite({ rootDir: root, checkOnly: true, isPreview: manifest.preview ?? false, now: new Date("2026-11-27T09:00:00Z") })).diagnostics;
    try {
      await buildSite({ rootDir: root, outputDir: path.join(root, "site"), now: new Date("2026-11-27T09:00:00Z") });
      return [];
    } catch (error) {
      const content = unwrapContentError(error);
      if (!content) throw error;
      return [...content.diagnostics];
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("every rule of the catalogue has a broken fixture that produces exactly its expected lines, #20", () => {
  for (const ruleId of Object.keys(RULES)) {
    test(ruleId, async () => {
      assert.ok(existsSync(folderOf(ruleId)), `add a fixture for ${ruleId} in tests/fixtures/rules/${ruleId.replaceAll("/", "__")}/`);
      const lines = sortDiagnostics((await diagnosticsFor(ruleId)).filter((d) => d.ruleId === ruleId)).map(formatDiagnostic);
      assert.ok(lines.length > 0, `the fixture for ${ruleId} produces no ${ruleId} problem`);
      const expectedFile = path.join(folderOf(ruleId), "expected.txt");
      if (UPDATE) writeFileSync(expectedFile, `${lines.join("\n")}\n`);
      assert.ok(existsSync(expectedFile), `no expected.txt for ${ruleId}: run with UPDATE_FIXTURES=1 and review it`);
      assert.deepEqual(lines, readFileSync(expectedFile, "utf8").trimEnd().split("\n"));
    });
  }

  test("no fixture is left without a rule", () => {
    const folders = readdirSync(RULE_FIXTURES).filter((name) => name !== "_base");
    assert.deepEqual(folders.filter((name) => !Object.hasOwn(RULES, name.replace("__", "/"))), []);
  });
});
