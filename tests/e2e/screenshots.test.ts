import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/seeds.ts';
import { pageTypes } from './site-pages.ts';

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

const site = useBuiltSite();
beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

describe('each page type on a phone and a desktop', () => {
  it('renders without sideways scrolling, screenshots kept in tests/artifacts with each page’s HTML and JS bytes', async () => {
    const sizes: Record<string, { path: string; htmlBytes: number; jsBytes: number }> = {};
    const overflowing: string[] = [];
    for (const { type, path: sitePath } of pageTypes()) {
      for (const width of [390, 1280]) {
        const page = await site.browser.newPage({ viewport: { width, height: 900 } });
        let htmlBytes = 0;
        let jsBytes = 0;
        const reads: Promise<void>[] = [];
        page.on('response', (response) => {
          const contentType = response.headers()['content-type'] ?? '';
          reads.push(
            response.body().then(
              (body) => {
                if (contentType.startsWith('text/html')) htmlBytes += body.length;
                if (contentType.includes('javascript') || contentType.includes('wasm'))
                  jsBytes += body.length;
              },
              () => undefined,
            ),
          );
        });
        await page.goto(`${site.server.url}${sitePath}`, { waitUntil: 'networkidle' });
        if (type === 'search') await page.waitForSelector('html[data-search-ready="true"]');
        await Promise.all(reads);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) overflowing.push(`${type} at ${width}px is ${scrollWidth}px wide`);
        await page.screenshot({
          path: path.join(ARTIFACTS, `${type}-${width}.png`),
          fullPage: true,
        });
        sizes[type] = { path: sitePath, htmlBytes, jsBytes };
        await page.close();
      }
    }
    writeFileSync(path.join(ARTIFACTS, 'page-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
    console.table(sizes);
    expect(overflowing).toEqual([]);
    // Only the search page may load JavaScript.
    expect(Object.entries(sizes).filter(([type, s]) => type !== 'search' && s.jsBytes > 0)).toEqual(
      [],
    );
  });
});
