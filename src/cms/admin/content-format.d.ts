// Types of content-format.js (a browser module the tests also import).
import type { KeyLayout } from "../file-layout.ts";

export interface ContentFormat {
  layout: readonly KeyLayout[];
  hasBody: boolean;
}
export function readContentFile(text: string, format: ContentFormat): Record<string, unknown>;
export function writeContentFile(data: Record<string, unknown>, format: ContentFormat): string;
