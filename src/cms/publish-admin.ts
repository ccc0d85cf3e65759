import path from "node:path";
import type { SiteSettings } from "../content/site-schema.ts";
import { assetUrl, type AssetManifest } from "../eleventy/static-assets.ts";
import { writeAdminFiles } from "./admin-files.ts";
import { cmsBackend, LOCAL_BACKEND_URL } from "./cms-backend.ts";
import { adminSettings } from "./cms-config.ts";

export interface PublishAdminOptions {
  site: SiteSettings;
  /** The published names of public/ (the preview pane uses the site's stylesheet). */
  assets: AssetManifest;
  /** The content folder, from the repository's root, as the CMS commits to it. */
  contentDir?: string;
  /** Where the git host settings are read (NEWSROOM_CMS_*; see src/cms/cms-backend.ts). */
  env?: Readonly<Record<string, string | undefined>>;
  localBackendUrl?: string;
}

/** Publishes /admin/, the CMS, into a built site. */
export async function publishAdmin(outputDir: string, options: PublishAdminOptions): Promise<void> {
  const { site } = options;
  const settings = adminSettings({
    site,
    backend: cmsBackend(site.editUrl, options.env ?? process.env),
    localBackendUrl: options.localBackendUrl ?? options.env?.NEWSROOM_CMS_LOCAL_BACKEND ?? LOCAL_BACKEND_URL,
    previewStyles: [assetUrl(options.assets, "/css/site.css")],
    contentDir: (options.contentDir ?? "content").split(path.sep).join("/"),
  });
  await writeAdminFiles(outputDir, site.name, settings);
}
