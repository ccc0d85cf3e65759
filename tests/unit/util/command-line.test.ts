import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { describe, test } from "node:test";
import { usageProblem } from "../../../src/util/command-line.ts";

const OPTIONS = { preview: { type: "boolean" }, output: { type: "string" }, strict: { type: "boolean" } } as const;

/** The problem `usageProblem` tells of `args`, as a build's command line. */
function problemOf(...args: string[]): string | undefined {
  try {
    parseArgs({ args, options: OPTIONS });
  } catch (error) {
    return usageProblem(error, Object.keys(OPTIONS));
  }
  return "no problem";
}

describe("a command line a command does not take", () => {
  test("a mistyped option is named with the one meant, and the options listed", () => {
    assert.equal(problemOf("--prevew"), "unknown option --prevew (did you mean --preview?); the options are --preview, --output, --strict");
    assert.match(problemOf("--outptu=x")!, /^unknown option --outptu \(did you mean --output\?\)/);
    assert.match(problemOf("--colour")!, /^unknown option --colour; the options are/, "no option close to it: none named");
  });

  test("a missing value and an argument the command does not take are told as Node tells them", () => {
    assert.equal(problemOf("--output"), "Option '--output <value>' argument missing");
    assert.match(problemOf("draft")!, /^Unexpected argument 'draft'/);
  });

  test("an error that is not the command line's is not one", () => {
    assert.equal(usageProblem(new Error("disk full"), Object.keys(OPTIONS)), undefined);
    assert.equal(problemOf("--strict"), "no problem");
  });
});
