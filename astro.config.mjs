// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from './src/plugins/sanitize-schema.ts';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';
import rehypeLinkMentions from './src/plugins/rehype-link-mentions.ts';

// The public address the site is served from; used for the sitemap, feeds and canonical links.
const site = process.env.PARALLAX_SITE ?? 'http://localhost:4321';

export default defineConfig({
  site,
  outDir: process.env.PARALLAX_DIST ?? './dist',
  // Astro's content cache; the benchmark points it elsewhere to measure cold builds.
  cacheDir: process.env.PARALLAX_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [sitemap()],
  markdown: {
    // Article text keeps the quotes its source used; smart-quote rewriting also costs ~11 ms an article.
    smartypants: false,
    gfm: false,
    syntaxHighlight: false,
    // Sanitize first, so nothing from an input survives as markup; then number the paragraphs and
    // link the mentions the ingest recorded for each of them.
    rehypePlugins: [[rehypeSanitize, sanitizeSchema], rehypeParagraphIds, rehypeLinkMentions],
  },
  // Every script is a file of the site's own, so the Content-Security-Policy can forbid inline code.
  vite: { build: { assetsInlineLimit: 0 } },
});
