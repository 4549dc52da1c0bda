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

  it('fetches no filter file until the reader asks for filters, and the filters it then shows narrow the results', async () => {
    const page = await site.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`${site.server.url}/search/?q=Azerbaijan`);
    await page.waitForSelector('html[data-search-ready="true"]');
    await page.waitForFunction(() =>
      /^\d+ results?/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    expect(fetched.filter((url) => url.includes('/pagefind/filter/'))).toEqual([]);
    await expect(page.locator('#search-filters fieldset').count()).resolves.toBe(0);

    const button = page.locator('#show-filters');
    await expect(button.textContent()).resolves.toBe('Show filters');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-filters fieldset');
    expect(fetched.filter((url) => url.includes('/pagefind/filter/')).length).toBeGreaterThan(0);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    // The button stays, now to hide them, and keeps the keyboard focus.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('show-filters');
    await expect(button.textContent()).resolves.toBe('Hide filters');
    const before = await page.locator('#search-status').textContent();
    await page
      .getByRole('group', { name: 'Outlet' })
      .getByLabel(/^ ?Fakti\.bg \(/)
      .check();
    await page.waitForFunction((previous) => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== previous && /^\d+ results?/.test(status);
    }, before);
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^1 result /);
    expect(page.url()).toContain('outlet=Fakti.bg');
    await button.click();
    await expect(page.locator('#search-filters').isVisible()).resolves.toBe(false);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.close();
  });

  it('shows ten results at first and the rest on request, moving focus to the first one added', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/?q=Russia`);
    await page.waitForSelector('html[data-search-ready="true"]');
    await page.waitForFunction(() =>
      /^\d+ results?/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    const total = Number(/^(\d+)/.exec((await page.locator('#search-status').textContent())!)![1]);
    expect(total, 'a word with more than one page of results').toBeGreaterThan(10);
    const links = page.locator('#search-results li h3 a');
    await expect(links.count()).resolves.toBe(10);
    const more = page.locator('#search-more');
    await expect(more.textContent()).resolves.toBe(
      `Show ${Math.min(10, total - 10)} more of ${total - 10}`,
    );
    await more.click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('#search-results li').length === count,
      Math.min(20, total),
    );
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      await links.nth(10).textContent(),
    );
    const titles = await links.allTextContents();
    expect(new Set(titles).size, 'no result shown twice').toBe(titles.length);
    await page.close();
  });
});
