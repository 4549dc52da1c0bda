import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Article } from '../../src/schema.ts';
import { runIngest, type IngestOutcome } from '../../scripts/ingest/pipeline.ts';
import { ROOT } from './seeds.ts';
import { makeTempDir } from '../helpers/temp.ts';

/** An ingest run into a fresh temporary folder, with its articles read back. */
export interface IngestRun extends IngestOutcome {
  outDir: string;
  articles: Array<{ id: string; data: Article; body: string }>;
}

/** Runs the real ingest on a folder of inputs, writing into a new temporary folder. */
export async function ingestInto(
  seedsDir: string,
  options: { strict?: boolean } = {},
): Promise<IngestRun> {
  const outDir = makeTempDir('ingest');
  const outcome = await runIngest({
    seedsDir,
    outDir,
    knowledgeDir: path.join(ROOT, 'content/knowledge'),
    strict: options.strict,
  });
  const articlesDir = path.join(outDir, 'articles');
  let files: string[] = [];
  try {
    files = readdirSync(articlesDir).sort();
  } catch {
    files = [];
  }
  const articles = files.map((file) => {
    const parsed = matter(readFileSync(path.join(articlesDir, file), 'utf8'));
    return { id: file.replace(/\.md$/, ''), data: parsed.data as Article, body: parsed.content };
  });
  return { ...outcome, outDir, articles };
}

/** Lists every file under a folder, as paths relative to it, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}
