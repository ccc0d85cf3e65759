import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import fc from "fast-check";
import matter from "gray-matter";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { createMarkdownRenderer, parseAsNeeded as parseTree } from "../../src/markdown/pipeline.ts";
import { ALL_SYNTAX_KEY, remarkSyntaxExtensions, syntaxKeyOf } from "../../src/markdown/syntax-extensions.ts";
import { noMedia, testRenderSettings } from "../unit/markdown/helpers.ts";

/** What remark-gfm and remark-directive parse, all syntax switched on for every body. */
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
/** As the renderer parses: the body's syntax, autolink literals only where the tree shows they could matter. */
const parseAsNeeded = (body: string) => parseTree(syntaxKeyOf(body), new VFile(body), (key) => unified().use(remarkParse).use(remarkSyntaxExtensions, key));
const parseAll = (body: string) => unified().use(remarkParse).use(remarkSyntaxExtensions, ALL_SYNTAX_KEY).parse(body);
const sameTree = (body: string) => assert.deepEqual(parseAsNeeded(body), reference.parse(body), JSON.stringify(body));

const rendererOptions = {
  settings: testRenderSettings({ siteOrigin: "https://site.example" }),
  resolveMedia: noMedia,
  articles: new Map([["tram-extension", { title: "T", dek: "D", url: "/news/tram-extension/" }]]),
  resolveImage: async () => ({ ok: false as const, problem: "not found", hint: "h", ruleId: "images/image-not-found" as const }),
};
const renderAsNeeded = createMarkdownRenderer(rendererOptions);
const renderAll = createMarkdownRenderer(rendererOptions, { allSyntax: true });

/** Text near every syntax's trigger, in and out of the forms that make it real. */
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom("|", "-", ":", " ", "a", "\n", "~", "[", "]", "^", "x", "@", ".", "/", "w", "h", "t", "p", "s", "*", "_", "`", "\\", "<", ">", "!", "(", ")") }),
  fc.constantFrom(
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "a | b\n--|--\n", "| x |\n|:-:|\n", "a\n---\n", "a\n:-\n", "b\n -: \n", "- [ ] todo\n", "* [x] done\n", "1. [X] ok\n", "- [\t] tab\n",
    "[^1]", "[^note]: text\n", "~~gone~~", "~one~", "www.example.org", "WWW.Example.org/path", "https://a.example/b?c=d.", "HTTP://x.y", "ftp://no",
    "mail@example.org", "mailto:a@b.co", "xmpp:a@b.co/r", "a.b@c", "::related{#x}\n", ":::note\nx\n:::\n", ":name[label]{a=b}", "10:30", ":é", "::related{id=tram-extension}\n", "::relatd{id=x}\n", "![a](x.jpg)", "\n\n", "> ", "```\n", "    code\n",
  ),
);
const markdown = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(""));

describe("syntax switched on per body", () => {
  test("a body without a syntax's trigger is parsed without it", () => {
    assert.equal(syntaxKeyOf("The council met at noon. It said: nothing."), "");
    assert.equal(syntaxKeyOf("See [the report](https://council.example/report)."), "autolink-literal:without-email");
    assert.equal(syntaxKeyOf("Write to desk@herald.example."), "autolink-literal:with-email");
    assert.equal(syntaxKeyOf("| a |\n|---|"), "table:on");
    assert.equal(syntaxKeyOf("a\n:-"), "table:on", "a one-column table needs no pipe when its delimiter has a colon");
    assert.equal(syntaxKeyOf("a\n-:"), "table:on");
    assert.equal(syntaxKeyOf("a[^1]\n\n[^1]: b"), "footnote:on");
    assert.equal(syntaxKeyOf("~~old~~"), "strikethrough:on");
    assert.equal(syntaxKeyOf("- [ ] x"), "task-list-item:on");
    assert.equal(syntaxKeyOf("::related{#x}"), "directive:on");
    assert.equal(syntaxKeyOf("at 10:30"), "directive:on", "a name may start with a digit: 10:30 holds the directive :30");
  });

  test("random Markdown parses to the same tree as with remark-gfm and remark-directive", () => {
    fc.assert(fc.property(markdown, (body) => sameTree(body)), { numRuns: 2000 });
  });

  test("all syntax on is what remark-gfm and remark-directive parse", () => {
    fc.assert(fc.property(markdown, (body) => assert.deepEqual(parseAll(body), reference.parse(body))), { numRuns: 500 });
  });

  test("random Markdown renders the same HTML, word count, problems and dependencies as with all syntax on", async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const source = { body, path: "content/articles/x.md", bodyLineOffset: 5 };
        assert.deepEqual(await renderAsNeeded(source), await renderAll(source), JSON.stringify(body));
      }),
      { numRuns: 1000 },
    );
  });

  test("every article and page of the sample site parses to the same tree", () => {
    for (const folder of ["content/articles", "content/authors", "tests/fixtures/sites/basic/content/articles"]) {
      const url = new URL(`../../${folder}/`, import.meta.url);
      for (const name of readdirSync(url).filter((file) => file.endsWith(".md"))) sameTree(matter(readFileSync(new URL(name, url), "utf8"), {}).content);
    }
  });
});
