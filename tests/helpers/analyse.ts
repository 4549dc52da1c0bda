import path from 'node:path';
import { analyzeArticle } from '../../scripts/ingest/analysis/analyze.ts';
import { extractFromText } from '../../scripts/ingest/extract.ts';
import { loadKnowledge } from '../../scripts/ingest/pipeline.ts';
import { ROOT } from './seeds.ts';

/** The project's knowledge, as the ingest loads it. */
export const knowledge = loadKnowledge(path.join(ROOT, 'content/knowledge'));

/** Analyses an invented article given as paragraphs, published on a given day. */
export function analyseInvented(paragraphs: string[], published = '2025-03-10') {
  const result = extractFromText(
    'invented.txt',
    `An invented article\n\n${paragraphs.join('\n\n')}\n`,
    'utf-8',
    [],
    knowledge,
  );
  if (!result.ok) throw new Error(result.problem);
  return analyzeArticle(result.draft, knowledge, published);
}
