import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createMarkdownRenderer, type PipelineOptions } from "../../../src/markdown/pipeline.ts";
import type { LocalImageResult } from "../../../src/markdown/remark-local-images.ts";
import { noMedia, testRenderSettings } from "./helpers.ts";

function renderer(overrides: Partial<PipelineOptions> = {}) {
  return createMarkdownRenderer({
    settings: testRenderSettings(),
    resolveMedia: noMedia,
    articles: new Map([["ferry-strike", { title: "Ferry strike", dek: "No boats.", url: "/news/ferry-strike/" }]]),
    resolveImage: async (written): Promise<LocalImageResult> =>
      written === "../images/ok.jpg"
        ? { ok: true, image: { url: "/images/derived/ok-40.jpg", width: 40, height: 30, sources: [{ format: "jpeg", mimeType: "image/jpeg", candidates: [{ url: "/images/derived/ok-40.jpg", width: 40, height: 30 }] }] } }
        : { ok: false, problem: `file "${written}" not found`, hint: "check the path", ruleId: "images/image-not-found" },
    ...overrides,
  });
}

const render = (body: string, bodyLineOffset = 0) => renderer()({ body, path: "content/articles/x.md", bodyLineOffset });

describe("createMarkdownRenderer: sanitising", () => {
  const dangerous: [string, string, RegExp][] = [
    ["a <script> block", "<script>alert(1)</script>\n", /<script|alert/i],
    ["an inline <script>", "Text <script>alert(1)</script> more.\n", /<script/i],
    ["an onclick attribute", '<a href="/x" onclick="steal()">x</a>\n', /onclick|steal/i],
    ["an onerror attribute on raw img", "<img src=x onerror=alert(1)>\n", /onerror|alert/i],
    ["a javascript: link", "[click](javascript:alert(1))\n", /javascript:/i],
    ["a JavaScript: link in mixed case", "[click](JaVaScRiPt:alert(1))\n", /javascript:/i],
    ["a data: link", "[click](data:text/html;base64,PHNjcmlwdD4=)\n", /data:/i],
    ["a javascript: autolink", "<javascript:alert(1)>\n", /href="javascript/i],
    ["an iframe", '<iframe src="https://evil.example.com/"></iframe>\n', /<iframe/i],
    ["raw <svg onload>", "<svg onload=alert(1)><circle r=1 /></svg>\n", /<svg|onload/i],
    ["a javascript: image", "![x](javascript:alert(1))\n", /javascript:/i],
    ["a style attribute", '<p style="position:fixed">x</p>\n', /style=/i],
    ["a form", '<form action="https://evil.example.com"><input name="pw"></form>\n', /<form|<input/i],
  ];
  for (const [what, body, forbidden] of dangerous) {
    it(`never lets ${what} through`, async () => {
      const { html } = await render(body);
      assert.doesNotMatch(html, forbidden, html);
    });
  }

  it("keeps the text of a dangerous link, without the link, and reports it as an error", async () => {
    const { html, diagnostics } = await render("[click me](javascript:alert(1))\n");
    assert.equal(html, "<p>click me</p>\n");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.ruleId, d.line, d.column]), [["error", "links/dangerous-url", 1, 1]]);
  });

  it("keeps safe link protocols", async () => {
    const { html } = await render("[a](https://x.example.com/) [b](mailto:a@b.org) [c](tel:+441632960400) [d](/news/)\n");
    for (const href of ["https://x.example.com/", "mailto:a@b.org", "tel:+441632960400", "/news/"]) {
      assert.ok(html.includes(`href="${href}"`), `${href} missing in ${html}`);
    }
  });

  it("keeps template syntax as literal text ({{ }} and {% %})", async () => {
    const { html } = await render("Welcome to {{ site.name }}.\n\n{% raw %}{{ x }}{% endraw %}\n");
    assert.equal(html, "<p>Welcome to {{ site.name }}.</p>\n<p>{% raw %}{{ x }}{% endraw %}</p>\n");
  });
});

