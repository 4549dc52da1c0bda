import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../schema.ts';
import type { CardEntry } from './entry-files.ts';
import { renderArticleBody } from './render-article.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

/** Bodies rendered ahead of the page that asks for one: enough to keep the worker busy, no more. */
const AHEAD = 64;
/** Below this many pages, starting a worker costs more than it saves. */
const MIN_PAGES = 200;

interface Plan {
  pool: WorkerPool<CardEntry, string>;
  entries: CardEntry[];
  position: Map<string, number>;
  submitted: number;
  delivered: number;
  pending: Map<string, Promise<string | null>>;
}

let plan: Plan | null = null;

/**
 * Starts rendering the bodies of the article pages a build is about to render, in their order,
 * on a worker thread, and says whether it did. Astro renders pages on one thread; the bodies'
 * Markdown is the largest part of an article page's cost, and this way it runs on another core.
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
    pool: createWorkerPool<CardEntry, string>(worker, 1, null, { depth: 8, unref: true }),
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
 * An article's body as HTML: from the worker when the page was planned, else rendered here. A
 * body the worker could not render is rendered here too, so that any error is the page's own.
 */
export async function renderPlannedBody(
  entry: CardEntry,
  detail: { data: Article; body: string },
): Promise<string> {
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
    const html = await current.pending.get(entry.id);
    current.pending.delete(entry.id);
    if (++current.delivered === current.entries.length) {
      plan = null;
      void current.pool.close();
    }
    if (html != null) return html;
  }
  return renderArticleBody(detail.body, detail.data);
}
