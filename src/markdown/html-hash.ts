import { createHash } from "node:crypto";

/**
 * SHA-256 of a rendered body, computed where the body renders (a worker
 * thread, in a large build) and cached with it: it stands for the body in
 * the keys of the pages that show it (see `Article.bodyHash`).
 */
export function htmlHash(html: string): string {
  return createHash("sha256").update(html).digest("hex");
}
