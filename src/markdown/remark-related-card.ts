import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import "mdast-util-directive";
import { didYouMean } from "../diagnostics/suggest.ts";
import { reportRule } from "./report-rule.ts";

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

/** An article that exists but is not published in this build, and when it will be (in the site's zone, for the message). */
export interface UnpublishedTarget {
  isDraft: boolean;
  publishAt?: string;
}

export interface RelatedCardOptions {
  articles: RelatedCardLookup;
  /** Articles held back (drafts, scheduled), by id: a card for one is an error that says so. */
  unpublished?: { get(id: string): UnpublishedTarget | undefined };
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
        const held = id ? options.unpublished?.get(id) : undefined;
        if (!id) reportRule(file, node.position, "related-card/missing-id", {});
        else if (held) reportRule(file, node.position, "related-card/not-published", { id, ...held });
        else {
          const suggestion = didYouMean(id, options.articles.keys());
          reportRule(file, node.position, "related-card/unknown-id", { id, ...(suggestion ? { suggestion } : {}) });
        }
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
