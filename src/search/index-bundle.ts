import type { Pagefind } from "./pagefind-processes.ts";
import { readResultIds, removeDefaultUi } from "./pagefind-files.ts";
import type { SearchRecordSource } from "./search-record.ts";

/** Records handed to Pagefind before waiting for its answers: the pipe stays full, the build's memory small. */
const RECORDS_IN_FLIGHT = 200;

export interface IndexedBundle {
  /** Each record's result id in the bundle, by URL (when asked for). */
  ids: Map<string, string>;
  /** The newest date a record is sorted by (ISO, UTC; "" when none is dated). */
  newest: string;
}

/**
 * Indexes records into a Pagefind bundle at `outputPath` (a new folder),
 * building each record as it is handed over, in the order given (the same
 * records in the same order give the same files). `readIds`: read back each
 * record's result id (an archive's, which the live bundle may supersede).
 */
export async function indexBundle(pagefind: Pagefind, sources: readonly SearchRecordSource[], outputPath: string, { readIds, onRecord }: { readIds: boolean; onRecord?: () => void }): Promise<IndexedBundle> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
  if (!index) throw new Error(`internal error, please report: search index: ${errors.join("; ")}`);
  const problems: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let newest = "";
  for (const source of sources) {
    const record = source.record();
    if (record.url !== source.url) throw new Error(`internal error, please report: the search record of ${source.url} is for ${record.url}`);
    const date = record.sort.date ?? "";
    if (date > newest) newest = date;
    const added: Promise<void> = index.addCustomRecord(record).then(
      (result) => {
        problems.push(...result.errors);
        onRecord?.();
      },
      (error: unknown) => void problems.push(String(error)),
    );
    inFlight.add(added);
    void added.finally(() => inFlight.delete(added));
    if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (problems.length > 0) throw new Error(`internal error, please report: search index: ${problems.join("; ")}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`internal error, please report: search index: ${written.errors.join("; ")}`);
  await removeDefaultUi(outputPath);
  if (!readIds) return { ids: new Map(), newest };
  const ids = await readResultIds(outputPath);
  // A bundle that shares fragments between records (Pagefind's maxFragments) has no id per record: the search page could not tell them apart.
  if (ids.size !== sources.length) throw new Error(`internal error, please report: the search bundle at ${outputPath} has ${ids.size} fragments for ${sources.length} records`);
  return { ids, newest };
}
