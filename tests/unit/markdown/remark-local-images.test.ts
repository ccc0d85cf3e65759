import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { VFile } from "vfile";
import { BODY_IMAGE_SIZES, remarkLocalImages, type LocalImageContext, type LocalImageRendition, type LocalImageResult } from "../../../src/markdown/remark-local-images.ts";
import { processWith } from "./helpers.ts";

/** A rendition with AVIF, WebP and JPEG at 320 and 640 px (or just the given width). */
function rendition(name: string, width: number, height: number, widths: number[] = [width]): LocalImageRendition {
  const candidates = (ext: string) => widths.map((w) => ({ url: `/images/derived/${name}-${w}.${ext}`, width: w, height: Math.round((w * height) / width) }));
  return {
    url: `/images/derived/${name}-${widths[0]}.jpg`,
    width,
    height,
    sources: [
      { format: "avif", mimeType: "image/avif", candidates: candidates("avif") },
      { format: "webp", mimeType: "image/webp", candidates: candidates("webp") },
      { format: "jpeg", mimeType: "image/jpeg", candidates: candidates("jpg") },
    ],
  };
}

function resolver(results: Record<string, LocalImageResult>) {
  const calls: { written: string; path: string | undefined; context: LocalImageContext }[] = [];
  const resolveImage = async (written: string, file: VFile, context: LocalImageContext): Promise<LocalImageResult> => {
    calls.push({ written, path: file.path, context });
    return results[written] ?? { ok: false, problem: `file "${written}" not found`, hint: `looked for content/${written}`, ruleId: "images/image-not-found" };
  };
  return { resolveImage, calls };
}

describe("remarkLocalImages", () => {
  it("turns a local image into a picture: AVIF and WebP sources, a JPEG img with srcset, sizes, intrinsic size, lazy and async", async () => {
    const { resolveImage, calls } = resolver({ "../images/ferry.jpg": { ok: true, image: rendition("ferry", 640, 480, [320, 640]) } });
    const { html, messages } = await processWith("![A ferry](../images/ferry.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(messages.length, 0);
    assert.deepEqual(calls.map((call) => [call.written, call.path, call.context.alt, call.context.position?.start.line]), [["../images/ferry.jpg", "content/articles/x.md", "A ferry", 1]]);
    const sizes = BODY_IMAGE_SIZES;
    assert.equal(
      html,
      "<p><picture>" +
        `<source type="image/avif" srcset="/images/derived/ferry-320.avif 320w, /images/derived/ferry-640.avif 640w" sizes="${sizes}">` +
        `<source type="image/webp" srcset="/images/derived/ferry-320.webp 320w, /images/derived/ferry-640.webp 640w" sizes="${sizes}">` +
        `<img src="/images/derived/ferry-320.jpg" alt="A ferry" width="640" height="480" srcset="/images/derived/ferry-320.jpg 320w, /images/derived/ferry-640.jpg 640w" sizes="${sizes}" loading="lazy" decoding="async">` +
        "</picture></p>\n",
    );
  });

  it("keeps an image title on the img", async () => {
    const { resolveImage } = resolver({ "a.jpg": { ok: true, image: rendition("a", 1, 1) } });
    const { html } = await processWith('![A](a.jpg "The title")\n', [[remarkLocalImages, { resolveImage }]]);
    assert.match(html, /<img [^>]*title="The title"/);
    assert.doesNotMatch(html, /<picture [^>]/);
  });

  it("reports an image without alt text as fatal, with a hint showing how to write one", async () => {
    const { resolveImage } = resolver({ "../images/a.jpg": { ok: true, image: rendition("a", 1, 1) } });
    const { messages } = await processWith("Text.\n\n![](../images/a.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.reason, "image has no alt text");
    assert.equal(messages[0]?.fatal, true);
    assert.equal(messages[0]?.ruleId, "missing-alt");
    assert.equal(messages[0]?.line, 3);
    assert.match(messages[0]?.note ?? "", /describe the picture inside the brackets/);
  });

  it("treats whitespace-only alt text as missing", async () => {
    const { resolveImage } = resolver({ "a.jpg": { ok: true, image: rendition("a", 1, 1) } });
    const { messages } = await processWith("![   ](a.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.deepEqual(messages.map((m) => m.ruleId), ["missing-alt"]);
  });

  it("reports a resolver failure as fatal with the resolver's problem, hint and rule, at the image", async () => {
    const { resolveImage } = resolver({ "../images/big.jpg": { ok: false, problem: "too big", hint: "shrink it", ruleId: "images/too-large" } });
    const { html, messages } = await processWith("One.\n\nTwo ![Gone](../images/gone.jpg) ![Big](../images/big.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(messages.length, 2);
    const [missing, big] = messages;
    assert.equal(missing?.reason, 'file "../images/gone.jpg" not found');
    assert.equal(missing?.note, "looked for content/../images/gone.jpg");
    assert.equal(missing?.fatal, true);
    assert.equal(missing?.ruleId, "image-not-found");
    assert.equal(missing?.source, "images");
    assert.deepEqual([missing?.line, missing?.column], [3, 5]);
    assert.deepEqual([big?.ruleId, big?.reason, big?.note], ["too-large", "too big", "shrink it"]);
    assert.doesNotMatch(html, /<picture|width=/);
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
    assert.doesNotMatch(html, /loading=|<picture/);
  });

  it("resolves every local image of the document", async () => {
    const { resolveImage, calls } = resolver({
      "a.jpg": { ok: true, image: rendition("a", 1, 2) },
      "b.jpg": { ok: true, image: rendition("b", 3, 4) },
    });
    const { html } = await processWith("![A](a.jpg)\n\n![B](b.jpg)\n", [[remarkLocalImages, { resolveImage }]]);
    assert.equal(calls.length, 2);
    assert.match(html, /src="\/images\/derived\/a-1\.jpg" alt="A" width="1" height="2"/);
    assert.match(html, /src="\/images\/derived\/b-3\.jpg" alt="B" width="3" height="4"/);
  });
});
