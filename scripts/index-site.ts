/**
 * Builds the Pagefind search index over the built site in dist/.
 * Usage: tsx scripts/index-site.ts [--site DIR]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite } from './site/pagefind.ts';

const { values } = parseArgs({
  options: { site: { type: 'string', default: process.env.PARALLAX_DIST ?? 'dist' } },
});
const site = path.resolve(values.site);
const started = performance.now();
const { pages, warnings } = await indexSite(site);
if (warnings) console.warn(warnings);
console.log(
  `pagefind: indexed ${pages} pages in ${Math.round(performance.now() - started)} ms → ${path.relative(process.cwd(), path.join(site, 'pagefind')) || 'pagefind'}`,
);
