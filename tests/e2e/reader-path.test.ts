import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/browser.ts';

const site = useBuiltSite();

describe('a reader following the evidence', () => {
  it('goes from the home page to a topic, to one of its events, to a source’s paragraph', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    // The home page's main topics, then the first topic that has events.
    const topicLinks = await page
      .locator('section[aria-labelledby="main-topics"] a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(topicLinks.length).toBeGreaterThan(0);
    let eventLink: string | undefined;
    for (const topicPath of topicLinks) {
      await page.goto(`${site.server.url}${topicPath}`);
      if ((await page.locator('#events ~ .timeline a').count()) > 0) {
        eventLink = topicPath;
        break;
      }
    }
    expect(eventLink, 'a topic on the home page with at least one event').toBeDefined();
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();

    await page.locator('#events ~ .timeline a').first().click();
    await page.waitForURL(/\/events\/[^/]+\/$/);
    const eventTitle = await page.locator('h1').textContent();
    expect(eventTitle).toBeTruthy();

    const paragraphLink = page.locator('section[aria-labelledby="paragraphs"] a.para-ref').first();
    const href = await paragraphLink.getAttribute('href');
    expect(href).toMatch(/^\/articles\/[^/]+\/#p-\d+$/);
    await paragraphLink.click();
    await page.waitForURL(/\/articles\/[^/]+\/#p-\d+$/);
    const target = href!.split('#')[1]!;
    // The paragraph is the page's target: highlighted by the stylesheet and scrolled into view.
    await expect(page.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe(target);
    const paragraph = page.locator(`#${target}`);
    await expect(paragraph.isVisible()).resolves.toBe(true);
    const box = await paragraph.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    await page.close();
  });
});
