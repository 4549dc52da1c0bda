import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readBuildShard } from '../lib/build-shards.ts';
import { DEFAULT_SITE } from '../lib/format.ts';
import { outputFileOf, type PageManifest, type RoutePlan } from '../lib/incremental-build.ts';
import { writeSitemaps } from '../lib/sitemap.ts';

/** Lists the files under a folder, recursively and sorted, so that their hash is stable. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A hash of everything that shapes every page: the site's code, its static files, its config and locked dependencies. */
export function computeSiteVersion(root: string): string {
  const hash = createHash('sha256');
  const files = [
    ...listFiles(path.join(root, 'src')),
    ...listFiles(path.join(root, 'public')),
    path.join(root, 'astro.config.mjs'),
    path.join(root, 'package-lock.json'),
  ];
  for (const file of files)
    if (existsSync(file))
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Removes everything in the output folder, as Astro itself would before a full build. */
export function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir))
    if (name !== '.git') rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** What a full build leaves alone in its output folder: a repository, and the search index. */
const KEPT_BY_FULL_BUILD = new Set(['.git', 'pagefind']);

/**
 * Each file in an output folder, by path, with its modification time: what a full build is about
 * to write over. The search index is left out, since the index step replaces it whole.
 */
export function listOutputFiles(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    if (KEPT_BY_FULL_BUILD.has(name)) continue;
    const top = path.join(dir, name);
    for (const file of statSync(top).isDirectory() ? listFiles(top) : [top])
      files.set(file, statSync(file).mtimeMs);
  }
  return files;
}

/**
 * Removes the files of an earlier build that a full build did not write again (their time is
 * unchanged), and the folders that leaves empty; returns how many files it removed.
 */
