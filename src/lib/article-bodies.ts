import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../schema.ts';
import { readArticle, type CardEntry } from './entry-files.ts';
import { renderArticleBody } from './render-article.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

/** Bodies rendered ahead of the page that asks for one: enough to keep the worker busy, no more. */
const AHEAD = 64;
/** Below this many pages, starting a worker costs more than it saves. */
const MIN_PAGES = 200;

/** An article's whole front matter, read from its file, and its body as HTML. */
export interface RenderedArticle {
  data: Article;
  html: string;
}

interface Plan {
  pool: WorkerPool<CardEntry, RenderedArticle>;
  entries: CardEntry[];
  position: Map<string, number>;
  submitted: number;
  delivered: number;
  pending: Map<string, Promise<RenderedArticle | null>>;
}

let plan: Plan | null = null;

/**
 * Starts reading and rendering the articles whose pages a build is about to render, in their
 * order, on a worker thread, and says whether it did. Astro renders pages on one thread; reading
 * an article's file and rendering its Markdown are the largest part of an article page's cost,
 * and this way they run on another core.
 */
export function planArticleBodies(
  entries: CardEntry[],
  { minPages = MIN_PAGES }: { minPages?: number } = {},
): boolean {
  if (plan || entries.length < minPages) return false;
  // The bundle's own address is in Astro's build folder, not beside the sources.
  const worker = pathToFileURL(
    path.resolve(process.env.PARALLAX_ROOT ?? '', 'src/lib/render-worker.ts'),
  );
  plan = {
    pool: createWorkerPool<CardEntry, RenderedArticle>(worker, 1, null, { depth: 8, unref: true }),
    // Only what the worker reads: a whole entry would be copied into every message.
    entries: entries.map(({ id, filePath }) => ({ id, filePath })),
    position: new Map(entries.map((e, i) => [e.id, i])),
    submitted: 0,
    delivered: 0,
    pending: new Map(),
  };
  return true;
}

/**
 * An article's whole front matter and its body as HTML: from the worker when the page was
 * planned, else read and rendered here. An article the worker could not give is read and
 * rendered here too, so that any error is the page's own.
 */
export async function readPlannedArticle(entry: CardEntry): Promise<RenderedArticle> {
  const at = plan?.position.get(entry.id);
  if (plan && at !== undefined) {
    const current = plan;
    const until = Math.min(current.entries.length, at + AHEAD);
    for (; current.submitted < until; current.submitted++) {
      const next = current.entries[current.submitted]!;
      current.pending.set(
        next.id,
        current.pool.run(next).catch(() => null),
      );
    }
    const rendered = await current.pending.get(entry.id);
    current.pending.delete(entry.id);
    if (++current.delivered === current.entries.length) {
      plan = null;
      void current.pool.close();
    }
    if (rendered) return rendered;
  }
  const { data, body } = await readArticle(entry);
  return { data, html: renderArticleBody(body, data) };
}
