import path from "node:path";

/** Whether `target` is `dir` or inside it (both absolute; real paths, when links matter). */
export function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
