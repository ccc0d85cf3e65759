/**
 * `_headers` for Netlify and Cloudflare Pages: how long browsers and CDNs may
 * keep each kind of file. Both hosts join the values of every rule that
 * matches a path, so the rules never overlap: each path gets one policy.
 */

/** Content-hashed files never change under their name. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages, feeds and sitemaps change with every publication. */
const SHORT = "public, max-age=300, must-revalidate";
/** Originals and search-index files: stable names, rarely changed. */
const DAY = "public, max-age=86400";

/**
 * Published SVGs are sanitised (src/images/svg-sanitizer.ts); this is the
 * second line of defence should one be opened on its own, where a browser
 * would run its scripts with the site's origin: nothing may load or run
 * except its own styles and embedded images and fonts, and `sandbox` gives
 * it an origin of its own.
 */
export const SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

export interface HeaderRule {
  path: string;
  cacheControl: string;
  contentSecurityPolicy?: string;
}

export const HEADER_RULES: readonly HeaderRule[] = [
  { path: "/css/*", cacheControl: IMMUTABLE },
  { path: "/js/*", cacheControl: IMMUTABLE },
  { path: "/images/derived/*", cacheControl: IMMUTABLE },
  { path: "/images/svg/*", cacheControl: IMMUTABLE, contentSecurityPolicy: SVG_CONTENT_SECURITY_POLICY },
  { path: "/", cacheControl: SHORT },
  { path: "/index.html", cacheControl: SHORT },
  { path: "/404.html", cacheControl: SHORT },
  { path: "/news/*", cacheControl: SHORT },
  { path: "/news-feed/*", cacheControl: SHORT },
  { path: "/tags/*", cacheControl: SHORT },
  { path: "/authors/*", cacheControl: SHORT },
  { path: "/search/*", cacheControl: SHORT },
  { path: "/feed.xml", cacheControl: SHORT },
  { path: "/atom.xml", cacheControl: SHORT },
  { path: "/feed.json", cacheControl: SHORT },
  { path: "/headlines.json", cacheControl: SHORT },
  { path: "/sitemap.xml", cacheControl: SHORT },
  { path: "/sitemaps/*", cacheControl: SHORT },
  { path: "/news-sitemap.xml", cacheControl: SHORT },
  { path: "/robots.txt", cacheControl: SHORT },
  { path: "/pagefind/*", cacheControl: SHORT },
  { path: "/audio/*", cacheControl: DAY },
  { path: "/video/*", cacheControl: DAY },
  { path: "/images/site/*", cacheControl: DAY },
  // The CMS: its configuration changes with the schemas; its bundles sit in folders named by version.
  { path: "/admin/*", cacheControl: SHORT },
];

/** The fixed rules, and one per standalone page (`/about/`): pages are published at the site's top level. */
export function headerRules(pageUrls: readonly string[]): HeaderRule[] {
  return [...HEADER_RULES, ...pageUrls.map((url) => ({ path: `${url}*`, cacheControl: SHORT }))];
}

export function renderHeaders(rules: readonly HeaderRule[] = HEADER_RULES): string {
  const lines = (rule: HeaderRule) => [
    rule.path,
    `  Cache-Control: ${rule.cacheControl}`,
    "  X-Content-Type-Options: nosniff",
    ...(rule.contentSecurityPolicy ? [`  Content-Security-Policy: ${rule.contentSecurityPolicy}`] : []),
  ];
  return `${rules.flatMap(lines).join("\n")}\n`;
}

/** The rules whose path pattern matches a URL path ("*" matches anything after it). */
export function matchingRules(urlPath: string, rules: readonly HeaderRule[] = HEADER_RULES): HeaderRule[] {
  return rules.filter((rule) => (rule.path.endsWith("*") ? urlPath.startsWith(rule.path.slice(0, -1)) : urlPath === rule.path));
}
