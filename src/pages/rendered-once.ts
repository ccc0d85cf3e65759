import type { VNode } from "preact";
import { jsxTemplate } from "preact/jsx-runtime";
import { renderToStaticMarkup } from "preact-render-to-string";

/**
 * Pieces kept: the frame and the cards of the latest stories are a few
 * dozen; the bound keeps the cards of a large archive's listings from
 * piling up (each is shown on a handful of pages only).
 */
const PIECES_KEPT = 500;

/** Recently rendered pieces by owner and variant, least recently used first. */
const rendered = new Map<string, string>();
/** A number per owner object, so that keys hold no reference to it. */
const ownerIds = new WeakMap<object, number>();
let nextOwnerId = 0;

/**
 * A piece of a page that many pages repeat (a story's card, the masthead,
 * the footer), rendered to HTML the first time and reused afterwards: at
 * 10,000 articles every article page shows the same frame and the same few
 * cards. `owner` is the object the piece shows (a summary, the site
 * settings) and `variant` a string of every other input, led by the
 * piece's name (the masthead and the footer both show the site settings);
 * together they must determine the markup (objects are not changed once a
 * build has loaded them). The reused HTML is what Preact rendered, escaped
 * as usual; it goes in as a precompiled template (`jsxTemplate`), so no
 * element is added around it.
 */
export function renderedOnce<Props>(owner: object, variant: string, render: () => VNode<Props>): VNode {
  let id = ownerIds.get(owner);
  if (id === undefined) ownerIds.set(owner, (id = nextOwnerId++));
  const key = `${id}|${variant}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderToStaticMarkup(render());
    if (rendered.size >= PIECES_KEPT) rendered.delete(rendered.keys().next().value!);
  } else {
    rendered.delete(key);
  }
  rendered.set(key, html);
  return jsxTemplate([html]);
}
