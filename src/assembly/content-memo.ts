import type { KeyedJsonCache } from "../cache/keyed-json-cache.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RelatedCardTarget } from "../markdown/remark-related-card.ts";
import type { SettledBody } from "../markdown/render-bodies.ts";
import type { CheckedImage } from "../images/image-pipeline.ts";
import type { Article } from "../content/model.ts";
import type { LoadedContext } from "./saved-article.ts";

export type { MemoFile } from "../content/read-files.ts";
import type { MemoFile } from "../content/read-files.ts";

/** An article built by one load, and what its page read from the rest of the content. */
export interface MemoArticle {
  article: Article;
  /** The related cards its body showed, as they were, by article id. */
  cards: [string, RelatedCardTarget][];
  /** What building it found (its hero's problems, a missing alt text): reported again while it is reused. */
  diagnostics: Diagnostic[];
  /** The files it shows besides its own (its hero's and audio's), with their stamps then. */
  assets: [string, string][];
}

/** What page keys hash an article to (src/site-builder/page-keys.ts): the article itself, and its summary. */
export interface ArticleHashes {
  article: string;
  summary: string;
}

/**
 * An article as the last build's state keeps it: not the article (building
 * it again is cheaper than storing it, decision 0050) but what it was built
 * from that the parse does not say, and its hashes. An article built again
 * from the same parse and the same of these has the same hashes.
 */
export interface KeptArticle {
  /**
   * Its slug, standing (scheduled or not), tags as shown, hero's and audio's
   * files with their stamps, and what it shows of its body, in one string
   * (one string per article keeps the state quick to write and read).
   */
  builtFrom: string;
  hashes: ArticleHashes;
}

/** A body rendered by one load, for the render settings it was rendered with (see `isStillValid` for what else it borrowed). */
export interface MemoBody {
  settingsKey: string;
  body: SettledBody;
}

/**
 * What a load keeps for the next load in the same process: the dev server
 * loads the content again on every save, and at 10,000 articles reading,
 * validating and building every article took 5 s for one changed file.
 *
 * A file whose stamp is unchanged keeps its parse. An article keeps its
 * built form while its file, the site settings, the authors and everything
 * it shows of other articles are unchanged (see `loadContent`). What the
 * files refer to on disk (images, audio) is not stamped: whoever changes
 * those calls `clear()` (the dev server does, for any change outside the
 * articles folder).
 */
export class ContentMemo {
  files = new Map<string, MemoFile<unknown>>();
  /** Keyed by the parsed file: a changed file is a new object. */
  articles = new WeakMap<object, MemoArticle>();
  /** Rendered bodies without errors, keyed by the parsed file like `articles`. */
  bodies = new WeakMap<object, MemoBody>();
  /** Articles the last build built from these parses (by the parse, like `articles`), as its state kept them. */
  kept = new WeakMap<object, KeptArticle>();
  /**
   * Articles' hashes, by the article, kept from build to build: an article
   * the memo reuses (the dev server) keeps its hashes; one built again
   * as it was kept (`kept`) takes them over.
   */
  readonly hashes = new WeakMap<Article, ArticleHashes>();
  /** Images as the image pipeline checked them, by path, with their stamps (checked again by stamp). */
  images = new Map<string, CheckedImage>();
  /** Everything every article reads (site settings, authors, preview); a change rebuilds all of them. */
  context = "";
  /**
   * True when a file watcher reports every save into `saved` (the dev
   * server): a file not saved since the last load is not even looked at
   * (stat-ing 10,000 files took a third of a reload).
   */
  watched = false;
  /** Files saved since the last load, by absolute path (with `watched`). */
  readonly saved = new Set<string>();
  /**
   * Stamps the build took of the content folder's files just before this
   * load (its input digest), by absolute path: the load does not stat them again.
   */
  takenStamps: Iterable<readonly [string, string]> = [];
  /**
   * The content caches, by kind and folder, kept from load to load: each
   * reads its packs' indexes when first used (15-40 ms each at 10,000
   * articles), which a save should not pay again.
   */
  readonly caches = new Map<string, KeyedJsonCache<unknown>>();
  /** What the last load found, when it had no error: the preview builds a saved article against it first (saved-article.ts). */
  loaded: LoadedContext | undefined;

  clear(): void {
    this.loaded = undefined;
    this.files = new Map();
    this.articles = new WeakMap();
    this.kept = new WeakMap();
    this.bodies = new WeakMap();
    this.context = "";
  }
}
