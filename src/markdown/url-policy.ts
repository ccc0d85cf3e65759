import { normalizedSitePath } from "../content/routes.ts";

/**
 * What a URL written in a body is, as a browser would read it: browsers drop
 * tabs and newlines anywhere in a URL and control characters and spaces at
 * its ends ("jav&#x09;ascript:" runs), and read a leading "//" or "/\" as
 * "another host, same scheme". Every link and image of a body, Markdown or
 * raw HTML, is classified here once, and each kind has one treatment.
 */
export type UrlKind =
  /** Runs code or hides a document (javascript:, vbscript:, data: other than images, file:): an error. */
  | { kind: "dangerous"; scheme: string }
  /** A scheme the site does not publish links to (ftp:, irc:, …): kept as text, with a warning. */
  | { kind: "unsupported"; scheme: string }
  /** An image inside its own address (data:image/png;base64,…). */
  | { kind: "data-image" }
  /** http(s), absolute or protocol-relative (then https). `href` is what to publish. */
  | { kind: "web"; href: string; host: string; isSameSite: boolean }
  | { kind: "contact"; href: string }
  /** "#section": a place on the same page. */
  | { kind: "fragment"; href: string }
  /** "/news/x/", "../images/x.jpg", "page.html": a path on this site. */
  | { kind: "relative"; href: string };

const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data", "file"]);
const CONTACT_SCHEMES = new Set(["mailto", "tel"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Raster images browsers show from a data: URL (an SVG one could carry script if opened on its own). */
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/i;

/** The URL as a browser reads it: no tabs or newlines inside, no controls or spaces at the ends. */
export function browserNormalized(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

export function classifyUrl(written: string, siteOrigin: string): UrlKind {
  const url = browserNormalized(written);
  if (/^[/\\]{2}/.test(url)) return web(`https://${url.replace(/^[/\\]+/, "").replace(/\\/g, "/")}`, siteOrigin);
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return url.startsWith("#") ? { kind: "fragment", href: url } : { kind: "relative", href: url };
  if (scheme === "http" || scheme === "https") return web(url, siteOrigin);
  if (scheme === "data" && DATA_IMAGE.test(url)) return { kind: "data-image" };
  if (DANGEROUS_SCHEMES.has(scheme)) return { kind: "dangerous", scheme };
  if (CONTACT_SCHEMES.has(scheme)) return { kind: "contact", href: url };
  return { kind: "unsupported", scheme };
}

function web(href: string, siteOrigin: string): UrlKind {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return { kind: "unsupported", scheme: href.split(":")[0]!.toLowerCase() };
  }
  return { kind: "web", href, host: parsed.host.toLowerCase(), isSameSite: parsed.origin === siteOrigin };
}

/**
 * Whether `host` is one of `trusted` hosts: the same name, or a subdomain of
 * an entry written with a leading dot (".example.org").
 */
export function isTrustedHost(host: string, trusted: readonly string[]): boolean {
  const name = host.toLowerCase();
  return trusted.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted.startsWith(".") ? name.endsWith(wanted) || name === wanted.slice(1) : name === wanted;
  });
}

/**
 * A same-site link to an old address (an alias) rewritten to where the page
 * now is, keeping its query and fragment; undefined when it is not one.
 */
export function aliasTarget(kind: UrlKind, aliases: Readonly<Record<string, string>>): string | undefined {
  const path = sitePathOf(kind);
  if (path === undefined || kind.kind === "fragment") return undefined;
  const target = aliases[normalizedSitePath(path)];
  if (target === undefined) return undefined;
  const { href } = kind as { href: string };
  const rest = href.slice(href.search(/[?#]|$/));
  return target + rest;
}

/** The site path a same-site link points to ("/news/x/"), for the link check; undefined for a relative path like "x.html". */
export function sitePathOf(kind: UrlKind): string | undefined {
  if (kind.kind === "web" && kind.isSameSite) return new URL(kind.href).pathname;
  if (kind.kind === "relative" && kind.href.startsWith("/")) return kind.href.split(/[?#]/)[0];
  return undefined;
}
