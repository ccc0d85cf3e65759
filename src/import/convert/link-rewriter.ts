import { routes } from "../../content/routes.ts";

/**
 * Links to the old addresses of imported posts, pointed at their new pages.
 * The build also redirects old addresses (aliases); a direct link saves the
 * reader the hop and is checked by the build's link check.
 */
export class LinkRewriter {
  private readonly idByPath = new Map<string, string>();

  /** `siteHosts`: the old site's hosts, whose absolute links are its own pages. */
  constructor(private readonly siteHosts: readonly string[]) {}

  /** Notes that the post now at `id` was published at `oldPath`. */
  addPost(oldPath: string, id: string): void {
    const key = pathKey(oldPath);
    if (!this.idByPath.has(key)) this.idByPath.set(key, id);
  }

  /** The article id an old address belongs to, if any. */
  articleAt(url: string): string | undefined {
    const sitePath = this.sitePathOf(url);
    return sitePath === undefined ? undefined : this.idByPath.get(pathKey(sitePath.path));
  }

  /** The link to write: an imported post's new address, or the link as it was. */
  rewrite(url: string): string {
    const sitePath = this.sitePathOf(url);
    if (!sitePath) return url;
    const id = this.idByPath.get(pathKey(sitePath.path));
    return id ? `${routes.article(id)}${sitePath.fragment}` : url;
  }

  private sitePathOf(url: string): { path: string; fragment: string } | undefined {
    const value = url.trim();
    if (value.startsWith("/") && !value.startsWith("//")) {
      const [pathPart, fragment = ""] = splitFragment(value);
      return { path: pathPart.split("?")[0]!, fragment };
    }
    if (!/^(https?:)?\/\//i.test(value)) return undefined;
    try {
      const parsed = new URL(value.startsWith("//") ? `https:${value}` : value);
      if (!this.siteHosts.includes(parsed.hostname.toLowerCase())) return undefined;
      return { path: parsed.pathname, fragment: parsed.hash };
    } catch {
      return undefined;
    }
  }
}

function splitFragment(value: string): [string, string] {
  const index = value.indexOf("#");
  return index === -1 ? [value, ""] : [value.slice(0, index), value.slice(index)];
}

/** One key for the ways one address is written: "/a/b", "/a/b/", "/a/b/index.html", escaped or not, any case. */
export function pathKey(sitePath: string): string {
  let decoded = sitePath;
  try {
    decoded = decodeURI(sitePath);
  } catch {
    // Not UTF-8 escapes: compare as written.
  }
  return decoded.replace(/\/index\.html?$/i, "/").replace(/\/+$/, "").toLowerCase() || "/";
}
