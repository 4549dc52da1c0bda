import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite } from '../../../scripts/site/pagefind.ts';
import { makeTempDir } from '../../helpers/temp.ts';

function writePage(site: string, address: string, body: string): void {
  mkdirSync(path.join(site, address), { recursive: true });
  writeFileSync(
    path.join(site, address, 'index.html'),
    `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`,
  );
}

describe('indexing a built site with Pagefind', () => {
  it('indexes the entry pages that mark a body, and only those, into <site>/pagefind', async () => {
    const site = makeTempDir('pagefind-site');
    writePage(
      site,
      'articles/one',
      '<main data-pagefind-body><h1>One</h1><p>Gas talks.</p></main>',
    );
    writePage(site, 'articles/two', '<main data-pagefind-body><h1>Two</h1><p>Grain.</p></main>');
    writePage(site, 'about', '<main><h1>About</h1></main>');
    writePage(site, 'actors/untitled', '<main><h1>No body marked</h1></main>');
    // Marked, but not an entry page: a list's later page, and a page beside the sections.
    writePage(site, 'articles/page/2', '<main data-pagefind-body><h1>Page 2</h1></main>');
    writePage(site, 'notes', '<main data-pagefind-body><h1>Notes</h1></main>');
    expect(await indexSite(site)).toEqual({ pages: 2, warnings: '' });
    expect(readdirSync(path.join(site, 'pagefind', 'fragment'))).toHaveLength(2);
    expect(readdirSync(site).filter((name) => name.startsWith('.pagefind'))).toEqual([]);
  });

  it('fails with what Pagefind said when it cannot index, and keeps the last index whole', async () => {
    const site = makeTempDir('pagefind-empty');
    mkdirSync(path.join(site, 'pagefind'));
    writeFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), '{}');
    await expect(indexSite(site)).rejects.toThrow(
      /pagefind failed \(exit 1\):[\s\S]*not able to build an index/,
    );
    expect(existsSync(path.join(site, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(readdirSync(site).filter((name) => name.startsWith('.pagefind'))).toEqual([]);
  });
});
