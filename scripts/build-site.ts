/**
 * Builds the site from content/ into dist/ with Astro: with one process, or for a large site on a
 * machine of 4 cores or more several (scripts/site/split-build.ts). PARALLAX_BUILD_PROCESSES=N sets it.
 * Usage: tsx scripts/build-site.ts   (paths from PARALLAX_CONTENT, PARALLAX_DIST, PARALLAX_CACHE)
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildSite, chooseProcessCount } from './site/split-build.ts';

const root = path.resolve(import.meta.dirname, '..');
const paths = {
  root,
  content: path.resolve(root, process.env.PARALLAX_CONTENT ?? 'content'),
  dist: path.resolve(root, process.env.PARALLAX_DIST ?? 'dist'),
  cache: path.resolve(root, process.env.PARALLAX_CACHE ?? 'node_modules/.astro'),
};
const articlesDir = path.join(paths.content, 'articles');
const articles = existsSync(articlesDir)
  ? readdirSync(articlesDir).filter((n) => n.endsWith('.md')).length
  : 0;
try {
  await buildSite(paths, chooseProcessCount(articles));
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
