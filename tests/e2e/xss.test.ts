import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/seeds.ts';
import { makeTempDir } from '../helpers/temp.ts';

/**
 * Hostile articles (a plain-text seed with `<script>` and `onerror` text, a saved HTML page, a
 * Markdown file with raw HTML) go through the real ingest and Astro build into temporary
 * folders, so the shared content/ and dist/ are never touched; Chromium must show them as
 * inert text: no dialog, no script run, no image loaded from the article.
 */
const PROSE =
  'The harbour cranes went back to work on Monday after a winter of repairs that cost the port authority far more than it had planned for.';
const SEEDS: Record<string, string> = {
  'hostile-text.txt': `Cranes return <script>alert(1)</script> to the harbour
April 14, 2025
${PROSE} The page also says <script>alert(1)</script> in the middle of a sentence, as text.

An image tag <img src=x onerror="window.__xss=1;alert(2)"> sits in this paragraph too, with enough words around it to be read as running text.

${PROSE}
`,
  'hostile-page.html': `<html><head><title>A saved page with scripts</title><script>alert(3)</script></head><body onload="alert(4)">
<h1>A saved page with scripts</h1><p>${PROSE}</p><p>${PROSE} <img src=x onerror="alert(5)"><a href="javascript:alert(6)">a link</a></p><iframe src="javascript:alert(7)"></iframe></body></html>`,
  'hostile-markdown.md': `# Markdown with raw HTML\n\n${PROSE}\n\n<script>alert(8)</script>\n\n${PROSE} [click](javascript:alert(9)) <img src=x onerror=alert(10)>\n`,
};

let browser: Browser;
let server: StaticServer;
const dialogs: string[] = [];

beforeAll(async () => {
  const seeds = makeTempDir('xss-seeds');
  const content = makeTempDir('xss-content');
  const dist = process.env.PARALLAX_XSS_DIST ?? makeTempDir('xss-dist');
  for (const [name, text] of Object.entries(SEEDS)) writeFileSync(path.join(seeds, name), text);
  const env = { ...process.env, PARALLAX_CONTENT: content, PARALLAX_DIST: dist };
  execFileSync(
    'npx',
    ['tsx', 'scripts/ingest.ts', '--seeds', seeds, '--out', content, '--no-cache'],
    { cwd: ROOT, env, stdio: 'pipe' },
  );
  execFileSync('npx', ['astro', 'build', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
  server = await serveStatic(dist);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, recording every dialog and every request for the injected image. */
async function openArticle(id: string): Promise<{ page: Page; imageRequests: string[] }> {
  const page = await browser.newPage();
  const imageRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (/\/x$/.test(new URL(request.url()).pathname)) imageRequests.push(request.url());
  });
  const response = await page.goto(`${server.url}/articles/${id}/`);
  expect(response?.status()).toBe(200);
  await page.waitForLoadState('load');
  return { page, imageRequests };
}

describe('hostile article text in Chromium', () => {
  it('shows <script> and onerror from a plain-text seed as text, and runs nothing', async () => {
    const { page, imageRequests } = await openArticle(
      'cranes-return-script-alert-1-script-to-the-harbour',
    );
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Cranes return <script>alert(1)</script> to the harbour',
    );
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('<script>alert(1)</script> in the middle of a sentence');
    expect(body).toContain('<img src=x onerror="window.__xss=1;alert(2)">');
    await expect(
      page.locator('main script, main img, main iframe, main [onerror]').count(),
    ).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    expect(imageRequests).toEqual([]);
    await page.close();
  });

  it('keeps only the text of a saved HTML page and a Markdown file with raw HTML', async () => {
    for (const id of ['a-saved-page-with-scripts', 'markdown-with-raw-html']) {
      const { page, imageRequests } = await openArticle(id);
      await expect(
        page
          .locator(
            'main script, main img, main iframe, main [onerror], main a[href^="javascript:"]',
          )
          .count(),
      ).resolves.toBe(0);
      expect(
        ((await page.locator('main').textContent()) ?? '').includes(
          'The harbour cranes went back to work',
        ),
      ).toBe(true);
      expect(imageRequests).toEqual([]);
      await page.close();
    }
  });

  it('never opened a dialog', () => {
    expect(dialogs).toEqual([]);
  });
});
