export interface Page<T> {
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  items: T[];
  url: string;
  previousUrl?: string;
  nextUrl?: string;
}

/**
 * Splits a list into pages of `size`. An empty list still has one (empty)
 * page, so that listing URLs always exist.
 */
export function paginate<T>(items: readonly T[], size: number, urlFor: (pageNumber: number) => string): Page<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, index) => {
    const pageNumber = index + 1;
    return {
      pageNumber,
      totalPages,
      items: items.slice(index * size, pageNumber * size),
      url: urlFor(pageNumber),
      ...(pageNumber > 1 ? { previousUrl: urlFor(pageNumber - 1) } : {}),
      ...(pageNumber < totalPages ? { nextUrl: urlFor(pageNumber + 1) } : {}),
    };
  });
}
