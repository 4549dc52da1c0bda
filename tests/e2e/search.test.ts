import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';

const site = useBuiltSite();

describe('searching the built site in Chromium', () => {
  it('finds the one article that contains a phrase, first, and opens it from the result link', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/`);
    await page.waitForSelector('html[data-search-ready="true"]');
    // Only the CivilNet piece mentions the Moscow Declaration on Allied Interaction.
    await page.fill('#search-input', 'Moscow Declaration on Allied Interaction');
    await page.waitForFunction(
      () =>
        /result/.test(document.querySelector('#search-status')?.textContent ?? '') &&
        !/Searching/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    const first = page.locator('#search-results li h3 a').first();
    await expect(first.textContent()).resolves.toBe(
      'Russia-Azerbaijan Tensions: A Temporary Rift or a Long-Term Shift?',
    );
    await first.click();
    await page.waitForURL(/\/articles\/russia-azerbaijan-tensions/);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Russia-Azerbaijan Tensions: A Temporary Rift or a Long-Term Shift?',
    );
    await page.close();
  });

  it('narrows results with the outlet and year filters', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/?q=Azerbaijan&outlet=Fakti.bg`);
    await page.waitForSelector('html[data-search-ready="true"]');
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^1 result/);
    await expect(page.locator('#search-results li h3 a').first().textContent()).resolves.toBe(
      'Is Russia losing its ally Azerbaijan?',
    );
    await page.goto(`${site.server.url}/search/?q=Azerbaijan&year=2025&type=Article`);
    await page.waitForSelector('html[data-search-ready="true"]');
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^5 results/);
    await page.close();
  });
});
