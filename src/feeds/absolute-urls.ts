/** The last base URL and its origin (a build has one base URL). */
let lastBase: { written: string; normal: string } | undefined;

/**
 * `https://site.example` + "/news/x/" -> "https://site.example/news/x/".
 * A path of plain URL characters is appended to the normalised base as it
 * is (what `new URL` gives it); anything else goes through `new URL`. The
 * sitemaps and feeds of a 10,000-article site make 100,000 of these.
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  if (!/^\/[A-Za-z0-9\-._~/]*$/.test(path) || path.includes("/./") || path.includes("/../") || path.endsWith("/.") || path.endsWith("/..") || path.startsWith("//")) {
    return new URL(path, `${baseUrl}/`).href;
  }
  // A root-relative path replaces the base's own path: what is kept is the origin.
  if (lastBase?.written !== baseUrl) lastBase = { written: baseUrl, normal: new URL(`${baseUrl}/`).origin };
  return lastBase.normal === "null" ? new URL(path, `${baseUrl}/`).href : lastBase.normal + path;
}

/**
 * Makes the root-relative URLs of sanitised body HTML absolute, for feed
 * readers that show it outside the site (href, src and each srcset candidate).
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  return html
    .replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${baseUrl}/`)
    .replace(/\ssrcset="([^"]*)"/g, (_match, list: string) =>
      ` srcset="${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${baseUrl}/`)}"`,
    );
}
