import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { absolutizeHtml } from "../../../src/feeds/absolute-urls.ts";
import { cdata, element, escapeXml } from "../../../src/feeds/xml.ts";

describe("xml helpers", () => {
  it("escape the five XML special characters", () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    assert.equal(element("title", "A & B", { type: "t<" }), '<title type="t&lt;">A &amp; B</title>');
    assert.equal(element("title", undefined), "");
  });

  it("keep a CDATA section closed only at its end, whatever the text holds", () => {
    const section = cdata("before ]]> after");
    assert.equal(section, "<![CDATA[before ]]]]><![CDATA[> after]]>");
    assert.equal(section.replace(/<!\[CDATA\[|\]\]>/g, ""), "before ]]> after");
  });
});

describe("absolutizeHtml", () => {
  it("makes root-relative href, src and every srcset candidate absolute, and leaves other URLs alone", () => {
    const html = '<a href="/news/x/">x</a><a href="https://other.example/">o</a><a href="#fn-1">1</a><img src="/images/a.jpg" srcset="/images/a-400.webp 400w, /images/a-800.webp 800w"><a href="//cdn.example/x">c</a>';
    assert.equal(
      absolutizeHtml(html, "https://site.example"),
      '<a href="https://site.example/news/x/">x</a><a href="https://other.example/">o</a><a href="#fn-1">1</a><img src="https://site.example/images/a.jpg" srcset="https://site.example/images/a-400.webp 400w, https://site.example/images/a-800.webp 800w"><a href="//cdn.example/x">c</a>',
    );
  });
});
