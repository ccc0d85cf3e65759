import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { PackStore } from "../cache/pack-store.ts";
import { codeFingerprint } from "../cache/keyed-json-cache.ts";
import { CONTENT_STATE_CODE } from "../cache/code-fingerprints.ts";
import { ContentMemo, type ArticleHashes, type KeptArticle, type MemoArticle, type MemoBody, type MemoFile } from "../assembly/content-memo.ts";
import { keptArticleOf } from "../assembly/build-articles.ts";
import type { ParsedFrontmatter } from "../content/frontmatter.ts";
import { parseFrontmatter } from "../content/frontmatter.ts";
import type { ReadFile } from "../content/read-files.ts";
import { readSourceText } from "../content/read-source.ts";
import type { YamlError } from "../content/yaml-source.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SettledBody } from "../markdown/render-bodies.ts";
import { writeFileWhole } from "../util/write-whole.ts";
import { readStateIndex, SHARD_FILE, STATE_VERSION, type StoredState } from "./content-state-file.ts";

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
 * The files' entries are kept in SHARD_COUNT shards by path
 * (`content-<shard>-<name>.bin`, named in `content.bin`): a build writes
 * again only the shards whose entries changed, so an edit at 100,000
 * articles no longer serialises and writes every file's entry (3 s).
 *
 * A state written by other code (any change under src/ or to the locked
 * dependencies) is not used: the content is loaded afresh, as in a cold build.
 */
export interface ContentState {
  memo: ContentMemo;
  /** What the shards held as read: the next write leaves unchanged ones as they are. */
  shards: KeptShards;
  /** The body store the pages read kept bodies from: the next write adds to it (its index is read once a build). */
  bodies: PackStore;
  /** Closes the body store (after the last page is rendered). */
  close(): void;
}

const SHARD_COUNT = 32;

/** Each shard's file as read (null: none), and each file's entry in it as the memo got it. */
export interface KeptShards {
  names: (string | null)[];
  entries: Map<string, KeptEntry>[];
}

/** A file's entry as read from a shard: the memo's objects made from it, compared by identity when the state is written. */
interface KeptEntry {
  stamp: string;
  hash: string | undefined;
  read: object;
  body: MemoBody | undefined;
  article: KeptArticle | undefined;
}

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

/** The state in `file` as a memo for the next load, or an empty memo when there is none that this code wrote. */
export function readContentState(file: string): ContentState {
  return new ContentStateReading(file).finish();
}

/**
 * `readContentState`, a shard at a time, letting other work run between
 * shards: undefined, with nothing held, once `isWanted` says the state is
 * no longer wanted. A large site's build reads its state while its inputs
 * are checked on another thread, and drops it when nothing changed.
 */
export async function readContentStateWhileWanted(file: string, isWanted: () => boolean): Promise<ContentState | undefined> {
  const reading = new ContentStateReading(file);
  for (let more = true; more; ) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!isWanted()) {
      reading.abandon();
      return undefined;
    }
    more = reading.step();
  }
  return reading.finish();
}

/** A content state as it is read, shard by shard. */
class ContentStateReading {
  readonly #file: string;
  readonly #bodies: PackStore;
  readonly #stored: StoredState | undefined;
  readonly #shardFiles: StoredFile[][] = [];
  #unreadable = false;

  constructor(file: string) {
    this.#file = file;
    this.#bodies = new PackStore(bodyStoreDir(file));
    this.#stored = readStateIndex(file);
  }

