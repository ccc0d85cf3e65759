/** A focal point as fractions of the width and height (0..1), from the left and top. */
export interface Focus {
  x: number;
  y: number;
}

/**
 * A hero's focus as editors write it: `"60% 30%"`, across then down, as in
 * CSS `object-position`. The schema checks it with this; the image planner
 * crops around it.
 */
const PERCENT = /^\s*(\d{1,3}(?:\.\d+)?)%\s+(\d{1,3}(?:\.\d+)?)%\s*$/;

/** `"60% 30%"` to a focus; undefined if malformed or above 100%. */
export function parseFocus(text: string): Focus | undefined {
  const match = PERCENT.exec(text);
  if (!match) return undefined;
  const x = Number(match[1]) / 100;
  const y = Number(match[2]) / 100;
  return x <= 1 && y <= 1 ? { x, y } : undefined;
}

