/**
 * A worker thread of the site's build: reads, validates and renders articles while the main
 * thread renders pages, so that the build uses a second core and reads each article once. It
 * answers each message before reading the next (everything here is synchronous), as a pool that
 * gives a worker several jobs requires.
 */
import { parentPort } from 'node:worker_threads';
import { readArticleSync, type CardEntry } from './entry-files.ts';
import type { RenderedArticle } from './article-bodies.ts';
import { renderArticleBody } from './render-article.ts';

parentPort!.on('message', (entry: CardEntry) => {
  try {
    const { data, body } = readArticleSync(entry);
    const value: RenderedArticle = { data, html: renderArticleBody(body, data) };
    parentPort!.postMessage({ ok: true, value });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: (error as Error).message });
  }
});
