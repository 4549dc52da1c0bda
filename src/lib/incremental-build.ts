import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keepOwnPages } from './build-shards.ts';

/** A page that a dynamic route can render, with the digest of everything it shows. */
export interface PlannedPage<T> {
  /** The page's address, as the site links it (`/articles/x/`, `/actors/x/rss.xml`). */
  path: string;
  digest: string;
  /** What `getStaticPaths` returns for the page. */
  entry: T;
}

/** The pages of the last build and their digests, by address. */
export type PageManifest = Record<string, string>;

/** Where a page's address is written in the output folder. */
export function outputFileOf(outDir: string, address: string): string {
  return address.endsWith('/')
    ? path.join(outDir, address, 'index.html')
    : path.join(outDir, address);
}

/** What one route of this build planned: all its pages, and how many it renders. */
export interface RoutePlan {
  pages: PageManifest;
  rendered: number;
}

let previous: PageManifest | null | undefined;

/** The last build's page digests, when the build is incremental (set up by the integration). */
function readPreviousManifest(): PageManifest | null {
  if (previous === undefined) {
    const file = process.env.PARALLAX_PAGES_PREVIOUS;
    previous =
      file && existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { pages: PageManifest }).pages
        : null;
  }
  return previous;
}

/**
 * Records every page of a route for this build, and returns the entries of those that must be
 * rendered: all of them in a full build; in an incremental one, the pages that are new, whose
 * digest changed, or whose file is missing. The others stay in the output folder as they were.
 */
export function selectPagesToRender<T>(route: string, routePages: Array<PlannedPage<T>>): T[] {
  // In a split build, each process plans, records and renders its own share of the route.
  const pages = keepOwnPages(routePages, (page) => page.path);
  const last = readPreviousManifest();
  const outDir = process.env.PARALLAX_OUT_DIR;
  const chosen =
    !last || !outDir
      ? pages
      : pages.filter(
          (page) => last[page.path] !== page.digest || !existsSync(outputFileOf(outDir, page.path)),
        );
  const next = process.env.PARALLAX_PAGES_NEXT;
  if (next) {
    const digests: PageManifest = {};
    for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
      digests[page.path] = page.digest;
    const plan: RoutePlan = { pages: digests, rendered: chosen.length };
    mkdirSync(next, { recursive: true });
    writeFileSync(path.join(next, `${route.replaceAll('/', '_')}.json`), JSON.stringify(plan));
  }
  return chosen.map((page) => page.entry);
}
