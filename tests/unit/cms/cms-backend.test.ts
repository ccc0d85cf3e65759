import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cmsBackend } from "../../../src/cms/cms-backend.ts";

describe("the git host the published CMS commits to (src/cms/cms-backend.ts)", () => {
  it("takes the repository and branch from the site's GitHub edit link", () => {
    assert.deepEqual(cmsBackend("https://github.com/harbour-herald/newsroom/edit/main/{path}", {}), { name: "github", repo: "harbour-herald/newsroom", branch: "main" });
  });

  it("lets the build's environment name the host, repository, branch and login service", () => {
    const env = { NEWSROOM_CMS_REPO: "desk/site", NEWSROOM_CMS_BRANCH: "live", NEWSROOM_CMS_AUTH_URL: "https://auth.example.org", NEWSROOM_CMS_AUTH_ENDPOINT: "oauth/authorize" };
    assert.deepEqual(cmsBackend("https://github.com/harbour-herald/newsroom/edit/main/{path}", env), {
      name: "github", repo: "desk/site", branch: "live", baseUrl: "https://auth.example.org", authEndpoint: "oauth/authorize",
    });
  });

  it("names no repository unless the site or the environment does, not even GitHub Actions' own", () => {
    assert.equal(cmsBackend("https://git.example.test/edit/main/{path}", { GITHUB_REPOSITORY: "courier/site" }).repo, undefined);
    assert.equal(cmsBackend(undefined, {}).repo, undefined);
  });
});
