/**
 * Embeds as the build accepts them: video players become an <iframe> from
 * a known player host (the site trusts those hosts in trustedHosts.iframes),
 * anything else a link, since an embed's script never runs on the site.
 */

export type Embed =
  | { kind: "iframe"; src: string; host: string; title: string }
  | { kind: "link"; url: string };

const YOUTUBE_ID = /^[\w-]{6,20}$/;

/** What an embedded URL (a YouTube or Vimeo page or player, or anything else) becomes. */
export function embedFor(written: string, title?: string): Embed {
  const url = parseUrl(written.trim());
  if (!url) return { kind: "link", url: written.trim() };
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  const youtube = youtubeId(url, host);
  if (youtube) {
    const start = url.searchParams.get("t") ?? url.searchParams.get("start");
    const seconds = start && /^\d+s?$/.test(start) ? `?start=${parseInt(start, 10)}` : "";
    return { kind: "iframe", src: `https://www.youtube-nocookie.com/embed/${youtube}${seconds}`, host: "www.youtube-nocookie.com", title: title?.trim() || "YouTube video" };
  }
  const vimeo = host === "vimeo.com" ? /^\/(\d+)/.exec(url.pathname)?.[1] : host === "player.vimeo.com" ? /^\/video\/(\d+)/.exec(url.pathname)?.[1] : undefined;
  if (vimeo) return { kind: "iframe", src: `https://player.vimeo.com/video/${vimeo}`, host: "player.vimeo.com", title: title?.trim() || "Vimeo video" };
  return { kind: "link", url: url.href };
}

function youtubeId(url: URL, host: string): string | undefined {
  let id: string | undefined;
  if (host === "youtu.be") id = url.pathname.slice(1).split("/")[0];
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    id = url.pathname === "/watch" ? (url.searchParams.get("v") ?? undefined) : /^\/(?:embed|v|shorts|live)\/([^/?#]+)/.exec(url.pathname)?.[1];
  }
  return id && YOUTUBE_ID.test(id) ? id : undefined;
}

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value.startsWith("//") ? `https:${value}` : value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The HTML of an iframe embed: one line, lazy, with its title for screen readers. */
export function iframeHtml(embed: Extract<Embed, { kind: "iframe" }>): string {
  return `<iframe src="${escapeAttribute(embed.src)}" title="${escapeAttribute(embed.title)}" width="560" height="315" loading="lazy" allowfullscreen></iframe>`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
