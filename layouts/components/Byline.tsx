/** @jsxRuntime automatic @jsxImportSource preact */
import type { AuthorRef } from "../../src/content/model.ts";
import { Time } from "./Time.tsx";

export type BylineProps = {
  authors: readonly AuthorRef[];
  publishedAt: Date;
  updatedAt?: Date;
  readingMinutes: number;
  locale: string;
  timeZone: string;
};

/** Drawn between two parts of a line; never read aloud (the parts are separate elements). */
const Separator = () => <span class="byline__sep" aria-hidden="true">·</span>;

/**
 * People are "By"; desks ("News desk") are named as themselves. Separators
 * never start or end a line: between people and desks it is held to the
 * words either side by no-break spaces; in the meta line each item carries
 * the one before it, which public/css/site.css hides at the start of a line.
 */
export function Byline({ authors, publishedAt, updatedAt, readingMinutes, locale, timeZone }: BylineProps) {
  const people = authors.filter((author) => !author.isDesk);
  const desks = authors.filter((author) => author.isDesk);
  return (
    <div class="byline" data-component="byline">
      <p class="byline__authors">
        {people.length > 0 ? <>By <AuthorLinks authors={people} /></> : null}
        {people.length > 0 && desks.length > 0 ? <span class="byline__sep" aria-hidden="true">{"\u00a0·\u00a0"}</span> : null}
        {desks.length > 0 ? <AuthorLinks authors={desks} /> : null}
      </p>
      <p class="byline__meta">
        <span class="byline__item" data-component="published">Published <Time date={publishedAt} locale={locale} timeZone={timeZone} /></span>
        {updatedAt ? (
          <span class="byline__item">
            <Separator />
            <span data-component="updated">Updated <Time date={updatedAt} locale={locale} timeZone={timeZone} /></span>
          </span>
        ) : null}
        <span class="byline__item">
          <Separator />
          <span data-component="reading-time">{readingMinutes} min read</span>
        </span>
      </p>
    </div>
  );
}

function AuthorLinks({ authors }: { authors: readonly AuthorRef[] }) {
  return (
    <>
      {authors.map((author, index) => (
        <>
          {index > 0 ? (index === authors.length - 1 ? " and " : ", ") : null}
          <a class="byline__author" rel="author" href={author.url} data-author-kind={author.isDesk ? "desk" : "person"} data-pagefind-filter="author">{author.name}</a>
        </>
      ))}
    </>
  );
}
