import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/messages.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import type { ContentSiteLink } from "./model.ts";
import type { SiteSettings } from "./site-schema.ts";
import type { YamlSource } from "./yaml-source.ts";

export interface SiteFile {
  sourcePath: string;
  yaml: YamlSource;
}

/**
 * The masthead's and footer's links to the site's own tags and pages lead
 * somewhere: a navigation entry for a tag no published article carries is
 * a broken link on every page.
 */
export function siteNavigationDiagnostics(site: SiteSettings, file: SiteFile, published: { tagSlugs: ReadonlySet<string>; pageIds: ReadonlySet<string> }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const key of ["navigation", "footerLinks"] as const) {
    site[key].forEach((entry, index) => {
      if ("tag" in entry && !published.tagSlugs.has(entry.tag)) {
        const suggestion = didYouMean(entry.tag, published.tagSlugs);
        const place = { file: file.sourcePath, ...file.yaml.locate([key, index, "tag"]) };
        diagnostics.push(diagnose("site/unknown-navigation-tag", place, { label: entry.label, tag: entry.tag, ...(suggestion ? { suggestion } : {}) }));
      }
      if ("page" in entry && !published.pageIds.has(entry.page)) {
        const suggestion = didYouMean(entry.page, published.pageIds);
        const place = { file: file.sourcePath, ...file.yaml.locate([key, index, "page"]) };
        diagnostics.push(diagnose("page/unknown-page", place, { key, id: entry.page, ...(suggestion ? { suggestion } : {}) }));
      }
    });
  }
  return diagnostics;
}

/** Links of the site settings that lead to the site's own pages (the promo, footer and navigation URLs on its origin). */
export function siteSettingsLinks(site: SiteSettings, file: SiteFile): ContentSiteLink[] {
  const origin = new URL(site.baseUrl).origin;
  const candidates: { path: (string | number)[]; url: string }[] = [
    ...(site.promo ? [{ path: ["promo", "url"], url: site.promo.url }] : []),
    ...(["navigation", "footerLinks"] as const).flatMap((key) => site[key].flatMap((entry, index) => ("url" in entry ? [{ path: [key, index, "url"], url: entry.url }] : []))),
  ];
  return candidates.flatMap(({ path, url }) => {
    const parsed = new URL(url);
    if (parsed.origin !== origin) return [];
    return [{ file: file.sourcePath, ...file.yaml.locate(path), path: parsed.pathname, written: url }];
  });
}
