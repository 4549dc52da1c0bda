import { gzipSync } from 'node:zlib';
import { launchChromium } from '../site/chromium.ts';
import { serveStatic } from '../site/static-server.ts';

/** What the first search of a word costs a reader who opens the search page. */
export interface FirstSearch {
  word: string;
  results: string;
  /** Everything fetched from opening the search page to the results shown, gzip-equivalent. */
  totalKb: number;
  /** The part of it that is Pagefind: its script, WebAssembly, index, filters and fragments. */
  pagefindKb: number;
  requests: number;
  /** The five largest responses, to show where the bytes go. */
  largest: Array<{ file: string; kb: number }>;
}

/**
 * Serves a built site, opens its search page in Chromium, searches for a word and sums the
 * bytes of every response, each counted at its gzip size (what a server that compresses sends).
 */
export async function measureFirstSearch(siteDir: string, word: string): Promise<FirstSearch> {
  const server = await serveStatic(siteDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
    page.on('response', (response) => {
      sizes.push(
        response
          .body()
          .then((body) => ({ url: response.url(), bytes: gzipSync(body).length }))
          .catch(() => ({ url: response.url(), bytes: 0 })),
      );
    });
    await page.goto(`${server.url}/search/`);
    await page.waitForSelector('html[data-search-ready="true"]');
    await page.fill('#search-input', word);
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return /result/.test(status) && !/Searching/.test(status);
    });
    // Result excerpts load after the count is shown; let them finish.
    await page.waitForLoadState('networkidle');
    const results = (await page.locator('#search-status').textContent()) ?? '';
    const all = await Promise.all(sizes);
    const kb = (list: typeof all) =>
      Math.round(list.reduce((sum, r) => sum + r.bytes, 0) / 102.4) / 10;
    return {
      word,
      results: results.trim(),
      totalKb: kb(all),
      pagefindKb: kb(all.filter((r) => r.url.includes('/pagefind/'))),
      requests: all.length,
      largest: [...all]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5)
        .map((r) => ({ file: new URL(r.url).pathname, kb: Math.round(r.bytes / 102.4) / 10 })),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
