import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/ingest.ts';
import { ROOT } from '../helpers/seeds.ts';

// Inside the project like dist/: Astro writes its type files into an outDir outside the root.
mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, '.cache', 'incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seeds = path.join(work, 'seeds');
const content = path.join(work, 'content');

// Asynchronous, so that the test worker keeps answering Vitest while a build runs.
const run = promisify(execFile);

async function ingest(): Promise<void> {
  await run(
    'npx',
    [
      'tsx',
      'scripts/ingest.ts',
      '--seeds',
      seeds,
      '--out',
      content,
      '--cache',
      path.join(work, 'ingest-cache'),
    ],
    { cwd: ROOT },
  );
}

/**
 * Builds the site and its search index from the work folder's content, with one Astro process or
 * several, and returns the build's log.
 */
async function build(
  dist: string,
  cache: string,
  processes = 1,
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const env = {
    ...process.env,
    ...extraEnv,
    PARALLAX_CONTENT: content,
    PARALLAX_DIST: dist,
    PARALLAX_CACHE: cache,
    PARALLAX_BUILD_PROCESSES: String(processes),
  };
  const { stdout: log } = await run('npx', ['tsx', 'scripts/build-site.ts'], {
    cwd: ROOT,
    env,
    // Astro lists every page it writes.
    maxBuffer: 256 * 1024 * 1024,
  });
  await run('npx', ['tsx', 'scripts/index-site.ts', '--site', dist], {
    cwd: ROOT,
    env,
  });
  return log;
}

const ADDED = `Baku demands answers from Moscow over the deaths in custody
By Test Writer
Published: 14 July 2025

Azerbaijan's President Ilham Aliyev said on Monday that Russia must explain how two men died after the police raids in Yekaterinburg, officials in Baku said.

"We expect a full and open investigation," Aliyev told reporters in Baku, adding that relations with Russia had rarely been this strained.

Kremlin spokesman Dmitry Peskov said Moscow regretted the tension but rejected the accusations as unfounded.
`;

/** Builds the same content from scratch and lists the files where the incremental build differs. */
async function compareWithFullBuild(incremental: string, name: string): Promise<string[]> {
  const full = path.join(work, `dist-full-${name}`);
  expect(await build(full, path.join(work, `cache-full-${name}`))).toMatch(/full build/);
  const files = listFiles(full);
  expect(listFiles(incremental)).toEqual(files);
  return files.filter(
    (file) =>
      !readFileSync(path.join(full, file)).equals(readFileSync(path.join(incremental, file))),
  );
}

describe('an incremental site build', () => {
  const incremental = path.join(work, 'dist-incremental');
  const incrementalCache = path.join(work, 'cache-incremental');

  it('after one article is corrected, renders only the pages that show it, and gives the same site as a full build', async () => {
    cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
    await ingest();
    const fullLog = await build(incremental, incrementalCache);
    expect(fullLog).toMatch(/full build/);
    // One count of pages per route, not a line per page.
    const articles = listFiles(path.join(content, 'articles')).length;
    expect(fullLog).toMatch(
      new RegExp(`articles/\\[id\\]\\.astro\\n\\S+ +└─ ${articles} pages\\n`),
    );
    expect(fullLog).not.toMatch(/[├└]─ \/\S*index\.html/);

    const [first] = listFiles(seeds);
    appendFileSync(
      path.join(seeds, first!),
      '\n\nKremlin spokesman Dmitry Peskov later said that talks with Azerbaijan would go on.\n',
    );
    await ingest();
    const log = await build(incremental, incrementalCache);
    expect(log).toMatch(/incremental build/);
    const [, rendered, total] = /entry pages: (\d+) of (\d+) rendered/.exec(log)!.map(Number);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(total! / 2);
    expect(await compareWithFullBuild(incremental, 'corrected')).toEqual([]);
  }, 300_000);

  it('after one article is added and one withdrawn, deletes the pages that are gone, and gives the same site as a full build', async () => {
    writeFileSync(path.join(seeds, 'zz-added.txt'), ADDED);
    rmSync(path.join(seeds, listFiles(seeds).at(-2)!));
    await ingest();
    const log = await build(incremental, incrementalCache);
    expect(log).toMatch(/incremental build/);
    expect(log).toMatch(/[1-9]\d* removed deleted/);
    expect(await compareWithFullBuild(incremental, 'added')).toEqual([]);
  }, 300_000);

  it("after a change of code, writes over the last build's files rather than deleting them first, removes those it no longer has, and gives the same site", async () => {
    const page = path.join(incremental, 'index.html');
    const { ino } = statSync(page);
    const strays = ['articles/withdrawn-long-ago/index.html', '_astro/old-build.css'];
    for (const stray of strays) {
      mkdirSync(path.dirname(path.join(incremental, stray)), { recursive: true });
      writeFileSync(path.join(incremental, stray), 'left by an earlier build');
    }
    const log = await build(incremental, incrementalCache, 1, { PARALLAX_FULL_BUILD: '1' });
    expect(log).toMatch(/full build/);
    expect(log).toMatch(/full build: 2 files of the last build removed/);
    expect(statSync(page).ino).toBe(ino);
    for (const stray of strays) expect(existsSync(path.join(incremental, stray))).toBe(false);
    expect(existsSync(path.join(incremental, 'articles/withdrawn-long-ago'))).toBe(false);
    expect(await compareWithFullBuild(incremental, 'rebuilt')).toEqual([]);
  }, 300_000);
});

describe('a site built by two Astro processes', () => {
  const split = path.join(work, 'dist-split');
  const splitCache = path.join(work, 'cache-split');
  const summary =
    /split build \(2 processes\): entry pages: (\d+) of (\d+) rendered, \d+ unchanged kept, (\d+) removed/;

  it('is the same site as one process builds, page for page and byte for byte', async () => {
    const log = await build(split, splitCache, 2);
    expect(log).toMatch(/full build/);
    const [, rendered, total] = summary.exec(log)!.map(Number);
    expect(rendered).toBe(total);
    // Both processes rendered pages: the split is real.
    expect(log).toMatch(/^\[1\/2\] .*page\(s\) built/m);
    expect(log).toMatch(/^\[2\/2\] .*page\(s\) built/m);
    expect(await compareWithFullBuild(split, 'split')).toEqual([]);
  }, 300_000);

  it('after a correction and a withdrawal, renders only the changed pages and still matches a full build', async () => {
    const [first] = listFiles(seeds);
    appendFileSync(
      path.join(seeds, first!),
      '\n\nAzerbaijan later said that the talks would resume in the autumn.\n',
    );
    await ingest();
    let log = await build(split, splitCache, 2);
    expect(log).toMatch(/incremental build/);
    const [, rendered, total] = summary.exec(log)!.map(Number);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(total! / 2);
    expect(await compareWithFullBuild(split, 'split-corrected')).toEqual([]);

    rmSync(path.join(seeds, 'zz-added.txt'));
    await ingest();
    log = await build(split, splitCache, 2);
    expect(Number(summary.exec(log)![3])).toBeGreaterThan(0);
    expect(await compareWithFullBuild(split, 'split-withdrawn')).toEqual([]);
  }, 300_000);
});
