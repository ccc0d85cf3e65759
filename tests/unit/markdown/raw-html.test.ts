import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { sanitize } from "hast-util-sanitize";
import { parseHTML } from "linkedom";
import { createMarkdownRenderer } from "../../../src/markdown/pipeline.ts";
import { findRemovals, type Removal } from "../../../src/markdown/raw-html/find-removals.ts";
import type { LocalImageResult } from "../../../src/markdown/remark-local-images.ts";
import { sanitizeSchema } from "../../../src/markdown/sanitize-schema.ts";
import { testRenderSettings } from "./helpers.ts";

const ok = (written: string): LocalImageResult => ({
  ok: true,
  image: { url: `/images/derived/${written.split("/").pop()}-400.jpg`, width: 400, height: 300, sources: [{ format: "jpeg", mimeType: "image/jpeg", candidates: [{ url: `/images/derived/x-400.jpg`, width: 400, height: 300 }] }] },
});

const render = createMarkdownRenderer({
  settings: testRenderSettings({ trustedHosts: { iframes: ["www.youtube-nocookie.com"], images: ["img.trusted.example"] } }),
  articles: new Map(),
  resolveImage: async (written) => (written.includes("missing") ? { ok: false, problem: `file "${written}" not found`, hint: "check the path", ruleId: "images/image-not-found" } : ok(written)),
  resolveMedia: (written) => (written.includes("missing") ? { ok: false, problem: `file "${written}" not found`, hint: "put it in content/video/" } : { ok: true, url: `/video/${written.split("/").pop()}` }),
});

