import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countedStage, progressReporter } from "../../../src/site-builder/progress.ts";

function reporter(interactive: boolean) {
  let clock = 0;
  const written: string[] = [];
  const progress = progressReporter({ write: (text) => written.push(text), interactive, heartbeatSeconds: 30, now: () => clock });
  return { progress, written, tick: (ms: number) => (clock += ms) };
}

describe("progress lines", () => {
  test("in a log: a line every 30 s for a long stage with its rate and time left, and one when it ends, with its duration", () => {
    const { progress, written, tick } = reporter(false);
    const pages = progress.stage("pages", 1000);
    for (let i = 0; i < 100; i++) {
      tick(400);
      pages.advance();
    }
    pages.done("1,000 rendered");
    assert.deepEqual(written, ["pages: 75/1,000 (3/s, 6 min left)\n", "pages: 1,000 rendered in 40.0 s\n"]);
  });

  test("on a terminal: the stage's line is updated in place, at most ten times a second", () => {
    const { progress, written, tick } = reporter(true);
    const bodies = progress.stage("markdown", 50);
    for (let i = 0; i < 50; i++) {
      tick(20);
      bodies.advance();
    }
    bodies.done();
    assert.equal(written.length, 10 + 1);
    assert.equal(written[0], "\r\x1b[Kmarkdown: 5/50 (50/s, 1 s left)");
    assert.equal(written.at(-1), "\r\x1b[Kmarkdown: in 1.0 s\n");
  });

  test("a stage without a total says how many and how fast, and nothing until it ends in a log", () => {
    const { progress, written, tick } = reporter(false);
    const content = progress.stage("content");
    tick(90_000);
    content.advance(10);
    content.done("10,000 articles");
    assert.deepEqual(written, ["content: 10,000 articles in 90.0 s\n"]);
  });

  test("on a terminal: stages running at once share the line, and the one still running is drawn again when the other ends", () => {
    const { progress, written, tick } = reporter(true);
    const pages = progress.stage("pages", 100);
    const search = progress.stage("search", 10);
    tick(1000);
    pages.advance(50);
    tick(1000);
    search.advance(5);
    assert.equal(written.at(-1), "\r\x1b[Kpages: 50/100 (25/s, 2 s left)  ·  search: 5/10 (3/s, 2 s left)");
    search.done("5 records");
    assert.deepEqual(written.slice(-2), ["\r\x1b[Ksearch: 5 records in 2.0 s\n", "\r\x1b[Kpages: 50/100 (25/s, 2 s left)"]);
  });

  test("a counted stage is opened by its first item and ended by its last, once, whatever is told after", () => {
    const { progress, written, tick } = reporter(false);
    const read = countedStage(progress, "read", (total) => `${total} files`);
    tick(500);
    read(3);
    read(3, 1);
    tick(500);
    read(3);
    read(3);
    assert.deepEqual(written, ["read: 3 files in 0.5 s\n"]);
  });
});
