import type { Redirect } from "../collections/site-model.ts";
import { absoluteUrl } from "./absolute-urls.ts";
import { escapeHtmlAttribute, escapeHtmlText } from "./html-text.ts";

/**
 * `_redirects` for Netlify and Cloudflare Pages: one permanent redirect per
 * old address. Cloudflare follows these before serving files; Netlify
 * serves the redirect page below when one exists at the old path, which
 * sends the reader on as well.
 */
export function renderRedirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map((redirect) => `${redirect.from} ${redirect.to} 301\n`).join("");
}

/**
 * The page written at an old address, for hosts that read no redirect file
 * (GitHub Pages, plain object storage): a canonical link for search engines,
 * an immediate refresh for browsers, and a link for everyone else.
 */
export function renderRedirectPage(redirect: Redirect, site: { baseUrl: string; language: string }): string {
  const target = absoluteUrl(site.baseUrl, redirect.to);
  return [
    "<!doctype html>",
    `<html lang="${escapeHtmlAttribute(site.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<title>Moved to ${escapeHtmlText(redirect.to)}</title>`,
    `<link rel="canonical" href="${escapeHtmlAttribute(target)}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${escapeHtmlAttribute(redirect.to)}">`,
    "</head>",
    `<body><p>This page has moved to <a href="${escapeHtmlAttribute(redirect.to)}">${escapeHtmlText(target)}</a>.</p></body>`,
    "</html>",
    "",
  ].join("\n");
}

/** Where a redirect page is written: the old folder's index, or the old file itself ("/about-us.html"). */
export function redirectPagePath(redirect: Redirect): string {
  return redirect.from.endsWith("/") ? `${redirect.from}index.html` : redirect.from;
}
