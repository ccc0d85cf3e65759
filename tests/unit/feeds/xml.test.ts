import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { absolutizeHtml } from "../../../src/feeds/absolute-urls.ts";
import { escapeHtmlText, escapeMarkupOpeners } from "../../../src/feeds/html-text.ts";
import { attributeList, cdata, element, escapeXml } from "../../../src/feeds/xml.ts";

describe("xml helpers", () => {
  it("escape the five XML special characters", () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    assert.equal(element("title", "A & B", { type: "t<" }), '<title type="t&lt;">A &amp; B</title>');
    assert.equal(element("title", undefined), "");
  });

  it("leave out the characters XML cannot carry, and keep carriage returns, tabs and line feeds as references where parsers would change them", () => {
    assert.equal(escapeXml("a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\uDC00g😀h"), "abcdefg😀h");
    assert.equal(escapeXml("line\r\nnext\ttab"), "line&#13;\nnext\ttab");
    assert.equal(attributeList({ label: "a\tb\nc\rd" }), ' label="a&#9;b&#10;c&#13;d"');
    assert.equal(cdata("x\u0001y"), "<![CDATA[xy]]>");
  });

  it("keep a CDATA section closed only at its end, whatever the text holds", () => {
    const section = cdata("before ]]> after");
    assert.equal(section, "<![CDATA[before ]]]]><![CDATA[> after]]>");
    assert.equal(section.replace(/<!\[CDATA\[|\]\]>/g, ""), "before ]]> after");
  });
});

describe("HTML text helpers", () => {
  it("escape text as HTML: every ampersand and angle bracket", () => {
    assert.equal(escapeHtmlText(`Fish & chips <b>"x"</b> 3 > 2`), `Fish &amp; chips &lt;b&gt;"x"&lt;/b&gt; 3 &gt; 2`);
  });

  it("escape only what HTML would read as markup: a tag, comment or declaration opening, or a character reference", () => {
    assert.equal(escapeMarkupOpeners("Fish & chips: 3 < 5 > 2, Q&A with AT&T's M&S boss, &1"), "Fish & chips: 3 < 5 > 2, Q&A with AT&T's M&S boss, &1");
    assert.equal(escapeMarkupOpeners("<b>bold</b> <!-- c --> <?x AT&amp;T &#60; &copy &x; M&Ms"), "&lt;b>bold&lt;/b> &lt;!-- c --> &lt;?x AT&amp;amp;T &amp;#60; &amp;copy &amp;x; M&amp;Ms");
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