  /** Reads the next shard; false once there is none left to read (or one could not be read). */
  step(): boolean {
    const names = this.#stored?.shards ?? [];
    if (this.#unreadable || this.#shardFiles.length >= names.length) return false;
    const name = names[this.#shardFiles.length];
    try {
      this.#shardFiles.push(name === null || name === undefined ? [] : (v8.deserialize(readFileSync(path.join(path.dirname(this.#file), name))) as StoredFile[]));
    } catch {
      this.#unreadable = true;
      return false;
    }
    return this.#shardFiles.length < names.length;
  }

  /** The rest read, the memo made: an empty one when there is no state this code wrote, or a shard could not be read. */
  finish(): ContentState {
    while (this.step());
    const bodies = this.#bodies;
    const close = () => bodies.close();
    const stored = this.#stored;
    if (!stored || this.#unreadable) return { memo: new ContentMemo(), shards: { names: [], entries: [] }, bodies, close };
    const readBody = (hash: string) => () => {
      const html = bodies.get(hash);
      if (html === undefined) throw new Error(`internal error, please report: a kept body is missing from ${bodyStoreDir(this.#file)} (delete .cache/state/ and build again)`);
      return html;
    };
    const memo = new ContentMemo();
    memo.context = stored.context;
    for (const [imagePath, checked] of stored.images) memo.images.set(imagePath, checked);
    const entries = this.#shardFiles.map((files) => {
      const kept = new Map<string, KeptEntry>();
      for (const entry of files) {
        const read = restoredRead(entry.read);
        memo.files.set(entry.path, { stamp: entry.stamp, hash: entry.hash, outcome: read });
        if (entry.article) memo.kept.set(read, entry.article);
        const body = entry.body && restoredBody(entry.body, readBody);
        if (body) memo.bodies.set(read, body);
        kept.set(entry.path, { stamp: entry.stamp, hash: entry.hash, read, body, article: entry.article });
      }
      return kept;
    });
    return { memo, shards: { names: stored.shards, entries }, bodies, close };
  }

  /** Lets go of what was read, and closes the body store (nothing was read from it). */
  abandon(): void {
    this.#shardFiles.length = 0;
    this.#bodies.close();
  }
}

/**
 * A kept body as the memo holds it: the object read from the state becomes
 * the body itself (it is this load's own), rather than being spread into a
 * new one per file; its HTML is read from the body store when a page needs it.
 */
function restoredBody(stored: NonNullable<StoredFile["body"]>, readBody: (hash: string) => () => string): MemoBody {
  const body = stored.meta as SettledBody;
  body.html = "";
  body.readHtml = readBody(body.htmlHash);
  return { settingsKey: stored.settingsKey, body };
}

/**
 * Writes the memo of a successful load to `file` and the shards it names
 * (each whole or not at all; `content.bin` last, so that a build killed
 * meanwhile leaves the last state whole), its bodies into the body store.
 * A shard whose entries are those `last` read is not written again, and
 * bodies go into the store `last` read them from (closed once written). Bodies
 * no file holds any more are pruned once they outnumber the kept ones, and
 * shard files no longer named are removed. `onFileKept` is told of each
 * file as its entry and body are kept (the whole write took 10-11 s at
 * 100,000 articles, cold).
 */
export function writeContentState(file: string, memo: ContentMemo, last?: Pick<ContentState, "shards" | "bodies">, onFileKept?: () => void): void {
  const kept = last?.shards;
  const bodies = last?.bodies ?? new PackStore(bodyStoreDir(file));
  try {
    const byShard = Array.from({ length: SHARD_COUNT }, () => [] as [string, MemoFile<unknown>][]);
    for (const [filePath, entry] of memo.files) {
      byShard[shardOf(filePath)]!.push([filePath, entry]);
      const body = memo.bodies.get(entry.outcome as object);
      if (body) keepBody(bodies, body);
      onFileKept?.();
    }
    const names = byShard.map((entries, shard) => {
      const name = kept?.names[shard];
      if (name !== undefined && isUnchanged(entries, kept!.entries[shard]!, memo)) return name;
      if (entries.length === 0) return null;
      const written = `content-${shard}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.bin`;
      writeFileWhole(path.join(path.dirname(file), written), v8.serialize(entries.map(([filePath, entry]) => storedFile(filePath, entry, memo))));
      return written;
    });
    const state: StoredState = { version: STATE_VERSION, code: codeFingerprint(CONTENT_STATE_CODE), context: memo.context, shards: names, images: [...memo.images] };
    bodies.flush();
    bodies.prune();
    writeFileWhole(file, v8.serialize(state));
    removeShardsBut(path.dirname(file), new Set(names.filter((name) => name !== null)));
  } finally {
    bodies.close();
  }
}

/** A file's entry as the state keeps it. */
function storedFile(filePath: string, { stamp, hash, outcome }: MemoFile<unknown>, memo: ContentMemo): StoredFile {
  const read = outcome as ReadFile<unknown>;
  const stored: StoredFile = { path: filePath, stamp, ...(hash ? { hash } : {}), read: storedRead(read) };
  const body = memo.bodies.get(read);
  if (body) {
    const { html: _html, readHtml: _readHtml, ...meta } = body.body;
    stored.body = { settingsKey: body.settingsKey, meta };
  }
  // Articles are built again from their kept parse and body (the images' plans shared): keeping them
  // too doubled the state and took longer to read than to build (decision 0050). Their hashes are kept.
  const article = builtArticle(memo, read);
  // An article that took its kept hashes over was built from what its kept record says.
  const keptArticle = memo.kept.get(read);
  if (article) stored.article = keptArticle?.hashes === article.hashes ? keptArticle : keptArticleOf(article.built, article.hashes);
  return stored;
}

/** The article this load built from `read`, with its hashes: what the entry's kept record is for (none when it has no hashes). */
function builtArticle(memo: ContentMemo, read: object): { built: MemoArticle; hashes: ArticleHashes } | undefined {
  const built = memo.articles.get(read);
  const hashes = built && memo.hashes.get(built.article);
  return built && hashes ? { built, hashes } : undefined;
}

/**
 * Whether a shard's entries are the ones read from it: the same files with
 * the same stamps, the same parses, bodies and kept articles (the memo keeps
 * what it did not build again as the very objects the state gave it).
 */
function isUnchanged(entries: readonly [string, MemoFile<unknown>][], kept: ReadonlyMap<string, KeptEntry>, memo: ContentMemo): boolean {
  if (entries.length !== kept.size) return false;
  return entries.every(([filePath, { stamp, hash, outcome }]) => {
    const was = kept.get(filePath);
    if (!was || was.stamp !== stamp || was.hash !== hash || was.read !== outcome || was.body !== memo.bodies.get(outcome as object)) return false;
    const article = builtArticle(memo, outcome as object);
    // Written again unless the article is absent as before, or took its hashes over from the kept record.
    return article ? was.article?.hashes === article.hashes : was.article === undefined;
  });
}

/** The shard a file's entry is kept in: FNV-1a of its path. */
function shardOf(filePath: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < filePath.length; index++) hash = Math.imul(hash ^ filePath.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % SHARD_COUNT;
}

/** Shard files the state no longer names (replaced, or of a state this code did not write). */
function removeShardsBut(dir: string, named: ReadonlySet<string>): void {
  for (const name of readdirSync(dir)) {
    if (SHARD_FILE.test(name) && !named.has(name)) rmSync(path.join(dir, name), { force: true });
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

/** A body's HTML into the store (once per hash), marked as used by this state. */
function keepBody(bodies: PackStore, { body }: MemoBody): void {
  if (!bodies.has(body.htmlHash)) bodies.put(body.htmlHash, body.readHtml ? body.readHtml() : body.html);
  bodies.use(body.htmlHash);
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
  // The state's object itself (each read is deserialised for this memo alone), its parse made lazy.
  const light = stored as unknown as ReadFile<unknown>;
  light.parsed = new KeptParse(stored.parsed, stored.file.absolutePath, stored.file.sourcePath);
  lightReads.add(light);
  return light;
}

/**
 * A kept parse: what the state holds of it, and its text read again when
 * asked for. One class, not an object literal with a getter: a getter made
 * afresh for each of 100,000 files gave each parse a hidden class of its own.
 */
class KeptParse implements ParsedFrontmatter {
  readonly data: unknown;
  readonly errors: YamlError[];
  readonly bodyLineOffset: number;
  readonly #absolutePath: string;
  readonly #sourcePath: string;
  #full: ParsedFrontmatter | undefined;

  constructor(kept: NonNullable<StoredRead["parsed"]>, absolutePath: string, sourcePath: string) {
    this.data = kept.data;
    this.errors = kept.errors;
    this.bodyLineOffset = kept.bodyLineOffset;
    this.#absolutePath = absolutePath;
    this.#sourcePath = sourcePath;
  }

  locate(place: readonly PropertyKey[], options?: { key?: boolean }): ReturnType<ParsedFrontmatter["locate"]> {
    return this.#reparsed().locate(place, options);
  }

  get body(): string {
    return this.#reparsed().body;
  }

  #reparsed(): ParsedFrontmatter {
    if (!this.#full) {
      const source = readSourceText(this.#absolutePath);
      if (!source.ok) throw new Error(`internal error, please report: ${this.#sourcePath} could not be read again`);
      this.#full = parseFrontmatter(source.text);
    }
    return this.#full;
  }
}

/** Reads made by `restoredRead`: their text is read from the file only when asked for. */
const lightReads = new WeakSet<object>();
