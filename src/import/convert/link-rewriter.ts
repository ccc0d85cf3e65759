import { routes } from "../../content/routes.ts";
import { slugify } from "../../format/slug.ts";

/** A link as the import writes it, and whether it still points at a page of the old site the import did not bring. */
export interface RewrittenLink {
  url: string;
  isPageNotImported: boolean;
}

export interface LinkRewriterOptions {
  /** The old site's hosts: its absolute links are its own pages. */
  siteHosts: readonly string[];
  /**
   * The old site's address, when the new site is published elsewhere: links
   * to its pages that were not imported point there, where they still are.
   */
  oldSiteUrl?: string;
}

/**
 * Links to the old site, pointed at the new one: an imported post's old
 * address at its article (the build also redirects old addresses, but a
 * direct link saves the hop), author and tag archives (/author/x/,
 * /tag/x/, /category/x/) at the new author and tag pages.
 */
export class LinkRewriter {
  private readonly idByPath = new Map<string, string>();
  private readonly authorIds = new Set<string>();
  private readonly tagSlugs = new Set<string>();

  constructor(private readonly options: LinkRewriterOptions) {}

  /** Notes that the post now at `id` was published at `oldPath`. */
  addPost(oldPath: string, id: string): void {
    const key = pathKey(oldPath);
    if (!this.idByPath.has(key)) this.idByPath.set(key, id);
  }

  /** Notes the authors and tags the new site has pages for. */
  addArchivePages(authorIds: Iterable<string>, tagSlugs: Iterable<string>): void {
    for (const id of authorIds) this.authorIds.add(id);
    for (const slug of tagSlugs) this.tagSlugs.add(slug);
  }

  rewrite(url: string): RewrittenLink {
    const sitePath = this.sitePathOf(url);
    if (!sitePath) return { url, isPageNotImported: false };
    const target = this.newPathOf(sitePath.path);
    if (target) return { url: `${target}${sitePath.fragment}`, isPageNotImported: false };
    if (sitePath.path === "/" || sitePath.path === "") return { url: `/${sitePath.fragment}`, isPageNotImported: false };
    if (this.options.oldSiteUrl) return { url: `${this.options.oldSiteUrl}${sitePath.path}${sitePath.query}${sitePath.fragment}`, isPageNotImported: false };
    return { url, isPageNotImported: true };
  }

  private newPathOf(sitePath: string): string | undefined {
    const id = this.idByPath.get(pathKey(sitePath));
    if (id) return routes.article(id);
    const archive = /^\/(author|authors|tag|tags|category|categories|topics)\/(?:.*\/)?([^/]+)\/?$/i.exec(decodeSafely(sitePath));
    if (!archive) return undefined;
    const slug = slugify(archive[2]!);
    if (/^author/i.test(archive[1]!)) return this.authorIds.has(slug) ? routes.author(slug) : undefined;
    return this.tagSlugs.has(slug) ? routes.tag(slug) : undefined;
  }

  private sitePathOf(url: string): { path: string; query: string; fragment: string } | undefined {
    const value = url.trim();
    if (value.startsWith("/") && !value.startsWith("//")) {
      const parsed = new URL(value, "https://old.invalid");
      return { path: parsed.pathname, query: parsed.search, fragment: parsed.hash };
    }
    if (!/^(https?:)?\/\//i.test(value)) return undefined;
    try {
      const parsed = new URL(value.startsWith("//") ? `https:${value}` : value);
      if (!this.options.siteHosts.includes(parsed.hostname.toLowerCase())) return undefined;
      return { path: parsed.pathname, query: parsed.search, fragment: parsed.hash };
    } catch {
      return undefined;
    }
  }
}

function decodeSafely(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** One key for the ways one address is written: "/a/b", "/a/b/", "/a/b/index.html", escaped or not, any case. */
export function pathKey(sitePath: string): string {
  return decodeSafely(sitePath).replace(/\/index\.html?$/i, "/").replace(/\/+$/, "").toLowerCase() || "/";
}
