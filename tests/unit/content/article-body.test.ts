import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { articleWithBody } from "../../../src/content/article-body.ts";
import { htmlHash } from "../../../src/markdown/html-hash.ts";
import { makeArticle } from "../helpers.ts";

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
});
