import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * GitHub Pages publishes sites of up to 1 GB; larger deployments are not
 * guaranteed and time out after 10 minutes
 * (https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits).
 * Counted in decimal gigabytes, the stricter reading.
 */
export const PAGES_LIMIT_BYTES = 1_000_000_000;

const TAR_BLOCK = 512;
const TAR_RECORD = 20 * TAR_BLOCK;

export interface ArtifactSize {
  files: number;
  /** The files' bytes. */
  bytes: number;
  /** The tar archive upload-pages-artifact makes of them. */
  tarBytes: number;
}

/**
 * What the Pages artifact will weigh. upload-pages-artifact runs
 * `tar --dereference --hard-dereference`: every path is stored with its full
 * bytes, hard links and symlinks included (the build hard-links unchanged
 * image derivatives from its cache, so `du` would under-count them), each in
 * 512-byte blocks behind a 512-byte header, with one more header and block
 * for a name too long for the header's 100 bytes.
 */
export async function measurePagesArtifact(dir: string): Promise<ArtifactSize> {
  // The root folder's header, and two zero blocks at the end.
  const size: ArtifactSize = { files: 0, bytes: 0, tarBytes: 3 * TAR_BLOCK };
  await walk(path.resolve(dir), ".", size);
  // GNU tar writes whole records of 20 blocks.
  return { ...size, tarBytes: Math.ceil(size.tarBytes / TAR_RECORD) * TAR_RECORD };
}

async function walk(root: string, relative: string, size: ArtifactSize): Promise<void> {
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const name = `${relative}/${entry.name}`;
    // stat, not lstat: a symlink counts as what it points at, as tar --dereference stores it.
    const stats = await stat(path.join(root, name));
    size.tarBytes += TAR_BLOCK + (Buffer.byteLength(name) > 100 ? TAR_BLOCK + roundUp(Buffer.byteLength(name) + 1) : 0);
    if (stats.isDirectory()) {
      await walk(root, name, size);
      continue;
    }
    size.files += 1;
    size.bytes += stats.size;
    size.tarBytes += roundUp(stats.size);
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / TAR_BLOCK) * TAR_BLOCK;
}

/** The message that stops a Pages deploy, or undefined when the artifact fits. */
export function pagesSizeProblem(siteDir: string, size: ArtifactSize, limitBytes = PAGES_LIMIT_BYTES): string | undefined {
  if (size.tarBytes <= limitBytes) return undefined;
  return [
    `${siteDir} is ${formatBytes(size.bytes)} in ${size.files.toLocaleString("en")} files (${formatBytes(size.tarBytes)} as a Pages artifact),`,
    `over GitHub Pages' limit of ${formatBytes(limitBytes)} for a published site: Pages would not publish it.`,
    `Deploy it to object storage behind a CDN instead: npm run deploy -- --to <rclone remote:path>,`,
    `with .github/workflows/site-object-storage.yml (README: "Hosting a large archive").`,
  ].join("\n");
}

export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
