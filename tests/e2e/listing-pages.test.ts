import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpusKnowledge } from '../../scripts/bench/generate-corpus.ts';
import { launchChromium } from '../../scripts/site/chromium.ts';
import { serveStatic } from '../../scripts/site/static-server.ts';
import {
  ACTORS_PER_PAGE,
  ARTICLES_PER_PAGE,
  EVENTS_PER_PAGE,
  TIMELINE_EVENTS_PER_PAGE,
  TIMELINE_MENU_TOPICS,
  TOPICS_PER_PAGE,
} from '../../src/lib/limits.ts';
import { ROOT } from '../helpers/seeds.ts';

// Inside the project like dist/: Astro writes its type files into an outDir outside the root.
mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, '.cache', 'listing-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const seeds = path.join(work, 'seeds');
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
const knowledge = path.join(work, 'knowledge');

function ingestAndBuild(): string {
  execFileSync(
    'npx',
    [
      'tsx',
      'scripts/ingest.ts',
      '--seeds',
      seeds,
      '--out',
      content,
      '--knowledge',
      knowledge,
      '--no-cache',
    ],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  const env = {
    ...process.env,
    PARALLAX_CONTENT: content,
    PARALLAX_DIST: dist,
    PARALLAX_CACHE: path.join(work, 'cache'),
  };
  return execFileSync('npx', ['astro', 'build'], { cwd: ROOT, env, stdio: 'pipe' }).toString();
}

const read = (address: string) => readFileSync(path.join(dist, address, 'index.html'), 'utf8');
/** The addresses of the entry links in a listing page's main list or table. */
const linksIn = (html: string, prefix: string) =>
  [...html.matchAll(new RegExp(`<(?:h2|td)><a href="(${prefix}[^"/]+/)"`, 'g'))].map((m) => m[1]!);
const pagerOf = (html: string) =>
  /<nav class="pager" aria-label="[^"]+">(.*?)<\/nav>/s.exec(html)?.[1] ?? null;

