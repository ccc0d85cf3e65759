/** `https://site.example` + "/news/x/" -> "https://site.example/news/x/". */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path, `${baseUrl}/`).href;
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
