/**
 * The size an SVG is shown at, in CSS pixels, from its root's `width`,
 * `height` and `viewBox`, as browsers size an SVG in `<img>`.
 */

export interface SvgSize {
  width: number;
  height: number;
}

/**
 * An SVG with only a viewBox has no size of its own, just a shape: it is
 * given this width (the widest hero derivative), so that it fills its slot
 * like a photograph would, and stays sharp doing so.
 */
export const FILL_WIDTH = 1600;

/** CSS pixels per unit (CSS Values 4: 96 px to the inch). */
const UNITS: Record<string, number> = { "": 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, em: 16, ex: 8 };

/** An absolute length in px; undefined for a percentage, `auto` or anything unreadable. */
export function svgLength(value: string | null | undefined): number | undefined {
  const match = /^\s*([+]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]*)\s*$/i.exec(value ?? "");
  if (!match) return undefined;
  const factor = UNITS[match[2]!.toLowerCase()];
  const length = Number(match[1]) * (factor ?? NaN);
  return Number.isFinite(length) && length > 0 ? length : undefined;
}

/** `viewBox="min-x min-y width height"`: its width and height, if both are positive. */
export function viewBoxSize(value: string | null | undefined): SvgSize | undefined {
  const numbers = (value ?? "").trim().split(/[\s,]+/).map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [, , width, height] = numbers as [number, number, number, number];
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * Width and height in whole CSS pixels: both given; one given and the other
 * from the viewBox's shape; or the viewBox's shape at FILL_WIDTH. Undefined
 * when neither a size nor a viewBox says anything.
 */
export function svgIntrinsicSize(attributes: { width?: string | null; height?: string | null; viewBox?: string | null }): SvgSize | undefined {
  const width = svgLength(attributes.width);
  const height = svgLength(attributes.height);
  const box = viewBoxSize(attributes.viewBox);
  const whole = (size: SvgSize): SvgSize => ({ width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) });
  if (width && height) return whole({ width, height });
  if (!box) return undefined;
  if (width) return whole({ width, height: (width * box.height) / box.width });
  if (height) return whole({ width: (height * box.width) / box.height, height });
  return whole({ width: FILL_WIDTH, height: (FILL_WIDTH * box.height) / box.width });
}
