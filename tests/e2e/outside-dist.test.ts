import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../helpers/temp.ts';
import { ROOT } from '../helpers/seeds.ts';

const run = promisify(execFile);
afterAll(removeTempDirs);

describe('a site built into a folder outside the project', () => {
  it("holds the site's pages and none of Astro's content modules or collection schemas", async () => {
    const work = makeTempDir('outside', tmpdir());
    const dist = path.join(work, 'dist');
    await run('npx', ['tsx', 'scripts/build-site.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PARALLAX_DIST: dist,
        PARALLAX_CACHE: path.join(work, 'cache'),
        PARALLAX_BUILD_PROCESSES: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'articles'))).toBe(true);
    const top = readdirSync(dist);
    for (const leftover of ['collections', 'content-assets.mjs', 'content-modules.mjs'])
      expect(top, leftover).not.toContain(leftover);
    expect(top.filter((name) => name.endsWith('.mjs'))).toEqual([]);
  });
});
