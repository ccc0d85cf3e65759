import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyUrl, isTrustedHost } from "../../../src/markdown/url-policy.ts";
import { remarkLinkPolicy } from "../../../src/markdown/remark-link-policy.ts";
import { processWith } from "./helpers.ts";

const ORIGIN = "https://herald.example.org";
const run = async (markdown: string, trustedImageHosts: string[] = []) => {
  const { html, file, messages } = await processWith(markdown, [[remarkLinkPolicy, { siteOrigin: ORIGIN, trustedImageHosts }]]);
  return { html, siteLinks: file.data.siteLinks ?? [], problems: messages.map((m) => [`${m.source}/${m.ruleId}`, m.fatal ? "error" : "warning", m.line, m.column]) };
};

describe("classifyUrl", () => {
  it("reads a URL as a browser does: tabs and newlines inside and controls at the ends do not hide a scheme", () => {
    for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "jav\tascript:alert(1)", "java\nscript:x", "\u0001javascript:x", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"]) {
      assert.equal(classifyUrl(url, ORIGIN).kind, "dangerous", JSON.stringify(url));
    }
  });

  it("upgrades protocol-relative addresses, including the backslash forms browsers accept, to https", () => {
    assert.deepEqual(classifyUrl("//other.example/x", ORIGIN), { kind: "web", href: "https://other.example/x", host: "other.example", isSameSite: false });
    assert.equal((classifyUrl("/\\other.example/x", ORIGIN) as { href: string }).href, "https://other.example/x");
  });

  it("tells the site's own pages, fragments, contacts, data images and other schemes apart", () => {
    assert.equal((classifyUrl("https://herald.example.org/news/x/", ORIGIN) as { isSameSite: boolean }).isSameSite, true);
    assert.equal(classifyUrl("/news/x/", ORIGIN).kind, "relative");
    assert.equal(classifyUrl("#notes", ORIGIN).kind, "fragment");
    assert.equal(classifyUrl("mailto:desk@herald.example.org", ORIGIN).kind, "contact");
    assert.equal(classifyUrl("data:image/png;base64,iVBOR", ORIGIN).kind, "data-image");
    assert.equal(classifyUrl("data:image/svg+xml;base64,PHN2Zz4=", ORIGIN).kind, "dangerous");
    assert.deepEqual(classifyUrl("ftp://files.example/x", ORIGIN), { kind: "unsupported", scheme: "ftp" });
  });

  it("trusts a host by its exact name, and subdomains only through a leading dot", () => {
    assert.equal(isTrustedHost("www.youtube-nocookie.com", ["www.youtube-nocookie.com"]), true);
    assert.equal(isTrustedHost("evil-youtube-nocookie.com", ["youtube-nocookie.com"]), false);
    assert.equal(isTrustedHost("maps.example.org", [".example.org"]), true);
    assert.equal(isTrustedHost("example.org", [".example.org"]), true);
    assert.equal(isTrustedHost("example.org.evil.test", [".example.org"]), false);
  });
});

describe("remarkLinkPolicy", () => {
  it("adds rel to links that leave the site, and makes protocol-relative links https", async () => {
    const { html } = await run("[a](https://other.example/x) [b](//cdn.example/y) [c](https://herald.example.org/news/z/) [d][ref]\n\n[ref]: //ref.example/\n");
    assert.match(html, /<a href="https:\/\/other\.example\/x" rel="noopener noreferrer">a<\/a>/);
    assert.match(html, /<a href="https:\/\/cdn\.example\/y" rel="noopener noreferrer">b<\/a>/);
    assert.match(html, /<a href="https:\/\/herald\.example\.org\/news\/z\/">c<\/a>/);
    assert.match(html, /<a href="https:\/\/ref\.example\/" rel="noopener noreferrer">d<\/a>/);
  });

  it("reports a script URL in a link as an error at its place, and keeps only the link's text, #19", async () => {
    const { html, problems } = await run("Intro.\n\nSee [the report](javascript:alert(1)) and [b](jav&#x09;ascript:alert(2)).\n");
    assert.equal(html, "<p>Intro.</p>\n<p>See the report and b.</p>\n");
    assert.deepEqual(problems, [["links/dangerous-url", "error", 3, 5], ["links/dangerous-url", "error", 3, 43]]);
  });

  it("reports a script URL in a reference definition once, at the definition", async () => {
    const { html, problems } = await run("[one][evil] and [two][evil]\n\n[evil]: javascript:alert('x')\n");
    assert.equal(html, "<p>one and two</p>\n");
    assert.deepEqual(problems, [["links/dangerous-url", "error", 3, 1]]);
  });

  it("keeps the text of a link of another scheme, with a warning", async () => {
    const { html, problems } = await run("[files](ftp://files.example/report.pdf)\n");
    assert.equal(html, "<p>files</p>\n");
    assert.deepEqual(problems, [["links/unsupported-scheme", "warning", 1, 1]]);
  });

  it("never writes an image without a usable source: script URLs and other sites' images are errors, #19", async () => {
    const { html, problems } = await run("A ![x](javascript:alert(1)) B ![pixel](https://other.example/t.gif) C ![chart](https://img.trusted.example/c.png) D ![e](data:image/png;base64,iVBOR)\n", ["img.trusted.example"]);
    assert.equal(html, "<p>A  B  C  D </p>\n");
    assert.deepEqual(problems, [
      ["links/dangerous-url", "error", 1, 3],
      ["images/remote", "error", 1, 31],
      ["images/remote-needs-size", "error", 1, 71],
      ["images/inline-data", "warning", 1, 117],
    ]);
  });

  it("notes the body's links to the site's own pages with their places, for the link check", async () => {
    const { siteLinks } = await run("[a](/news/x/) [b](https://herald.example.org/tags/y/?page=2#top) [c](https://other.example/z/) [d](#here)\n");
    assert.deepEqual(siteLinks, [
      { path: "/news/x/", written: "/news/x/", line: 1, column: 1 },
      { path: "/tags/y/", written: "https://herald.example.org/tags/y/?page=2#top", line: 1, column: 15 },
    ]);
  });
});
