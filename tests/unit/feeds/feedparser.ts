import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Feeds read by Python's feedparser: a second, independent reader next to rss-parser. */

export const HOW_TO_GET_FEEDPARSER =
  "Python's feedparser not found: install it (Debian: apt-get install -y python3-feedparser; elsewhere pip install feedparser, and FEEDPARSER_PYTHON=/path/to/python3 if it is not the first python3)";

const SCRIPT = fileURLToPath(new URL("./read-with-feedparser.py", import.meta.url));
/** Debian's package installs for the system Python, which may not be the first python3 on PATH. */
const CANDIDATES = [process.env.FEEDPARSER_PYTHON, "/usr/bin/python3", "python3"];

/** The first Python that imports feedparser, or undefined. */
function findPython(): string | undefined {
  return CANDIDATES.find((python): python is string => Boolean(python) && spawnSync(python!, ["-c", "import feedparser"]).status === 0);
}

/** Why feedparser tests cannot run here, or undefined. Under CI a missing feedparser fails. */
export function feedparserSkipReason(): string | undefined {
  if (findPython()) return undefined;
  if (process.env.CI === "true") throw new Error(`${HOW_TO_GET_FEEDPARSER} (CI=true: feed reader tests must run)`);
  return HOW_TO_GET_FEEDPARSER;
}

/** A text field as feedparser gives it: `shown` is what a reader displays (decoded when feedparser says it is HTML). */
export interface FeedparserField {
  value: string;
  type: string | null;
  shown: string;
  has_live_markup: boolean;
}

export interface FeedparserEntry {
  title: FeedparserField | null;
  summary: FeedparserField | null;
  content: FeedparserField[];
  authors: FeedparserField[];
  tags: { term: string | null; scheme: string | null; label: string | null }[];
  media_credit: FeedparserField[];
}

export interface FeedparserFeed {
  version: string;
  bozo: boolean;
  feed?: { title: FeedparserField | null; subtitle: FeedparserField | null };
  entries?: FeedparserEntry[];
  /** A JSON Feed, as Python's json module read it. */
  json?: any;
}

/** Reads every file in one Python process (starting Python costs more than parsing a small feed). */
export function readWithFeedparser(files: readonly string[]): Record<string, FeedparserFeed> {
  const python = findPython();
  if (!python) throw new Error(HOW_TO_GET_FEEDPARSER);
  return JSON.parse(execFileSync(python, [SCRIPT, ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}
