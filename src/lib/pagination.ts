/** One page of a listing: its number (from 1), how many pages there are, and its items. */
export interface ListingPage<T> {
  number: number;
  count: number;
  items: T[];
}

/** Splits a list into pages of `size` items; an empty list still has one (empty) page. */
export function splitPages<T>(items: T[], size: number): Array<ListingPage<T>> {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/**
 * The address of a listing's page: the listing's own address for the first, `page/N/` under it
 * for the others, so that no page number can take the address of an entry named like a number.
 */
export function listingPageHref(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/**
 * The page numbers a pager links: the first, the last, and those within two of the current one,
 * with `null` where numbers are left out. Bounded, however many pages there are.
 */
export function pagerNumbers(current: number, count: number): Array<number | null> {
  const wanted = [
    ...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count]),
  ]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of wanted) {
    const last = out.at(-1);
    if (typeof last === 'number' && n > last + 1) out.push(null);
    out.push(n);
  }
  return out;
}
