/** @jsxRuntime automatic @jsxImportSource preact */
export type ArticleBodyProps = { html: string };

/**
 * The only component that inserts raw HTML: the article body, produced by the
 * unified pipeline and sanitised there (src/markdown/sanitize-schema.ts).
 */
export function ArticleBody({ html }: ArticleBodyProps) {
  return <div class="article-body" data-component="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
