/**
 * A worker thread of the site's build: renders article bodies while the main thread renders
 * pages, so that the build uses a second core. It answers each message before reading the next
 * (everything here is synchronous), as a pool that gives a worker several jobs requires.
 */
import { parentPort } from 'node:worker_threads';
import { readArticleSync, type CardEntry } from './entry-files.ts';
import { renderArticleBody } from './render-article.ts';

parentPort!.on('message', (entry: CardEntry) => {
  try {
    const { data, body } = readArticleSync(entry);
    parentPort!.postMessage({ ok: true, value: renderArticleBody(body, data) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: (error as Error).message });
  }
});
