import { quoted, yamlList } from "./frontmatter-text.ts";

/** An article's frontmatter fields as the import settled them. */
export interface ArticleFields {
  title: string;
  dek?: string;
  authors: readonly string[];
  /** ISO 8601 with its offset. */
  date: string;
  tags: readonly string[];
  hero?: { src: string; alt?: string; caption?: string; credit?: string };
  isDraft: boolean;
  /** Old root-relative URL paths. */
  aliases: readonly string[];
}

/**
 * The Markdown file of an imported article: keys in the order `npm run new`
 * writes them (title, dek, authors, date, tags, hero, draft), then the old
 * addresses as `aliases`, then the body.
 */
export function articleFileText(fields: ArticleFields, body: string): string {
  const lines = ["---", `title: ${quoted(fields.title)}`];
  if (fields.dek !== undefined) lines.push(`dek: ${quoted(fields.dek)}`);
  lines.push(`authors: ${yamlList(fields.authors)}`, `date: ${fields.date}`, `tags: ${yamlList(fields.tags)}`);
  if (fields.hero) {
    lines.push("hero:", `  src: ${quoted(fields.hero.src)}`);
    for (const key of ["alt", "caption", "credit"] as const) {
      const value = fields.hero[key];
      if (value !== undefined) lines.push(`  ${key}: ${quoted(value)}`);
    }
  }
  if (fields.isDraft) lines.push("draft: true");
  if (fields.aliases.length > 0) lines.push(`aliases: [${fields.aliases.map(quoted).join(", ")}]`);
  lines.push("---");
  const text = body.trim();
  return `${lines.join("\n")}\n${text ? `${text}\n` : ""}`;
}

/** An author or desk file: the display name, its kind, and a bio when the source has one. */
export function authorFileText(author: { name: string; isDesk: boolean; bio?: string }): string {
  const lines = ["---", `name: ${quoted(author.name)}`];
  if (author.isDesk) lines.push("type: desk");
  lines.push("---");
  const bio = author.bio?.trim();
  return `${lines.join("\n")}\n${bio ? `${bio}\n` : ""}`;
}
