import { selectPagesToRender } from './incremental-build.ts';
import { digestListingPage, type PageDigests } from './page-digests.ts';
import { listingPageHref, type ListingPage } from './pagination.ts';
import { getPageDigests } from './site-index.ts';

interface EntryRoute {
  /** The route's name in the build's page manifest. */
  route: string;
  /** Which digest covers what the route's pages show. */
  digest: Exclude<keyof PageDigests, 'timelineMenu'>;
  /** The address of an entry's page on this route. */
  address: (id: string) => string;
}

/**
 * The `getStaticPaths` of a route with one page per entry: every entry's page, less those that an
 * incremental build keeps from the last build because nothing they show has changed.
 */
export async function planEntryPages<E extends { id: string }, P>(
  { route, digest, address }: EntryRoute,
  entries: E[],
  toPath: (entry: E) => P,
): Promise<P[]> {
  const digests = await getPageDigests();
  return selectPagesToRender(
    route,
    entries.map((entry) => ({
      path: address(entry.id),
      digest: digests[digest](entry.id),
      entry: toPath(entry),
    })),
  );
}

/**
 * The `getStaticPaths` of a listing's later pages (`page/N/`): each page's digest covers the
 * header it shows and every row, so an incremental build renders only the pages that changed
 * and deletes those a shorter listing no longer has.
 */
export function planListingPages<T extends { id: string }>(
  { route, base }: { route: string; base: string },
  pages: Array<ListingPage<T>>,
  header: Array<string | number>,
  describe?: (item: T) => string | null | undefined,
): Array<{ params: { page: string }; props: { page: ListingPage<T> } }> {
  return selectPagesToRender(
    route,
    pages.map((page) => ({
      path: listingPageHref(base, page.number),
      digest: digestListingPage([...header, page.number, page.count], page.items, describe),
      entry: { params: { page: String(page.number) }, props: { page } },
    })),
  );
}
