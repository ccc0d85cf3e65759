import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
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

/** Browser icons: a monogram as SVG, a PNG for home screens, and `/favicon.ico` for the clients that ask for it whatever the page says. */
export const SITE_ICONS = { svg: "/favicon.svg", appleTouch: "/apple-touch-icon.png", ico: "/favicon.ico" } as const;
/** What iOS asks for; it rounds the corners itself. */
const APPLE_TOUCH_SIZE = 180;
/** The sizes inside favicon.ico: tabs and bookmarks at 1x and 1.5x. */
const ICO_SIZES = [32, 48];
const BRAND_COLOUR = "#0f4c5c";

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

/** The letter on the icon: the site name's first letter after a leading article ("The Harbour Herald" gives H). */
export function monogramOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const word = words.length > 1 && /^(the|a|an|le|la|les|el|los|las|der|die|das|de|het)$/i.test(words[0]!) ? words[1]! : (words[0] ?? "");
  return [...word][0]?.toLocaleUpperCase() ?? "N";
}

function monogramSvg(site: SiteSettings, { rounded }: { rounded: boolean }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64"${rounded ? ' rx="12"' : ""} fill="${BRAND_COLOUR}"/>
<text x="32" y="45" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="40" fill="#ffffff" text-anchor="middle">${escapeSvgText(monogramOf(site.name))}</text>
</svg>
`;
}

/** An ICO file of PNG images (a form every browser and Windows since Vista reads). */
export function icoOfPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/**
 * Draws the site card, the publisher logo and the browser icons from the
 * site's name (a newsroom without designed artwork still gets valid social
 * cards, and no browser asks for an icon in vain).
 */
export async function writeBrandImages(outputDir: string, site: SiteSettings): Promise<void> {
  // Loaded when the images are made: pages that only name them must not load sharp.
  const { default: sharp } = await import("sharp");
  await mkdir(path.join(outputDir, path.dirname(SITE_CARD.url)), { recursive: true });
  const fontSize = Math.min(96, Math.floor((1100 / Math.max(site.name.length, 1)) * 1.7));
  await sharp(Buffer.from(wordmarkSvg(site, SITE_CARD, { background: "#0f4c5c", color: "#ffffff", fontSize, tagline: true })))
    .png({ compressionLevel: 9 })
    .toFile(path.join(outputDir, SITE_CARD.url));
  const logoSize = Math.min(44, Math.floor((580 / Math.max(site.name.length, 1)) * 1.7));
  await sharp(Buffer.from(wordmarkSvg(site, PUBLISHER_LOGO, { background: "#ffffff", color: "#111111", fontSize: logoSize, tagline: false })))
    .png({ compressionLevel: 9 })
    .toFile(path.join(outputDir, PUBLISHER_LOGO.url));
  const rounded = monogramSvg(site, { rounded: true });
  await writeFile(path.join(outputDir, SITE_ICONS.svg), rounded);
  const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: (72 * size) / 64 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
  await writeFile(path.join(outputDir, SITE_ICONS.appleTouch), await png(monogramSvg(site, { rounded: false }), APPLE_TOUCH_SIZE));
  const icons = await Promise.all(ICO_SIZES.map(async (size) => ({ size, png: await png(rounded, size) })));
  await writeFile(path.join(outputDir, SITE_ICONS.ico), icoOfPngs(icons));
}
