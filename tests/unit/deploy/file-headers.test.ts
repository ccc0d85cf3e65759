import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHeadersFile, uploadHeadersOf, uploadPhaseOf } from "../../../src/deploy/file-headers.ts";
import { headerRules, renderHeaders } from "../../../src/feeds/headers.ts";

describe("upload headers follow the site's _headers", () => {
  const rules = headerRules(["/support/"]);

  test("reads back exactly the rules the build writes into _headers", () => {
    assert.deepEqual(parseHeadersFile(renderHeaders(rules)), rules);
  });

  test("hashed assets and image derivatives are immutable; pages, feeds and standalone pages short; media a day", () => {
    const cache = (file: string) => uploadHeadersOf(file, parseHeadersFile(renderHeaders(rules))).cacheControl;
    for (const file of ["css/site.0123456789.css", "js/news.0123456789.js", "images/derived/abc-320.avif", "images/svg/logo.svg"]) assert.equal(cache(file), "public, max-age=31536000, immutable", file);
    for (const file of ["index.html", "news/x/index.html", "feed.xml", "sitemaps/1.xml", "support/index.html", "old/address/index.html"]) assert.equal(cache(file), "public, max-age=300, must-revalidate", file);
    assert.equal(cache("audio/x.mp3"), "public, max-age=86400");
  });

  test("gives the types hosts get wrong or guess: HTML and feeds in UTF-8, AVIF, _headers as text", () => {
    assert.equal(uploadHeadersOf("news/x/index.html", rules).contentType, "text/html; charset=utf-8");
    assert.equal(uploadHeadersOf("feed.xml", rules).contentType, "application/xml; charset=utf-8");
    assert.equal(uploadHeadersOf("images/derived/a.avif", rules).contentType, "image/avif");
    assert.equal(uploadHeadersOf("_redirects", rules).contentType, "text/plain; charset=utf-8");
    assert.equal(uploadHeadersOf("pagefind/index/en_1.pf_index", rules).contentType, undefined);
  });

  test("puts pages last and what points at files (feeds, the search entry) before them", () => {
    assert.deepEqual(["css/a.css", "pagefind/fragment/x.pf_fragment", "pagefind/pagefind-entry.json", "feed.xml", "robots.txt", "news/x/index.html"].map(uploadPhaseOf), ["assets", "assets", "data", "data", "data", "pages"]);
  });
});
