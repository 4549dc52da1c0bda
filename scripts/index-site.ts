/**
 * Builds the Pagefind search index over the built site in dist/.
 * Usage: tsx scripts/index-site.ts --help
 */
import path from 'node:path';
import { checkFolder, failCommand, parseCommandLine } from './cli.ts';
import { indexSite } from './site/pagefind.ts';

const values = parseCommandLine('index', 'tsx scripts/index-site.ts [--site DIR]', {
  site: { type: 'string', default: process.env.PARALLAX_DIST ?? 'dist' },
});
const site = path.resolve(values.site);
const problem = checkFolder(site);
if (problem) failCommand('index', `--site: ${problem} (npm run build makes it)`);
const started = performance.now();
const { pages, warnings } = await indexSite(site);
if (warnings) console.warn(warnings);
console.log(
  `pagefind: indexed ${pages} pages in ${Math.round(performance.now() - started)} ms → ${path.relative(process.cwd(), path.join(site, 'pagefind')) || 'pagefind'}`,
);
