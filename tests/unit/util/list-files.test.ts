import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { entriesUnder } from "../../../src/util/list-files.ts";

describe("entriesUnder", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "list-files-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const tree = (name: string) => {
    const root = path.join(dir, name);
    const elsewhere = path.join(dir, `${name}-elsewhere`);
    for (const folder of ["articles/2016", "articles/2025/03", "authors", "images", "pages/empty"]) mkdirSync(path.join(root, folder), { recursive: true });
    mkdirSync(path.join(elsewhere, "deep"), { recursive: true });
    for (const file of ["articles/2016/a.md", "articles/2025/03/b.md", "articles/Zed.md", "articles/z.md", "articles/é.md", "authors/x.md", "images/photo.jpg", "site.yml", ".gitkeep"]) writeFileSync(path.join(root, file), file);
    writeFileSync(path.join(elsewhere, "deep", "linked.md"), "linked");
    symlinkSync(elsewhere, path.join(root, "articles", "linked-folder"));
    symlinkSync(path.join(root, "site.yml"), path.join(root, "pages", "linked-file.yml"));
    symlinkSync(path.join(root, "missing"), path.join(root, "pages", "dangling.md"));
    return root;
  };

  test("lists what Node's recursive listing lists, sorted the same way, links to folders followed", () => {
    const root = tree("same");
    const expected = (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).sort();
    assert.deepEqual(entriesUnder(root), expected);
    assert.ok(entriesUnder(root).includes(path.join("articles", "linked-folder", "deep", "linked.md")));
    assert.ok(entriesUnder(root).includes(path.join("pages", "dangling.md")));
  });

  test("gives the same list for a folder named with a trailing separator or a relative path", () => {
    const root = tree("forms");
    assert.deepEqual(entriesUnder(`${root}${path.sep}`), entriesUnder(root));
    assert.deepEqual(entriesUnder(path.relative(process.cwd(), root)), entriesUnder(root));
  });

  test("walks a link back up the tree once, and lists a link to itself without walking it", () => {
    const root = tree("loops");
    symlinkSync(root, path.join(root, "articles", "up"));
    symlinkSync(path.join(root, "self"), path.join(root, "self"));
    const entries = entriesUnder(root);
    assert.ok(entries.includes(path.join("articles", "up", "site.yml")));
    assert.ok(entries.includes("self"));
    assert.equal(entries.filter((entry) => entry.endsWith(`${path.sep}up`)).length, 2, "the link itself, and once more inside the tree it leads to");
  });

  test("is empty for a folder that does not exist", () => {
    assert.deepEqual(entriesUnder(path.join(dir, "none")), []);
  });
});
