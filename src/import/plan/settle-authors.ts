import { slugify } from "../../format/slug.ts";
import type { SourceAuthor, SourcePlace } from "../model.ts";
import type { ImportReport } from "../report.ts";

/** An author file to write. */
export interface SettledAuthor {
  id: string;
  name: string;
  isDesk: boolean;
  bio?: string;
}

/**
 * The authors of the imported posts: each key a post names becomes an id
 * (slugified), named from the names file (--authors), then from the
 * source; an author with no known name is named by its id, reported once.
 */
export class AuthorRegistry {
  readonly used = new Map<string, SettledAuthor>();

  constructor(
    private readonly known: ReadonlyMap<string, SourceAuthor>,
    private readonly namesFile: ReadonlyMap<string, SourceAuthor>,
    private readonly report: ImportReport,
  ) {}

  /** The id for an author key, noting the author as used. */
  idFor(key: string, place: SourcePlace): string {
    const id = slugify(key) || "author";
    if (this.used.has(id)) return id;
    const fromFile = this.namesFile.get(key) ?? this.namesFile.get(id);
    const fromSource = this.known.get(key) ?? this.known.get(id);
    const name = fromFile?.name ?? fromSource?.name;
    if (!name) this.report.warn("author-without-name", place, `no name is known for the author "${key}": named "${id}" (give names with --authors)`);
    const bio = fromFile?.bio ?? fromSource?.bio;
    this.used.set(id, { id, name: name ?? id, isDesk: Boolean(fromFile?.isDesk ?? fromSource?.isDesk), ...(bio ? { bio } : {}) });
    return id;
  }

  /** The desk that signs posts without an author. */
  deskFor(id: string, name: string): string {
    if (!this.used.has(id)) this.used.set(id, { id, name, isDesk: true });
    return id;
  }
}
