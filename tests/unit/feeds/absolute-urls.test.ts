import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { absoluteUrl } from "../../../src/feeds/absolute-urls.ts";

describe("absoluteUrl", () => {
  test("gives what new URL gives, for any base and path (its fast path appends plain paths to the origin)", () => {
    const base = fc.constantFrom("https://herald.example.org", "https://Herald.Example.org", "https://x.example/sub", "https://x.example:443", "http://x.example:8080/a/b", "https://xn--bcher-kva.example");
    const segment = fc.stringMatching(/^[A-Za-z0-9\-._~ %?#üé:@!$&'()*+,;=]{0,8}$/);
    const path = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join("/")}`);
    fc.assert(
      fc.property(base, path, (baseUrl, sitePath) => {
        const outcome = (compute: () => string) => {
          try {
            return compute();
          } catch (error) {
            return `throws ${(error as Error).name}`;
          }
        };
        assert.equal(outcome(() => absoluteUrl(baseUrl, sitePath)), outcome(() => new URL(sitePath, `${baseUrl}/`).href));
      }),
      { numRuns: 3000 },
    );
  });
});
