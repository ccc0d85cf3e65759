import type { ElementContent, Root } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { parseFragment } from "parse5";
import type { Article, StandalonePage } from "../content/model.ts";
import { formatDateTime } from "../format/dates.ts";
import { element, firstImage, normalizeText, pagefindText } from "./pagefind-text.ts";
import { inputsHash, type SearchRecord, type SearchRecordSource } from "./search-record.ts";

/**
 * The search records of a site: one per article (newest first), then one
 * per standalone page. Each record holds what Pagefind read from the page's
 * searchable element (`data-pagefind-body` in layouts/article.11ty.tsx and
 * layouts/page.11ty.tsx), without rendering the page: the same text, in the
 * same order, with the same filters, metadata and sort key. What the page
 * marks `data-pagefind-ignore` (the related list, the "Topics" heading) and
 * what Pagefind leaves out itself (the footer with the topics) is left out;
 * preview notices are too (they are not the story).
 */
export function searchRecordSources(
  model: { site: { language: string; timeZone: string }; articles: readonly Article[]; pages: readonly StandalonePage[] },
  options: { articleHash?: (article: Article) => string } = {},
): SearchRecordSource[] {
  const language = model.site.language.toLowerCase();
  const { timeZone } = model.site;
  const { articleHash } = options;
  // The article's own hash, when the build has it (src/site-builder/page-keys.ts, a SHA-256 in hex), stands for all
  // its record shows; the site's part is hashed once, not with each of 100,000 records (a third of a second).
  const siteHash = inputsHash(["article", language, timeZone]).slice(0, 16);
  const articles = model.articles.map((article): SearchRecordSource => {
    const inputs = () => articleInputs(article, language, timeZone);
    const hash = articleHash ? `${articleHash(article)}-${siteHash}` : inputsHash(inputs());
    return { url: article.url, kind: "article", hash, record: () => articleRecord(inputs(), bodyNodes(article.bodyHtml)) };
  });
  const pages = model.pages.map((page): SearchRecordSource => {
    const inputs = pageInputs(page, language);
    return { url: inputs.url, kind: "page", hash: inputsHash(inputs), record: () => pageRecord(inputs, bodyNodes(page.bodyHtml)) };
  });
  return [...articles, ...pages];
}

/**
 * A body's HTML as hast nodes, without the source positions that
 * hast-util-from-html always records: a record needs none, and keeping
 * parse5's position objects up to date was 40% of the main thread's time
 * while a 100,000-article build waited for its search (a CPU profile).
 */
function bodyNodes(html: string): ElementContent[] {
  return (fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root).children as ElementContent[];
}

/** Everything an article's record is made of: its hash is the record's. The body is known by its hash. */
type ArticleInputs = ReturnType<typeof articleInputs>;

function articleInputs(article: Article, language: string, timeZone: string) {
  const { hero, audio } = article;
  return {
    url: article.url,
    language,
    timeZone,
    title: article.title,
    dek: article.dek,
    authors: article.authors.map(({ name, isDesk }) => ({ name, isDesk })),
    tags: article.tags.map((tag) => tag.label),
    publishedAt: article.publishedAt.toISOString(),
    updatedAt: article.updatedAt?.toISOString(),
    readingMinutes: article.readingMinutes,
    hero: hero ? { url: hero.url, alt: hero.alt, caption: hero.caption, credit: hero.credit } : undefined,
    audio: audio ? { disclosure: audio.disclosure } : undefined,
    corrections: article.corrections.map((correction) => ({ date: correction.date.toISOString(), text: correction.text })),
    bodyHash: article.bodyHash,
  };
}

function articleRecord(inputs: ArticleInputs, body: ElementContent[]): SearchRecord {
  const people = inputs.authors.filter((author) => !author.isDesk);
  const desks = inputs.authors.filter((author) => author.isDesk);
  const date = (iso: string) => formatDateTime(new Date(iso), inputs.language, inputs.timeZone);
  const names = (authors: typeof people) => authors.flatMap((author, index) => [index === 0 ? "" : index === authors.length - 1 ? " and " : ", ", element("a", [author.name])]);
  const separated = (text: string) => element("span", [element("span", ["·"]), text]);
  const header = element("header", [
    inputs.tags[0] !== undefined && element("p", [element("a", [inputs.tags[0]])]),
    element("h1", [inputs.title]),
    element("p", [inputs.dek]),
    element("div", [
      element("p", [...(people.length > 0 ? ["By ", ...names(people)] : []), people.length > 0 && desks.length > 0 && element("span", ["\u00a0·\u00a0"]), ...names(desks)]),
      element("p", [element("span", ["Published ", element("time", [date(inputs.publishedAt)])]), inputs.updatedAt && separated(`Updated ${date(inputs.updatedAt)}`), separated(`${inputs.readingMinutes} min read`)]),
    ]),
  ]);
  const hero = inputs.hero && element("figure", [element("img", [], { src: inputs.hero.url, alt: inputs.hero.alt }), (inputs.hero.caption || inputs.hero.credit) && element("figcaption", [inputs.hero.caption && element("span", [`${inputs.hero.caption} `]), inputs.hero.credit && element("span", [inputs.hero.credit])])]);
  const audio = inputs.audio && element("section", [element("h2", ["Listen to this article"], { id: "audio-heading" }), element("audio", [element("a", ["Download the audio version"])]), element("p", [inputs.audio.disclosure])]);
  const corrections = inputs.corrections.length > 0 && element("section", [element("h2", ["Corrections and updates"], { id: "corrections-heading" }), element("ol", inputs.corrections.map((correction) => element("li", [element("time", [date(correction.date)]), element("p", [correction.text])])))]);
  const page = [element("article", [header, hero, audio, element("div", body), corrections])];
  const image = firstImage(page);
  return {
    url: inputs.url,
    language: inputs.language,
    content: pagefindText(page),
    meta: { title: normalizeText(inputs.title), date: inputs.publishedAt, ...(image ? { image: image.src, image_alt: image.alt } : {}) },
    filters: { author: [...people, ...desks].map((author) => normalizeText(author.name)), ...(inputs.tags.length > 0 ? { tag: inputs.tags.map(normalizeText) } : {}) },
    sort: { date: inputs.publishedAt },
  };
}

type PageInputs = ReturnType<typeof pageInputs>;

function pageInputs(page: StandalonePage, language: string) {
  return { url: page.url, language, title: page.title, description: page.description, body: page.bodyHtml };
}

function pageRecord(inputs: PageInputs, body: ElementContent[]): SearchRecord {
  const page = [element("article", [element("h1", [inputs.title]), inputs.description && element("p", [inputs.description]), element("div", body)])];
  const image = firstImage(page);
  return {
    url: inputs.url,
    language: inputs.language,
    content: pagefindText(page),
    meta: { title: normalizeText(inputs.title), ...(image ? { image: image.src, image_alt: image.alt } : {}) },
    filters: {},
    sort: {},
  };
}
