import { readFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { PackStore } from "../cache/pack-store.ts";
import { codeFingerprint } from "../cache/keyed-json-cache.ts";
import { CONTENT_STATE_CODE } from "../cache/code-fingerprints.ts";
import { ContentMemo, type KeptArticle, type MemoBody } from "../assembly/content-memo.ts";
import { keptArticleOf } from "../assembly/build-articles.ts";
import type { ParsedFrontmatter } from "../content/frontmatter.ts";
import { parseFrontmatter } from "../content/frontmatter.ts";
import type { ReadFile } from "../content/read-files.ts";
import { readSourceText } from "../content/read-source.ts";
import type { YamlError } from "../content/yaml-source.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { CheckedImage } from "../images/image-pipeline.ts";
import type { SettledBody } from "../markdown/render-bodies.ts";
import { writeFileWhole } from "../util/write-whole.ts";

/**
 * The content as the last build of an output folder loaded it, kept for the
 * next build (`.cache/state/<output>/content.bin`): every file's parse and
 * validation, every article's rendered body and built form, every image's
 * check, each with the stamp (modification time, size, inode) its file had.
 * The next build reads again only the files whose stamp changed, and builds
 * again only the articles whose file, or anything they show, changed (the
 * content memo's rules, src/assembly/content-memo.ts): editing one article of
 * 10,000 no longer reads, validates and builds the other 9,999.
 *
 * Rendered bodies are kept apart, by hash, in a pack store beside it
 * (`bodies/`): a page reads its article's body when it is rendered, so a
 * build that renders 30 pages reads 30 bodies.
 *
 * A state written by other code (any change under src/ or to the locked
 * dependencies) is not used: the content is loaded afresh, as in a cold build.
 */
export interface ContentState {
  memo: ContentMemo;
  /** Closes the body store (after the last page is rendered). */
  close(): void;
}

const STATE_VERSION = 3;

interface StoredRead {
  file: ReadFile<unknown>["file"];
  data?: unknown;
  diagnostics: Diagnostic[];
  parsed?: { data: unknown; errors: YamlError[]; bodyLineOffset: number };
}

interface StoredFile {
  path: string;
  stamp: string;
  hash?: string;
  read: StoredRead;
  body?: { settingsKey: string; meta: Omit<SettledBody, "html" | "readHtml"> };
  /** The article built from it, as the next build compares it (src/assembly/build-articles.ts). */
  article?: KeptArticle;
}

interface StoredState {
  version: number;
  code: string;
  context: string;
  files: StoredFile[];
  images: [string, CheckedImage][];
}

/** The state in `file` as a memo for the next load, or an empty memo when there is none that this code wrote. */
export function readContentState(file: string): ContentState {
  const bodies = new PackStore(bodyStoreDir(file));
  const memo = new ContentMemo();
  const close = () => bodies.close();
  let stored: StoredState;
  try {
    stored = v8.deserialize(readFileSync(file)) as StoredState;
  } catch {
    return { memo, close };
  }
  if (stored.version !== STATE_VERSION || stored.code !== codeFingerprint(CONTENT_STATE_CODE)) return { memo, close };
  const readBody = (hash: string) => () => {
    const html = bodies.get(hash);
    if (html === undefined) throw new Error(`internal error, please report: a kept body is missing from ${bodyStoreDir(file)} (delete .cache/state/ and build again)`);
    return html;
  };
  memo.context = stored.context;
  for (const [imagePath, checked] of stored.images) memo.images.set(imagePath, checked);
  for (const entry of stored.files) {
    const read = restoredRead(entry.read);
    memo.files.set(entry.path, { stamp: entry.stamp, ...(entry.hash ? { hash: entry.hash } : {}), outcome: read });
    if (entry.article) memo.kept.set(read, entry.article);
    if (entry.body) memo.bodies.set(read, { settingsKey: entry.body.settingsKey, body: { ...entry.body.meta, html: "", readHtml: readBody(entry.body.meta.htmlHash) } });
  }
  return { memo, close };
}

/**
 * Writes the memo of a successful load to `file` (whole or not at all) and
 * its bodies into the body store; bodies no file holds any more are pruned
 * once they outnumber the kept ones.
 */
export function writeContentState(file: string, memo: ContentMemo): void {
  const bodies = new PackStore(bodyStoreDir(file));
  try {
    const files: StoredFile[] = [];
    for (const [filePath, { stamp, hash, outcome }] of memo.files) {
      const read = outcome as ReadFile<unknown>;
      const stored: StoredFile = { path: filePath, stamp, ...(hash ? { hash } : {}), read: storedRead(read) };
      const body = memo.bodies.get(read);
      if (body) stored.body = { settingsKey: body.settingsKey, meta: keepBody(bodies, body) };
      // Articles are built again from their kept parse and body (the images' plans shared): keeping them
      // too doubled the state and took longer to read than to build (decision 0050). Their hashes are kept.
      const built = memo.articles.get(read);
      const hashes = built && memo.hashes.get(built.article);
      // An article that took its kept hashes over was built from what its kept record says.
      const kept = memo.kept.get(read);
      if (built && hashes) stored.article = kept?.hashes === hashes ? kept : keptArticleOf(built, hashes);
      files.push(stored);
    }
    const state: StoredState = { version: STATE_VERSION, code: codeFingerprint(CONTENT_STATE_CODE), context: memo.context, files, images: [...memo.images] };
    bodies.flush();
    bodies.prune();
    writeFileWhole(file, v8.serialize(state));
  } finally {
    bodies.close();
  }
}

/**
 * Leaves the memo as the next build will read it: each file's parse without
 * its text, read again from the file if a problem must be placed in it. A
 * cold load holds every file's text until the state is written (512 MB at
 * 100,000 articles), and the pages need none of it.
 */
export function lightenContentMemo(memo: ContentMemo): void {
  for (const entry of memo.files.values()) {
    const read = entry.outcome as ReadFile<unknown>;
    // Files unchanged since the last build were read light from its state already.
    if (lightReads.has(read)) continue;
    const light = restoredRead(storedRead(read));
    const body = memo.bodies.get(read);
    if (body) memo.bodies.set(light, body);
    const built = memo.articles.get(read);
    if (built) memo.articles.set(light, built);
    entry.outcome = light;
  }
}

function bodyStoreDir(stateFile: string): string {
  return path.join(path.dirname(stateFile), "bodies");
}

/** A body's HTML into the store (once per hash), and what the memo keeps of it. */
function keepBody(bodies: PackStore, { body }: MemoBody): Omit<SettledBody, "html" | "readHtml"> {
  const { html, readHtml, ...meta } = body;
  if (!bodies.has(body.htmlHash)) bodies.put(body.htmlHash, readHtml ? readHtml() : html);
  bodies.use(body.htmlHash);
  return meta;
}


function storedRead(read: ReadFile<unknown>): StoredRead {
  const { parsed } = read;
  return {
    file: read.file,
    ...(read.data === undefined ? {} : { data: read.data }),
    diagnostics: read.diagnostics,
    // The raw YAML is read only when the schema refused it (what is valid on its own is checked then).
    ...(parsed ? { parsed: { data: read.data === undefined ? parsed.data : undefined, errors: parsed.errors, bodyLineOffset: parsed.bodyLineOffset } } : {}),
  };
}

/**
 * A file's read as kept: its body and the places of its fields are read
 * again from the file when first asked for (a problem found elsewhere that
 * points into it); its stamp is unchanged, so it is the same text.
 */
function restoredRead(stored: StoredRead): ReadFile<unknown> {
  if (!stored.parsed) return stored as ReadFile<unknown>;
  const light = { ...stored } as ReadFile<unknown>;
  lightReads.add(light);
  let full: ParsedFrontmatter | undefined;
  const reparsed = () => {
    if (!full) {
      const source = readSourceText(stored.file.absolutePath);
      if (!source.ok) throw new Error(`internal error, please report: ${stored.file.sourcePath} could not be read again`);
      full = parseFrontmatter(source.text);
    }
    return full;
  };
  const { data, errors, bodyLineOffset } = stored.parsed;
  const parsed: ParsedFrontmatter = {
    data,
    errors,
    bodyLineOffset,
    locate: (place, options) => reparsed().locate(place, options),
    get body() {
      return reparsed().body;
    },
  };
  light.parsed = parsed;
  return light;
}

/** Reads made by `restoredRead`: their text is read from the file only when asked for. */
const lightReads = new WeakSet<object>();
