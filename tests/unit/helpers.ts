/**
 * Builders for plain test objects and small shared utilities of the unit suite.
 * Only light imports from src/: collection tests stay fast (no zod, no remark).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { articleWithBody } from "../../src/content/article-body.ts";
import type { Article, Author, AuthorRef, Content, Hero, SiteSettings, Tag } from "../../src/content/model.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { htmlHash } from "../../src/markdown/html-hash.ts";

export function makeTag(slug: string, overrides: Partial<Tag> = {}): Tag {
  return { slug, label: slug, url: `/tags/${slug}/`, ...overrides };
}

export function makeHero(overrides: Partial<Hero> = {}): Hero {
  const jpeg = (url: string, width: number, height: number) => ({ url, width, height, alt: "", position: "50% 50%", sources: [{ format: "jpeg" as const, mimeType: "image/jpeg", candidates: [{ url, width, height }] }] });
  return {
    ...jpeg("/images/derived/hero-1200.jpg", 1200, 800),
    alt: "A harbour at dawn",
    credit: "Staff",
    thumbnail: jpeg("/images/derived/hero-square-320.jpg", 320, 320),
    social: { url: "/images/derived/hero-1200x630.jpg", width: 1200, height: 630 },
    searchCrops: [
      { url: "/images/derived/hero-1200x675.jpg", width: 1200, height: 675 },
      { url: "/images/derived/hero-1200x900.jpg", width: 1200, height: 900 },
      { url: "/images/derived/hero-1200x1200.jpg", width: 1200, height: 1200 },
    ],
    ...overrides,
  };
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
    aliases: [],
    ...overrides,
  };
}

/**
 * An article published at `publishedAt` (default 2026-01-01T12:00Z); everything else overridable.
 * Shaped as a loaded one: its body is read on access, and its JSON has the body's hash instead.
 */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  const { bodyHtml = "<p>Body</p>", bodyHash = htmlHash(bodyHtml), ...fields } = overrides;
  return articleWithBody({
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
    aliases: [],
    hero: makeHero(),
    bodyImages: [],
    isFeatured: false,
    isDraft: false,
    isScheduled: false,
    corrections: [],
    wordCount: 1,
    readingMinutes: 1,
    ...fields,
  }, { readHtml: () => bodyHtml, hash: bodyHash });
}

/** Site settings as the schema outputs them (defaults applied). Plain object: no zod in collection tests. */
export function makeSite(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return {
    name: "The Test Herald",
    baseUrl: "https://herald.example.org",
    language: "en-GB",
    timeZone: "Europe/London",
    navigation: [],
    footerLinks: [],
    tagLabels: {},
    newsletters: [],
    pageSizes: { newsFeed: 30, tag: 20 },
    trustedHosts: { iframes: [], images: [] },
    ...overrides,
  };
}

export function makeContent(articles: Article[], authors: Author[] = [], site: SiteSettings = makeSite()): Content {
  return { site, articles, authors: new Map(authors.map((author) => [author.id, author])), pages: [], siteLinks: [], aliases: [], unbuiltArticleUrls: [], scheduled: [] };
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
