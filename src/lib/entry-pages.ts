import { selectPagesToRender } from './incremental-build.ts';
import type { PageDigests } from './page-digests.ts';
import { getPageDigests } from './site-index.ts';

interface EntryRoute {
  /** The route's name in the build's page manifest. */
  route: string;
  /** Which digest covers what the route's pages show. */
  digest: keyof PageDigests;
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
