import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './site-pages.ts';

/** Every HTML file of the built site, as paths relative to its root. */
function htmlFiles(dir = DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory())
      return entry.name === 'pagefind' ? [] : htmlFiles(path.join(dir, entry.name), rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

/** The file a site path is served from, or null when nothing is there. */
function fileFor(sitePath: string): string | null {
  const full = path.join(DIST, decodeURIComponent(sitePath));
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory())
    return existsSync(path.join(full, 'index.html')) ? path.join(full, 'index.html') : null;
  return full;
}

const idCache = new Map<string, Set<string>>();
/** The ids an HTML file declares, read once per file. */
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

describe('links of the built site', () => {
  it('has no broken internal link, asset or #fragment on any page', () => {
    const pages = htmlFiles();
    expect(pages.length).toBeGreaterThan(5);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const file = path.join(DIST, page);
      const html = readFileSync(file, 'utf8');
      const base = new URL(`http://site.test/${page.replace(/index\.html$/, '')}`);
      for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = match[1]!.replace(/&amp;/g, '&');
        const url = new URL(raw, base);
        if (url.origin !== base.origin && url.origin !== 'http://localhost:4321') continue;
        checked++;
        const target =
          url.pathname === base.pathname && raw.startsWith('#') ? file : fileFor(url.pathname);
        if (!target) {
          broken.push(`${page}: ${raw}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1)).split(':~:')[0]!;
        if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment))
          broken.push(`${page}: ${raw} (no #${fragment})`);
      }
    }
    console.log(
      `link check: ${checked} internal links on ${pages.length} pages, ${broken.length} broken`,
    );
    expect(broken).toEqual([]);
  });

  it('gives every page the icon, and crawlers a robots.txt that points at the sitemap', () => {
    const pages = htmlFiles();
    const without = pages.filter(
      (page) =>
        !readFileSync(path.join(DIST, page), 'utf8').includes(
          '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
        ),
    );
    expect(without).toEqual([]);
    expect(readFileSync(path.join(DIST, 'favicon.svg'), 'utf8')).toMatch(/^<svg[^>]*>/);
    const robots = readFileSync(path.join(DIST, 'robots.txt'), 'utf8');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(new URL(sitemap!).pathname).toBe('/sitemap-index.xml');
    expect(fileFor('/sitemap-index.xml')).not.toBeNull();
  });
});

describe('the search index of the built site', () => {
  it('holds every page that marks a searchable body, and no other', () => {
    const marked = htmlFiles().filter((file) =>
      readFileSync(path.join(DIST, file), 'utf8').includes('data-pagefind-body'),
    );
    const entry = JSON.parse(
      readFileSync(path.join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    // Articles, actors, events, topics and sources of the five seeds, each with its own page.
    expect(marked.length).toBeGreaterThan(50);
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([marked.length]);
  });
});
