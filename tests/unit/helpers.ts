/**
 * Builders for plain test objects and small shared utilities of the unit suite.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import type { Article, Author, AuthorRef, Content, Hero, SiteSettings, Tag } from "../../src/content/model.ts";
import { siteSchema } from "../../src/content/site-schema.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { sanitizeSchema } from "../../src/markdown/sanitize-schema.ts";

export function makeTag(slug: string, overrides: Partial<Tag> = {}): Tag {
  return { slug, label: slug, url: `/tags/${slug}/`, ...overrides };
}

export function makeHero(overrides: Partial<Hero> = {}): Hero {
  return { url: "/images/hero.jpg", width: 1200, height: 800, alt: "A harbour at dawn", credit: "Staff", ...overrides };
}

export function makeAuthorRef(id: string, overrides: Partial<AuthorRef> = {}): AuthorRef {
  return { id, name: id, isDesk: false, url: `/authors/${id}/`, ...overrides };
}

export function makeAuthor(id: string, overrides: Partial<Author> = {}): Author {
  return {
    id,
    name: id,
    isDesk: false,
    bioHtml: "",
    url: `/authors/${id}/`,
    sourcePath: `content/authors/${id}.md`,
    ...overrides,
  };
}

/** An article published at `publishedAt` (default 2026-01-01T12:00Z); everything else overridable. */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    slug: id,
    url: `/news/${id}/`,
    sourcePath: `content/articles/${id}.md`,
    title: `Title of ${id}`,
    dek: `Dek of ${id}`,
    authors: [makeAuthorRef("news-desk")],
    publishedAt: new Date("2026-01-01T12:00:00Z"),
    tags: [],
    related: [],
    hero: makeHero(),
    isFeatured: false,
    isDraft: false,
    bodyHtml: "<p>Body</p>",
    wordCount: 1,
    readingMinutes: 1,
    ...overrides,
  };
}

/** Site settings as the schema outputs them (defaults applied). */
export function makeSite(overrides: Record<string, unknown> = {}): SiteSettings {
  return siteSchema.parse({
    name: "The Test Herald",
    baseUrl: "https://herald.example.org",
    language: "en-GB",
    timeZone: "Europe/London",
    ...overrides,
  });
}

export function makeContent(articles: Article[], authors: Author[] = [], site: SiteSettings = makeSite()): Content {
  return { site, articles, authors: new Map(authors.map((author) => [author.id, author])) };
}

export function makeDiagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    file: "content/articles/x.md",
    line: 1,
    column: 1,
    severity: "error",
    message: "something is wrong",
    ruleId: "test/rule",
    ...overrides,
  };
}

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

/** A fresh temporary folder; call `cleanup()` in an `after` hook. */
export function makeTempDir(prefix = "newsroom-unit-") {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(relativePath: string, text: string): string {
      const target = path.join(dir, relativePath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      return target;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Frontmatter + body for an article file, from plain key lines. */
export function articleFile(frontmatterLines: string[], body = "Some body text.\n"): string {
  return ["---", ...frontmatterLines, "---", body].join("\n");
}
