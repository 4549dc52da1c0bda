import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
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

function ingest(): void {
  execFileSync(
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
    { cwd: ROOT, stdio: 'pipe' },
  );
}

/** Builds the site and its search index from the work folder's content, and returns Astro's log. */
function build(dist: string, cache: string): string {
  const env = {
    ...process.env,
    PARALLAX_CONTENT: content,
    PARALLAX_DIST: dist,
    PARALLAX_CACHE: cache,
  };
  const log = execFileSync('npx', ['astro', 'build'], { cwd: ROOT, env, stdio: 'pipe' }).toString();
  execFileSync('npx', ['tsx', 'scripts/index-site.ts', '--site', dist], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
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
function compareWithFullBuild(incremental: string, name: string): string[] {
  const full = path.join(work, `dist-full-${name}`);
  expect(build(full, path.join(work, `cache-full-${name}`))).toMatch(/full build/);
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

  it('after one article is corrected, renders only the pages that show it, and gives the same site as a full build', () => {
    cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
    ingest();
    expect(build(incremental, incrementalCache)).toMatch(/full build/);

    const [first] = listFiles(seeds);
    appendFileSync(
      path.join(seeds, first!),
      '\n\nKremlin spokesman Dmitry Peskov later said that talks with Azerbaijan would go on.\n',
    );
    ingest();
    const log = build(incremental, incrementalCache);
    expect(log).toMatch(/incremental build/);
    const [, rendered, total] = /entry pages: (\d+) of (\d+) rendered/.exec(log)!.map(Number);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(total! / 2);
    expect(compareWithFullBuild(incremental, 'corrected')).toEqual([]);
  }, 300_000);

  it('after one article is added and one withdrawn, deletes the pages that are gone, and gives the same site as a full build', () => {
    writeFileSync(path.join(seeds, 'zz-added.txt'), ADDED);
    rmSync(path.join(seeds, listFiles(seeds).at(-2)!));
    ingest();
    const log = build(incremental, incrementalCache);
    expect(log).toMatch(/incremental build/);
    expect(log).toMatch(/[1-9]\d* removed deleted/);
    expect(compareWithFullBuild(incremental, 'added')).toEqual([]);
  }, 300_000);
});
