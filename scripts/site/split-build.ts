import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  ADDRESSES_NAME,
  computeSiteVersion,
  emptyFolder,
  MANIFEST_NAME,
  readKeepableBuild,
} from '../../src/integrations/incremental-pages.ts';
import { writeSitemaps } from '../../src/lib/sitemap.ts';

/** Below this many articles a second Astro process costs more to start than it saves. */
export const SPLIT_MIN_ARTICLES = 500;
/** Each process holds the whole content store: more than this many would crowd the memory. */
const MAX_PROCESSES = 4;
/**
 * Cores one Astro process keeps busy: its render thread, the article-body worker and V8's garbage
 * collector threads. Measured on 2 cores at 10,000 articles: two processes built in 94 s where one
 * took 105 s, and a one-article rebuild took 28 s instead of 21 s, so 2 cores keep one process.
 */
const CORES_PER_PROCESS = 2;

/**
 * Node flags for an Astro build process. Rendering tens of thousands of pages allocates mostly
 * short-lived strings, and with V8's default 16 MB young generation the collector took a fifth of
 * the build; 64 MB semi-spaces made the same 10,000-article build 8-12 % faster (79.7 → 73.0 s,
 * 100.4 → 88.6 s, back to back) for about 250 MB more memory.
 */
export function chooseAstroNodeFlags(nodeOptions = process.env.NODE_OPTIONS ?? ''): string[] {
  // Someone who tunes the young generation in NODE_OPTIONS keeps their setting.
  return /--max-semi-space-size\b/.test(nodeOptions) ? [] : ['--max-semi-space-size=64'];
}

/** Where one build's inputs and outputs are, as absolute paths. */
export interface SiteBuildPaths {
  root: string;
  content: string;
  dist: string;
  cache: string;
}

/** How many Astro processes build a site of this many articles on this machine. */
export function chooseProcessCount(articles: number, cores = availableParallelism()): number {
  const fromEnv = Number(process.env.PARALLAX_BUILD_PROCESSES);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  if (articles < SPLIT_MIN_ARTICLES) return 1;
  return Math.max(1, Math.min(Math.floor(cores / CORES_PER_PROCESS), MAX_PROCESSES));
}

/** The cache folder of one process of a split build. */
function shardCache(cache: string, index: number, count: number): string {
  return path.join(cache, `shard-${index}-of-${count}`);
}

/**
 * Clears what a build with another number of processes left, and empties the output folder unless
 * every process can build incrementally on it (same code, same folder, each with its manifest):
 * the processes never empty the folder themselves, since they share it.
 */
function prepareSplitBuild({ root, dist, cache }: SiteBuildPaths, count: number): string[] {
  mkdirSync(cache, { recursive: true });
  const caches = Array.from({ length: count }, (_, i) => shardCache(cache, i, count));
  for (const name of readdirSync(cache))
    if (/^shard-\d+-of-\d+$/.test(name) && !caches.includes(path.join(cache, name)))
      rmSync(path.join(cache, name), { recursive: true, force: true });
  // A one-process build's manifest would not know the pages the split builds wrote since.
  rmSync(path.join(cache, MANIFEST_NAME), { force: true });
  const version = computeSiteVersion(root);
  // The same test as each process makes (src/integrations/incremental-pages.ts).
  if (!caches.every((c) => readKeepableBuild(c, version, dist))) {
    emptyFolder(dist);
    for (const c of caches) rmSync(path.join(c, MANIFEST_NAME), { force: true });
  }
  for (const c of caches) {
    mkdirSync(c, { recursive: true });
    rmSync(path.join(c, ADDRESSES_NAME), { force: true });
  }
  return caches;
}

/** Makes a folder for one Astro process to work in, inside the project so that its bundle's imports resolve. */
function makeWorkFolder(root: string, prefix: string): string {
  mkdirSync(path.join(root, '.cache'), { recursive: true });
  return mkdtempSync(path.join(root, '.cache', prefix));
}

