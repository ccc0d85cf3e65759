/**
 * Which git host the published CMS commits to. A newsroom configures it in
 * the build's environment (its CI), not in content/: the settings are the
 * engineers', and an editor must not be able to lock everyone out from the
 * site settings form. The repository and branch default to the ones the
 * site's GitHub `editUrl` names. (Not to GitHub Actions' GITHUB_REPOSITORY:
 * every fixture built by the tests in CI would then publish a CMS.)
 */
export interface CmsBackend {
  /** Decap's backend: "github" (documented), or "gitlab", "gitea", "bitbucket". */
  name: string;
  /** "owner/name"; without it only the local backend works. */
  repo?: string;
  branch: string;
  /** The OAuth service that logs editors in to the git host (Decap's `base_url`). */
  baseUrl?: string;
  /** Its login path (Decap's `auth_endpoint`, "auth" by default). */
  authEndpoint?: string;
}

/** The address of Decap's local backend that `npm run cms` starts. */
export const LOCAL_BACKEND_URL = "http://127.0.0.1:8081/api/v1";

/** `https://github.com/<owner>/<repo>/edit/<branch>/{path}` */
const GITHUB_EDIT_URL = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/edit\/([^/]+)\//;

export function cmsBackend(editUrl: string | undefined, env: Readonly<Record<string, string | undefined>>): CmsBackend {
  const fromEditUrl = editUrl ? GITHUB_EDIT_URL.exec(editUrl) : null;
  const repo = env.NEWSROOM_CMS_REPO || fromEditUrl?.[1] || undefined;
  return {
    name: env.NEWSROOM_CMS_BACKEND || "github",
    ...(repo ? { repo } : {}),
    branch: env.NEWSROOM_CMS_BRANCH || fromEditUrl?.[2] || "main",
    ...(env.NEWSROOM_CMS_AUTH_URL ? { baseUrl: env.NEWSROOM_CMS_AUTH_URL } : {}),
    ...(env.NEWSROOM_CMS_AUTH_ENDPOINT ? { authEndpoint: env.NEWSROOM_CMS_AUTH_ENDPOINT } : {}),
  };
}