describe('listing pages of a corpus larger than one page', () => {
  const articleCount = 2 * ARTICLES_PER_PAGE + 30;
  beforeAll(async () => {
    // The corpus's own taxonomy: more topics than the timeline's menu offers.
    const world = await generateCorpus(seeds, articleCount);
    await writeCorpusKnowledge(knowledge, world, path.join(ROOT, 'content/knowledge'));
    ingestAndBuild();
  }, 300_000);

  it('list every article once, newest first, a page at a time, each page linking the others', () => {
    const report = JSON.parse(readFileSync(path.join(content, 'ingest-report.json'), 'utf8'));
    const expected = readdirSync(path.join(content, 'articles'))
      .map((name) => {
        const { data } = matter(readFileSync(path.join(content, 'articles', name), 'utf8'), {});
        return { id: name.slice(0, -3), date: (data.date as string | null) ?? '' };
      })
      .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1))
      .map((a) => `/articles/${a.id}/`);
    expect(report.totals.articles).toBe(articleCount);

    const pages = ['/articles/', '/articles/page/2/', '/articles/page/3/'];
    const listed = pages.flatMap((address) => linksIn(read(address), '/articles/'));
    expect(listed).toEqual(expected);
    expect(linksIn(read('/articles/'), '/articles/')).toHaveLength(ARTICLES_PER_PAGE);
    expect(existsSync(path.join(dist, 'articles/page/4'))).toBe(false);

    const second = read('/articles/page/2/');
    expect(second).toMatch(/<h1>Articles \(page 2 of 3\)<\/h1>/);
    const pager = pagerOf(second)!;
    expect(pager).toContain('<a href="/articles/" rel="prev">Previous page</a>');
    expect(pager).toContain('<a href="/articles/page/3/" rel="next">Next page</a>');
    expect(pager).toContain('<a href="/articles/page/2/" aria-current="page">2</a>');
  });

  it('list every event once in the table, oldest first, over as many pages as it takes', () => {
    const events = readdirSync(path.join(content, 'events')).length;
    const count = Math.ceil(events / EVENTS_PER_PAGE);
    expect(count, 'enough events for two pages').toBeGreaterThan(1);
    const pages = [
      '/events/',
      ...Array.from({ length: count - 1 }, (_, i) => `/events/page/${i + 2}/`),
    ];
    const listed = pages.flatMap((address) => linksIn(read(address), '/events/'));
    expect(listed).toHaveLength(events);
    expect(new Set(listed).size).toBe(events);
    const dates = listed.map(
      (address) =>
        JSON.parse(readFileSync(path.join(content, `${address.slice(0, -1)}.json`), 'utf8'))
          .date as string,
    );
    expect(dates).toEqual([...dates].sort());
    expect(pagerOf(read('/events/'))).toContain(
      `<a href="/events/page/2/" rel="next">Next page</a>`,
    );
  });

  it.each([
    {
      listing: '/actors/',
      size: ACTORS_PER_PAGE,
      folder: 'actors',
      link: /<li><a href="(\/actors\/[^"/]+\/)">/g,
      several: true,
    },
    {
      listing: '/timeline/',
      size: TIMELINE_EVENTS_PER_PAGE,
      folder: 'events',
      link: /<h3><a href="(\/events\/[^"/]+\/)">/g,
      several: true,
    },
    {
      listing: '/topics/',
      size: TOPICS_PER_PAGE,
      folder: 'topics',
      link: /<h2><a href="(\/topics\/[^"/]+\/)">/g,
      several: false,
    },
  ])(
    'list every entry of $listing once, a page at a time',
    ({ listing, size, folder, link, several }) => {
      const ids = readdirSync(path.join(content, folder)).map((name) =>
        name.replace(/\.json$/, ''),
      );
      const count = Math.max(1, Math.ceil(ids.length / size));
      expect(count > 1, `${ids.length} entries`).toBe(several);
      const pages = [
        listing,
        ...Array.from({ length: count - 1 }, (_, i) => `${listing}page/${i + 2}/`),
      ];
      const listed = pages.flatMap((address) =>
        [...read(address).matchAll(link)].map((m) => m[1]!.split('/')[2]!),
      );
      expect(listed.sort()).toEqual(ids.sort());
      expect(existsSync(path.join(dist, `${listing}page/${count + 1}`))).toBe(false);
      if (count > 1) {
        expect(read(`${listing}page/2/`)).toMatch(
          new RegExp(`<h1>[^<]+ \\(page 2 of ${count}\\)</h1>`),
        );
        expect(pagerOf(read(listing))).toContain(
          `<a href="${listing}page/2/" rel="next">Next page</a>`,
        );
      }
    },
  );

  it('offer the busiest topics in the timeline menu, and say where the others are', () => {
    const topics = readdirSync(path.join(content, 'topics')).length;
    const timelines = readdirSync(path.join(dist, 'timeline/topics')).length;
    expect(timelines, 'more topic timelines than the menu offers').toBeGreaterThan(
      TIMELINE_MENU_TOPICS,
    );
    expect(topics).toBeGreaterThanOrEqual(timelines);
    for (const address of [
      '/timeline/',
      `/timeline/topics/${readdirSync(path.join(dist, 'timeline/topics'))[0]}/`,
    ]) {
      const menu =
        /<nav class="timeline-filters"[^>]*>(.*?)<\/nav>/s.exec(read(address))?.[1] ?? '';
      expect(menu.match(/href="\/timeline\/topics\//g), address).toHaveLength(TIMELINE_MENU_TOPICS);
      expect(menu).toContain(`${TIMELINE_MENU_TOPICS} of ${timelines} topics shown`);
      expect(menu).toContain('<a href="/topics/">');
    }
  });

  it('have pagers that axe-core finds no fault with, in both themes', async () => {
    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        // The site's CSP forbids scripts it did not ship, so only this test's context lets axe in.
        const context = await browser.newContext({ bypassCSP: true, colorScheme });
        const page = await context.newPage();
        for (const address of ['/articles/page/2/', '/actors/page/2/', '/timeline/page/2/']) {
          await page.goto(`${server.url}${address}`);
          await expect(
            page.locator('nav.pager a[aria-current="page"]').textContent(),
          ).resolves.toBe('2');
          await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: { run: () => Promise<{ violations: Array<{ id: string }> }> };
              }
            ).axe;
            return (await axe.run()).violations.map((v) => v.id);
          });
          expect(violations, `${address} ${colorScheme}`).toEqual([]);
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('drop the pages a shorter listing no longer has, from the site and its sitemap', () => {
    const names = readdirSync(seeds).sort();
    for (const name of names.slice(0, 40)) rmSync(path.join(seeds, name));
    const log = ingestAndBuild();
    expect(log).toMatch(/incremental build/);
    expect(existsSync(path.join(dist, 'articles/page/3/index.html'))).toBe(false);
    expect(linksIn(read('/articles/page/2/'), '/articles/')).toHaveLength(
      articleCount - 40 - ARTICLES_PER_PAGE,
    );
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/articles/page/2/</loc>');
    expect(sitemap).not.toContain('/articles/page/3/</loc>');
  });
});
