import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listFiles } from '../../helpers/ingest.ts';
import { makeTempDir } from '../../helpers/temp.ts';

const temp = () => makeTempDir('plan');

/** Loads the module afresh, as each build is a new process that reads the last manifest once. */
async function loadPlanner(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import('../../../src/lib/incremental-build.ts');
}

afterEach(() => vi.unstubAllEnvs());

const pages = [
  { path: '/articles/kept/', digest: 'a', entry: 'kept' },
  { path: '/articles/changed/', digest: 'b2', entry: 'changed' },
  { path: '/articles/new/', digest: 'c', entry: 'new' },
  { path: '/articles/lost-file/', digest: 'd', entry: 'lost-file' },
];

describe('choosing the pages to render', () => {
  it('renders every page when there is no last build to keep pages from', async () => {
    const { selectPagesToRender } = await loadPlanner({
      PARALLAX_PAGES_PREVIOUS: '',
      PARALLAX_PAGES_NEXT: temp(),
      PARALLAX_OUT_DIR: temp(),
    });
    expect(selectPagesToRender('articles', pages)).toEqual(['kept', 'changed', 'new', 'lost-file']);
  });

  it('renders new pages, pages whose digest changed and pages whose file is gone, and records them all', async () => {
    const outDir = temp();
    for (const id of ['kept', 'changed']) {
      mkdirSync(path.join(outDir, 'articles', id), { recursive: true });
      writeFileSync(path.join(outDir, 'articles', id, 'index.html'), '<p>');
    }
    const manifest = path.join(temp(), 'pages.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        pages: { '/articles/kept/': 'a', '/articles/changed/': 'b1', '/articles/lost-file/': 'd' },
      }),
    );
    const next = temp();
    const { selectPagesToRender } = await loadPlanner({
      PARALLAX_PAGES_PREVIOUS: manifest,
      PARALLAX_PAGES_NEXT: next,
      PARALLAX_OUT_DIR: outDir,
    });

    expect(selectPagesToRender('articles', pages)).toEqual(['changed', 'new', 'lost-file']);
    const plan = JSON.parse(readFileSync(path.join(next, 'articles.json'), 'utf8'));
    expect(plan.rendered).toBe(3);
    expect(Object.keys(plan.pages)).toEqual([
      '/articles/changed/',
      '/articles/kept/',
      '/articles/lost-file/',
      '/articles/new/',
    ]);
  });
});

describe('a full build over the last one', () => {
  it("removes the last build's files it did not write again, and the folders they leave empty, but never the search index", async () => {
    const { listOutputFiles, removeUnwrittenFiles } =
      await import('../../../src/integrations/incremental-pages.ts');
    const dist = temp();
    const files = [
      'index.html',
      'articles/kept/index.html',
      'articles/gone/index.html',
      'articles/gone/rss.xml',
      '_astro/old.css',
      '_astro/new.css',
      'pagefind/pagefind.js',
      '.git/HEAD',
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
      writeFileSync(path.join(dist, file), 'before');
    }
    const before = listOutputFiles(dist);
    expect([...before.keys()].map((f) => path.relative(dist, f)).sort()).toEqual(
      files.filter((f) => !/^(pagefind|\.git)\//.test(f)).sort(),
    );
    // What the new build wrote: the same files written again get a new time.
    const later = new Date(Date.now() + 5000);
    for (const file of ['index.html', 'articles/kept/index.html', '_astro/new.css']) {
      writeFileSync(path.join(dist, file), 'after');
      utimesSync(path.join(dist, file), later, later);
    }
    writeFileSync(path.join(dist, 'articles/kept/rss.xml'), 'new');

    // As Astro gives its output folder: with a final slash.
    expect(removeUnwrittenFiles(`${dist}/`, before)).toBe(3);
    expect(listFiles(dist)).toEqual(
      [
        '.git/HEAD',
        '_astro/new.css',
        'articles/kept/index.html',
        'articles/kept/rss.xml',
        'index.html',
        'pagefind/pagefind.js',
      ].sort(),
    );
    expect(existsSync(path.join(dist, 'articles/gone'))).toBe(false);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('after');
  });
});
