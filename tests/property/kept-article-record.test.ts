import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { builtFrom } from "../../src/assembly/build-articles.ts";
import type { MemoArticle } from "../../src/assembly/content-memo.ts";

/** Short texts of the characters the record's own writing uses (digits, ":" and "|"), so that different articles often come close. */
const text = fc.string({ unit: fc.constantFrom("1", "2", ":", "|", "a", "s", "p"), maxLength: 4 });
const count = fc.integer({ min: 0, max: 12 });
const built = fc
  .record({
    slug: text,
    isScheduled: fc.boolean(),
    tags: fc.array(fc.record({ slug: text, label: text, url: text }), { maxLength: 3 }),
    assets: fc.array(fc.tuple(text, text), { maxLength: 2 }),
    bodyHash: text,
    wordCount: count,
    bodyImages: fc.array(fc.record({ src: text }), { maxLength: 2 }),
  })
  .map(({ assets, ...article }) => ({ article, assets }) as unknown as MemoArticle);

/** What the record stands for, written out in full. */
function everything({ article, assets }: MemoArticle): string {
  const tags = article.tags.map((tag) => [tag.slug, tag.label, tag.url]);
  return JSON.stringify([article.slug, article.isScheduled, tags, assets, article.bodyHash, article.wordCount, article.bodyImages]);
}

test("an article's kept record is the same for two builds exactly when what it stands for is", () => {
  fc.assert(
    fc.property(built, built, (a, b) => {
      assert.equal(builtFrom(a) === builtFrom(b), everything(a) === everything(b));
    }),
    { numRuns: 20_000 },
  );
  // Records that a writing without lengths or ends would confuse: a tag's parts moved across their bounds, a count run into a length.
  const article = (slug: string, tags: [string, string, string][], wordCount = 1) =>
    ({ article: { slug, isScheduled: false, tags: tags.map(([slug, label, url]) => ({ slug, label, url })), bodyHash: "h", wordCount, bodyImages: [] }, assets: [] }) as unknown as MemoArticle;
  assert.notEqual(builtFrom(article("a", [["ab", "c", "u"]])), builtFrom(article("a", [["a", "bc", "u"]])));
  assert.notEqual(builtFrom(article("a1", [])), builtFrom(article("a", [["1", "", ""]])));
  assert.notEqual(builtFrom(article("a", [], 12)), builtFrom(article("a", [], 1)));
  assert.notEqual(builtFrom(article("a", [["a:", "b", "u"]])), builtFrom(article("a", [["a", ":b", "u"]])));
  // Any text cut at another place between two of its parts is another record.
  fc.assert(
    fc.property(text, text, fc.nat(8), (first, second, cut) => {
      const whole = first + second;
      const at = cut % (whole.length + 1);
      fc.pre(at !== first.length);
      assert.notEqual(builtFrom(article("s", [[first, second, "u"]])), builtFrom(article("s", [[whole.slice(0, at), whole.slice(at), "u"]])));
      assert.notEqual(builtFrom(article(first, [[second, "l", "u"]])), builtFrom(article(whole.slice(0, at), [[whole.slice(at), "l", "u"]])));
    }),
    { numRuns: 5_000 },
  );
});
