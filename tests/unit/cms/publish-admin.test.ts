import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { publishAdmin } from "../../../src/cms/publish-admin.ts";
import { siteSchema } from "../../../src/content/site-schema.ts";
import { headerRules, matchingRules } from "../../../src/feeds/headers.ts";
import { temporaryFolder } from "../../temporary-folder.ts";

const site = (editUrl?: string) => siteSchema.parse({ name: "The Courier", baseUrl: "https://courier.example.test", language: "en-GB", timeZone: "Europe/Berlin", ...(editUrl ? { editUrl } : {}) });
const assets = { "/css/site.css": "/css/site.0123456789.css" };
/** A fresh output folder, removed when the test file ends. */
const outputDir = () => temporaryFolder("newsroom-admin-");

describe("publishing /admin/ (src/cms/publish-admin.ts)", () => {
  it("publishes the CMS for a site that names its GitHub repository, with the site's hashed stylesheet for previews", async () => {
    const dir = outputDir();
    assert.equal(await publishAdmin(dir, { site: site("https://github.com/courier/site/edit/main/{path}"), assets, env: {} }), true);
    const settings = JSON.parse(readFileSync(path.join(dir, "admin/config.json"), "utf8"));
    assert.deepEqual(settings.config.backend.repo, "courier/site");
    assert.deepEqual(settings.previewStyles, ["/css/site.0123456789.css"]);
    assert.ok(existsSync(path.join(dir, "admin/index.html")));
  });

  it("publishes none for a site that names no repository, except in a preview, where npm run cms edits the checkout", async () => {
    const production = outputDir();
    assert.equal(await publishAdmin(production, { site: site(), assets, env: {} }), false);
    assert.equal(existsSync(path.join(production, "admin")), false);
    const preview = outputDir();
    assert.equal(await publishAdmin(preview, { site: site(), assets, env: {}, isPreview: true }), true);
    assert.equal(JSON.parse(readFileSync(path.join(preview, "admin/config.json"), "utf8")).isLocalOnly, true);
  });

  it("gives /admin/ one caching policy of minutes, as pages have", () => {
    for (const file of ["/admin/", "/admin/config.json", "/admin/decap-cms-3.16.3/decap-cms.js"]) {
      assert.deepEqual(matchingRules(file, headerRules([])).map((rule) => rule.cacheControl), ["public, max-age=300, must-revalidate"], file);
    }
  });
});
