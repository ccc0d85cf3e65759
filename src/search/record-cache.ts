import { readFileSync } from "node:fs";
import path from "node:path";
import type { SearchRecord, SearchRecordSource } from "./search-record.ts";
import { writeFileWhole } from "../util/write-whole.ts";

/**
 * The live bundle's records as last built, by hash, in the state folder
 * (`live-records.json`, never published): the live bundle is indexed again
 * on every change, almost always with the same records but one, and
 * building a record (parsing its body) costs about as much as Pagefind's
 * indexing it. A missing or foreign file only means building them all.
 */

const FILE = "live-records.json";

export class RecordCache {
  readonly #known: Map<string, SearchRecord>;
  readonly #used = new Map<string, SearchRecord>();

  constructor(
    readonly stateDir: string,
    readonly format: string,
  ) {
    this.#known = readRecords(path.join(stateDir, FILE), format);
  }

  /** The sources, each building its record only if it is not known by its hash; what they give is kept for `save`. */
  through(sources: readonly SearchRecordSource[]): SearchRecordSource[] {
    return sources.map((source) => ({
      ...source,
      record: () => {
        const record = this.#known.get(source.hash) ?? source.record();
        this.#used.set(source.hash, record);
        return record;
      },
    }));
  }

  /** Keeps the records given out (the live bundle's now), through a temporary file. */
  save(): void {
    const file = path.join(this.stateDir, FILE);
    writeFileWhole(file, JSON.stringify({ format: this.format, records: Object.fromEntries(this.#used) }));
  }
}

function readRecords(file: string, format: string): Map<string, SearchRecord> {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; records?: Record<string, SearchRecord> };
    if (stored.format !== format || !stored.records || typeof stored.records !== "object") return new Map();
    return new Map(Object.entries(stored.records).filter(([, record]) => isRecord(record)));
  } catch {
    return new Map();
  }
}

function isRecord(record: unknown): record is SearchRecord {
  const { url, language, content, meta, filters, sort } = (record ?? {}) as Partial<SearchRecord>;
  return typeof url === "string" && typeof language === "string" && typeof content === "string" && [meta, filters, sort].every((part) => typeof part === "object" && part !== null);
}
