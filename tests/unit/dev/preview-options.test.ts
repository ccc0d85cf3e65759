import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { parsePreviewArgs, PREVIEW_OUTPUT_DIR } from "../../../src/dev/preview-options.ts";

const ROOT = path.resolve("/projects/herald");
const parse = (...args: string[]) => parsePreviewArgs(args, {}, ROOT);
const problemOf = (...args: string[]) => {
  const parsed = parse(...args);
  assert.ok("problem" in parsed, `${args.join(" ")} is refused`);
  return parsed.problem;
};

describe("the preview's command line", () => {
  test("by default the preview is written to .cache/preview/ of the project, on port 8080, from content/", () => {
    assert.deepEqual(parse(), { port: 8080, contentDir: "content", outputDir: path.join(ROOT, ".cache", "preview") });
    assert.equal(PREVIEW_OUTPUT_DIR, path.join(".cache", "preview"));
  });

  test("takes a port, a content folder and an output folder of its own; PORT and NEWSROOM_CONTENT set the defaults", () => {
    assert.deepEqual(parse("--port", "0", "--content", "bench/.corpus/1000-1/content", "--output", ".scratch/preview"), {
      port: 0,
      contentDir: "bench/.corpus/1000-1/content",
      outputDir: path.join(ROOT, ".scratch", "preview"),
    });
    assert.deepEqual(parsePreviewArgs([], { PORT: "9000", NEWSROOM_CONTENT: "other" }, ROOT), { port: 9000, contentDir: "other", outputDir: path.join(ROOT, ".cache", "preview") });
  });

  test("refuses the production folder _site/, written any way, and any folder inside it", () => {
    for (const output of ["_site", "./_site/", "_site/preview", path.join(ROOT, "_site")]) {
      assert.match(problemOf("--output", output), /^--output .* is the production site's folder: the preview \(drafts, scheduled articles, "Edit" links\) would be deployed with it\. Leave --output out \(the preview goes to \.cache\/preview\/\)/);
    }
    assert.ok(!("problem" in parse("--output", "_site-preview")), "a sibling with a longer name is another folder");
  });

  test("refuses folders the preview would empty or watch: the project, its content, its code", () => {
    assert.match(problemOf("--output", "."), /holds the whole project/);
    assert.match(problemOf("--output", ".."), /holds the whole project/);
    assert.match(problemOf("--output", "content"), /overlaps the content folder content\//);
    assert.match(problemOf("--output", "content/preview"), /overlaps the content folder/);
    assert.match(problemOf("--content", "site/content", "--output", "site"), /overlaps the content folder site\/content\//);
    assert.match(problemOf("--output", "src/preview"), /is inside src\//);
  });

  test("refuses a port that is not one, and an unknown option, saying how to call it", () => {
    assert.match(problemOf("--port", "eighty"), /--port eighty is not a port number/);
    assert.match(problemOf("--port", "70000"), /not a port number/);
    assert.match(problemOf("--outptu", "x"), /^unknown option --outptu \(did you mean --output\?\); the options are --port, --content, --output\nusage: npm start/);
  });
});
