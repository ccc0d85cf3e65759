import { defaultSchema, type Schema } from "hast-util-sanitize";

/**
 * GitHub's sanitising schema (what remark-html uses by default), extended with
 * exactly what our own plugins emit. Raw HTML written by editors is still
 * dropped, and `<script>`, `on*` handlers and `javascript:` URLs never pass.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "aside"],
  // mdast-util-to-hast already prefixes footnote ids with "user-content-";
  // prefixing again (the default) breaks every footnote link. Heading ids
  // come from our slugger, so only `name` still needs the clobber prefix.
  clobber: ["name"],
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === "className")),
      ["className", "data-footnote-backref", "related-card__link"],
      ["rel", "noopener", "noreferrer"],
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ["className", "table-scroll"], ["role", "region"], "tabIndex", "ariaLabel"],
    aside: [["className", "related-card"], ["dataComponent", "related-card"], ["dataPagefindIgnore", ""]],
    img: [...(defaultSchema.attributes?.img ?? []), "width", "height", "title", ["loading", "lazy"], ["decoding", "async"], "srcSet", "sizes"],
    // <picture> sources from remark-local-images (editors' raw HTML never gets here).
    source: ["srcSet", "sizes", ["type", "image/avif", "image/webp"]],
    span: [...(defaultSchema.attributes?.span ?? []), ["className", "related-card__label", "related-card__title", "related-card__dek"]],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto", "tel"] },
};
