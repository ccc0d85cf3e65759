import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../diagnostics/messages.ts";
import { labelFromSlug, slugify } from "../format/slug.ts";
import type { Tag } from "./model.ts";
import { routes } from "./routes.ts";

/** A tag as one article wrote it, and where. */
export interface WrittenTag {
  written: string;
  place: () => Place;
}

/**
 * Tags as the articles write them: slugs ("city-hall") or words ("City
 * Hall", "transformation services", as archives do). A tag's page is its
 * slug; its label is the one in site settings, else the words it was written
 * in (the most used spelling), else the slug made readable. Spellings of one
 * slug that differ are a warning naming them all, at each other spelling's
 * first use; a tag with no letters or digits is an error.
 */
export class TagRegistry {
  readonly #spellings = new Map<string, Map<string, { count: number; first: WrittenTag }>>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly labels: Readonly<Record<string, string>>) {}

  /** The slug of a tag as written, noting the spelling; undefined (and an error) when it has none. */
  add(tag: WrittenTag): string | undefined {
    const slug = slugify(tag.written);
    if (!slug) {
      this.diagnostics.push(diagnose("article/invalid-tag", tag.place(), { tag: tag.written }));
      return undefined;
    }
    let spellings = this.#spellings.get(slug);
    if (!spellings) this.#spellings.set(slug, (spellings = new Map()));
    const known = spellings.get(tag.written);
    if (known) known.count++;
    else spellings.set(tag.written, { count: 1, first: tag });
    return slug;
  }

  /** Every slug's tag, once all articles are added; and the warnings for slugs written more than one way. */
  finish(): Map<string, Tag> {
    const tags = new Map<string, Tag>();
    for (const [slug, spellings] of this.#spellings) {
      const written = [...spellings.entries()];
      // The slug itself is not a label: "city-hall" beside "City Hall" is one spelling in words.
      const inWords = written.filter(([spelling]) => spelling !== slug);
      const mostUsed = inWords.sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0]?.[0];
      tags.set(slug, { slug, label: this.labels[slug] ?? mostUsed ?? labelFromSlug(slug), url: routes.tag(slug) });
      if (written.length > 1 && !this.labels[slug]) {
        const names = written.map(([spelling]) => spelling);
        for (const [, { first }] of written.slice(1)) this.diagnostics.push(diagnose("article/tag-spellings", first.place(), { slug, spellings: names }));
      }
    }
    return tags;
  }
}
