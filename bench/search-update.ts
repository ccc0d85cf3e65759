/**
 * Times the search update alone (src/search/update-search.ts) on the
 * benchmark corpus: a cold index, then updates after nothing changed, after
 * one archived article is edited, after a story is published, and the two
 * compactions (the unarchived stories sealed, amendments past the bound).
 * An edit is made on the records (a changed hash and text), so that only the
 * search is timed, not loading the content again.
 *
 *   node --import ./src/loader/register.mjs bench/search-update.ts [size=10000] [repeats=3]
 *
 * Prints one JSON line per update, then the medians.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSiteModel } from "../src/collections/site-model.ts";
import { loadContent } from "../src/assembly/load-content.ts";
import type { SearchRecordSource } from "../src/search/search-record.ts";
import { searchRecordSources } from "../src/search/site-records.ts";
import { DEFAULT_BUNDLE_SIZES, updateSearch } from "../src/search/update-search.ts";
import { ensureCorpus } from "./generate-corpus.ts";

const size = Number(process.argv[2] ?? 10_000);
const repeats = Number(process.argv[3] ?? 3);
const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(2));

const corpus = await ensureCorpus(size, 1, log);
const builtAt = new Date("2026-11-28T09:00:00Z");
let started = performance.now();
const { content } = await loadContent({ rootDir: corpus.dir, now: builtAt });
if (!content) throw new Error("the corpus has problems");
log(`content loaded in ${seconds(started)} s`);
const model = buildSiteModel(content, { isPreview: false, builtAt });
started = performance.now();
const base = searchRecordSources(model);
const hashSeconds = seconds(started);

/** An article's source with its record changed, as an edit of its body would. */
const edited = (source: SearchRecordSource, mark: string): SearchRecordSource => ({
  ...source,
  hash: `${source.hash}-${mark}`,
  record: () => {
    const record = source.record();
    return { ...record, content: `${record.content} Corrected ${mark}.` };
  },
});
/** A new story: an old one's record under a new address, dated now. */
const published = (source: SearchRecordSource, mark: string): SearchRecordSource => ({
  url: `/news/published-${mark}/`,
  kind: "article",
  hash: `published-${mark}`,
  record: () => ({ ...source.record(), url: `/news/published-${mark}/`, sort: { date: builtAt.toISOString() }, meta: { ...source.record().meta, date: builtAt.toISOString() } }),
});

const stateDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-search-bench-"));
const results: Record<string, number[]> = {};
async function update(step: string, records: readonly SearchRecordSource[]) {
  const at = performance.now();
  const { summary } = await updateSearch({ stateDir, records });
  const took = seconds(at);
  (results[step] ??= []).push(took);
  process.stdout.write(`${JSON.stringify({ step, seconds: took, ...summary })}\n`);
}

let records = base;
const articles = records.filter((source) => source.kind === "article");
let edits = 0;
let stories = 0;
/** Edits `count` archived articles (the oldest first, in the first archive). */
const edit = (count: number) => {
  const targets = new Set(articles.slice(-edits - count, articles.length - edits));
  edits += count;
  records = records.map((source) => (targets.has(source) ? edited(source, `edit-${edits}`) : source));
};
const publish = (count: number) => {
  records = [...Array.from({ length: count }, (_, index) => published(articles[stories + index]!, `new-${stories + index}`)), ...records];
  stories += count;
};

await update("cold", records);
for (let run = 0; run < repeats; run++) await update("unchanged", records);
for (let run = 0; run < repeats; run++) {
  edit(1);
  await update("edit, live bundle small", records);
}
for (let run = 0; run < repeats; run++) {
  publish(1);
  await update("publish, live bundle small", records);
}
// The live bundle near its bounds: 10 short of each.
publish(DEFAULT_BUNDLE_SIZES.freshLimit - 10 - stories);
edit(DEFAULT_BUNDLE_SIZES.supersededLimit - 10 - edits);
await update("live bundle filled", records);
for (let run = 0; run < repeats; run++) {
  edit(1);
  await update("edit, live bundle full", records);
}
for (let run = 0; run < repeats; run++) {
  publish(1);
  await update("publish, live bundle full", records);
}
publish(DEFAULT_BUNDLE_SIZES.freshLimit + 1 - stories);
await update("stories sealed into the archive", records);
edit(DEFAULT_BUNDLE_SIZES.supersededLimit + 1 - edits);
await update("amendments compacted", records);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
log(`\n${size} articles, ${records.length} records; hashing every record: ${hashSeconds} s`);
for (const [step, values] of Object.entries(results)) log(`${step.padEnd(34)} median ${median(values)} s  (${values.join(", ")})`);
rmSync(stateDir, { recursive: true, force: true });
