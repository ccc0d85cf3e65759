import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import "mdast-util-directive";
import { didYouMean } from "../diagnostics/suggest.ts";

/** What a related-article card shows of the article it points to. */
export interface RelatedCardTarget {
  title: string;
  dek: string;
  url: string;
}

/** Published articles by id (a Map will do). */
export interface RelatedCardLookup {
  get(id: string): RelatedCardTarget | undefined;
  keys(): Iterable<string>;
}

export interface RelatedCardOptions {
  articles: RelatedCardLookup;
}

declare module "vfile" {
  interface DataMap {
    /** The card targets this body showed, by id: a cached render is valid while they are unchanged. */
    relatedCards: Record<string, RelatedCardTarget>;
  }
}

/**
 * `::related{id=other-article}` on a line of its own becomes a card with the
 * other article's headline and dek, resolved at build time from its own data.
 * An unknown or missing id is reported at its line; the directive is dropped.
 */
export function remarkRelatedCard(options: RelatedCardOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, "leafDirective", (node, index, parent) => {
      if (node.name !== "related" || !parent || index === undefined) return;
      const id = node.attributes?.id ?? "";
      const target = id ? options.articles.get(id) : undefined;
      if (!target) {
        const reason = id
          ? `unknown article "${id}" in ::related`
          : "::related needs an article id, like ::related{id=harbour-ferry-strike}";
        const message = file.message(reason, {
          place: node.position,
          ruleId: id ? "unknown-id" : "missing-id",
          source: "related-card",
        });
        message.fatal = true;
        if (id) message.note = didYouMean(id, options.articles.keys());
        parent.children.splice(index, 1);
        return index;
      }
      file.data.relatedCards = { ...file.data.relatedCards, [id]: { title: target.title, dek: target.dek, url: target.url } };
      node.data = {
        hName: "aside",
        // Another article's words: not part of this one for search.
        hProperties: { className: ["related-card"], dataComponent: "related-card", dataPagefindIgnore: "" },
        hChildren: [
          {
            type: "element",
            tagName: "a",
            properties: { href: target.url, className: ["related-card__link"] },
            children: [
              { type: "element", tagName: "span", properties: { className: ["related-card__label"] }, children: [{ type: "text", value: "Related" }] },
              { type: "element", tagName: "span", properties: { className: ["related-card__title"] }, children: [{ type: "text", value: target.title }] },
              { type: "element", tagName: "span", properties: { className: ["related-card__dek"] }, children: [{ type: "text", value: target.dek }] },
            ],
          },
        ],
      };
      return undefined;
    });
  };
}
