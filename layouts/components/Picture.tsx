/** @jsxRuntime automatic @jsxImportSource preact */
import type { ResponsiveImage } from "../../src/content/model.ts";

export type PictureProps = {
  image: ResponsiveImage;
  /** The slot the image fills at each viewport width; must match the CSS of where it is used. */
  sizes: string;
  /** Overrides `image.alt` ("" for a decorative copy next to a headline link). */
  alt?: string;
  pictureClass?: string;
  imgClass?: string;
  /** "eager" for the page's main image (likely LCP): high fetch priority, no lazy loading. */
  priority: "eager" | "lazy";
  /** Shows the blurred preview under the image while it loads (eager images only). */
  hasPlaceholder?: boolean;
  /** Keep the focal point in view when CSS crops the image (object-fit: cover). */
  isCropped?: boolean;
};

const srcset = (source: ResponsiveImage["sources"][number]) =>
  source.candidates.map((candidate) => `${candidate.url} ${candidate.width}w`).join(", ");

/**
 * `<picture>`: AVIF and WebP sources, then a JPEG `<img>` (an animation's
 * GIF; an SVG's one file, with no sources) with the intrinsic width and
 * height: the browser reserves the box (no layout shift), and CSS keeps an
 * image no wider than that width (never stretched, public/css/site.css).
 */
export function Picture({ image, sizes, alt, pictureClass, imgClass, priority, hasPlaceholder, isCropped }: PictureProps) {
  const fallback = image.sources.find((source) => source.format === "jpeg" || source.format === "gif");
  const placeholder = hasPlaceholder ? image.placeholder : undefined;
  const style = {
    ...(placeholder ? { backgroundColor: placeholder.color, backgroundImage: `url(${placeholder.dataUri})` } : {}),
    ...(isCropped ? { objectPosition: image.position } : {}),
    ...(placeholder && isCropped ? { backgroundPosition: image.position } : {}),
  };
  return (
    <picture class={pictureClass}>
      {image.sources
        .filter((source) => source !== fallback)
        .map((source) => <source type={source.mimeType} srcset={srcset(source)} sizes={sizes} />)}
      <img
        class={[imgClass, placeholder ? "has-placeholder" : ""].filter(Boolean).join(" ") || undefined}
        src={image.url}
        srcset={fallback ? srcset(fallback) : undefined}
        sizes={fallback ? sizes : undefined}
        alt={alt ?? image.alt}
        width={image.width}
        height={image.height}
        {...(priority === "eager" ? { fetchpriority: "high" as const } : { loading: "lazy" as const, decoding: "async" as const })}
        style={Object.keys(style).length > 0 ? style : undefined}
      />
    </picture>
  );
}

/**
 * The home page's lead image (public/css/site.css): full width below 50em;
 * then 1.75 of 2.75 grid parts of the page less gutters and the 2rem gap;
 * fixed once the page stops growing at 76em.
 */
export const LEAD_IMAGE_SIZES = "(max-width: 49.99em) 100vw, (max-width: 75.99em) calc(63.6vw - 3.8rem), 45rem";
