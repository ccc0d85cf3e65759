import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import type { RenderSettings } from "../../../src/markdown/pipeline.ts";
import { sanitizeSchema } from "../../../src/markdown/sanitize-schema.ts";

/**
 * Runs `markdown` through remark-parse + remark-gfm + remark-directive, the
 * given plugins, then remark-html with the project's sanitising schema.
 */
export async function processWith(markdown: string, plugins: PluggableList, filePath = "content/articles/x.md") {
  const file = new VFile({ value: markdown, path: filePath });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(plugins)
    .use(remarkHtml, { sanitize: sanitizeSchema });
  const html = String(await processor.process(file));
  return { html, file, messages: file.messages };
}

/** Render settings for tests: a site origin, no trusted hosts, the project's content folder. */
export function testRenderSettings(overrides: Partial<RenderSettings> = {}): RenderSettings {
  return { siteOrigin: "https://herald.example.org", trustedHosts: { iframes: [], images: [] }, aliases: {}, rootDir: process.cwd(), contentDir: `${process.cwd()}/content`, ...overrides };
}

/** A media resolver for tests that finds nothing. */
export const noMedia = (written: string) => ({ ok: false as const, problem: `"${written}" not found`, hint: "put it in content/audio/" });
