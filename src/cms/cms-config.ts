import type { z } from "zod";
import { articleSchema } from "../content/article-schema.ts";
import { authorSchema } from "../content/author-schema.ts";
import { pageSchema } from "../content/page-schema.ts";
import { siteSchema, type SiteSettings } from "../content/site-schema.ts";
import { cmsFields, type DecapField } from "./cms-fields.ts";
import { articleGuides, authorGuides, pageGuides, siteGuides, type FieldGuides } from "./field-guides.ts";
import { fileLayout, type KeyLayout } from "./file-layout.ts";
import { schemaFields } from "./schema-fields.ts";
import type { CmsBackend } from "./cms-backend.ts";

/**
 * The CMS's configuration, made from the content schemas: Decap CMS's
 * (https://decapcms.org/docs/configuration-options/) and the file formats
 * our admin script registers before Decap starts (src/cms/admin/).
 */
export interface AdminSettings {
  /** Decap's configuration, passed to `CMS.init`. */
  config: DecapConfig;
  /** Each collection's file format (registered under its name), with its layout. */
  formats: Record<string, { extension: string; hasBody: boolean; layout: KeyLayout[] }>;
  /** Stylesheets of the preview pane: the site's own. */
  previewStyles: string[];
  timeZone: string;
  language: string;
  /** True when no git host is configured: only the local backend can work. */
  isLocalOnly: boolean;
}

export interface DecapConfig {
  backend: Record<string, unknown>;
  collections: DecapCollection[];
  [option: string]: unknown;
}

export interface DecapCollection {
  name: string;
  label: string;
  fields?: DecapField[];
  files?: { name: string; label: string; file: string; fields: DecapField[] }[];
  [option: string]: unknown;
}

export interface CmsConfigOptions {
  site: SiteSettings;
  backend: CmsBackend;
  /** Decap's local backend (decap-server), tried only when the CMS is opened on 127.0.0.1 or localhost. */
  localBackendUrl: string;
  /** The site's stylesheet(s) as published (content-hashed). */
  previewStyles: string[];
  /** content/ from the repository's root. */
  contentDir?: string;
}

/** A collection's schema, guides and where its files live. */
interface CollectionSource {
  name: string;
  schema: z.ZodObject;
  guides: FieldGuides;
  hasBody: boolean;
  extension: string;
}

export function adminSettings(options: CmsConfigOptions): AdminSettings {
  const { site } = options;
  const contentDir = options.contentDir ?? "content";
  const context = { timeZone: site.timeZone };
  const sources: CollectionSource[] = [
    { name: "articles", schema: articleSchema, guides: articleGuides(context), hasBody: true, extension: "md" },
    { name: "authors", schema: authorSchema, guides: authorGuides(), hasBody: true, extension: "md" },
    { name: "pages", schema: pageSchema, guides: pageGuides(context), hasBody: true, extension: "md" },
    { name: "site", schema: siteSchema, guides: siteGuides(), hasBody: false, extension: "yaml" },
  ];
  const formats: AdminSettings["formats"] = {};
  const fields: Record<string, DecapField[]> = {};
  for (const source of sources) {
    const schemaFieldList = schemaFields(source.schema);
    formats[formatName(source.name)] = { extension: source.extension, hasBody: source.hasBody, layout: fileLayout(schemaFieldList, source.guides) };
    fields[source.name] = cmsFields(schemaFieldList, { schema: source.schema, guides: source.guides, timeZone: site.timeZone, contentDir });
  }
  return {
    config: decapConfig(options, contentDir, fields),
    formats,
    previewStyles: options.previewStyles,
    timeZone: site.timeZone,
    language: site.language,
    isLocalOnly: !options.backend.repo,
  };
}

/** The name our admin script registers a collection's file format under. */
export function formatName(collection: string): string {
  return `newsroom-${collection}`;
}

function decapConfig(options: CmsConfigOptions, contentDir: string, fields: Record<string, DecapField[]>): DecapConfig {
  const { site, backend } = options;
  return {
    // The configuration is passed to CMS.init; there is no config.yml to fetch.
    load_config_file: false,
    backend: backendConfig(backend),
    local_backend: { url: options.localBackendUrl },
    // Draft, In review, Ready: branches and pull requests on the git host (see the README).
    publish_mode: "editorial_workflow",
    site_url: site.baseUrl,
    display_url: site.baseUrl,
    locale: "en",
    // Uploads go where the build reads images; articles, authors and pages sit beside images/, so they write ../images/x.jpg.
    media_folder: `${contentDir}/images`,
    public_folder: "../images",
    // File names from headlines as `npm run new` makes them: ASCII, lowercase, hyphens.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: collections(contentDir, fields),
  };
}

function backendConfig(backend: CmsBackend): Record<string, unknown> {
  return {
    name: backend.name,
    ...(backend.repo ? { repo: backend.repo } : {}),
    branch: backend.branch,
    ...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
    ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
    squash_merges: true,
    commit_messages: {
      create: "Create {{collection}} “{{slug}}”",
      update: "Update {{collection}} “{{slug}}”",
      delete: "Delete {{collection}} “{{slug}}”",
      uploadMedia: "Upload “{{path}}”",
      deleteMedia: "Delete “{{path}}”",
    },
  };
}

/**
 * The body: rich text by default (with a switch to Markdown), its "+" offering
 * `components` only. Decap's own image component is left out: it lets an
 * image go without alt text, which the checker refuses.
 */
const bodyField = (label: string, hint?: string, components: string[] = []): DecapField => ({
  name: "body",
  label,
  widget: "markdown",
  required: false,
  ...(hint ? { hint } : {}),
  modes: ["rich_text", "raw"],
  editor_components: components,
  // A contributor's HTML must not run in an editor's session (it holds their git host token): Decap's preview sanitises.
  sanitize_preview: true,
});

function collections(contentDir: string, fields: Record<string, DecapField[]>): DecapCollection[] {
  const folder = (name: string) => ({
    folder: `${contentDir}/${name}`,
    extension: "md",
    format: formatName(name),
    create: true,
    delete: true,
    slug: "{{slug}}",
    // From the repository's root ("/"): Decap reads a relative folder from the entry's, which a new entry does not have yet.
    media_folder: `/${contentDir}/images`,
    public_folder: "../images",
  });
  return [
    {
      name: "articles",
      label: "Articles",
      label_singular: "Article",
      ...folder("articles"),
      identifier_field: "title",
      summary: "{{title}}",
      sortable_fields: ["date", "title"],
      view_filters: [
        { label: "Drafts", field: "draft", pattern: true },
        { label: "Editors' picks", field: "featured", pattern: true },
      ],
      fields: [...fields.articles!, bodyField("Story", "The toolbar's + adds a related-article card (in Markdown: ::related{id=other-article-id} on a line of its own)", ["related"])],
    },
    {
      name: "authors",
      label: "Authors and desks",
      label_singular: "Author or desk",
      ...folder("authors"),
      identifier_field: "name",
      summary: "{{name}}",
      fields: [...fields.authors!, bodyField("Bio", "A short bio, shown on the author page")],
    },
    {
      name: "pages",
      label: "Pages",
      label_singular: "Page",
      ...folder("pages"),
      identifier_field: "title",
      summary: "{{title}}",
      fields: [...fields.pages!, bodyField("Text")],
    },
    {
      name: "settings",
      label: "Site settings",
      format: formatName("site"),
      extension: "yaml",
      delete: false,
      // Settings have no page of their own to preview.
      editor: { preview: false },
      files: [{ name: "site", label: "Site settings", file: `${contentDir}/site.yaml`, fields: fields.site! }],
    },
  ];
}
