/** @jsxRuntime automatic @jsxImportSource preact */
export type PaginationProps = {
  /** What the pages are, for the navigation's accessible name ("News feed pages"). */
  label: string;
  /** Absent on the front page. */
  pageNumber?: number;
  newerUrl?: string;
  olderUrl?: string;
};

/**
 * Links between a listing's pages. A numbered page names itself, never how
 * many pages there are: it keeps its stories, and its bytes, when news is
 * published (see src/collections/paginate.ts).
 */
export function Pagination({ label, pageNumber, newerUrl, olderUrl }: PaginationProps) {
  if (!newerUrl && !olderUrl) return null;
  return (
    <nav class="pagination" data-component="pagination" aria-label={label}>
      {newerUrl ? <a class="pagination__newer" rel="prev" href={newerUrl}>← Newer stories</a> : <span />}
      {pageNumber === undefined ? null : <span class="pagination__status">Page {pageNumber}</span>}
      {olderUrl ? <a class="pagination__older" rel="next" href={olderUrl}>Older stories →</a> : <span />}
    </nav>
  );
}
