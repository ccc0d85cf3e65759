import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AdminSettings } from "./cms-config.ts";

/**
 * The files of /admin/, all from the site's own origin: Decap CMS's bundle
 * and the `yaml` package's browser build, copied from node_modules into
 * folders named by their versions; our admin scripts in a folder named by a
 * hash of their content (relative imports keep working, caches never serve
 * a stale one); the page; and the configuration made from the schemas.
 */
export interface AdminFile {
  /** Where it is published, from the site's root: "admin/index.html". */
  url: string;
  source?: string;
  text?: string;
}

const require = createRequire(import.meta.url);
/** Our scripts for the admin page (plain browser modules). */
export const ADMIN_SCRIPTS_DIR = fileURLToPath(new URL("./admin", import.meta.url));

/** Decap's standalone bundle (React included), its lazily loaded chunks, its WebAssembly and licence notices; not the source maps. */
const DECAP_FILE = /^(?:\d+\.)?decap-cms\.js(?:\.LICENSE\.txt)?$|\.wasm$/;

function packageDir(name: string): { dir: string; version: string } {
  const manifest = require.resolve(`${name}/package.json`);
  return { dir: path.dirname(manifest), version: (require(manifest) as { version: string }).version };
}

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(dir, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)])));
  return nested.flat().sort();
}

/** The published folders of the scripts the page loads: `/admin/<name>/`. */
export interface AdminScripts {
  decap: string;
  yaml: string;
  newsroom: string;
  files: AdminFile[];
}

export async function adminScripts(): Promise<AdminScripts> {
  const decap = packageDir("decap-cms");
  const yaml = packageDir("yaml");
  const decapFolder = `decap-cms-${decap.version}`;
  const yamlFolder = `yaml-${yaml.version}`;
  const ours = (await filesUnder(ADMIN_SCRIPTS_DIR)).filter((name) => name.endsWith(".js"));
  const hash = createHash("sha256");
  for (const name of ours) hash.update(name).update(await readFile(path.join(ADMIN_SCRIPTS_DIR, name)));
  const newsroomFolder = `newsroom-${hash.digest("hex").slice(0, 10)}`;
  const decapFiles = (await readdir(path.join(decap.dir, "dist"))).filter((name) => DECAP_FILE.test(name)).sort();
  const yamlFiles = await filesUnder(path.join(yaml.dir, "browser"));
  return {
    decap: `/admin/${decapFolder}/`,
    yaml: `/admin/${yamlFolder}/`,
    newsroom: `/admin/${newsroomFolder}/`,
    files: [
      ...decapFiles.map((name) => ({ url: `admin/${decapFolder}/${name}`, source: path.join(decap.dir, "dist", name) })),
      ...yamlFiles.filter((name) => name.endsWith(".js")).map((name) => ({ url: `admin/${yamlFolder}/${name}`, source: path.join(yaml.dir, "browser", name) })),
      ...ours.map((name) => ({ url: `admin/${newsroomFolder}/${name}`, source: path.join(ADMIN_SCRIPTS_DIR, name) })),
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The admin page: Decap starts only when our script has registered what it needs (CMS_MANUAL_INIT). */
export function adminPage(siteName: string, scripts: Pick<AdminScripts, "decap" | "yaml" | "newsroom">): string {
  const importMap = JSON.stringify({ imports: { yaml: `${scripts.yaml}index.js` } });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Content manager · ${escapeHtml(siteName)}</title>
<script type="importmap">${importMap}</script>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="${scripts.decap}decap-cms.js"></script>
<script type="module" src="${scripts.newsroom}admin.js"></script>
</head>
<body>
<noscript>The content manager needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * Writes /admin/ into a site folder. Copies are skipped when the file is
 * already there at its size: the folders are named by version or hash, so
 * a preview that writes /admin/ on every save copies the bundle once.
 */
export async function writeAdminFiles(outputDir: string, siteName: string, settings: AdminSettings, scripts?: AdminScripts): Promise<void> {
  const { files, ...folders } = scripts ?? (await adminScripts());
  const all: AdminFile[] = [
    ...files,
    { url: "admin/index.html", text: adminPage(siteName, folders) },
    { url: "admin/config.json", text: `${JSON.stringify(settings, null, 2)}\n` },
  ];
  for (const file of all) {
    const target = path.join(outputDir, file.url);
    await mkdir(path.dirname(target), { recursive: true });
    if (file.text !== undefined) await writeFile(target, file.text);
    else if (file.source && !(await hasSameSize(file.source, target))) await copyFile(file.source, target);
  }
}

async function hasSameSize(source: string, target: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
  return b !== undefined && a.size === b.size;
}
