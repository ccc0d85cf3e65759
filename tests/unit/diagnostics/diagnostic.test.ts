import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ContentError,
  formatDiagnostic,
  formatReport,
  hasErrors,
  sortDiagnostics,
  summarizeDiagnostics,
} from "../../../src/diagnostics/diagnostic.ts";
import { makeDiagnostic } from "../helpers.ts";

describe("formatDiagnostic", () => {
  it("formats file:line:column, severity, message, hint and rule", () => {
    const d = makeDiagnostic({ line: 4, column: 3, message: 'unknown author "jon-doe"', hint: 'did you mean "john-doe"?', ruleId: "article/unknown-author" });
    assert.equal(formatDiagnostic(d), 'content/articles/x.md:4:3 error: unknown author "jon-doe" (did you mean "john-doe"?) [article/unknown-author]');
  });

  it("leaves out the hint when there is none", () => {
    assert.equal(formatDiagnostic(makeDiagnostic({ severity: "warning" })), "content/articles/x.md:1:1 warning: something is wrong [test/rule]");
  });

  it("names only the file for whole-file problems (line 0)", () => {
    assert.equal(formatDiagnostic(makeDiagnostic({ line: 0, column: 0 })), "content/articles/x.md error: something is wrong [test/rule]");
  });
});

describe("sortDiagnostics", () => {
  it("sorts by file, then line, then column, without changing the input", () => {
    const input = [
      makeDiagnostic({ file: "b.md", line: 1, column: 1, message: "b1" }),
      makeDiagnostic({ file: "a.md", line: 10, column: 1, message: "a10" }),
      makeDiagnostic({ file: "a.md", line: 2, column: 9, message: "a2:9" }),
      makeDiagnostic({ file: "a.md", line: 2, column: 3, message: "a2:3" }),
      makeDiagnostic({ file: "a.md", line: 0, column: 0, message: "a0" }),
    ];
    const copy = [...input];
    assert.deepEqual(sortDiagnostics(input).map((d) => d.message), ["a0", "a2:3", "a2:9", "a10", "b1"]);
    assert.deepEqual(input, copy);
  });
});

describe("summarizeDiagnostics", () => {
  it("counts errors and files: '3 errors in 2 files'", () => {
    const list = [makeDiagnostic({ file: "a.md" }), makeDiagnostic({ file: "a.md" }), makeDiagnostic({ file: "b.md" })];
    assert.equal(summarizeDiagnostics(list), "3 errors in 2 files");
  });

  it("uses singulars for one", () => {
    assert.equal(summarizeDiagnostics([makeDiagnostic()]), "1 error in 1 file");
    assert.equal(summarizeDiagnostics([makeDiagnostic({ severity: "warning" })]), "1 warning in 1 file");
  });

  it("joins errors and warnings", () => {
    const list = [makeDiagnostic(), makeDiagnostic({ severity: "warning", file: "b.md" }), makeDiagnostic({ severity: "warning" })];
    assert.equal(summarizeDiagnostics(list), "1 error and 2 warnings in 2 files");
  });

  it("says 'no problems' for none", () => {
    assert.equal(summarizeDiagnostics([]), "no problems");
  });
});

describe("hasErrors, formatReport and ContentError", () => {
  it("hasErrors ignores warnings", () => {
    assert.equal(hasErrors([makeDiagnostic({ severity: "warning" })]), false);
    assert.equal(hasErrors([makeDiagnostic({ severity: "warning" }), makeDiagnostic()]), true);
    assert.equal(hasErrors([]), false);
  });

  it("formatReport lists sorted diagnostics then the summary", () => {
    const report = formatReport([makeDiagnostic({ file: "b.md", message: "second" }), makeDiagnostic({ file: "a.md", message: "first" })]);
    assert.equal(report, "a.md:1:1 error: first [test/rule]\nb.md:1:1 error: second [test/rule]\n2 errors in 2 files");
  });

  it("ContentError carries the report as message and the diagnostics", () => {
    const list = [makeDiagnostic()];
    const error = new ContentError(list);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "ContentError");
    assert.equal(error.message, "content/articles/x.md:1:1 error: something is wrong [test/rule]\n1 error in 1 file");
    assert.equal(error.diagnostics, list);
  });
});
