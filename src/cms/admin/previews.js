// The CMS's preview pane, drawn with the markup classes of the site's own
// layouts, so that the site's stylesheet (registered as the pane's style)
// shows an article as readers will see it: headline, dek, byline, hero with
// caption and credit, audio, the body (Decap's Markdown preview, with our
// related-card component), corrections and topics. Listings, the news
// column and the related card's headline are the build's: they need the
// other articles.

import { instantOf } from "./zoned-time.js";

/** @typedef {(type: string, props?: object | null, ...children: unknown[]) => unknown} H */

/**
 * An optional group of fields (hero, audio, photo): the form holds it as a
 * list of at most one (see isOptionalGroup in src/cms/cms-fields.ts).
 * @param {any} data @param {string} name
 */
function group(data, name) {
  const value = data.get(name);
  return value?.toJS && Array.isArray(value.toJS()) ? value.first() : value;
}

/** @param {any} data @param {string} name @returns {any[]} */
function listOf(data, name) {
  return data.get(name)?.toArray?.() ?? [];
}

/** @param {H} h @param {any} data @param {(path: string) => unknown} getAsset */
function heroFigure(h, data, getAsset) {
  const photo = group(data, "hero");
  if (!photo?.get("src")) return null;
  const caption = photo.get("caption");
  const credit = photo.get("credit");
  return h(
    "figure",
    { className: "hero", "data-component": "hero" },
    h("img", { className: "hero__image", src: String(getAsset(photo.get("src")) ?? ""), alt: photo.get("alt") ?? "" }),
    caption || credit ? h("figcaption", { className: "hero__caption" }, caption ? h("span", {}, `${caption} `) : null, credit ? h("span", { className: "hero__credit" }, credit) : null) : null,
  );
}

/** @param {H} h @param {any} data */
function audioSection(h, data) {
  const version = group(data, "audio");
  if (!version?.get("src")) return null;
  return h("section", { className: "audio", "data-component": "audio" }, h("h2", { className: "audio__heading" }, "Listen to this article"), h("p", { className: "audio__disclosure" }, version.get("disclosure") ?? ""));
}

/** @param {H} h @param {any} data @param {(value: unknown) => string} when */
function correctionsSection(h, data, when) {
  const corrections = listOf(data, "corrections");
  if (corrections.length === 0) return null;
  return h(
    "section",
    { className: "corrections", "data-component": "corrections" },
    h("h2", { className: "section-heading" }, "Corrections and updates"),
    h("ol", { className: "corrections__list" }, ...corrections.map((item) => h("li", { className: "corrections__item" }, h("time", {}, when(item.get("date"))), h("p", {}, item.get("text"))))),
  );
}

/**
 * The authors by name once the form has loaded them (Decap keeps a relation's
 * entries in its fields' metadata), else by id.
 * @param {H} h @param {any} data @param {any} metadata @param {(value: unknown) => string} when
 */
function byline(h, data, metadata, when) {
  const names = listOf(data, "authors").map((id) => metadata?.getIn?.(["authors", "authors", id, "name"]) ?? id);
  return h(
    "div",
    { className: "byline", "data-component": "byline" },
    h("p", { className: "byline__authors" }, names.join(", ")),
    h("p", { className: "byline__meta" }, h("span", {}, `Published ${when(data.get("date"))}`), data.get("updated") ? h("span", {}, `Updated ${when(data.get("updated"))}`) : null),
  );
}

/** @param {H} h @param {any} data */
function topics(h, data) {
  const tags = listOf(data, "tags");
  if (tags.length === 0) return null;
  return h("nav", { className: "tag-list", "data-component": "tags", "aria-label": "Topics" }, h("h2", { className: "tag-list__heading" }, "Topics"), h("ul", {}, ...tags.map((tag) => h("li", {}, h("span", { className: "chip" }, tag)))));
}

/** @param {H} h @param {{ entry: any, widgetFor: (name: string) => unknown, getAsset: (path: string) => unknown, fieldsMetaData: any }} props @param {(value: unknown) => string} when */
function articleView(h, { entry, widgetFor, getAsset, fieldsMetaData }, when) {
  const data = entry.get("data");
  const kicker = listOf(data, "tags")[0];
  return h(
    "div",
    { className: "layout-article" },
    h(
      "main",
      { className: "layout-article__main" },
      h(
        "article",
        { className: group(data, "hero")?.get("src") ? "article" : "article article--text-only", "data-component": "article" },
        h("header", { className: "article__header" }, kicker ? h("p", { className: "kicker" }, kicker) : null, h("h1", { className: "article__headline" }, data.get("title") ?? ""), h("p", { className: "article__dek", "data-component": "dek" }, data.get("dek") ?? ""), byline(h, data, fieldsMetaData, when)),
        heroFigure(h, data, getAsset),
        audioSection(h, data),
        h("div", { className: "article-body", "data-component": "article-body" }, widgetFor("body")),
        correctionsSection(h, data, when),
        h("footer", { className: "article__footer" }, topics(h, data)),
      ),
    ),
  );
}

/** @param {H} h @param {{ entry: any, widgetFor: (name: string) => unknown }} props */
function pageView(h, { entry, widgetFor }) {
  const data = entry.get("data");
  return h(
    "main",
    { className: "layout-page" },
    h("article", { className: "standalone", "data-component": "standalone-page" }, h("h1", { className: "standalone__title" }, data.get("title") ?? ""), data.get("description") ? h("p", { className: "standalone__description" }, data.get("description")) : null, h("div", { className: "article-body" }, widgetFor("body"))),
  );
}

/** @param {H} h @param {{ entry: any, widgetFor: (name: string) => unknown, getAsset: (path: string) => unknown }} props */
function authorView(h, { entry, widgetFor, getAsset }) {
  const data = entry.get("data");
  const photo = group(data, "photo");
  return h(
    "main",
    { className: "layout-listing", "data-component": "author-page" },
    h(
      "header",
      { className: "author-header" },
      photo?.get("src") ? h("img", { className: "author-header__photo", src: String(getAsset(photo.get("src")) ?? ""), alt: photo.get("alt") ?? "" }) : null,
      h("div", {}, h("h1", { className: "listing__title" }, data.get("name") ?? ""), data.get("role") ? h("p", { className: "author-header__role" }, data.get("role")) : null, h("div", { className: "author-header__bio" }, widgetFor("body"))),
    ),
  );
}

/**
 * The preview templates by collection name.
 * @param {{ h: H, createClass: (spec: object) => unknown }} react Decap's React helpers
 * @param {{ timeZone: string, language: string }} site
 */
export function previewTemplates({ h, createClass }, site) {
  // As the site's bylines write a time (src/format/dates.ts formatDateTime).
  const dateTime = new Intl.DateTimeFormat(site.language, { timeZone: site.timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  /** @param {unknown} value */
  const when = (value) => {
    const ms = instantOf(value);
    return ms === undefined ? "" : dateTime.format(new Date(ms));
  };
  const template = (/** @type {(props: any) => unknown} */ view) =>
    createClass({
      render() {
        return view(this.props);
      },
    });
  return {
    articles: template((props) => articleView(h, props, when)),
    pages: template((props) => pageView(h, props)),
    authors: template((props) => authorView(h, props)),
  };
}
