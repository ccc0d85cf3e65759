import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { ContentMemo } from "../../../src/assembly/content-memo.ts";
import { loadContent } from "../../../src/assembly/load-content.ts";
import { lightenContentMemo } from "../../../src/site-builder/content-state.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { makeTempDir } from "../helpers.ts";

const SITE_YAML = [
  "name: The Test Herald",
  "baseUrl: https://herald.example.org/",
  "language: en-GB",
  "timeZone: Europe/London",
  "tagLabels:",
  "  city-hall: City Hall",
  "",
].join("\n");

const AUTHORS: Record<string, string> = {
  "john-doe": "---\nname: John Doe\nrole: Reporter\n---\nJohn covers the harbour.\n",
  "news-desk": "---\nname: News desk\ntype: desk\n---\nThe desk.\n",
};

/**
 * An article file whose frontmatter lines are pinned:
 * 1 ---, 2 title, 3 dek, 4 authors, 5 date, 6 hero:, 7 src, 8 alt, 9 credit,
 * 10.. `extra` lines, then ---, then the body.
 */
function article(options: { title?: string; authors?: string; date?: string; heroSrc?: string; extra?: string[]; body?: string } = {}): string {
  return [
    "---",
    `title: ${options.title ?? "A headline"}`,
    "dek: A one-sentence standfirst.",
    `authors: ${options.authors ?? "[john-doe]"}`,
    `date: ${options.date ?? "2026-03-14T09:30:00+01:00"}`,
    "hero:",
    `  src: ${options.heroSrc ?? "../images/hero.jpg"}`,
    "  alt: A grey rectangle",
    "  credit: Test",
    ...(options.extra ?? []),
    "---",
    options.body ?? "Some body text for the reader.\n",
  ].join("\n");
}

async function makeSiteFolder(articles: Record<string, string>) {
  const temp = makeTempDir();
  temp.write("content/site.yaml", SITE_YAML);
  for (const [id, text] of Object.entries(AUTHORS)) temp.write(`content/authors/${id}.md`, text);
  const heroPath = temp.write("content/images/hero.jpg", "");
  // Wide enough for a hero (src/images/image-problems.ts): smaller ones are reported.
  await sharp({ create: { width: 960, height: 540, channels: 3, background: "#888" } }).jpeg().toFile(heroPath);
  for (const [name, text] of Object.entries(articles)) temp.write(`content/articles/${name}`, text);
  return temp;
}

