import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { VFile } from "vfile";
import { remarkLocalImages, type LocalImageResult } from "../../../src/markdown/remark-local-images.ts";
import { processWith } from "./helpers.ts";

function resolver(results: Record<string, LocalImageResult>) {
  const calls: { written: string; path: string | undefined }[] = [];
  const resolveImage = async (written: string, file: VFile): Promise<LocalImageResult> => {
    calls.push({ written, path: file.path });
    return results[written] ?? { ok: false, problem: `file "${written}" not found`, hint: `looked for content/${written}` };
  };
  return { resolveImage, calls };
}

describe("remarkLocalImages", () => {
  it("rewrites a local image to its published URL with size, lazy loading and async decoding", async () => {
    const { resolveImage, calls } = resolver({ "../images/ferry.jpg": { ok: true, url: "/images/ferry.jpg", width: 640, height: 480 } });
    const { html, messages } = await processWith("![A ferry](../images/ferry.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(messages.length, 0);
    assert.deepEqual(calls, [{ written: "../images/ferry.jpg", path: "content/articles/x.md" }]);
    assert.equal(html, '<p><img src="/images/ferry.jpg" alt="A ferry" width="640" height="480" loading="lazy" decoding="async"></p>\n');
  });

  it("keeps an image title", async () => {
    const { resolveImage } = resolver({ "a.jpg": { ok: true, url: "/images/a.jpg", width: 1, height: 1 } });
    const { html } = await processWith('![A](a.jpg "The title")\n', [[remarkLocalImages, { resolveImage }]]);
    assert.match(html, /title="The title"/);
  });

  it("reports an image without alt text as fatal, with a hint showing how to write one", async () => {
    const { resolveImage } = resolver({ "../images/a.jpg": { ok: true, url: "/images/a.jpg", width: 1, height: 1 } });
    const { messages } = await processWith("Text.\n\n![](../images/a.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.reason, "image has no alt text");
    assert.equal(messages[0]?.fatal, true);
    assert.equal(messages[0]?.ruleId, "missing-alt");
    assert.equal(messages[0]?.line, 3);
    assert.match(messages[0]?.note ?? "", /describe the picture inside the brackets/);
  });

  it("treats whitespace-only alt text as missing", async () => {
    const { resolveImage } = resolver({ "a.jpg": { ok: true, url: "/images/a.jpg", width: 1, height: 1 } });
    const { messages } = await processWith("![   ](a.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.deepEqual(messages.map((m) => m.ruleId), ["missing-alt"]);
  });

  it("reports a resolver failure as fatal with the resolver's problem and hint, at the image", async () => {
    const { resolveImage } = resolver({});
    const { html, messages } = await processWith("One.\n\nTwo ![Gone](../images/gone.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(messages.length, 1);
    const [message] = messages;
    assert.equal(message?.reason, 'file "../images/gone.jpg" not found');
    assert.equal(message?.note, "looked for content/../images/gone.jpg");
    assert.equal(message?.fatal, true);
    assert.equal(message?.ruleId, "image-not-found");
    assert.equal(message?.source, "images");
    assert.equal(message?.line, 3);
    assert.equal(message?.column, 5);
    assert.doesNotMatch(html, /width=/);
  });

  it("leaves absolute http(s) and protocol-relative images untouched and does not resolve them", async () => {
    const { resolveImage, calls } = resolver({});
    const { html, messages } = await processWith(
      "![Remote](https://cdn.example.com/a.jpg) ![Other](//cdn.example.com/b.jpg)\n",
      [[remarkLocalImages, { resolveImage }]],
    );
    assert.equal(calls.length, 0);
    assert.equal(messages.length, 0);
    assert.match(html, /<img src="https:\/\/cdn\.example\.com\/a\.jpg" alt="Remote">/);
    assert.doesNotMatch(html, /loading=/);
  });

  it("resolves every local image of the document", async () => {
    const { resolveImage, calls } = resolver({
      "a.jpg": { ok: true, url: "/images/a.jpg", width: 1, height: 2 },
      "b.jpg": { ok: true, url: "/images/b.jpg", width: 3, height: 4 },
    });
    const { html } = await processWith("![A](a.jpg)\n\n![B](b.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(calls.length, 2);
    assert.match(html, /src="\/images\/a\.jpg" alt="A" width="1" height="2"/);
    assert.match(html, /src="\/images\/b\.jpg" alt="B" width="3" height="4"/);
  });
});
