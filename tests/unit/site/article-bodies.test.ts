import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  planArticleBodies,
  readPlannedArticle,
  type RenderedArticle,
} from '../../../src/lib/article-bodies.ts';
import { readArticle, type CardEntry } from '../../../src/lib/entry-files.ts';
import { renderArticleBody } from '../../../src/lib/render-article.ts';
import { createWorkerPool } from '../../../src/lib/worker-pool.ts';

const entries: CardEntry[] = readdirSync('content/articles').map((name) => ({
  id: name.slice(0, -3),
  filePath: path.join('content/articles', name),
}));

describe('article bodies rendered on a worker thread', () => {
  it('are the front matter and HTML the main thread reads and renders, article by article', async () => {
    const pool = createWorkerPool<CardEntry, RenderedArticle>(
      pathToFileURL(path.resolve('src/lib/render-worker.ts')),
      1,
      null,
      { depth: 3 },
    );
    try {
      const fromWorker = await Promise.all(entries.map((entry) => pool.run(entry)));
      for (const [i, entry] of entries.entries()) {
        const { data, body } = await readArticle(entry);
        expect(fromWorker[i]!.html, entry.id).toBe(renderArticleBody(body, data));
        expect(fromWorker[i]!.data, entry.id).toEqual(data);
        expect(fromWorker[i]!.html).toContain('<p id="p-1">');
      }
    } finally {
      await pool.close();
    }
  });

  it('come from a worker only for a build of many pages, and reach each planned page in or out of order, and an unplanned one too', async () => {
    expect(planArticleBodies(entries.slice(1))).toBe(false);
    expect(planArticleBodies(entries.slice(1), { minPages: 0 })).toBe(true);
    for (const entry of [...entries].reverse()) {
      const { data, body } = await readArticle(entry);
      expect(await readPlannedArticle(entry), entry.id).toEqual({
        data,
        html: renderArticleBody(body, data),
      });
    }
  });

  it('fail the page, with the entry named, when its file is gone', async () => {
    const pool = createWorkerPool<CardEntry, RenderedArticle>(
      pathToFileURL(path.resolve('src/lib/render-worker.ts')),
      1,
      null,
    );
    try {
      await expect(pool.run({ id: 'lost' })).rejects.toThrow(/lost: the content layer/);
    } finally {
      await pool.close();
    }
  });
});
