import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isoWithOffset, readSourceDate, settleDate, wordpressDate } from "../../../src/import/convert/dates.ts";
import { embedFor } from "../../../src/import/convert/embeds.ts";
import { LinkRewriter } from "../../../src/import/convert/link-rewriter.ts";
import { expandLiquid } from "../../../src/import/convert/liquid-tags.ts";
import { applyEdits } from "../../../src/import/convert/text-edits.ts";
import { expandShortcodes } from "../../../src/import/sources/wordpress/shortcodes.ts";
import { wpautop } from "../../../src/import/sources/wordpress/wpautop.ts";

describe("import conversions", () => {
  test("maps each line after an edit back to the line it came from", () => {
    const mapped = applyEdits("a\n{% x\ny %}\nb\n", [{ start: 2, end: 11, replacement: "X" }]);
    assert.equal(mapped.text, "a\nX\nb\n");
    assert.deepEqual([1, 2, 3].map(mapped.lineOf), [1, 2, 4]);
  });

  test("keeps the offset a date was written with, and reads a bare date in the site's zone", () => {
    const written = readSourceDate("2015-03-17 14:00:00 -4")!;
    assert.equal(settleDate(written as never, "UTC").iso, "2015-03-17T14:00:00-04:00");
    const local = settleDate(readSourceDate("2024-07-01") as never, "Europe/Paris");
    assert.deepEqual([local.iso, local.isInSiteZone], ["2024-07-01T00:00:00+02:00", true]);
    assert.equal(isoWithOffset(new Date("2024-01-01T12:00:00Z"), 330), "2024-01-01T17:30:00+05:30");
  });

  test("reads a WordPress post's offset from its local and GMT times; a draft has only a wall time", () => {
    const date = wordpressDate("2024-03-10 07:00:00", "2024-03-10 12:00:00");
    assert.deepEqual(date, { kind: "instant", date: new Date("2024-03-10T12:00:00Z"), offsetMinutes: -300 });
    assert.equal(wordpressDate("2024-05-02 10:00:00", "0000-00-00 00:00:00")?.kind, "local");
  });

  test("embeds YouTube and Vimeo as players, anything else as a link", () => {
    assert.deepEqual(embedFor("https://youtu.be/dQw4w9WgXcQ?t=42"), { kind: "iframe", src: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42", host: "www.youtube-nocookie.com", title: "YouTube video" });
    assert.equal(embedFor("https://vimeo.com/76979871", "Launch").kind, "iframe");
    assert.deepEqual(embedFor("https://twitter.com/x/status/1"), { kind: "link", url: "https://twitter.com/x/status/1" });
  });

  test("adds WordPress's paragraphs without moving a line, and leaves <pre> alone", () => {
    assert.equal(wpautop("One\ntwo\n\n<pre>a\n\nb</pre>\n\nThree"), "<p>One<br />\ntwo</p>\n\n<pre>a\n\nb</pre>\n\n<p>Three</p>");
  });

  test("expands [caption], leaves [[escaped]] shortcodes as their text and reports an unknown one with its line", () => {
    const unknown: [string, number][] = [];
    const expanded = expandShortcodes('x\n[caption]<img src="a.jpg" alt="A"> The cap[/caption]\n[[gallery]]\n[poll id="3"]', { postId: "1", attachments: new Map(), onUnknown: (name, line) => unknown.push([name, line]) });
    assert.equal(expanded.text, 'x\n<figure><img src="a.jpg" alt="A"><figcaption>The cap</figcaption></figure>\n[gallery]\n[poll id="3"]');
    assert.deepEqual(unknown, [["poll", 4]]);
  });

  test("expands Liquid URL filters and reports unknown filters, keeping them as text", () => {
    const unknown: string[] = [];
    const expanded = expandLiquid('[a]({{ "/x/" | relative_url }}) {{ "noah" | team_link }}', { postPath: () => undefined, onUnknown: (tag) => unknown.push(tag) });
    assert.equal(expanded.text, '[a](/x/) {{ "noah" | team_link }}');
    assert.deepEqual(unknown, ['{{ "noah" | team_link }}']);
  });

  test("reads {{ page.x }} and {{ post.x }} from the post's own front matter; an unset one stays as text", () => {
    const unknown: string[] = [];
    const expanded = expandLiquid("![hero]({{ page.image | relative_url }}) {{ post.title }} {{ page.missing }}", {
      postPath: () => undefined,
      onUnknown: (tag) => unknown.push(tag),
      pageData: { image: "/img/hero.png", title: "Launch day" },
    });
    assert.equal(expanded.text, "![hero](/img/hero.png) Launch day {{ page.missing }}");
    assert.deepEqual(unknown, ["{{ page.missing }}"]);
    const eleventy = expandLiquid('<img src="{{ image }}">', { postPath: () => undefined, onUnknown: () => {}, pageData: { image: "/a.jpg" }, bareNamesArePageData: true });
    assert.equal(eleventy.text, '<img src="/a.jpg">');
  });

  test("points old post, author and tag addresses at the new pages, and flags other pages of the old site", () => {
    const links = new LinkRewriter({ siteHosts: ["old.example.org"] });
    links.addPost("/2015/07/08/slug/", "slug");
    links.addArchivePages(["jane-doe"], ["city-hall"]);
    assert.equal(links.rewrite("https://old.example.org/2015/07/08/slug#top").url, "/news/slug/#top");
    assert.equal(links.rewrite("/author/jane-doe/").url, "/authors/jane-doe/");
    assert.equal(links.rewrite("/category/news/city-hall/").url, "/tags/city-hall/");
    assert.deepEqual(links.rewrite("/about/"), { url: "/about/", isPageNotImported: true });
    assert.deepEqual(links.rewrite("https://elsewhere.org/about/"), { url: "https://elsewhere.org/about/", isPageNotImported: false });
    const moved = new LinkRewriter({ siteHosts: ["old.example.org"], oldSiteUrl: "https://old.example.org" });
    assert.deepEqual(moved.rewrite("/about/"), { url: "https://old.example.org/about/", isPageNotImported: false });
  });
});
