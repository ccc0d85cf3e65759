import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { stringify } from "yaml";
import { loadContent } from "../../src/assembly/load-content.ts";
import { mayReportProblems } from "../../src/markdown/may-report-problems.ts";
import { noMedia, testRenderSettings } from "../unit/markdown/helpers.ts";
import { createMarkdownRenderer } from "../../src/markdown/pipeline.ts";

const BASIC = fileURLToPath(new URL("../fixtures/sites/basic/", import.meta.url));

/** Markdown made of the constructs editors (and attackers) use, in random order. */
const markdownPiece = fc.oneof(
  fc.string(),
  fc.constantFrom("# ", "## ", "> ", "- ", "1. ", "```\n", "| a | b |\n|---|---|\n", "[^1]", "[^1]: note\n", "::related{id=", "::related{id=tram-extension}\n", ":::", ":note[x]", "::video", "::30\n", "::é\n", "at 10:30", "![a](../images/x.jpg)", "![](y.png)", "![ref]\n\n[ref]: z.jpg\n", "{{ x }}", "{% raw %}", "<script>", "<img src=x onerror=alert(1)>", "](javascript:alert(1))", "![", "\n\n", "\r\n", "\u0000", "\uFEFF"),
);
const markdown = fc.array(markdownPiece, { maxLength: 30 }).map((pieces) => pieces.join(""));

/** Frontmatter values of every YAML shape, on the real keys and on unknown ones. */
const yamlValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()));
const frontmatter = fc.record(
  {
    title: yamlValue, dek: yamlValue, authors: fc.oneof(yamlValue, fc.constant(["ana-lima"])), date: fc.oneof(yamlValue, fc.constant("2026-11-20T10:00:00+01:00")),
    updated: yamlValue, tags: yamlValue, related: yamlValue, hero: fc.oneof(yamlValue, fc.constant({ src: "../images/tram.jpg", alt: "a", credit: "c" })),
    featured: yamlValue, draft: yamlValue, slug: yamlValue, extra: yamlValue,
  },
  { requiredKeys: [] },
);

describe("property: content never crashes the build", () => {
  test("random Markdown either renders or yields diagnostics; it never throws", async () => {
    const render = createMarkdownRenderer({
      settings: testRenderSettings({ siteOrigin: "https://site.example" }),
      resolveMedia: noMedia,
      articles: new Map([["tram-extension", { title: "T", dek: "D", url: "/news/tram-extension/" }]]),
      resolveImage: async () => ({ ok: false, problem: "not found", hint: "h", ruleId: "images/image-not-found" }),
    });
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const result = await render({ body, path: "content/articles/x.md", bodyLineOffset: 5 });
        assert.equal(typeof result.html, "string");
        const { document } = parseHTML(`<!doctype html><html><body>${result.html}</body></html>`);
        assert.equal(document.querySelector("script, iframe, object, embed, svg, style"), null);
        for (const element of document.querySelectorAll("*")) {
          for (const name of element.getAttributeNames()) {
            assert.ok(!name.startsWith("on"), `event handler ${name}`);
            if (name === "href" || name === "src") assert.doesNotMatch(element.getAttribute(name) ?? "", /^\s*(javascript|data|vbscript):/i);
          }
        }
        for (const diagnostic of result.diagnostics) assert.ok(diagnostic.line >= 6 && diagnostic.message.length > 0);
        // `npm run check` does not render bodies that cannot report a problem.
        if (!mayReportProblems(body)) assert.deepEqual(result.diagnostics, [], "mayReportProblems said this body cannot fail");
      }),
      { numRuns: 300 },
    );
  });

  test("random frontmatter and bodies load into content or into diagnostics with a file and a line; never a crash", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "newsroom-property-"));
    cpSync(path.join(BASIC, "content"), path.join(root, "content"), { recursive: true });
    const article = path.join(root, "content/articles/random.md");
    try {
      await fc.assert(
        fc.asyncProperty(frontmatter, markdown, fc.boolean(), async (data, body, asRawYaml) => {
          const yamlText = asRawYaml ? stringify(data) : Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join("\n");
          writeFileSync(article, `---\n${yamlText}\n---\n${body}`);
          const result = await loadContent({ rootDir: root });
          if (result.content) return;
          assert.ok(result.diagnostics.length > 0, "a failed load says why");
          for (const diagnostic of result.diagnostics) {
            assert.ok(diagnostic.file.startsWith("content/"), diagnostic.file);
            assert.equal(diagnostic.severity === "error" || diagnostic.severity === "warning", true);
            assert.doesNotMatch(diagnostic.message, /\n\s+at /, "no stack trace in a message");
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
