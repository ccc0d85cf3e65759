/** @jsxRuntime automatic @jsxImportSource preact */
export type PaginationProps = { label: string; pageNumber: number; totalPages: number; previousUrl?: string; nextUrl?: string };

export function Pagination({ label, pageNumber, totalPages, previousUrl, nextUrl }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav class="pagination" data-component="pagination" aria-label={label}>
      {previousUrl ? <a class="pagination__previous" rel="prev" href={previousUrl}>← Newer</a> : <span />}
      <span class="pagination__status">Page {pageNumber} of {totalPages}</span>
      {nextUrl ? <a class="pagination__next" rel="next" href={nextUrl}>Older →</a> : <span />}
    </nav>
  );
}
