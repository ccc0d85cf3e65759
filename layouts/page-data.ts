import { defaultPageMeta, type PageMeta } from "../src/discovery/page-meta.ts";
import { pageFrame, type EleventyPageData, type PageFrame } from "../src/pages/page-inputs.ts";

export type { EleventyPageData, PageFrame } from "../src/pages/page-inputs.ts";

/** Shared props every page passes to `Document`; `meta` overrides the defaults. */
export function documentProps(data: EleventyPageData | PageFrame, title: string, description: string, bodyClass: string, meta: Partial<PageMeta> = {}) {
  const frame = "newsroom" in data ? pageFrame(data) : data;
  return {
    site: frame.site,
    meta: { ...defaultPageMeta(frame.site, { title, description, path: frame.url }), ...meta },
    year: frame.year,
    assets: frame.assets,
    bodyClass,
  };
}
