import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Element, Nodes, Root } from "xast";
import { fromXml } from "xast-util-from-xml";
import { sanitizeSvg, type SanitizedSvg } from "../../../src/images/svg-sanitizer.ts";

const IMAGES = fileURLToPath(new URL("../../fixtures/sites/images-formats/content/images/", import.meta.url));
const fixture = (name: string) => readFileSync(`${IMAGES}${name}`, "utf8");

function sanitized(text: string): SanitizedSvg {
  const result = sanitizeSvg(text);
  assert.ok(result.ok, result.ok ? "" : result.problem);
  return result;
}

const svg = (body: string, attributes = 'width="100" height="50"') => `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`;

/** Elements (name and attributes) and text, without whitespace between elements: what a picture is drawn from. */
function drawing(node: Nodes): unknown {
  if (node.type === "root") return node.children.map(drawing).filter((item) => item !== undefined);
  if (node.type === "text") return node.value.trim() === "" ? undefined : node.value;
  if (node.type !== "element") return undefined;
  const { xmlns: _xmlns, "xmlns:xlink": _xlink, ...attributes } = (node as Element).attributes;
  return { name: node.name, attributes, children: node.children.map(drawing).filter((item) => item !== undefined) };
}

describe("sanitizeSvg: a hostile SVG", () => {
  const result = sanitized(fixture("hostile.svg"));

  it("comes out without scripts, handlers, foreignObject, script links, other files or stylesheet imports", () => {
    const out = result.svg;
    assert.doesNotMatch(out, /<script/i, "script elements");
    assert.doesNotMatch(out, /\son\w+=/i, "event handler attributes");
    assert.doesNotMatch(out, /foreignObject|<div|<iframe|xhtml/i, "HTML inside the picture");
    assert.doesNotMatch(out, /javascript:/i, "javascript: links");
    assert.doesNotMatch(out, /evil\.example/, "references to another origin (href, xlink:href, use, image, url(), @import)");
    assert.doesNotMatch(out, /@import|xml-stylesheet/, "stylesheet imports");
    assert.doesNotMatch(out, /<set\b/, "an animation that sets a link");
  });

  it("keeps what draws the picture: its shapes, its text and its local style", () => {
    const tree = fromXml(result.svg);
    const root = tree.children.find((node): node is Element => node.type === "element")!;
    assert.deepEqual([root.name, root.attributes.xmlns, root.attributes.viewBox], ["svg", "http://www.w3.org/2000/svg", "0 0 400 200"]);
    assert.match(result.svg, /<rect class="bar" x="10" y="40" width="80" height="150" \/>/);
    assert.match(result.svg, /<text x="10" y="30">Votes by ward<\/text>/, "the text of a removed javascript: link stays");
    assert.match(result.svg, /\.bar \{ fill: #0f4c5c; background: none; \}/);
    assert.match(result.svg, /style="fill: none; stroke: #000"/);
  });

  it("says what it removed, each once with a count", () => {
    assert.deepEqual(result.removed, [
      "stylesheet from another file",
      "onload handler",
      "<script> (2)",
      "@import of another stylesheet",
      "reference to http://evil.example/track.png",
      "onclick handler",
      "javascript: link",
      "reference to https://evil.example/phish",
      "reference to https://evil.example/sprites.svg#icon",
      "reference to //evil.example/other.svg#shape",
      "reference to https://evil.example/pixel.png",
      "<foreignObject> (HTML inside the picture)",
      "animation of href",
      "reference to https://evil.example/paint.svg#p",
      "reference to http://evil.example/x.svg#g",
    ]);
  });
});

describe("sanitizeSvg: a clean chart", () => {
  const text = fixture("turnout-chart.svg");
  const result = sanitized(text);

  it("is kept intact: every element, attribute and text of the drawing", () => {
    assert.deepEqual(drawing(fromXml(result.svg) as Root), drawing(fromXml(text) as Root));
    assert.deepEqual(result.removed, []);
  });

  it("measures it from its width and height", () => {
    assert.deepEqual([result.width, result.height], [640, 360]);
  });
});

describe("sanitizeSvg: files as drawing programs write them", () => {
  it("reads an Illustrator file whose namespaces are doctype entities, and drops its editor data without a word", () => {
    const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 16.0.0 -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
	<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" xmlns:i="&ns_ai;" width="200px" height="100px" viewBox="0 0 200 100" xml:space="preserve">
<metadata><i:pgf>eJzs...</i:pgf></metadata>
<g i:extraneous="self"><rect x="10" y="10" width="50" height="50" fill="#FF0000"/></g>
</svg>`;
    const result = sanitized(illustrator);
    assert.deepEqual([result.width, result.height, result.removed], [200, 100, []]);
    assert.match(result.svg, /<g><rect x="10" y="10" width="50" height="50" fill="#FF0000" \/><\/g>/);
    assert.doesNotMatch(result.svg, /metadata|pgf|i:extraneous|DOCTYPE|ENTITY/);
  });

  it("reads prefixed SVG elements and Inkscape's attributes", () => {
    const result = sanitized(
      '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10" width="10" height="10"><svg:circle cx="5" cy="5" r="4" inkscape:label="dot"/></svg:svg>',
    );
    assert.match(result.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 10 10" width="10" height="10"><circle cx="5" cy="5" r="4" \/><\/svg>/);
    assert.deepEqual(result.removed, []);
  });

  it("keeps links inside the file and embedded raster images, and declares xlink when it is used", () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    const result = sanitized(svg(`<defs><path id="p" d="M0 0h5"/></defs><use xlink:href="#p"/><textPath href="#p">t</textPath><image href="${png}" width="5" height="5"/>`));
    assert.match(result.svg, /xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/);
    assert.match(result.svg, /<use xlink:href="#p" \/>/);
    assert.match(result.svg, /<textPath href="#p">t<\/textPath>/);
    assert.ok(result.svg.includes(`<image width="5" height="5" href="${png}" />`), result.svg);
  });

  it("refuses an embedded SVG (it could hold anything) and script URLs hidden with control characters", () => {
    const result = sanitized(svg('<image href="data:image/svg+xml;base64,PHN2Zz4=" width="5" height="5"/><a href="java&#9;script:alert(1)"><text>x</text></a><rect fill="&#10;javascript:x" width="1" height="1"/>'));
    assert.doesNotMatch(result.svg, /<image|script|data:image\/svg/i);
    assert.deepEqual(result.removed, ["embedded data other than an image or font", "javascript: link (2)"]);
  });

  it("keeps the href inside the file of an element that has two, and says the other went", () => {
    const result = sanitized(svg('<defs><path id="p" d="M0 0h5"/></defs><use href="#p" xlink:href="https://x.example/s.svg#p"/>'));
    assert.match(result.svg, /<use href="#p" \/>/);
    assert.deepEqual(result.removed, ["reference to https://x.example/s.svg#p"]);
  });

  it("keeps a link's content as a group with its styles and transform, saying which link went", () => {
    const result = sanitized(svg('<a href="https://ward.example/results" target="_blank" transform="translate(5 5)" fill="red"><rect width="2" height="2"/></a><a href="#legend"><text>Key</text></a>'));
    assert.match(result.svg, /<g transform="translate\(5 5\)" fill="red"><rect width="2" height="2" \/><\/g><g><text>Key<\/text><\/g>/);
    assert.deepEqual(result.removed, ["reference to https://ward.example/results"]);
  });

  it("drops a style whose backslash escapes could spell a URL", () => {
    const result = sanitized(svg('<style>.a { background: \\75 rl(https://x.example/a.png) }</style><rect class="a" width="1" height="1"/>'));
    assert.match(result.svg, /<style \/>/);
    assert.deepEqual(result.removed, ["style with backslash escapes"]);
  });
});

describe("sanitizeSvg: files that cannot be published", () => {
  it("refuses a file that is not well-formed XML, with the parser's line and column", () => {
    const result = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<rect>\n</svg>');
    assert.deepEqual(result, {
      ok: false,
      problem: "is not well-formed SVG (Missing end tag for element rect (line 3, column 1))",
      hint: "open it in a drawing program and export it again as SVG",
    });
  });

  it("refuses an SVG with neither a size nor a viewBox, and a file that is not SVG", () => {
    assert.deepEqual(sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'), { ok: false, problem: "has no size", hint: 'give its <svg> element a viewBox, like viewBox="0 0 640 400"' });
    const html = sanitizeSvg("<html><body>Not a picture</body></html>");
    assert.equal(html.ok ? "" : html.problem, "is not an SVG picture (it starts with <html>)");
  });
});
