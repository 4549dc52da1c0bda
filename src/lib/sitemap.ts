import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes sitemap-index.xml and its sitemaps (at most 45,000 addresses each) for every HTML page. */
export function writeSitemaps(outDir: string, site: URL, addresses: string[]): void {
  const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  // The not-found page is served for missing addresses, not listed as a page of its own.
  const pages = addresses.filter((a) => a.endsWith('/') && a !== '/404/').sort();
  const names: string[] = [];
  for (let start = 0, n = 0; start < pages.length || n === 0; start += 45_000, n++) {
    const urls = pages
      .slice(start, start + 45_000)
      .map((a) => `<url><loc>${escape(new URL(a, site).href)}</loc></url>`);
    names.push(`sitemap-${n}.xml`);
    writeFileSync(
      path.join(outDir, `sitemap-${n}.xml`),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`,
    );
  }
  const entries = names.map(
    (name) => `<sitemap><loc>${escape(new URL(name, site).href)}</loc></sitemap>`,
  );
  writeFileSync(
    path.join(outDir, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`,
  );
}
