import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { exported } from './site-pages.ts';

interface ArticleRow {
  id: string;
  url: string;
  title: string;
  outlet: string | null;
  topics: string[];
}
interface NamedRow {
  id: string;
  url: string;
  name: string;
  aliases?: string[];
}

const site = useBuiltSite();

/** Pagefind filter values as the pages write them (see PagefindFilters.astro). */
const filterValue = (value: string) => value.replace(/[,:]/g, ' ').trim();

/** Opens the search page at a query string and waits for its results to settle. */
async function searchFor(query: string): Promise<Page> {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/search/?${query}`);
  await page.waitForSelector('html[data-search-ready="true"]');
  await page.waitForFunction(() =>
    /result/.test(document.querySelector('#search-status')?.textContent ?? ''),
  );
  return page;
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results li h3 a').allTextContents();
}

describe('faceted search', () => {
  it('combines two values of one group with OR and two groups with AND', async () => {
    const articles = exported<ArticleRow>('articles');
    const topics = exported<NamedRow>('topics');
    const outletCounts = new Map<string, number>();
    for (const a of articles)
      if (a.outlet) outletCounts.set(a.outlet, (outletCounts.get(a.outlet) ?? 0) + 1);
    const outlets = [...outletCounts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([name]) => name);
    expect(outlets, 'two outlets with articles').toHaveLength(2);
    // The topic that keeps the most of those outlets' articles.
    const inOutlets = articles.filter((a) => a.outlet && outlets.includes(a.outlet));
    const topic = topics
      .map((t) => ({ topic: t, hits: inOutlets.filter((a) => a.topics.includes(t.id)) }))
      .sort((a, b) => b.hits.length - a.hits.length)[0];
    expect(topic?.hits.length, 'a topic shared by those outlets’ articles').toBeGreaterThan(0);
    const expected = topic!.hits.map((a) => a.title).sort();

    const query = new URLSearchParams([
      ['type', 'Article'],
      ...outlets.map((o) => ['outlet', filterValue(o)]),
      ['topic', filterValue(topic!.topic.name)],
    ]);
    const page = await searchFor(query.toString());
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(
      new RegExp(`^${expected.length} results?`),
    );
    expect((await resultTitles(page)).sort()).toEqual(expected);
    // Each box the URL named is ticked, so the reader sees which filters are on.
    await expect(page.locator('#search-filters input:checked').count()).resolves.toBe(4);
    await page.close();
  });

  it.each([
    ['Aliev', 'Ilham Aliyev'],
    ['Ekaterinburg', 'Yekaterinburg'],
  ])('finds an actor by a spelling that is not its name: “%s” finds %s', async (alias, name) => {
    const actor = exported<NamedRow>('actors').find((a) => a.name === name);
    expect(
      actor?.aliases?.some((a) => a.split(/\s+/).includes(alias)),
      `${name} lists ${alias} among its aliases`,
    ).toBe(true);
    const page = await searchFor(`q=${encodeURIComponent(alias)}&type=Actor`);
    expect(await resultTitles(page)).toContain(name);
    await page.close();
  });

  it('opens a hit at the matching paragraph, highlighted', async () => {
    const page = await searchFor(
      `q=${encodeURIComponent('Moscow Declaration on Allied Interaction')}&type=Article`,
    );
    const link = page.locator('#search-results li h3 a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/#p-\d+:~:text=/);
    await link.click();
    await page.waitForURL(/\/articles\//);
    const target = href.split('#')[1]!.split(':~:')[0]!;
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${target}`);
    const paragraph = page.locator(`#${target}`);
    await expect(paragraph.textContent()).resolves.toContain(
      'Moscow Declaration on Allied Interaction',
    );
    // The stylesheet marks the target paragraph; the reader lands with it on screen.
    const [background, expectedBackground] = await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      const probe = document.createElement('mark');
      document.body.append(probe);
      return [getComputedStyle(el).backgroundColor, getComputedStyle(probe).backgroundColor];
    }, target);
    expect(background).toBe(expectedBackground);
    const box = (await paragraph.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(page.viewportSize()!.height);
    await page.close();
  });
});
