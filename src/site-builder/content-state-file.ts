import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { codeFingerprint } from "../cache/keyed-json-cache.ts";
import { CONTENT_STATE_CODE } from "../cache/code-fingerprints.ts";
import type { CheckedImage } from "../images/image-pipeline.ts";

/**
 * The content state's index (`content.bin`, see content-state.ts): what
 * code wrote it, and the names of its shard files. Apart from the state's
 * reader and writer so that the command line can ask how large a state is
 * without loading the content's modules (edit-heap.ts).
 */
export const STATE_VERSION = 4;
export const SHARD_FILE = /^content-\d+-[0-9a-z]+\.bin$/;

export interface StoredState {
  version: number;
  code: string;
  context: string;
  /** Each shard's file name, by shard (null: no file falls in it). */
  shards: (string | null)[];
  images: [string, CheckedImage][];
}

/** The index in `file`, when it is whole and this code wrote it; else undefined. */
export function readStateIndex(file: string): StoredState | undefined {
  try {
    const stored = v8.deserialize(readFileSync(file)) as StoredState;
    return stored.version === STATE_VERSION && stored.code === codeFingerprint(CONTENT_STATE_CODE) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bytes of the state in `file` (its index and shards) that the next
 * build reads back, when they are at least `atLeast`; else 0, and 0 when
 * this code did not write it. The files on disk are counted first: a
 * smaller state's index is not read, nor the code's fingerprint taken.
 */
export function keptStateBytes(file: string, atLeast = 0): number {
  const dir = path.dirname(file);
  const sizes = new Map<string, number>();
  try {
    for (const name of readdirSync(dir)) if (name === path.basename(file) || SHARD_FILE.test(name)) sizes.set(name, statSync(path.join(dir, name)).size);
  } catch {
    return 0;
  }
  if ([...sizes.values()].reduce((sum, size) => sum + size, 0) < atLeast) return 0;
  const stored = readStateIndex(file);
  if (!stored) return 0;
  let bytes = sizes.get(path.basename(file)) ?? 0;
  for (const name of stored.shards) {
    if (name === null) continue;
    const size = sizes.get(name);
    if (size === undefined) return 0; // a shard gone: the state is not read back
    bytes += size;
  }
  return bytes >= atLeast ? bytes : 0;
}