async function rendered(body: string) {
  const result = await render({ body, path: "content/articles/archive.md", bodyLineOffset: 10 });
  const { document } = parseHTML(`<!doctype html><html><body>${result.html}</body></html>`);
  const problems = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`);
  return { html: result.html, document, problems, wordCount: result.wordCount };
}

/** Each problem line begins as expected (the rest of a long message is another test's concern). */
function assertBeginnings(problems: string[], expected: string[]): void {
  assert.deepEqual(problems.map((line, index) => line.slice(0, expected[index]?.length ?? line.length)), expected);
}

const cells = (document: Document) => [...document.querySelectorAll("tr")].map((row) => [...row.children].map((cell) => `${cell.tagName.toLowerCase()}:${cell.textContent}${cell.getAttribute("colspan") ? `/c${cell.getAttribute("colspan")}` : ""}${cell.getAttribute("rowspan") ? `/r${cell.getAttribute("rowspan")}` : ""}`));

describe("raw HTML in bodies: parsed and sanitised, not dropped, #19", () => {
  it("keeps a table's caption, column groups, header and every cell with its spans, and reports only the presentation it removes", async () => {
    const { document, problems } = await rendered(
      [
        '<table border="1" cellpadding="4">',
        "<caption>Glossary</caption>",
        '<colgroup><col span="2"></colgroup>',
        '<thead><tr><th scope="col">Term</th><th>Meaning</th></tr></thead>',
        '<tbody><tr><td align="left">ATO</td><td>Authority to operate</td></tr>',
        '<tr><td rowspan="2">FISMA</td><td>Federal law</td></tr><tr><td colspan="1">of 2002</td></tr></tbody>',
        "</table>",
      ].join("\n"),
    );
    assert.equal(document.querySelector("caption")!.textContent, "Glossary");
    assert.equal(document.querySelector("col")!.getAttribute("span"), "2");
    assert.deepEqual(cells(document), [["th:Term", "th:Meaning"], ["td:ATO", "td:Authority to operate"], ["td:FISMA/r2", "td:Federal law"], ["td:of 2002/c1"]]);
    assert.ok(document.querySelector(".table-scroll > table"), "it scrolls sideways on a phone like a Markdown table");
    assert.deepEqual(problems, [
      "11:1 warning removed the border attribute of <table>: presentational attributes are obsolete; the site's styles lay the page out [html/removed-attribute]",
      "11:1 warning removed the cellpadding attribute of <table>: presentational attributes are obsolete; the site's styles lay the page out [html/removed-attribute]",
      "15:12 warning removed the align attribute of <td>: presentational attributes are obsolete; the site's styles lay the page out [html/removed-attribute]",
    ]);
  });

  it("sends local images through the image pipeline, in figures with their captions, and keeps every one", async () => {
    const body = Array.from({ length: 19 }, (_, i) => `<figure><img src="../images/shot-${i}.png" alt="Screen ${i}" width="1200"><figcaption>Step ${i}</figcaption></figure>`).join("\n\n");
    const { document, problems } = await rendered(body);
    const images = [...document.querySelectorAll("figure > picture > img")];
    assert.equal(images.length, 19);
    assert.equal(images[18]!.getAttribute("src"), "/images/derived/shot-18.png-400.jpg");
    assert.equal(images[18]!.getAttribute("alt"), "Screen 18");
    assert.equal(images[18]!.getAttribute("width"), "400", "the size is the derivative's, not the one written");
    assert.equal(document.querySelectorAll("figcaption").length, 19);
    assert.deepEqual(problems, []);
  });

  it("reports a raw image without alt text, and a missing file, at their places", async () => {
    const { problems, document } = await rendered('Text.\n\n<img src="../images/chart.png">\n\n<img src="../images/missing.png" alt="Gone">\n');
    assert.deepEqual(problems, [
      "13:1 error image has no alt text [images/missing-alt]",
      '15:1 error file "../images/missing.png" not found [images/image-not-found]',
    ]);
    assert.equal(document.querySelectorAll("img").length, 1);
  });

  it("removes script, handlers and styles, each reported once per kind with a count", async () => {
    const { html, problems } = await rendered('<script>alert(1)</script>\n\nA <b onclick="x()">b</b> <i onclick="y()">i</i> <b onclick="z()">c</b> <span style="color:red">red</span>\n\n<style>p{}</style>\n');
    assert.doesNotMatch(html, /script|onclick|style|alert/);
    assert.match(html, /<b>b<\/b> <i>i<\/i> <b>c<\/b> <span>red<\/span>/);
    assert.deepEqual(problems, [
      "11:1 warning removed <script>: scripts never run on the site [html/removed-script]",
      "13:3 warning removed the onclick attribute of <b> (2 times): scripts never run on the site [html/removed-script]",
      "13:26 warning removed the onclick attribute of <i>: scripts never run on the site [html/removed-script]",
      "13:72 warning removed the style attribute of <span>: pages use the site's own styles [html/removed-style]",
      "15:1 warning removed <style>: pages use the site's own styles [html/removed-style]",
    ]);
  });

  it("keeps the text of obsolete and unknown elements, and drops inline SVG, objects and forms with a reason", async () => {
    const { html, problems } = await rendered('<center><font color="red">Old</font> news</center>\n\n<svg><text>chart</text></svg>\n\n<object data="x.swf"></object>\n\n<form action="https://x.example"><input name="q"><button>Go</button></form>\n');
    assert.match(html, /Old news/);
    assert.doesNotMatch(html, /<svg|chart|<object|<form|<input|<button|Go/);
    assert.deepEqual(problems.map((line) => line.replace(/ \[.*$/, "")), [
      "17:34 warning removed <input>: forms in an article cannot send anything",
      "11:1 warning removed <center> (its text is kept): presentational elements are obsolete; the site's styles apply",
      "11:9 warning removed <font> (its text is kept): presentational elements are obsolete; the site's styles apply",
      "13:1 warning removed <svg>: inline SVG is not published; save it as an .svg file in content/images/ and show it as an image",
      "15:1 warning removed <object>: plugins do not run in browsers; link to the file instead",
      "17:1 warning removed <form> (its text is kept): forms in an article cannot send anything",
      "17:50 warning removed <button>: forms in an article cannot send anything",
    ]);
  });

  it("keeps details, figures, sup, sub, abbr, kbd, mark, br and hr", async () => {
    const { html, problems } = await rendered('<details><summary>Method</summary><p>We counted <mark>twice</mark>.</p></details>\n\nH<sub>2</sub>O, E=mc<sup>2</sup>, <abbr title="General Services Administration">GSA</abbr>, <kbd>Ctrl</kbd><br>\n\n<hr>\n');
    for (const fragment of ["<details><summary>Method</summary>", "<mark>twice</mark>", "<sub>2</sub>", "<sup>2</sup>", '<abbr title="General Services Administration">GSA</abbr>', "<kbd>Ctrl</kbd><br>", "<hr>"]) {
      assert.ok(html.includes(fragment), `${fragment} in ${html}`);
    }
    assert.deepEqual(problems, []);
  });

  it("embeds iframes from trusted hosts only, sandboxed, titled and lazy; others become a link", async () => {
    const { document, problems } = await rendered('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Launch video" width="560" height="315" onload="x()"></iframe>\n\n<iframe src="https://tracker.example/embed"></iframe>\n\n<iframe src="javascript:alert(1)"></iframe>\n');
    const frames = [...document.querySelectorAll("iframe")];
    assert.equal(frames.length, 1);
    assert.equal(frames[0]!.getAttribute("src"), "https://www.youtube-nocookie.com/embed/abc");
    assert.equal(frames[0]!.getAttribute("title"), "Launch video");
    assert.equal(frames[0]!.getAttribute("loading"), "lazy");
    assert.equal(frames[0]!.getAttribute("sandbox"), "allow-scripts allow-same-origin allow-popups allow-presentation");
    assert.equal(frames[0]!.getAttribute("onload"), null);
    assert.equal(document.querySelector('a[href="https://tracker.example/embed"]')!.textContent, "Embedded content from tracker.example");
    assertBeginnings(problems, [
      "13:1 warning an <iframe> from tracker.example is shown as a link",
      '15:1 error "javascript:alert(1)" is never published: a javascript',
      "11:1 warning removed the onload attribute of <iframe>: scripts never run on the site [html/removed-script]",
    ]);
  });

  it("plays local video and audio with controls, and leaves out sources from other sites", async () => {
    const { document, problems } = await rendered('<video autoplay><source src="../video/launch.mp4" type="video/mp4"><source src="https://cdn.example/launch.webm"><track src="../video/launch.vtt" kind="captions" srclang="en"></video>\n\n<audio src="https://cdn.example/a.mp3"></audio>\n');
    const video = document.querySelector("video")!;
    assert.equal(video.hasAttribute("controls"), true);
    assert.equal(video.hasAttribute("autoplay"), false);
    assert.deepEqual([...video.querySelectorAll("source")].map((source) => source.getAttribute("src")), ["/video/launch.mp4"]);
    assert.equal(video.querySelector("track")!.getAttribute("src"), "/video/launch.vtt");
    assert.equal(document.querySelector("audio"), null, "an audio element with nothing to play is not written");
    assertBeginnings(problems, [
      "11:1 warning removed the autoplay attribute of <video>",
      "11:68 warning the media source https://cdn.example/launch.webm",
      "13:1 warning the media source https://cdn.example/a.mp3 is ",
    ]);
  });

  it("shows images from trusted hosts with their size, and refuses the rest", async () => {
    const { document, problems } = await rendered('<img src="https://img.trusted.example/c.png" alt="Chart" width="600" height="400">\n\n<img src="https://img.trusted.example/d.png" alt="No size">\n\n<img src="https://pixel.example/t.gif" width="1" height="1">\n\n<img alt="No source">\n');
    const images = [...document.querySelectorAll("img")];
    assert.deepEqual(images.map((img) => [img.getAttribute("src"), img.getAttribute("width"), img.getAttribute("loading"), img.getAttribute("referrerpolicy")]), [["https://img.trusted.example/c.png", "600", "lazy", "no-referrer"]]);
    assertBeginnings(problems, [
      "13:1 error the image https://img.trusted.exam",
      "15:1 error the image https://pixel.example/t.",
      "17:1 warning an <img> without a usable src ",
    ]);
  });

  it("links keep their text when their URL is dangerous, and old anchors become ids links still reach", async () => {
    const { html, problems } = await rendered('<a name="glossary"></a>Terms. <a href="#glossary">Back to the glossary</a> <a href="vbscript:msgbox(1)">old</a> <a href="https://other.example/" target="_blank">out</a>\n');
    assert.match(html, /<a id="user-content-glossary"><\/a>/);
    assert.match(html, /<a href="#user-content-glossary">Back to the glossary<\/a>/);
    assert.match(html, / old <a href="https:\/\/other\.example\/" rel="noopener noreferrer">out<\/a>/);
    assertBeginnings(problems, [
      '11:76 error "vbscript:msgbox(1)" is never published: a vb',
      "11:113 warning removed the target attribute of <a>: links o",
    ]);
  });

  it("shifts headings so that a body's sub-heads start at h2 and skip no level, #19", async () => {
    const { html } = await rendered("### Background\n\n##### Detail\n\n<h4>Raw</h4>\n\n### Next\n");
    assert.deepEqual([...html.matchAll(/<(h\d)[^>]*>([^<]+)</g)].map((match) => `${match[1]} ${match[2]}`), ["h2 Background", "h3 Detail", "h3 Raw", "h2 Next"], "levels follow what the editor wrote (### > ##### then <h4>)");
  });

  it("keeps Markdown inside raw blocks, and never reports what our own plugins made", async () => {
    const { html, problems } = await rendered('<div class="note">\n\n**Bold** and [a link](https://other.example/) and ![Chart](../images/chart.png)\n\n</div>\n');
    assert.match(html, /<div>\n<p><strong>Bold<\/strong> and <a href="https:\/\/other\.example\/" rel="noopener noreferrer">a link<\/a> and <picture>/);
    assert.deepEqual(problems, ["11:1 warning removed the class attribute of <div>: class names are the site's own [html/removed-attribute]"]);
  });

  it("counts the words of raw HTML for the reading time", async () => {
    const { wordCount } = await rendered("<p>One two three</p>\n\nFour five.\n");
    assert.equal(wordCount, 5);
  });
});

describe("findRemovals", () => {
  /** The tree with every reported removal applied by hand: what sanitize must give if nothing was removed without a word. */
  const withRemovals = (tree: Root, removals: Removal[]): Root => {
    const clone = structuredClone(tree);
    const originals: Nodes[] = [];
    const walk = (node: Nodes) => {
      originals.push(node);
      if ("children" in node) node.children.forEach(walk);
    };
    walk(tree);
    const copies: Nodes[] = [];
    const walkCopy = (node: Nodes) => {
      copies.push(node);
      if ("children" in node) node.children.forEach(walkCopy);
    };
    walkCopy(clone);
    const byPosition = (removal: Removal) => copies[originals.findIndex((node) => node.position === removal.position && node.type === "element" && (node as Element).tagName === removal.tagName)] as Element;
    for (const removal of removals) {
      if (removal.kind !== "attribute") continue;
      const { properties } = byPosition(removal);
      const value = properties[removal.attribute];
      if (removal.values && Array.isArray(value)) properties[removal.attribute] = value.filter((item) => !removal.values!.includes(item));
      else delete properties[removal.attribute];
    }
    const unwrap = (node: Root | Element) => {
      node.children = node.children.flatMap((child) => {
        if (child.type === "comment" || child.type === "doctype") return [];
        if (child.type !== "element") return [child];
        const removal = removals.find((entry) => entry.kind === "element" && entry.position === originals[copies.indexOf(child)]!.position && entry.tagName === child.tagName);
        if (removal?.kind === "element" && removal.withContent) return [];
        unwrap(child);
        return removal ? child.children : [child];
      });
    };
    unwrap(clone);
    return clone;
  };
  const stripPositions = (node: unknown): unknown => JSON.parse(JSON.stringify(node, (key, value) => (key === "position" ? undefined : value)));
  const fragment = fc.oneof(
    fc.constantFrom(
      "<script>x</script>", "<b onclick=x>b</b>", '<span style="color:red">s</span>', "<font>f</font>", "<center>c</center>", '<table align=left><tr><td valign=top colspan=2>t</td></tr></table>',
      "<td>orphan</td>", "<tr><td>row</td></tr>", "<svg><circle/></svg>", "<object></object>", "<form><input><button>b</button></form>", '<a href="https://x.example" class="c" target=_blank>a</a>',
      "<figure><figcaption>f</figcaption></figure>", "<figcaption>alone</figcaption>", '<img src="https://x.example/i.png" alt=a width=1 height=1 border=0>', "<details><summary>s</summary>d</details>",
      "<summary>alone</summary>", "<math><mi>x</mi></math>", "<marquee>m</marquee>", "<p>text</p>", "<!-- comment -->", "<style>p{}</style>", '<div data-x="1" role="button" id="d">d</div>',
      '<source src="x.mp4">', '<video controls src="a.mp4"><track kind="x"></video>', '<iframe src="https://x.example"></iframe>', "<h1>h</h1>", '<ol start="3" type="a"><li value="2">l</li></ol>',
    ),
    fc.string({ maxLength: 8 }),
  );
  it("reports exactly what hast-util-sanitize removes, for any mix of elements", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), (parts) => {
        const tree = fromHtml(parts.join(""), { fragment: true });
        const removals = findRemovals(tree, sanitizeSchema);
        assert.deepEqual(stripPositions(withRemovals(tree, removals)), stripPositions(sanitize(tree, { ...sanitizeSchema, required: {} })));
      }),
      { numRuns: 400 },
    );
  });
});

describe("findRemovals, a class list that loses every name", () => {
  it("reports the whole attribute, as sanitize drops it (fast-check found `<P.<script>`: a p with class \"<script\")", () => {
    const tree = fromHtml("<P.<script>x</script>", { fragment: true });
    const removals = findRemovals(tree, sanitizeSchema);
    assert.deepEqual(removals.map(({ position: _position, ...removal }) => removal), [{ kind: "attribute", tagName: "p", attribute: "className" }]);
  });
});
