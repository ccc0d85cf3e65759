import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { RULES } from "../../../src/diagnostics/messages.ts";

const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("the README's list of rules", () => {
  test("names every rule of the catalogue, with its summary", () => {
    const missing = Object.entries(RULES).filter(([id, rule]) => !README.includes(`\`${id}\``) || !README.includes(rule.summary));
    assert.deepEqual(missing.map(([id]) => id), []);
  });
});
