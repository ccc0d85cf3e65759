import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { articleWithBody, type ArticleFields } from "../../../src/content/article-body.ts";
import { htmlHash } from "../../../src/markdown/html-hash.ts";
import { makeArticle, makeHero } from "../helpers.ts";
import { TYPESCRIPT_FLAGS } from "../../../src/loader/node-flags.ts";

describe("an article's body", () => {
  const { bodyHtml: _body, bodyHash: _hash, ...fields } = makeArticle("ferry");
  const counted = (html: string) => {
    const reads = { count: 0 };
    const article = articleWithBody(fields, { readHtml: () => (reads.count++, html), hash: htmlHash(html) });
    return { article, reads };
  };

  test("is read on each access", () => {
    const { article, reads } = counted("<p>The ferry runs late.</p>");
    assert.equal(article.bodyHtml, "<p>The ferry runs late.</p>");
    assert.equal(article.bodyHtml, "<p>The ferry runs late.</p>");
    assert.equal(reads.count, 2);
  });

  test("is in the article's JSON as its hash, not read", () => {
    const { article, reads } = counted("<p>The ferry runs late.</p>");
    const json = JSON.parse(JSON.stringify(article)) as Record<string, unknown>;
    assert.equal(reads.count, 0);
    assert.equal("bodyHtml" in json, false);
    assert.equal(json.bodyHash, htmlHash("<p>The ferry runs late.</p>"));
    assert.equal(json.title, fields.title);
    assert.equal(json.publishedAt, fields.publishedAt.toISOString());
  });

  test("goes with the article into a copy, as a value that the copy's JSON shows", () => {
    const { article } = counted("<p>The ferry runs late.</p>");
    const copy = { ...article, bodyHtml: "<p>The ferry runs on time.</p>" };
    assert.deepEqual(Object.keys(copy), Object.keys(article));
    assert.equal((JSON.parse(JSON.stringify(copy)) as Record<string, unknown>).bodyHtml, "<p>The ferry runs on time.</p>");
    assert.equal({ ...article }.bodyHtml, "<p>The ferry runs late.</p>");
  });

  test("keeps every field, in its order, optional ones too", () => {
    // Required: a field added to Article must be added here, and then to articleWithBody, or this fails.
    const every: Required<ArticleFields> = {
      ...fields,
      hero: makeHero(),
      updatedAt: new Date("2026-01-02T09:00:00Z"),
      corrections: [{ date: new Date("2026-01-02T09:00:00Z"), text: "The ferry's name was wrong." }],
      audio: { url: "/audio/ferry.mp3", mimeType: "audio/mpeg", disclosure: "Read by a synthetic voice." },
    };
    const ordered = ["id", "slug", "url", "sourcePath", "title", "dek", "authors", "publishedAt", "updatedAt", "corrections", "tags", "related", "aliases", "hero", "bodyImages", "audio", "isFeatured", "isDraft", "isScheduled", "wordCount", "readingMinutes"] as const;
    const fieldsInOrder = Object.fromEntries(ordered.map((key) => [key, every[key]])) as Required<ArticleFields>;
    const article = articleWithBody(fieldsInOrder, { readHtml: () => "<p>Body</p>", hash: htmlHash("<p>Body</p>") });
    assert.deepEqual([...ordered].sort(), Object.keys(every).sort(), "the list above names every field");
    assert.deepEqual(Object.keys(article), [...ordered, "bodyHtml", "bodyHash"]);
    for (const key of ordered) assert.equal(article[key], every[key], key);
    const without = articleWithBody(fields, { readHtml: () => "<p>Body</p>", hash: htmlHash("<p>Body</p>") });
    assert.equal("updatedAt" in without, false);
    assert.equal("audio" in without, false);
  });

  test("leaves articles of the same fields one hidden class, with or without an update or audio (property reads in listings stay cached)", () => {
    // V8's own checks, in a process of its own: they need --allow-natives-syntax.
    // The optional fields are spread in, as buildArticle once wrote them: copied in a loop over the keys, such fields gave
    // each article with an update or audio a hash table for its properties. However the fields are written, none may.
    const script = `
      const { articleWithBody } = await import(${JSON.stringify(import.meta.resolve("../../../src/content/article-body.ts"))});
      const { makeArticle } = await import(${JSON.stringify(import.meta.resolve("../helpers.ts"))});
      const base = makeArticle("base");
      const audio = { url: "/audio/a.mp3", mimeType: "audio/mpeg", disclosure: "Read by a synthetic voice." };
      const made = (index, withUpdate, withAudio) => articleWithBody({
        id: \`story-\${index}\`, slug: \`story-\${index}\`, url: \`/news/story-\${index}/\`, sourcePath: base.sourcePath, title: base.title, dek: base.dek, authors: base.authors, publishedAt: base.publishedAt,
        ...(withUpdate ? { updatedAt: new Date("2026-01-02T09:00:00Z") } : {}),
        corrections: [], tags: [], related: [], aliases: [], hero: base.hero, bodyImages: [],
        ...(withAudio ? { audio } : {}),
        isFeatured: false, isDraft: false, isScheduled: false, wordCount: 1, readingMinutes: 1,
      }, { readHtml: () => "<p>Body</p>", hash: base.bodyHash });
      const kinds = 4; // none, an update, audio, both
      const articles = Array.from({ length: 40 }, (_, index) => made(index, index % kinds & 1, index % kinds & 2));
      const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)");
      const hasFastProperties = new Function("a", "return %HasFastProperties(a)");
      console.log(JSON.stringify({
        otherClass: articles.filter((article, index) => !sameMap(articles[index % kinds], article)).length,
        slow: articles.filter((article) => !hasFastProperties(article)).length,
      }));
    `;
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const output = execFileSync(process.execPath, ["--allow-natives-syntax", ...TYPESCRIPT_FLAGS, "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    assert.deepEqual(JSON.parse(output), { otherClass: 0, slow: 0 }, "articles with a hidden class other than the first of their kind's, and articles whose properties V8 keeps in a hash table");
  });
});
