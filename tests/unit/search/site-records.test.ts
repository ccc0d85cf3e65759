import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Article } from "../../../src/content/model.ts";
import { searchRecordSources } from "../../../src/search/site-records.ts";

/** Only what a record's hash reads when the build gives each article's hash: its URL. */
const article = (url: string) => ({ url }) as Article;

function recordHashes(site: { language: string; timeZone: string }, hashes: Record<string, string>): string[] {
  const articles = Object.keys(hashes).map(article);
  return searchRecordSources({ site, articles, pages: [] }, { articleHash: (shown) => hashes[shown.url]! }).map((record) => record.hash);
}

describe("search record hashes from the build's article hashes", () => {
  const site = { language: "en-GB", timeZone: "Europe/London" };
  const hashes = { "/news/a/": "a".repeat(64), "/news/b/": "b".repeat(64) };

  test("equal exactly when the article's hash, the site's language and its time zone are", () => {
    const [a, b] = recordHashes(site, hashes);
    assert.deepEqual(recordHashes({ ...site }, { ...hashes }), [a, b]);
    assert.notEqual(a, b);
    assert.notEqual(recordHashes(site, { ...hashes, "/news/a/": "c".repeat(64) })[0], a);
    // The language and the time zone change every record's text (its dates): every record is indexed again.
    for (const other of [{ ...site, language: "en-US" }, { ...site, timeZone: "Europe/Dublin" }]) {
      const changed = recordHashes(other, hashes);
      assert.ok(changed[0] !== a && changed[1] !== b, JSON.stringify(other));
    }
  });
});
