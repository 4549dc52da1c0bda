import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/seeds.ts';
import { pageTypes } from './site-pages.ts';

interface AxeResults {
  violations: Array<{
    id: string;
    impact: string;
    help: string;
    nodes: Array<{ target: string[] }>;
  }>;
}

const site = useBuiltSite();

describe('axe-core on every page type', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violation in the ${scheme} theme`, async () => {
      // The site's CSP forbids scripts it did not ship, so only this test's context lets axe in.
      const context = await site.browser.newContext({ bypassCSP: true, colorScheme: scheme });
      const found: string[] = [];
      for (const { type, path: sitePath } of pageTypes()) {
        const page = await context.newPage();
        await page.goto(`${site.server.url}${sitePath}`);
        if (type === 'search') await page.waitForSelector('html[data-search-ready="true"]');
        await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
        const results = (await page.evaluate(() =>
          (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
        )) as AxeResults;
        for (const v of results.violations)
          found.push(
            `${type} (${sitePath}): ${v.id} [${v.impact}] ${v.help} at ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
