import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { SiteSettings } from "../content/model.ts";

export interface BrandImage {
  url: string;
  width: number;
  height: number;
}

/** The social card for pages without a photo of their own (home, listings): 1200x630 as Open Graph wants. */
export const SITE_CARD: BrandImage = { url: "/images/site/social-card.png", width: 1200, height: 630 };
/** The publisher logo of structured data: Google asks for at most 600x60. */
export const PUBLISHER_LOGO: BrandImage = { url: "/images/site/logo.png", width: 600, height: 60 };

function escapeSvgText(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function wordmarkSvg(site: SiteSettings, image: BrandImage, options: { background: string; color: string; fontSize: number; tagline: boolean }): string {
  const tagline =
    options.tagline && site.tagline
      ? `<text x="50%" y="${image.height / 2 + options.fontSize * 0.9}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${Math.round(options.fontSize / 2.6)}" fill="${options.color}" text-anchor="middle" opacity="0.85">${escapeSvgText(site.tagline)}</text>`
      : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">
<rect width="100%" height="100%" fill="${options.background}"/>
<text x="50%" y="${options.tagline ? image.height / 2 : image.height / 2 + options.fontSize * 0.35}" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="${options.fontSize}" fill="${options.color}" text-anchor="middle">${escapeSvgText(site.name)}</text>
${tagline}
</svg>`;
}

/**
 * Draws the site card and the publisher logo from the site's name (a
 * newsroom without designed artwork still gets valid social cards).
 */
export async function writeBrandImages(outputDir: string, site: SiteSettings): Promise<void> {
  await mkdir(path.join(outputDir, path.dirname(SITE_CARD.url)), { recursive: true });
  const fontSize = Math.min(96, Math.floor((1100 / Math.max(site.name.length, 1)) * 1.7));
  await sharp(Buffer.from(wordmarkSvg(site, SITE_CARD, { background: "#0f4c5c", color: "#ffffff", fontSize, tagline: true })))
    .png({ compressionLevel: 9 })
    .toFile(path.join(outputDir, SITE_CARD.url));
  const logoSize = Math.min(44, Math.floor((580 / Math.max(site.name.length, 1)) * 1.7));
  await sharp(Buffer.from(wordmarkSvg(site, PUBLISHER_LOGO, { background: "#ffffff", color: "#111111", fontSize: logoSize, tagline: false })))
    .png({ compressionLevel: 9 })
    .toFile(path.join(outputDir, PUBLISHER_LOGO.url));
}
