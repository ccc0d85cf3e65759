import { renderToStaticMarkup } from "preact-render-to-string";
import { isValidElement, type VNode } from "preact";

interface EleventyConfig {
  addExtension(extensions: string | string[], options: Record<string, unknown>): void;
  addTemplateFormats(formats: string | string[]): void;
}

/**
 * `.11ty.tsx` files are Eleventy JavaScript templates (loaded through tsx)
 * whose render function returns Preact elements; they become static HTML
 * here. Text is escaped by Preact; only `dangerouslySetInnerHTML` is raw.
 */
export function addTsxTemplates(eleventyConfig: EleventyConfig, extensions: readonly string[] = ["11ty.tsx"]): void {
  eleventyConfig.addExtension([...extensions], {
    key: "11ty.js",
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) {
        const output = await this.defaultRenderer(data);
        if (!isValidElement(output)) return output;
        const html = renderToStaticMarkup(output as VNode);
        return html.startsWith("<html") ? `<!doctype html>\n${html}` : html;
      };
    },
  });
  eleventyConfig.addTemplateFormats("11ty.tsx");
}
