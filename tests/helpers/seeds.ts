import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractArticle, type ArticleDraft } from '../../scripts/ingest/extract.ts';
import { loadKnowledge } from '../../scripts/ingest/pipeline.ts';

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The hand-read facts about the seeds, kept as the project's own fixture. */
export const seedFacts = JSON.parse(
  readFileSync(path.join(ROOT, 'tests/fixtures/seed-facts.json'), 'utf8'),
) as {
  articles: Array<{
    seed: string;
    title: string;
    dek?: string;
    date: string;
    datePrecision: string;
    dateInferred: boolean;
    updated?: string;
    outlet: string | null;
    author: string | null;
    bodyStarts: string;
    bodyEnds: string;
    boilerplate: string[];
    headings: string[];
    section?: string;
    kind?: string;
    categories?: string[];
  }>;
};

/** The knowledge files of content/knowledge. */
export const knowledge = loadKnowledge(path.join(ROOT, 'content/knowledge'));

/** Reads one seed article through the per-article stage of the ingest. */
export function extractSeed(seed: string): ArticleDraft {
  const result = extractArticle(seed, readFileSync(path.join(ROOT, 'seeds', seed)), knowledge);
  if (!result.ok) throw new Error(`${seed}: ${result.problem}`);
  return result.draft;
}

/** The names of the seed files. */
export function seedFiles(): string[] {
  return readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
}
