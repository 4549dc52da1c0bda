import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { knownActorSchema, knownOutletSchema, knownTopicSchema } from '../../src/schema.ts';
import { computeCacheKey, computePipelineVersion, openArticleCache, type ArticleCache } from './cache.ts';
import { analyzeArticle, type ArticleAnalysis } from './analysis/analyze.ts';
import { buildCorpus, type AnalyzeFn } from './corpus.ts';
import { extractArticle, INPUT_FORMATS, type ArticleDraft, type ExtractResult, type Knowledge } from './extract.ts';
import { summarize, type IngestReport, type InputReport } from './report.ts';
import { compareStrings } from './text.ts';
import { validateCorpus, writeContent } from './write.ts';

/** Input types the ingest reads. */
export const INPUT_EXTENSIONS = Object.keys(INPUT_FORMATS);
/** Files larger than this are reported and skipped rather than read into memory. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Where the ingest reads and writes, and how strict it is. */
export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  knowledgeDir: string;
  /** Fail (exit code 1) on any error, not only when nothing could be ingested. */
  strict?: boolean;
  /** A folder for per-article results keyed by content hash and pipeline version; none when unset. */
  cacheDir?: string;
  /** Called with (done, total) as inputs are read, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

/** What a run produced: the report, and the exit code the command should end with. */
export interface IngestOutcome {
  report: IngestReport;
  exitCode: number;
}

/** Loads and validates the hand-written knowledge files; a broken one is a fatal error. */
export function loadKnowledge(knowledgeDir: string): Knowledge {
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): Array<z.output<S>> => {
    const full = path.join(knowledgeDir, file);
    if (!existsSync(full)) return [];
    const parsed = z.array(schema).safeParse(JSON.parse(readFileSync(full, 'utf8')));
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`invalid knowledge file\n${details}`);
    }
    return parsed.data;
  };
  return { outlets: read('outlets.json', knownOutletSchema), actors: read('actors.json', knownActorSchema), topics: read('topics.json', knownTopicSchema) };
}

const CODE_DIR = path.dirname(new URL(import.meta.url).pathname);
const PROJECT_ROOT = path.resolve(CODE_DIR, '../..');

/** The pipeline's version for this run: code, schemas, knowledge and locked dependencies. */
export function currentPipelineVersion(knowledgeDir: string): string {
  return computePipelineVersion(CODE_DIR, knowledgeDir, [path.join(PROJECT_ROOT, 'src/schema.ts'), path.join(PROJECT_ROOT, 'package-lock.json')]);
}

function emptyInput(file: string): InputReport {
  return { file, status: 'error', article: null, title: null, encoding: null, problems: [], warnings: [], evidence: {}, removed: [] };
}

/** What the file system says about one entry, fetched ahead of the extraction that needs it. */
type LoadedEntry = { info: Stats; bytes: Buffer | null } | { error: NodeJS.ErrnoException };

/** How many inputs are read ahead of the one being extracted, so disk waits overlap with work. */
const READ_AHEAD = 16;

