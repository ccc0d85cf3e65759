import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { SourceSite } from "../model.ts";
import type { ImportReport } from "../report.ts";
import { quoted, yamlList } from "./frontmatter-text.ts";

/** What the import needs of site settings, from content/site.yaml when there is one. */
export interface ExistingSite {
  timeZone?: string;
  baseUrl?: string;
}

export function readExistingSite(contentDir: string): ExistingSite | undefined {
  const file = path.join(contentDir, "site.yaml");
  if (!existsSync(file)) return undefined;
  const settings = parse(readFileSync(file, "utf8")) as Record<string, unknown> | null;
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  return { ...(text(settings?.timeZone) ? { timeZone: text(settings?.timeZone) } : {}), ...(text(settings?.baseUrl) ? { baseUrl: text(settings?.baseUrl) } : {}) };
}

export interface NewSiteSettings {
  name: string;
  baseUrl: string;
  language: string;
  timeZone: string;
  /** The day after the newest imported article: older articles are the archive (missing alt text is a warning). */
  archiveBefore?: string;
  iframeHosts: readonly string[];
  /** Raised for an archive whose images are larger than the build's default allows. */
  maxMegapixels?: number;
}

/**
 * The settings an import works out for a site that has none yet: from the
 * flags first, then what the source says; what neither gives is a
 * placeholder, reported.
 */
export function newSiteSettings(flags: { siteName?: string; baseUrl?: string; timeZone: string }, source: SourceSite, report: ImportReport, sourceFile: string): Omit<NewSiteSettings, "archiveBefore" | "iframeHosts"> {
  const place = { file: sourceFile, line: 0 };
  const name = flags.siteName ?? source.name;
  if (!name) report.warn("site-setting-guessed", place, 'the source names no site: site.yaml says "Newsroom" (set --site-name)');
  const baseUrl = webOrigin(flags.baseUrl) ?? webOrigin(source.url);
  if (!baseUrl) report.warn("site-setting-guessed", place, "the source gives no web address: site.yaml says https://example.org (set --base-url)");
  const language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(source.language ?? "") ? source.language! : "en";
  if (language !== source.language) report.warn("site-setting-guessed", place, `the source gives no language tag${source.language ? ` ("${source.language}" is not one)` : ""}: site.yaml says "en"`);
  return { name: name ?? "Newsroom", baseUrl: baseUrl ?? "https://example.org", language, timeZone: flags.timeZone };
}

function webOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}` : undefined;
  } catch {
    return undefined;
  }
}

export function siteSettingsText(settings: NewSiteSettings): string {
  const lines = [
    "# Written by the archive import; edit freely (the import never rewrites this file).",
    `name: ${quoted(settings.name)}`,
    `baseUrl: ${settings.baseUrl}`,
    `language: ${settings.language}`,
    `timeZone: ${settings.timeZone}`,
  ];
  if (settings.archiveBefore) lines.push("archive:", `  before: "${settings.archiveBefore}"`);
  if (settings.maxMegapixels) lines.push("images:", `  maxMegapixels: ${settings.maxMegapixels}`);
  if (settings.iframeHosts.length > 0) lines.push("trustedHosts:", `  iframes: ${yamlList([...settings.iframeHosts].sort())}`);
  return `${lines.join("\n")}\n`;
}
