import path from "node:path";
import type { SiteSettings } from "../content/site-schema.ts";
import { assetUrl, type AssetManifest } from "../eleventy/static-assets.ts";
import { adminPage, adminScripts, writeAdminFiles, type AdminFile } from "./admin-files.ts";
import { cmsBackend, LOCAL_BACKEND_URL } from "./cms-backend.ts";
import { adminSettings, type AdminSettings } from "./cms-config.ts";

export interface PublishAdminOptions {
  site: SiteSettings;
  /** A preview build (npm start): /admin/ is published for the local backend even without a git host. */
  isPreview?: boolean;
  /** The published names of public/ (the preview pane uses the site's stylesheet). */
  assets: AssetManifest;
  /** The content folder, from the repository's root, as the CMS commits to it. */
  contentDir?: string;
  /** Where the git host settings are read (NEWSROOM_CMS_*; see src/cms/cms-backend.ts). */
  env?: Readonly<Record<string, string | undefined>>;
  localBackendUrl?: string;
}

/**
 * Publishes /admin/, the CMS, into a built site: when the site names its
 * git repository (a GitHub `editUrl`, or NEWSROOM_CMS_REPO), and in
 * previews, where `npm run cms` edits the checkout. A site that names none
 * gets no /admin/ rather than a login that cannot work. Returns whether it did.
 */
export async function publishAdmin(outputDir: string, options: PublishAdminOptions): Promise<boolean> {
  const settings = adminSettingsFor(options);
  if (!settings) return false;
  await writeAdminFiles(outputDir, options.site.name, settings);
  return true;
}

/** The configuration /admin/ is published with, or undefined when the site gets none (see publishAdmin). */
export function adminSettingsFor(options: PublishAdminOptions): AdminSettings | undefined {
  const { site } = options;
  const backend = cmsBackend(site.editUrl, options.env ?? process.env);
  if (!backend.repo && !options.isPreview) return undefined;
  return adminSettings({
    site,
    backend,
    localBackendUrl: options.localBackendUrl ?? options.env?.NEWSROOM_CMS_LOCAL_BACKEND ?? LOCAL_BACKEND_URL,
    previewStyles: [assetUrl(options.assets, "/css/site.css")],
    contentDir: (options.contentDir ?? "content").split(path.sep).join("/"),
  });
}

/** Every file of /admin/ for these settings: the bundles copied from node_modules, our scripts, the page and the configuration. */
export async function adminFiles(siteName: string, settings: AdminSettings): Promise<AdminFile[]> {
  const { files, ...folders } = await adminScripts();
  return [...files, { url: "admin/index.html", text: adminPage(siteName, folders) }, { url: "admin/config.json", text: `${JSON.stringify(settings, null, 2)}\n` }];
}