describe("createMarkdownRenderer: GFM", () => {
  it("renders tables", async () => {
    const { html } = await render("| Ward | Votes |\n|---|--:|\n| North | 1,204 |\n");
    assert.match(html, /<table>/);
    assert.match(html, /<th>Ward<\/th>/);
    assert.match(html, /<td>North<\/td>/);
    assert.match(html, /<td align="right">1,204<\/td>|<td style="text-align:right">1,204<\/td>|<td>1,204<\/td>/);
  });

  it("puts each table in a labelled region that scrolls sideways, reachable by keyboard", async () => {
    const { html } = await render("Results:\n\n| Ward | Votes |\n|---|---|\n| North | 1,204 |\n");
    assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-label="Table, scrolls sideways"><table>/);
  });

  it("renders task lists and bare links", async () => {
    const { html } = await render("- [x] Filed at www.herald.example.org\n- [ ] Mail desk@herald.example.org\n");
    assert.match(html, /<input type="checkbox" checked disabled>/);
    assert.match(html, /<a href="http:\/\/www.herald.example.org"/);
    assert.match(html, /<a href="mailto:desk@herald.example.org">desk@herald.example.org<\/a>/);
  });

  it("renders footnotes whose links and ids agree in both directions", async () => {
    const { html } = await render("Claim one[^a] and two[^b].\n\n[^a]: Source A.\n[^b]: Source B.\n");
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]!));
    assert.deepEqual(hrefs.sort(), ["user-content-fn-a", "user-content-fn-b", "user-content-fnref-a", "user-content-fnref-b"]);
    for (const href of hrefs) assert.ok(ids.has(href), `#${href} has no target among ${[...ids].join(", ")}`);
    assert.match(html, /<a href="#user-content-fn-a" id="user-content-fnref-a"/);
    assert.match(html, /<li id="user-content-fn-a">/);
    assert.match(html, /<a href="#user-content-fnref-a"[^>]*class="data-footnote-backref"/);
  });

  it("points aria-describedby of footnote references at the footnotes heading", async () => {
    const { html } = await render("Claim[^1].\n\n[^1]: Source.\n");
    assert.match(html, /aria-describedby="footnote-label"/);
    assert.match(html, /<h2 class="sr-only" id="footnote-label">Footnotes<\/h2>/);
  });

  it("renders strikethrough", async () => {
    const { html } = await render("~~withdrawn~~\n");
    assert.equal(html, "<p><del>withdrawn</del></p>\n");
  });
});

describe("createMarkdownRenderer: plugins together", () => {
  it("renders headings with ids, related cards, external links and images in one pass", async () => {
    const { html, diagnostics, wordCount } = await render(
      "## The vote\n\n::related{id=ferry-strike}\n\nSee [the minutes](https://council.example.com/m) and [our report](/news/a/).\n\n![Harbour](../images/ok.jpg)\n",
    );
    assert.deepEqual(diagnostics, []);
    assert.match(html, /<h2 id="the-vote">The vote<\/h2>/);
    assert.match(html, /<span class="related-card__title">Ferry strike<\/span>/);
    assert.match(html, /<a href="https:\/\/council\.example\.com\/m" rel="noopener noreferrer">the minutes<\/a>/);
    assert.match(html, /<a href="\/news\/a\/">our report<\/a>/);
    assert.match(html, /<picture><img src="\/images\/derived\/ok-40\.jpg" alt="Harbour" width="40" height="30" srcset="\/images\/derived\/ok-40\.jpg 40w" sizes="[^"]+" loading="lazy" decoding="async"><\/picture>/);
    // "The vote" + "See the minutes and our report" (the card's text is not in the body)
    assert.equal(wordCount, 8);
  });

  it("keeps Note:this and 3:1 as text in the full pipeline", async () => {
    const { html, diagnostics } = await render("Note:this passed 3:1.\n");
    assert.deepEqual(diagnostics, []);
    assert.equal(html, "<p>Note:this passed 3:1.</p>\n");
  });

  it("reports diagnostics at file lines, shifting body lines by bodyLineOffset", async () => {
    const { diagnostics } = await render("Intro.\n\n::related{id=ferry-strik}\n\n::relatd{id=x}\n\n![](../images/ok.jpg)\n\n![Gone](../images/gone.jpg)\n", 7);
    assert.deepEqual(diagnostics, [
      { file: "content/articles/x.md", line: 10, column: 1, severity: "error", message: 'unknown article "ferry-strik" in ::related', hint: 'did you mean "ferry-strike"?', ruleId: "related-card/unknown-id" },
      { file: "content/articles/x.md", line: 12, column: 1, severity: "error", message: "unknown directive ::relatd", hint: 'did you mean "related"?', ruleId: "directives/unknown-directive" },
      { file: "content/articles/x.md", line: 14, column: 1, severity: "error", message: "image has no alt text", hint: "describe the picture inside the brackets: ![A ferry leaving the harbour](../images/ferry.jpg)", ruleId: "images/missing-alt" },
      { file: "content/articles/x.md", line: 16, column: 1, severity: "error", message: 'file "../images/gone.jpg" not found', hint: "check the path", ruleId: "images/image-not-found" },
    ]);
  });

  it("does not report the dropped ::related again as an unknown directive", async () => {
    const { diagnostics } = await render("::related{id=nope}\n");
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ["related-card/unknown-id"]);
  });

  it("can be reused for several documents", async () => {
    const render2 = renderer();
    const a = await render2({ body: "## Same\n", path: "a.md", bodyLineOffset: 0 });
    const b = await render2({ body: "## Same\n\nTwo words\n", path: "b.md", bodyLineOffset: 0 });
    assert.match(a.html, /id="same"/);
    assert.match(b.html, /id="same"/);
    assert.equal(a.wordCount, 1);
    assert.equal(b.wordCount, 3);
  });
});

describe("createMarkdownRenderer: ids", () => {
  it(
    "never produces two elements with the same id (heading text vs. footnote section)",
    
    async () => {
      const { html } = await render("## Footnote label\n\nClaim[^1].\n\n[^1]: Source.\n");
      const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length, ids.join(", "));
    },
  );
});
