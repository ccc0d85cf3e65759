import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { articleWithBody } from "../../../src/content/article-body.ts";
import { htmlHash } from "../../../src/markdown/html-hash.ts";
import { makeArticle } from "../helpers.ts";
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

  test("leaves articles of the same fields one hidden class (property reads in listings stay cached)", () => {
    // V8's own check, in a process of its own: it needs --allow-natives-syntax.
    const script = `
      const { articleWithBody } = await import(${JSON.stringify(import.meta.resolve("../../../src/content/article-body.ts"))});
      const { makeArticle } = await import(${JSON.stringify(import.meta.resolve("../helpers.ts"))});
      const articles = Array.from({ length: 20 }, (_, index) => {
        const { bodyHtml, bodyHash, ...fields } = makeArticle(\`story-\${index}\`);
        return articleWithBody(fields, { readHtml: () => bodyHtml, hash: bodyHash });
      });
      const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)");
      console.log(articles.filter((article) => !sameMap(articles[0], article)).length);
    `;
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const output = execFileSync(process.execPath, ["--allow-natives-syntax", ...TYPESCRIPT_FLAGS, "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    assert.equal(output.trim(), "0", "articles with a hidden class other than the first's");
  });
});
