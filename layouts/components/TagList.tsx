/** @jsxRuntime automatic @jsxImportSource preact */
import type { Tag } from "../../src/content/model.ts";

export type TagListProps = { tags: readonly Tag[] };

export function TagList({ tags }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <nav class="tag-list" data-component="tags" aria-label="Topics">
      <h2 class="tag-list__heading" data-pagefind-ignore>Topics</h2>
      <ul>
        {tags.map((tag) => (
          <li><a class="chip" href={tag.url} rel="tag" data-pagefind-filter="tag">{tag.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}
