import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { articleIdFor, newArticleMarkdown } from "./new-article.ts";
import { commandLine } from "../util/command-line.ts";

/** `npm run new -- "Headline words" [--author id]`: creates content/articles/<id>.md as a draft. */
const { values, positionals } = commandLine(
  {
    allowPositionals: true,
    options: { author: { type: "string", multiple: true }, content: { type: "string", default: "content" } },
  },
  'usage: npm run new -- "Headline words" [--author <id>]... [--content content]',
);

const headline = positionals.join(" ").trim();
const contentDir = path.resolve(values.content);
const id = articleIdFor(headline);
if (!headline || !id) {
  console.error('Give the headline: npm run new -- "Ferry operator cuts night crossings"');
  process.exit(2);
}

const file = path.join(contentDir, "articles", `${id}.md`);
const shown = path.relative(process.cwd(), file);
if (existsSync(file)) {
  console.error(`${shown} already exists: nothing was written. Choose another headline or edit that file.`);
  process.exit(1);
}

const site = parse(readFileSync(path.join(contentDir, "site.yaml"), "utf8")) as { timeZone?: string };
const known = readdirSync(path.join(contentDir, "authors")).filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3)).sort();
const authorIds = values.author ?? [known.find((author) => author.includes("desk")) ?? known[0] ?? "news-desk"];
const unknown = authorIds.filter((author) => !known.includes(author));
if (unknown.length > 0) {
  console.error(`unknown author ${unknown.map((author) => `"${author}"`).join(", ")}: the authors are ${known.join(", ")}`);
  process.exit(1);
}

writeFileSync(file, newArticleMarkdown({ headline, now: new Date(), timeZone: site.timeZone ?? "UTC", authorIds }), { flag: "wx" });
console.log(`Created ${shown} (a draft). Add a dek and a hero, write the story, then remove "draft: true" to publish.`);