async function loadEntry(full: string, extension: string): Promise<LoadedEntry> {
  try {
    const info = await stat(full);
    const wanted = info.isFile() && INPUT_EXTENSIONS.includes(extension) && info.size <= MAX_INPUT_BYTES;
    return { info, bytes: wanted ? await readFile(full) : null };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

/** Lists the seeds folder and reads each input it can, accounting for every entry. */
async function readInputs(
  options: IngestOptions,
  knowledge: Knowledge,
  reports: InputReport[],
  cache: { store: ArticleCache; version: string; keys: Map<string, string> } | null,
): Promise<ArticleDraft[]> {
  const names = (await readdir(options.seedsDir)).sort(compareStrings);
  const drafts: ArticleDraft[] = [];
  const loads: Array<Promise<LoadedEntry> | undefined> = [];
  const startLoad = (i: number) => {
    const name = names[i];
    if (name !== undefined && !name.startsWith('.')) loads[i] ??= loadEntry(path.join(options.seedsDir, name), path.extname(name).toLowerCase());
  };
  let done = 0;
  for (const [i, name] of names.entries()) {
    options.onProgress?.(++done, names.length);
    for (let ahead = i; ahead < i + READ_AHEAD; ahead++) startLoad(ahead);
    const entry = emptyInput(name);
    reports.push(entry);
    if (name.startsWith('.')) {
      entry.status = 'skipped';
      entry.problems.push('hidden file');
      continue;
    }
    const extension = path.extname(name).toLowerCase();
    const loaded = await loads[i]!;
    loads[i] = undefined;
    if ('error' in loaded) {
      const code = loaded.error.code;
      entry.problems.push(code === 'ELOOP' ? 'symbolic link loop: the link points back to itself' : code === 'ENOENT' ? 'broken symbolic link: its target does not exist' : `cannot be read (${code ?? String(loaded.error)})`);
      continue;
    }
    const { info, bytes } = loaded;
    if (info.isDirectory()) {
      entry.status = INPUT_EXTENSIONS.includes(extension) ? 'error' : 'skipped';
      entry.problems.push(`is a folder${INPUT_EXTENSIONS.includes(extension) ? ' named like an article file' : ''}, not a file`);
      continue;
    }
    if (!INPUT_EXTENSIONS.includes(extension)) {
      entry.status = 'skipped';
      entry.problems.push(`not an article file (reads ${INPUT_EXTENSIONS.join(', ')})`);
      continue;
    }
    if (info.size > MAX_INPUT_BYTES) {
      entry.problems.push(`too large to be an article (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
      continue;
    }
    try {
      if (!bytes) throw new Error('the file could not be read');
      const key = cache ? computeCacheKey(name, bytes, cache.version) : '';
      cache?.keys.set(name, key);
      let result = cache?.store.read<ExtractResult>(key);
      if (!result) {
        result = extractArticle(name, bytes, knowledge);
        cache?.store.write(key, result);
      }
      if (!result.ok) {
        entry.problems.push(result.problem);
        continue;
      }
      drafts.push(result.draft);
      entry.encoding = result.draft.encoding;
      entry.removed = result.draft.removed;
      entry.warnings.push(...result.draft.warnings);
    } catch (error) {
      entry.problems.push(`the ingest failed on this file: ${(error as Error).message}`);
    }
  }
  return drafts;
}

/**
 * Wraps the per-article analysis in the cache. Its result depends on the article (its draft's
 * key) and on the publication date the corpus settled on, which may be an inferred year.
 */
function cacheAnalysis(cache: { store: ArticleCache; version: string; keys: Map<string, string> }, knowledge: Knowledge): AnalyzeFn {
  return (draft, published) => {
    const key = computeCacheKey(`analysis:${published ?? 'undated'}`, new TextEncoder().encode(cache.keys.get(draft.seedFile) ?? draft.seedFile), cache.version);
    const cached = cache.store.read<ArticleAnalysis>(key);
    if (cached) return cached;
    const analysis = analyzeArticle(draft, knowledge, published);
    cache.store.write(key, analysis);
    return analysis;
  };
}

/** Runs the ingest: read every input, compare across articles, validate, write content/. */
export async function runIngest(options: IngestOptions): Promise<IngestOutcome> {
  const knowledge = loadKnowledge(options.knowledgeDir);
  const reports: InputReport[] = [];
  const version = currentPipelineVersion(options.knowledgeDir);
  const cache = options.cacheDir ? { store: openArticleCache(options.cacheDir), version, keys: new Map<string, string>() } : null;
  const drafts = await readInputs(options, knowledge, reports, cache);
  const corpus = buildCorpus(drafts, knowledge, cache ? cacheAnalysis(cache, knowledge) : undefined);
  const problems = validateCorpus(corpus);

  const byFile = new Map(reports.map((r) => [r.file, r]));
  for (const article of corpus.articles) {
    const entry = byFile.get(article.data.seedFile)!;
    entry.article = article.id;
    entry.title = article.data.title;
    entry.evidence = article.data.evidence;
  }
  for (const [file, notes] of corpus.notes) byFile.get(file)?.warnings.push(...notes);
  // Only a warning: the page may be scheduled or its clock wrong, and the date is still what it shows.
  const today = new Date().toISOString().slice(0, 10);
  for (const article of corpus.articles) {
    if (article.data.date && article.data.date.slice(0, 10) > today.slice(0, article.data.date.length)) {
      byFile.get(article.data.seedFile)?.warnings.push(`publication date ${article.data.date} is in the future`);
    }
  }
  for (const problem of problems) {
    const file = /\(([^)]+)\)$/.exec(problem.entry)?.[1];
    const entry = file ? byFile.get(file) : undefined;
    const text = `invalid ${problem.entry.replace(/ \(.*\)$/, '')}: ${problem.field}: ${problem.message}`;
    if (entry) entry.problems.push(text);
  }
  for (const entry of reports) {
    if (entry.status === 'skipped') continue;
    entry.status = entry.problems.length ? 'error' : entry.warnings.length ? 'warning' : 'ok';
    if (entry.status === 'error') entry.article = null;
  }

  const report = summarize(version, reports);
  const failed = report.totals.articles === 0 || (options.strict === true && report.totals.error > 0);
  if (report.totals.articles > 0) await writeContent(options.outDir, corpus, report);
  return { report, exitCode: failed ? 1 : 0 };
}
