/**
 * References inside an SVG: what may stay (a part of the same file, an
 * embedded raster image or font) and what goes (another file, another origin,
 * a script). Browsers load nothing for an SVG shown with `<img>`, but the same
 * file opened on its own would: these rules hold for both.
 */

/** Embedded data a picture may carry: raster images (not SVG: it could hold anything) and fonts. */
const EMBEDDED_DATA = /^data:(?:image\/(?:png|jpeg|gif|webp)|font\/[a-z0-9.+-]+|application\/(?:font-woff2?|x-font-[a-z0-9]+))[;,]/i;

/** Control characters and spaces that browsers ignore inside a URL's scheme ("java\tscript:"). */
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;

/** A reference to a part of the same file: `#id`. */
export function isLocalReference(url: string): boolean {
  return /^#[^\s#]*$/.test(url.trim());
}

/** What may be referenced: a part of the same file, or (where `embedded` allows it) embedded image or font data. */
export function isAllowedReference(url: string, { embedded }: { embedded: boolean }): boolean {
  return isLocalReference(url) || (embedded && EMBEDDED_DATA.test(url.trim()));
}

/** A short description of a removed reference, for the editor's warning. */
export function describeReference(url: string): string {
  const compact = url.replace(IGNORED_IN_SCHEME, "").toLowerCase();
  if (/^(?:java|vb)script:/.test(compact)) return "javascript: link";
  if (compact.startsWith("data:")) return "embedded data other than an image or font";
  const shown = url.trim().length > 60 ? `${url.trim().slice(0, 57)}...` : url.trim();
  return `reference to ${shown}`;
}

/** `url(...)` with its target, quoted or not (backslash escapes are refused before this is used). */
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi;

/** The targets of every `url(...)` in a value (a presentation attribute such as `fill`, or CSS). */
export function cssUrls(value: string): string[] {
  return [...value.matchAll(CSS_URL)].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
}

/**
 * CSS (a `<style>` element or a `style` attribute) without what loads or
 * runs anything: `@import` rules, `url()` and `image-set()` that leave the
 * file, and old browsers' script hooks. A stylesheet with backslash escapes
 * (which can spell `url` so that no pattern sees it) or script hooks is
 * removed whole. Removals are described in `removed`.
 */
export function sanitizeCss(css: string, removed: (what: string) => void): string {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  if (text.includes("\\")) {
    removed("style with backslash escapes");
    return "";
  }
  if (/expression\s*\(|-moz-binding|behavior\s*:|javascript:/i.test(text)) {
    removed("script in a style");
    return "";
  }
  const cleaned = text
    .replace(/@import\b[^;]*;?/gi, () => {
      removed("@import of another stylesheet");
      return "";
    })
    .replace(/(?:-webkit-)?image-set\([^)]*\)/gi, () => {
      removed("image-set() of other files");
      return "none";
    })
    .replace(CSS_URL, (whole, double?: string, single?: string, bare?: string) => {
      const target = double ?? single ?? bare ?? "";
      if (isAllowedReference(target, { embedded: true })) return whole;
      removed(describeReference(target));
      return "none";
    });
  // A url( the pattern above could not read is not valid CSS either; dropped rather than trusted.
  const leftover = cleaned.replace(CSS_URL, "");
  if (/url\s*\(/i.test(leftover)) {
    removed("style with a malformed url()");
    return "";
  }
  return cleaned;
}
