import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite } from '../../../scripts/site/pagefind.ts';
import { collectCborStrings, listUnreferencedFiles } from '../../../scripts/site/pagefind-files.ts';
import { listFiles } from '../../helpers/ingest.ts';
import { makeTempDir } from '../../helpers/temp.ts';

function writePage(site: string, address: string, body: string): void {
  mkdirSync(path.join(site, address), { recursive: true });
  writeFileSync(
    path.join(site, address, 'index.html'),
    `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`,
  );
}

/** The body of an entry page, marked for the index. */
const marked = (title: string, text = '') =>
  `<main data-pagefind-body><h1>${title}</h1>${text && `<p>${text}</p>`}</main>`;

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

  it('after a change writes only what changed, keeps the other files as they were, and gives the index a fresh run gives', async () => {
    const site = makeTempDir('pagefind-reindex');
    writePage(site, 'articles/one', marked('One', 'Gas talks.'));
    writePage(site, 'articles/two', marked('Two', 'Grain deal.'));
    writePage(site, 'actors/aliyev', marked('Aliyev'));
    await indexSite(site);
    const fragments = path.join(site, 'pagefind', 'fragment');
    const before = new Map(
      readdirSync(fragments).map((n) => [n, statSync(path.join(fragments, n)).ino]),
    );

    writePage(site, 'articles/two', marked('Two', 'Grain deal signed.'));
    writePage(site, 'articles/three', marked('Three', 'Talks end.'));
    expect(await indexSite(site)).toEqual({ pages: 4, warnings: '' });
    const after = readdirSync(fragments);
    // Two pages did not change: their fragments are the same files; the changed page's old one is gone.
    const kept = after.filter((n) => before.get(n) === statSync(path.join(fragments, n)).ino);
    expect(kept).toHaveLength(2);
    expect(after).toHaveLength(4);
    expect(listUnreferencedFiles(path.join(site, 'pagefind'))).toEqual([]);

    const fresh = makeTempDir('pagefind-fresh');
    cpSync(site, fresh, { recursive: true });
    rmSync(path.join(fresh, 'pagefind'), { recursive: true });
    await indexSite(fresh);
    const files = listFiles(path.join(fresh, 'pagefind'));
    expect(listFiles(path.join(site, 'pagefind'))).toEqual(files);
    for (const file of files)
      expect(
        readFileSync(path.join(site, 'pagefind', file)).equals(
          readFileSync(path.join(fresh, 'pagefind', file)),
        ),
        file,
      ).toBe(true);
  });

  it('keeps a whole index as it was when a new run fails', async () => {
    const site = makeTempDir('pagefind-failed-reindex');
    writePage(site, 'articles/one', marked('One', 'Gas talks.'));
    await indexSite(site);
    const index = path.join(site, 'pagefind');
    const files = listFiles(index);
    const entry = readFileSync(path.join(index, 'pagefind-entry.json'), 'utf8');
    rmSync(path.join(site, 'articles'), { recursive: true });
    await expect(indexSite(site)).rejects.toThrow(/pagefind failed/);
    expect(listFiles(index)).toEqual(files);
    expect(readFileSync(path.join(index, 'pagefind-entry.json'), 'utf8')).toBe(entry);
    expect(listUnreferencedFiles(index)).toEqual([]);
  });
});

describe("reading the names in Pagefind's metadata", () => {
  it.each([
    // ["en_a1", {1: "x"}, h'00ff', [_ "y"], 1.5 as a half float, 1000]
    ['86 65656e5f6131 a1 01 6178 42 00ff 9f 6179 ff f9 3e00 19 03e8', ['en_a1', 'x', 'y']],
    // A text string longer than 23 bytes has its length in the next byte.
    [`78 18 ${'61'.repeat(24)}`, ['a'.repeat(24)]],
    ['80', []],
  ])('finds every text string in %s', (hex, expected) => {
    const bytes = Uint8Array.from(Buffer.from(hex.replaceAll(' ', ''), 'hex'));
    expect([...collectCborStrings(bytes)]).toEqual(expected);
  });

  it('refuses a document that ends inside an item', () => {
    expect(() => collectCborStrings(Uint8Array.from([0x82, 0x61, 0x78]))).toThrow(/ends inside/);
  });
});
