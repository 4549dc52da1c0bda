// @ts-check
import { defineConfig } from 'astro/config';
import contentStoreOnDisk from './src/integrations/content-store-on-disk.ts';
import incrementalPages from './src/integrations/incremental-pages.ts';
import pageLog from './src/integrations/page-log.ts';
import { DEFAULT_SITE } from './src/lib/format.ts';

// The public address the site is served from; used for the sitemap, feeds and canonical links.
const site = process.env.PARALLAX_SITE ?? DEFAULT_SITE;

export default defineConfig({
  site,
  outDir: process.env.PARALLAX_DIST ?? './dist',
  // Astro's content cache; the benchmark points it elsewhere to measure cold builds.
  cacheDir: process.env.PARALLAX_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Pages read the content store from its file rather than from the bundle; the build renders only
  // the pages a change affects, writes the sitemap from every page, and logs a count of pages per
  // route rather than a line per page.
  integrations: [contentStoreOnDisk(), incrementalPages(), pageLog()],
  // Article bodies are rendered by src/lib/render-article.ts, page by page, not by Astro's Markdown
  // pipeline: see src/lib/card-loader.ts for why the content layer keeps only cards.
  // Every script is a file of the site's own, so the Content-Security-Policy can forbid inline code.
  vite: { build: { assetsInlineLimit: 0 } },
});