const brief = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.message} [${d.ruleId}]${d.hint ? ` (${d.hint})` : ""}`;

describe("loadContent: a valid content folder", () => {
  let temp: Awaited<ReturnType<typeof makeSiteFolder>>;
  before(async () => {
    temp = await makeSiteFolder({
      "older-story.md": article({ title: "Older", date: "2026-01-10T08:00:00Z", extra: ["tags: [city-hall, harbour]", "featured: true"] }),
      "newer-story.md": article({
        title: "Newer",
        authors: "[john-doe, news-desk]",
        date: "2026-02-01T08:00:00+01:00",
        extra: ["related: [older-story, {title: Minutes, url: 'https://council.example.com/m'}]", "slug: the-newer-one"],
        body: `${"word ".repeat(600)}\n\n::related{id=older-story}\n\n![A grey box](../images/hero.jpg)\n`,
      }),
      "a-draft.md": article({ title: "Draft", date: "2026-03-01T08:00:00Z", extra: ["draft: true"] }),
    });
  });
  after(() => temp.cleanup());

  it("loads without diagnostics, published articles newest first, drafts left out", async () => {
    const { content, diagnostics } = await loadContent({ rootDir: temp.dir });
    assert.deepEqual(diagnostics.map(brief), []);
    assert.ok(content);
    assert.deepEqual(content.articles.map((a) => a.id), ["newer-story", "older-story"]);
    assert.equal(content.site.baseUrl, "https://herald.example.org");
  });

  it("includes drafts in preview builds", async () => {
    const { content } = await loadContent({ rootDir: temp.dir, isPreview: true });
    assert.deepEqual(content?.articles.map((a) => [a.id, a.isDraft]), [["a-draft", true], ["newer-story", false], ["older-story", false]]);
  });

  it("resolves authors, slugs, URLs, tags and related entries", async () => {
    const { content } = await loadContent({ rootDir: temp.dir });
    const newer = content?.articles[0];
    const older = content?.articles[1];
    assert.deepEqual(newer?.authors, [
      { id: "john-doe", name: "John Doe", isDesk: false, url: "/authors/john-doe/" },
      { id: "news-desk", name: "News desk", isDesk: true, url: "/authors/news-desk/" },
    ]);
    assert.equal(newer?.slug, "the-newer-one");
    assert.equal(newer?.url, "/news/the-newer-one/");
    assert.equal(newer?.sourcePath, "content/articles/newer-story.md");
    assert.deepEqual(newer?.related, [{ id: "older-story" }, { title: "Minutes", url: "https://council.example.com/m" }]);
    assert.equal(older?.url, "/news/older-story/");
    assert.deepEqual(older?.tags, [
      { slug: "city-hall", label: "City Hall", url: "/tags/city-hall/" },
      { slug: "harbour", label: "Harbour", url: "/tags/harbour/" },
    ]);
    assert.equal(older?.isFeatured, true);
    assert.equal(newer?.publishedAt.toISOString(), "2026-02-01T07:00:00.000Z");
    assert.equal(content?.authors.get("john-doe")?.role, "Reporter");
    assert.equal(content?.authors.get("john-doe")?.bioHtml, "<p>John covers the harbour.</p>\n");
  });

  it("counts words and reading minutes from the rendered body", async () => {
    const { content } = await loadContent({ rootDir: temp.dir });
    const newer = content?.articles[0];
    assert.equal(newer?.wordCount, 600);
    assert.equal(newer?.readingMinutes, 3); // 600 / 238 = 2.52
    assert.equal(content?.articles[1]?.readingMinutes, 1);
  });

  it("gives the hero and body images their real width and height", async () => {
    const { content } = await loadContent({ rootDir: temp.dir });
    const newer = content?.articles[0];
    const hero = newer?.hero;
    assert.deepEqual([hero?.width, hero?.height, hero?.alt, hero?.caption, hero?.credit], [960, 540, "A grey rectangle", undefined, "Test"]);
    assert.match(hero?.url ?? "", /^\/images\/derived\/[0-9a-f]{20}-800\.jpg$/);
    const sizes = ["400x225", "800x450", "960x540"];
    assert.deepEqual(hero?.sources.map((source) => [source.format, source.candidates.map((c) => `${c.width}x${c.height}`)]), [["avif", sizes], ["webp", sizes], ["jpeg", sizes]]);
    assert.deepEqual(newer?.bodyImages.map((image) => [image.alt, image.width, image.height]), [["A grey box", 960, 540]]);
    assert.match(newer?.bodyHtml ?? "", /<picture><source type="image\/avif" srcset="\/images\/derived\/[0-9a-f]{20}-400\.avif 400w, [^"]+-960\.avif 960w" sizes="[^"]+">/);
    assert.match(newer?.bodyHtml ?? "", /<img src="\/images\/derived\/[0-9a-f]{20}-800\.jpg" alt="A grey box" width="960" height="540" srcset="[^"]+" sizes="[^"]+" loading="lazy" decoding="async">/);
    assert.match(newer?.bodyHtml ?? "", /<a href="\/news\/older-story\/" class="related-card__link">/);
  });
});

describe("loadContent: errors", () => {
  let temp: Awaited<ReturnType<typeof makeSiteFolder>>;
  before(async () => {
    temp = await makeSiteFolder({
      "good-story.md": article({ title: "Good" }),
      "unknown-author.md": article({ authors: "[jon-doe]" }),
      "unknown-related.md": article({ extra: ["related:", "  - good-stry"] }),
      "unknown-card.md": article({ body: "First line.\n\nSecond paragraph.\n\n::related{id=good-stroy}\n" }),
      "missing-hero.md": article({ heroSrc: "../images/missing.jpg" }),
      "first-slug.md": article({ extra: ["slug: same-slug"] }),
      "second-slug.md": article({ extra: ["tags: [a]", "slug: same-slug"] }),
      "Bad_Name.md": article(),
      "yaml-error.md": article({ extra: ["tags: a: b"] }),
      "no-offset.md": article({ date: "2026-03-14T09:30:00" }),
      "draft-target.md": article({ extra: ["draft: true"] }),
      "related-draft.md": article({ extra: ["related: [draft-target]"] }),
    });
  });
  after(() => temp.cleanup());

  it("reports every problem of the folder in one run, each at its file and line", async () => {
    const { content, diagnostics } = await loadContent({ rootDir: temp.dir });
    assert.equal(content, undefined);
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    const one = (name: string) => {
      const list = byFile.get(`content/articles/${name}`) ?? [];
      assert.equal(list.length, 1, `${name}: ${list.map(brief).join("; ") || "no diagnostic"}`);
      return list[0]!;
    };

    const author = one("unknown-author.md");
    assert.deepEqual([author.line, author.column, author.message, author.hint, author.ruleId], [4, 11, 'unknown author "jon-doe"', 'did you mean "john-doe"?', "article/unknown-author"]);

    const related = one("unknown-related.md");
    assert.deepEqual([related.line, related.column, related.message, related.hint, related.ruleId], [11, 5, 'unknown related article "good-stry"', 'did you mean "good-story"?', "article/unknown-related"]);

    // The closing --- is file line 10, so body line 5 (the ::related) is file line 15.
    const card = one("unknown-card.md");
    assert.deepEqual([card.line, card.column, card.message, card.hint, card.ruleId], [15, 1, 'unknown article "good-stroy" in ::related', 'did you mean "good-story"?', "related-card/unknown-id"]);

    const hero = one("missing-hero.md");
    assert.deepEqual([hero.line, hero.column, hero.message, hero.ruleId], [7, 8, 'file "../images/missing.jpg" not found', "article/hero-not-found"]);

    const slug = one("second-slug.md");
    assert.deepEqual([slug.line, slug.column, slug.message, slug.ruleId], [11, 7, 'slug "same-slug" is already used by content/articles/first-slug.md', "article/duplicate-slug"]);
    assert.equal(byFile.get("content/articles/first-slug.md"), undefined);

    const name = one("Bad_Name.md");
    assert.deepEqual([name.line, name.column, name.message, name.ruleId], [0, 0, 'file name "Bad_Name.md" is not a valid id', "file/invalid-name"]);
    assert.match(name.hint ?? "", /rename it to bad-name\.md/);

    const yaml = one("yaml-error.md");
    assert.equal(yaml.ruleId, "yaml/syntax");
    assert.equal(yaml.line, 10);
    assert.match(yaml.message, /^YAML syntax: /);

    const offset = one("no-offset.md");
    assert.deepEqual([offset.line, offset.column, offset.ruleId], [5, 7, "frontmatter/date-without-offset"]);
    assert.match(offset.message, /has no time zone offset/);

    const draft = one("related-draft.md");
    assert.equal(draft.message, 'related article "draft-target" is a draft');
    assert.equal(draft.hint, "link it once it is published");

    assert.equal(byFile.get("content/articles/good-story.md"), undefined);
    assert.equal(byFile.get("content/articles/draft-target.md"), undefined);
    assert.equal(diagnostics.length, 9, diagnostics.map(brief).join("\n"));
    assert.ok(diagnostics.every((d) => d.severity === "error"));
  });

  it("reports a missing site.yaml without throwing", async () => {
    const empty = makeTempDir();
    try {
      const { content, diagnostics } = await loadContent({ rootDir: empty.dir });
      assert.equal(content, undefined);
      assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.ruleId]), [["content/site.yaml", 0, "site/missing"]]);
    } finally {
      empty.cleanup();
    }
  });

  it("suggests the time zone an unknown one was meant to be, #20", async () => {
    const bad = makeTempDir();
    try {
      bad.write("content/site.yaml", SITE_YAML.replace("timeZone: Europe/London", "timeZone: Europe/Londn"));
      const { diagnostics } = await loadContent({ rootDir: bad.dir });
      assert.deepEqual(diagnostics.map((d) => [d.line, d.message, d.hint, d.ruleId]), [[4, 'unknown time zone "Europe/Londn"', 'did you mean "Europe/London"?', "site/unknown-time-zone"]]);
    } finally {
      bad.cleanup();
    }
  });

  it("reports invalid site settings at their line", async () => {
    const bad = makeTempDir();
    try {
      bad.write("content/site.yaml", SITE_YAML.replace("timeZone: Europe/London", "timeZone: Europe/Atlantis"));
      const { diagnostics } = await loadContent({ rootDir: bad.dir });
      assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.column, d.message]), [
        ["content/site.yaml", 4, 11, 'unknown time zone "Europe/Atlantis"'],
      ]);
    } finally {
      bad.cleanup();
    }
  });

  it(
    "loads a valid article written with CRLF line endings",
    
    async () => {
      const crlf = await makeSiteFolder({ "windows-file.md": article({ extra: ["featured: true", "slug: windows-file"] }).replace(/\n/g, "\r\n") });
      try {
        const { diagnostics } = await loadContent({ rootDir: crlf.dir });
        assert.deepEqual(diagnostics.map(brief), []);
      } finally {
        crlf.cleanup();
      }
    },
  );

  it(
    "reports an unknown key in a related link as a diagnostic instead of throwing",
    
    async () => {
      const folder = await makeSiteFolder({ "extra-key.md": article({ extra: ["related:", "  - {title: T, url: 'https://example.org/', note: x}"] }) });
      try {
        const { diagnostics } = await loadContent({ rootDir: folder.dir });
        assert.deepEqual(diagnostics.map((d) => [d.line, d.ruleId]), [[11, "frontmatter/unknown-key"]]);
      } finally {
        folder.cleanup();
      }
    },
  );
});

describe("loadContent: with a memo (the dev server's loads)", () => {
  /** Articles and their bodies as plain data, to compare a memo load with a fresh one. */
  const plain = async (load: ReturnType<typeof loadContent>) => {
    const { content, diagnostics } = await load;
    return { diagnostics: diagnostics.map(brief), articles: content?.articles.map((item) => ({ ...item, bodyHtml: item.bodyHtml })) };
  };

  it("keeps what no save touched, builds what one did, and loads exactly what a fresh load does", async () => {
    const temp = await makeSiteFolder({
      "older-story.md": article({ title: "Older", date: "2026-01-10T08:00:00Z", extra: ["tags: [harbour]"] }),
      "newer-story.md": article({ title: "Newer", date: "2026-02-01T08:00:00Z", extra: ["tags: [harbour]"], body: "See the card.\n\n::related{id=older-story}\n" }),
      "third-story.md": article({ title: "Third", date: "2026-02-02T08:00:00Z" }),
    });
    try {
      const memo = new ContentMemo();
      const load = () => loadContent({ rootDir: temp.dir, memo });
      const first = await load();
      const byId = (result: typeof first) => new Map(result.content!.articles.map((item) => [item.id, item]));
      const before = byId(first);

      const untouched = byId(await load());
      for (const id of ["older-story", "newer-story", "third-story"]) assert.equal(untouched.get(id), before.get(id), `${id} kept as it was`);

      // A body edit builds that article alone.
      temp.write("content/articles/third-story.md", article({ title: "Third", date: "2026-02-02T08:00:00Z", body: "A new paragraph.\n" }));
      const afterBody = byId(await load());
      assert.notEqual(afterBody.get("third-story"), before.get("third-story"));
      assert.match(afterBody.get("third-story")!.bodyHtml, /A new paragraph/);
      assert.equal(afterBody.get("newer-story"), before.get("newer-story"));
      assert.deepEqual(await plain(load()), await plain(loadContent({ rootDir: temp.dir })));

      // A body edit of an article shown in another's card leaves that one: its card reads as before.
      temp.write("content/articles/older-story.md", article({ title: "Older", date: "2026-01-10T08:00:00Z", extra: ["tags: [harbour]"], body: "A longer body for the older story.\n" }));
      const afterCardBody = byId(await load());
      assert.notEqual(afterCardBody.get("older-story"), before.get("older-story"));
      assert.equal(afterCardBody.get("newer-story"), before.get("newer-story"));

      // A headline shown in another article's ::related card builds that one too.
      temp.write("content/articles/older-story.md", article({ title: "Older, retitled", date: "2026-01-10T08:00:00Z", extra: ["tags: [harbour]"] }));
      const afterTitle = byId(await load());
      assert.match(afterTitle.get("newer-story")!.bodyHtml, /Older, retitled/);
      assert.equal(afterTitle.get("third-story"), afterBody.get("third-story"));
      assert.deepEqual(await plain(load()), await plain(loadContent({ rootDir: temp.dir })));

      // An author's name (the dev server also clears the memo then): every article is built again.
      temp.write("content/authors/john-doe.md", "---\nname: John Q. Doe\nrole: Reporter\n---\nJohn covers the harbour.\n");
      const afterAuthor = byId(await load());
      assert.equal(afterAuthor.get("third-story")!.authors[0]!.name, "John Q. Doe");

      // A broken file is reported on every load, not only the first after the save.
      temp.write("content/articles/third-story.md", article({ title: "Third", authors: "[nobody]", date: "2026-02-02T08:00:00Z" }));
      for (let round = 0; round < 2; round++) {
        const broken = await load();
        assert.equal(broken.content, undefined);
        assert.deepEqual(broken.diagnostics.map((d) => d.ruleId), ["article/unknown-author"]);
      }
      // A deleted file leaves.
      rmSync(path.join(temp.dir, "content/articles/third-story.md"));
      assert.deepEqual((await load()).content!.articles.map((item) => item.id), ["newer-story", "older-story"]);

      // Watched (the dev server): a file is read again when a save of it is reported, and only then.
      memo.watched = true;
      const newer = path.join(temp.dir, "content/articles/newer-story.md");
      temp.write("content/articles/newer-story.md", article({ title: "Newer, watched", date: "2026-02-01T08:00:00Z", extra: ["tags: [harbour]"] }));
      assert.equal(byId(await load()).get("newer-story")!.title, "Newer");
      memo.saved.add(newer);
      assert.equal(byId(await load()).get("newer-story")!.title, "Newer, watched");
      assert.equal(memo.saved.size, 0, "taken by the load");
    } finally {
      temp.cleanup();
    }
  });

  it("keeps what the preview's next saved article is built against, not the load's parses, which a build would hold to its end", async () => {
    const temp = await makeSiteFolder({ "older-story.md": article({ title: "Older", body: "A body the next load need not hold.\n" }) });
    try {
      const memo = new ContentMemo();
      await loadContent({ rootDir: temp.dir, memo });
      const older = path.join(temp.dir, "content/articles/older-story.md");
      const parsed = new WeakRef(memo.files.get(older)!.outcome as object);
      // What a build does once its content is loaded: the memo keeps each file's light form.
      lightenContentMemo(memo);
      const { loaded } = memo;
      assert.ok(loaded, "kept for the next saved article");
      assert.equal(loaded.articleFiles.get(older)?.sourcePath, "content/articles/older-story.md");
      assert.ok(loaded.cards.has("older-story"));
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      assert.equal(parsed.deref(), undefined, "the load's parse of the file, with its body, is no longer held");
    } finally {
      temp.cleanup();
    }
  });
});

/** A full collection, so that a WeakRef tells whether anything still holds its object. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

describe("loadContent: a cold archive, its bodies rendered on worker threads", () => {
  it("gives the articles a load on this thread gives, cards, images, drafts and scheduled stories included", async () => {
    const files: Record<string, string> = {};
    // Past POOL_THRESHOLD files, so that the workers start before the frontmatter is parsed.
    for (let n = 0; n < 420; n++) {
      const body = [
        `## Part ${n}\n\nStory ${n} goes on “at length” with [a link](https://example.com/${n}).\n`,
        ...(n % 7 === 0 ? [`::related{id=story-${(n + 1) % 420}}\n`] : []),
        ...(n % 11 === 0 ? ["![A grey rectangle](../images/hero.jpg)\n"] : []),
      ].join("\n");
      const extra = n === 5 ? ["draft: true"] : [];
      const date = n === 6 ? "2099-01-01T08:00:00Z" : `2026-03-${String(1 + (n % 28)).padStart(2, "0")}T09:30:00Z`;
      files[`story-${n}.md`] = article({ title: `Story ${n}`, date, extra, body });
    }
    const temp = await makeSiteFolder(files);
    try {
      const now = new Date("2026-11-28T09:00:00Z");
      const common = { rootDir: temp.dir, now, renderCacheDir: false as const, frontmatterCacheDir: false as const };
      const onThread = await loadContent({ ...common, renderWorkers: 0 });
      const onWorkers = await loadContent({ ...common, renderWorkers: 2 });
      assert.deepEqual(onWorkers.diagnostics, onThread.diagnostics);
      const shown = (load: typeof onThread) =>
        load.content!.articles.map(({ id, bodyHtml, wordCount, bodyImages }) => ({ id, bodyHtml, wordCount, bodyImages }));
      const expected = shown(onThread);
      assert.equal(expected.length, 418, "the draft and the scheduled story are left out");
      assert.match(expected.find((item) => item.id === "story-7")!.bodyHtml, /Story 8/, "a card");
      assert.deepEqual(shown(onWorkers), expected);
    } finally {
      temp.cleanup();
    }
  });

  // Linux: each worker is a thread of this process, listed in /proc/self/task while it runs.
  it("ends the workers once the bodies are rendered, before the articles are built (when the load holds the most)", { skip: process.platform !== "linux" && "threads are counted in /proc" }, async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 420; n++) files[`story-${n}.md`] = article({ title: `Story ${n}`, date: "2026-03-01T09:30:00Z", body: `Story ${n}.\n` });
    const temp = await makeSiteFolder(files);
    try {
      const common = { rootDir: temp.dir, now: new Date("2026-11-28T09:00:00Z"), renderCacheDir: false as const, frontmatterCacheDir: false as const };
      const threads = () => readdirSync("/proc/self/task").length;
      // A load on this thread first, so that every thread a load starts for itself (libuv's pool) is running.
      await loadContent({ ...common, renderWorkers: 0 });
      const before = threads();
      const whileRendering: number[] = [];
      const whileBuilding: number[] = [];
      await loadContent({ ...common, renderWorkers: 2, onBodyRendered: () => whileRendering.push(threads()), onArticleBuilt: () => whileBuilding.push(threads()) });
      assert.equal(whileBuilding.length, 420);
      assert.ok(Math.max(...whileRendering) >= before + 2, `the two workers run while the bodies render (${before} threads before, ${Math.max(...whileRendering)} then)`);
      assert.ok(Math.max(...whileBuilding) <= before, `no worker runs while the articles are built (${before} threads before, ${Math.max(...whileBuilding)} then)`);
    } finally {
      temp.cleanup();
    }
  });
});
