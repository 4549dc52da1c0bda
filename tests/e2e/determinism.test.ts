import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/ingest.ts';
import { ROOT } from '../helpers/seeds.ts';
import { makeTempDir } from '../helpers/temp.ts';

describe('two builds of the same seeds', () => {
  it('give a byte-identical site, search index included', () => {
    const first = path.resolve(ROOT, process.env.PARALLAX_DIST ?? 'dist');
    // Inside the project like dist/: Astro writes its type files into an outDir outside the root.
    mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
    const second = makeTempDir('dist-again', path.join(ROOT, '.cache'));
    // A cold Astro cache, so that nothing of the first build is reused.
    const env = {
      ...process.env,
      PARALLAX_DIST: second,
      PARALLAX_CACHE: makeTempDir('astro-cache'),
    };
    execFileSync('npx', ['astro', 'build', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
    execFileSync('npx', ['tsx', 'scripts/index-site.ts', '--site', second], {
      cwd: ROOT,
      env,
      stdio: 'pipe',
    });

    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    const differing = files.filter(
      (file) => !readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))),
    );
    expect(differing).toEqual([]);
  }, 240_000);
});
