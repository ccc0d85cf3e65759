import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
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
