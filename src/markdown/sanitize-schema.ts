import type { Schema } from "hast-util-sanitize";

/**
 * What a body may contain once rendered: the HTML a newsroom's articles use
 * (text, lists, quotes, tables with captions, column groups and spanning
 * cells, figures, details, inline images, audio and video, embeds from
 * trusted hosts) and exactly what our own plugins emit. Everything else is
 * removed by hast-util-sanitize, and raw HTML that loses an element or an
 * attribute is reported (raw-html/find-removals.ts reads this same schema).
 * No `style`, no `on*` handler, no script URL, no form, no inline SVG.
 */
export const sanitizeSchema: Schema = {
  tagNames: [
    "a", "abbr", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "iframe", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt",
    "ruby", "s", "samp", "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
  ],
  ancestors: {
    caption: ["table"],
    col: ["table"],
    colgroup: ["table"],
    tbody: ["table"],
    td: ["table"],
    tfoot: ["table"],
    th: ["table"],
    thead: ["table"],
    tr: ["table"],
    figcaption: ["figure"],
    summary: ["details"],
    source: ["picture", "video", "audio"],
    track: ["video", "audio"],
    rp: ["ruby"],
    rt: ["ruby"],
  },
  attributes: {
    a: [
      "href",
      ["rel", "noopener", "noreferrer"],
      "ariaDescribedBy",
      "ariaLabel",
      "dataFootnoteRef",
      "dataFootnoteBackref",
      ["className", "data-footnote-backref", "related-card__link"],
    ],
    aside: [["className", "related-card"], ["dataComponent", "related-card"], ["dataPagefindIgnore", ""]],
    audio: ["src", "controls", ["preload", "none", "metadata"], "loop"],
    blockquote: ["cite"],
    code: [["className", /^language-./]],
    col: ["span"],
    colgroup: ["span"],
    data: ["value"],
    del: ["cite", "dateTime"],
    details: ["open"],
    div: [["className", "table-scroll", "embed"], ["role", "region"], "tabIndex", "ariaLabel"],
    h2: [["className", "sr-only"]],
    iframe: [
      "src", "width", "height", ["loading", "lazy"], "sandbox", "allow", ["referrerPolicy", "strict-origin-when-cross-origin"], "allowFullScreen",
    ],
    img: ["src", "alt", "width", "height", ["loading", "lazy"], ["decoding", "async"], "srcSet", "sizes", ["referrerPolicy", "no-referrer"]],
    input: [["type", "checkbox"], ["disabled", true], "checked"],
    ins: ["cite", "dateTime"],
    li: [["className", "task-list-item"], "value"],
    ol: ["start", "reversed", ["className", "contains-task-list"]],
    q: ["cite"],
    section: ["dataFootnotes", ["className", "footnotes"]],
    source: ["srcSet", "sizes", "src", ["type", /^(image|audio|video)\/[\w.+-]+$/]],
    span: [["className", "related-card__label", "related-card__title", "related-card__dek"]],
    td: ["colSpan", "rowSpan", "headers"],
    th: ["colSpan", "rowSpan", "headers", ["scope", "row", "col", "rowgroup", "colgroup"], "abbr"],
    time: ["dateTime"],
    track: ["src", ["kind", "subtitles", "captions", "descriptions", "chapters"], "srcLang", "label", "default"],
    ul: [["className", "contains-task-list"]],
    video: ["src", "controls", "width", "height", ["preload", "none", "metadata"], "loop", "muted", "playsInline"],
    "*": ["id", "lang", "dir", "title"],
  },
  // Ids are prefixed where they are made (raw HTML's in raw-html/, footnotes by
  // mdast-util-to-hast; heading ids avoid the page's own): the schema runs
  // twice on a body with raw HTML, and a prefix here would be added twice.
  clobber: [],
  protocols: {
    href: ["http", "https", "mailto", "tel"],
    src: ["http", "https"],
    cite: ["http", "https"],
  },
  required: {
    input: { disabled: true, type: "checkbox" },
    iframe: { sandbox: ["allow-scripts", "allow-same-origin", "allow-popups", "allow-presentation"], loading: "lazy" },
    audio: { controls: true },
    video: { controls: true },
  },
  // Removed with their content: code, styles, plugins and documents inside the page.
  strip: [
    "script", "style", "template", "object", "embed", "applet", "svg", "math", "noscript", "frame", "frameset",
    "head", "title", "link", "meta", "base", "textarea", "select", "button",
  ],
};