/** Runs one Astro build process; its output lines are prefixed with its share. */
function startAstro(
  { root }: SiteBuildPaths,
  cwd: string,
  env: NodeJS.ProcessEnv,
  prefix: string,
  onLine: (line: string) => void = () => {},
): { child: ChildProcess; done: Promise<void> } {
  const astro = path.join(root, 'node_modules/astro/astro.js');
  const child = spawn(
    process.execPath,
    [...chooseAstroNodeFlags(), astro, 'build', '--root', root],
    {
      cwd,
      env,
      stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'],
    },
  );
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        onLine(line);
        out.write(`${prefix}${line}\n`);
      }
    });
    stream?.on('end', () => rest && out.write(`${prefix}${rest}\n`));
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${prefix}astro build failed (${signal ?? code})`)),
    );
  });
  return { child, done };
}

/**
 * Builds the site with `count` Astro processes, each rendering its share of the pages into the same
 * output folder (src/lib/build-shards.ts), then writes the sitemap from every process's pages.
 * Gives the same site as one process (tested); a failing process stops the others.
 */
export async function buildSite(paths: SiteBuildPaths, count: number): Promise<void> {
  const env = {
    ...process.env,
    PARALLAX_ROOT: paths.root,
    PARALLAX_CONTENT: paths.content,
    PARALLAX_DIST: paths.dist,
  };
  if (count === 1) {
    for (const name of existsSync(paths.cache) ? readdirSync(paths.cache) : [])
      if (/^shard-\d+-of-\d+$/.test(name))
        rmSync(path.join(paths.cache, name), { recursive: true, force: true });
    // Astro bundles into `.astro/` of its working folder when the output folder is outside it,
    // then copies that folder into the output: from the project's root, that is the project's own
    // `.astro/`, and its content modules and collection schemas would be published with the site.
    const inside = !path.relative(paths.root, paths.dist).startsWith('..');
    const cwd = inside ? paths.root : makeWorkFolder(paths.root, 'build-');
    try {
      await startAstro(paths, cwd, { ...env, PARALLAX_CACHE: paths.cache }, '').done;
    } finally {
      if (!inside) rmSync(cwd, { recursive: true, force: true });
    }
    return;
  }
  const caches = prepareSplitBuild(paths, count);
  const ready = path.join(caches[0]!, 'synced');
  rmSync(ready, { force: true });
  // Each process's count of entry pages, for one line that sums them.
  const tally: number[][] = [];
  const countPages = (line: string) => {
    const m = /entry pages: (\d+) of (\d+) rendered, \d+ unchanged kept, (\d+) removed/.exec(line);
    if (m) tally.push([Number(m[1]), Number(m[2]), Number(m[3])]);
  };
  // Each process works in a folder of its own, where Astro bundles the pages it renders (a build
  // whose output folder is outside its working folder bundles into `.astro/` there). Inside the
  // project, so that the bundle's imports resolve from its node_modules.
  const folders = caches.map((_, i) => makeWorkFolder(paths.root, `build-${i}-`));
  const runs = caches.map((cache, index) =>
    startAstro(
      paths,
      folders[index]!,
      {
        ...env,
        PARALLAX_CACHE: cache,
        PARALLAX_SHARD: `${index}/${count}`,
        PARALLAX_SHARD_READY: ready,
      },
      `[${index + 1}/${count}] `,
      countPages,
    ),
  );
  try {
    await Promise.all(runs.map((r) => r.done));
  } catch (error) {
    for (const { child } of runs) if (child.exitCode === null) child.kill();
    await Promise.allSettled(runs.map((r) => r.done));
    throw error;
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
  const lists = caches.map(
    (cache) =>
      JSON.parse(readFileSync(path.join(cache, ADDRESSES_NAME), 'utf8')) as {
        site: string;
        addresses: string[];
      },
  );
  // Pages without an entry (the home page, the lists' first pages) are rendered by every process.
  writeSitemaps(paths.dist, new URL(lists[0]!.site), [
    ...new Set(lists.flatMap((l) => l.addresses)),
  ]);
  const [rendered, total, removed] = [0, 1, 2].map((i) => tally.reduce((sum, t) => sum + t[i]!, 0));
  console.log(
    `split build (${count} processes): entry pages: ${rendered} of ${total} rendered, ${total! - rendered!} unchanged kept, ${removed} removed deleted`,
  );
}