export function removeUnwrittenFiles(outDir: string, before: Map<string, number>): number {
  // Astro gives its output folder with a final slash.
  const dir = path.resolve(outDir);
  let removed = 0;
  const folders = new Set<string>();
  for (const [file, mtimeMs] of before) {
    if (!existsSync(file) || statSync(file).mtimeMs !== mtimeMs) continue;
    rmSync(file);
    removed++;
    for (let d = path.dirname(file); d.startsWith(dir + path.sep); d = path.dirname(d))
      folders.add(d);
  }
  // Deepest first, so that a folder whose subfolders all went is empty when its turn comes.
  for (const folder of [...folders].sort((a, b) => b.length - a.length))
    if (existsSync(folder) && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
  return removed;
}

/** The name of a build's page manifest in its cache folder. */
export const MANIFEST_NAME = 'parallax-pages.json';
/** The name of the list of pages one process of a split build wrote, in its cache folder. */
export const ADDRESSES_NAME = 'parallax-addresses.json';

/** What a build leaves in its cache folder: its code's version, its output folder, its pages. */
interface BuildRecord {
  version: string;
  outDir: string;
  pages: PageManifest;
}

/**
 * The last build's record in a cache folder, when the next build can keep its pages: same code,
 * same output folder (still there), and no PARALLAX_FULL_BUILD=1; null when it must build all.
 */
export function readKeepableBuild(
  cacheDir: string,
  version: string,
  outDir: string,
): BuildRecord | null {
  const file = path.join(cacheDir, MANIFEST_NAME);
  if (process.env.PARALLAX_FULL_BUILD === '1' || !existsSync(file) || !existsSync(outDir))
    return null;
  const last = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  return last.version === version && path.resolve(last.outDir) === path.resolve(outDir)
    ? last
    : null;
}

/** Waits until a file exists (a split build's first process creates it when its sync is done). */
async function waitForFile(file: string | undefined): Promise<void> {
  if (!file) return;
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Makes a build after a small change render only the pages it changes. Dynamic routes give each
 * page a digest of what it shows (src/lib/page-digests.ts) and render those whose digest differs
 * from the last build's; the other pages stay in the output folder. Any change to the site's code,
 * or PARALLAX_FULL_BUILD=1, makes a full build. Also writes the sitemap, from every page. In a
 * split build (src/lib/build-shards.ts) each process keeps its own page manifest.
 */
export default function incrementalPages(): AstroIntegration {
  let root = '';
  let outDir = '';
  let manifestFile = '';
  let site = new URL(DEFAULT_SITE);
  let version = '';
  let previous: PageManifest = {};
  let overwritten: Map<string, number> | null = null;
  let addressesFile = '';
  const shard = readBuildShard();
  return {
    name: 'parallax-incremental-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        manifestFile = path.join(fileURLToPath(config.cacheDir), MANIFEST_NAME);
        addressesFile = path.join(fileURLToPath(config.cacheDir), ADDRESSES_NAME);
        if (config.site) site = new URL(config.site);
        // The processes of a split build share the project's .astro folder, which the content
        // sync rewrites: the others sync once the first one has finished.
        if (shard && shard.index > 0) await waitForFile(process.env.PARALLAX_SHARD_READY);
      },
      'astro:build:start': ({ logger }) => {
        version = computeSiteVersion(root);
        const last = readKeepableBuild(path.dirname(manifestFile), version, outDir);
        const incremental = last !== null;
        previous = last?.pages ?? {};
        // A full build writes over the last build's files and then removes those it did not
        // write again, rather than emptying the folder first: a file written over keeps its
        // inode, and on this workplace's file system creating files in the minutes after tens of
        // thousands were deleted costs several times more (20,000 pages: 1.3 s, or 7.2 s right
        // after 30,000 others went). A split build's folder is emptied by its starting script.
        overwritten = !incremental && !shard ? listOutputFiles(outDir) : null;
        if (shard?.index === 0 && process.env.PARALLAX_SHARD_READY)
          writeFileSync(process.env.PARALLAX_SHARD_READY, '');
        process.env.PARALLAX_PAGES_PREVIOUS = incremental ? manifestFile : '';
        process.env.PARALLAX_PAGES_NEXT = mkdtempSync(
          path.join(path.dirname(manifestFile), 'parallax-pages-next-'),
        );
        process.env.PARALLAX_OUT_DIR = outDir;
        logger.info(
          incremental
            ? 'incremental build: pages whose content is unchanged are kept from the last build'
            : 'full build',
        );
      },
      'astro:build:done': ({ pages, logger }) => {
        const next = process.env.PARALLAX_PAGES_NEXT!;
        const current: PageManifest = {};
        let renderedEntryPages = 0;
        for (const file of readdirSync(next).sort()) {
          const plan = JSON.parse(readFileSync(path.join(next, file), 'utf8')) as RoutePlan;
          Object.assign(current, plan.pages);
          renderedEntryPages += plan.rendered;
        }
        rmSync(next, { recursive: true, force: true });
        let removed = 0;
        for (const address of Object.keys(previous)) {
          if (address in current) continue;
          const file = outputFileOf(outDir, address);
          rmSync(file, { force: true });
          // The page's folder goes too, unless another page (its feed) still lives in it; it may
          // already be gone if someone cleaned dist/ by hand.
          const folder = path.dirname(file);
          if (existsSync(folder) && readdirSync(folder).length === 0)
            rmSync(folder, { recursive: true });
          removed++;
        }
        const rendered = pages.map((p) => `/${p.pathname}`.replace(/^\/+/, '/'));
        const addresses = [...new Set([...Object.keys(current), ...rendered])];
        // The sitemap lists every process's pages: a split build's script writes it from each list.
        if (shard) writeFileSync(addressesFile, JSON.stringify({ site: site.href, addresses }));
        else writeSitemaps(outDir, site, addresses);
        if (overwritten) {
          const stale = removeUnwrittenFiles(outDir, overwritten);
          if (stale) logger.info(`full build: ${stale} files of the last build removed`);
          overwritten = null;
        }
        const record: BuildRecord = { version, outDir, pages: current };
        writeFileSync(manifestFile, JSON.stringify(record));
        const total = Object.keys(current).length;
        logger.info(
          `entry pages: ${renderedEntryPages} of ${total} rendered, ${total - renderedEntryPages} unchanged kept, ${removed} removed deleted`,
        );
      },
    },
  };
}
