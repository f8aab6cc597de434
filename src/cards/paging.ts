/** At most this many domains of one list are shown on a card (the rest are paged). */
export const DOMAINS_PER_PAGE = 50;
/** Lists that are not the one being paged show a short preview. */
export const PREVIEW_SIZE = 10;

export interface PageSlice<T> {
  items: T[];
  /** The page actually shown (requested pages past the end show the last page). */
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
}

/** Pages count from 0, like the store's history. */
export function slicePage<T>(all: readonly T[], page: number, size: number): PageSlice<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const items = all.slice(p * size, p * size + size);
  return { items, page: p, pages, first: p * size + 1, last: p * size + items.length, total: all.length };
}
