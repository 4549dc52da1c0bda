import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { knownActorSchema, knownOutletSchema, knownTopicSchema } from '../../src/schema.ts';
import {
  computeCacheKey,
  computePipelineVersion,
  openArticleCache,
  type ArticleCache,
} from './cache.ts';
import { analyzeArticle, type ArticleAnalysis } from './analysis/analyze.ts';
import { nameKey } from './analysis/gazetteer.ts';
import { buildCorpus, type AnalyzeFn, type Corpus } from './corpus.ts';
import {
  extractArticle,
  INPUT_FORMATS,
  type ArticleDraft,
  type ExtractResult,
  type Knowledge,
} from './extract.ts';
import { summarize, type IngestReport, type InputReport } from './report.ts';
import {
  readOutputText,
  unpackExtractResult,
  writeOutputText,
  type CachedExtractResult,
  type EarlyAnalysis,
  type ExtractOutput,
  type ExtractOutputText,
} from './extract-output.ts';
import { compareStrings } from './text.ts';
import { createWorkerPool, WorkerPoolError, type WorkerPool } from '../../src/lib/worker-pool.ts';
import type { ValidationProblem } from './validate.ts';
import { writeContent } from './write.ts';

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
  /** Worker threads for reading and analysing articles (and one fewer for checking entries); 1 keeps all work on the main thread. Default: one per core, at most 4. */
  threads?: number;
  /** How many inputs to read it takes to start the worker threads. Default: PARALLEL_MIN_INPUTS. */
  parallelMinInputs?: number;
  /** Called with (done, total) as inputs are read, for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each step of the run ends, with the milliseconds it took, for measuring. */
  onStep?: (step: IngestStep, ms: number) => void;
}

/** The steps of a run, in order: reading and analysing each input, then the corpus-wide ones. */
export type IngestStep = 'read' | 'compare' | 'validate' | 'write';

/** What a run produced: the report, and the exit code the command should end with. */
export interface IngestOutcome {
  report: IngestReport;
  exitCode: number;
  /** How many worker threads read inputs: 0 when the main thread read them all. */
  workerThreads: number;
}

/** Loads and validates the hand-written knowledge files; a broken one is a fatal error. */
export function loadKnowledge(knowledgeDir: string): Knowledge {
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): Array<z.output<S>> => {
    const full = path.join(knowledgeDir, file);
    if (!existsSync(full)) return [];
    const parsed = z.array(schema).safeParse(JSON.parse(readFileSync(full, 'utf8')));
    if (!parsed.success) {
      const details = parsed.error.issues
        .map((i) => `${file}: ${i.path.join('.')}: ${i.message}`)
        .join('\n');
      throw new Error(`invalid knowledge file\n${details}`);
    }
    return parsed.data;
  };
  return {
    outlets: addReference(
      read('outlets.json', knownOutletSchema),
      read('world-outlets.json', knownOutletSchema),
    ),
    actors: addReference(
      read('actors.json', knownActorSchema),
      read('world-actors.json', knownActorSchema),
    ),
    topics: read('topics.json', knownTopicSchema),
  };
}

/**
 * Adds general reference entries (the world's countries, capitals, international bodies and
 * major outlets) to a corpus's curated ones, except where a curated entry has the same id or
 * one of the same spellings: the corpus's own curation wins.
 */
function addReference<
  T extends { id: string; name: string; aliases: string[]; fullName?: string | null },
>(curated: T[], reference: T[]): T[] {
  const spellings = (entry: T) =>
    [entry.name, ...entry.aliases, ...(entry.fullName ? [entry.fullName] : [])].map(nameKey);
  const ids = new Set(curated.map((entry) => entry.id));
  const names = new Set(curated.flatMap(spellings));
  const added = reference.filter(
    (entry) => !ids.has(entry.id) && !spellings(entry).some((name) => names.has(name)),
  );
  return [...curated, ...added];
}

const CODE_DIR = path.dirname(new URL(import.meta.url).pathname);
const PROJECT_ROOT = path.resolve(CODE_DIR, '../..');

/** The pipeline's version for this run: code, schemas, knowledge and locked dependencies. */
export function currentPipelineVersion(knowledgeDir: string): string {
  return computePipelineVersion(CODE_DIR, knowledgeDir, [
    path.join(PROJECT_ROOT, 'src/schema.ts'),
    path.join(PROJECT_ROOT, 'package-lock.json'),
  ]);
}

function emptyInput(file: string): InputReport {
  return {
    file,
    status: 'error',
    article: null,
    title: null,
    encoding: null,
    problems: [],
    warnings: [],
    evidence: {},
    removed: [],
  };
}

/** One input handed to a worker: its file name and bytes. */
export interface ExtractJob {
  name: string;
  bytes: Uint8Array;
}

/**
 * Below this many inputs to read, starting worker threads costs more than it saves. Each worker
 * loads the ingest's modules through tsx (about 1 s of its own, more while the others do), and on
 * this workplace's 2-core machines an article read on a worker costs about half as much processor
 * time again as one read on the main thread. Measured there, main thread against two workers:
 * 100 articles 2.9 s against 4.3-5.2 s, 1,000 articles 6.2-7.3 s against 8.6-9.2 s, 2,000
 * articles 11.6-13.6 s against 10.4-13.4 s, 10,000 articles 48-58 s against 37-50 s.
 */
export const PARALLEL_MIN_INPUTS = 2000;

type ExtractOutcome = ExtractOutput | { failure: string };

/**
 * Reads the inputs that were not cached, each handed over as soon as it is loaded: once there are
 * enough of them to pay for worker threads, on those, so that they work while the rest are still
 * being loaded from disk (about 2 s of 10,000 files); else here, when the last one is in.
 */
function startExtraction(
  knowledge: Knowledge,
  threads: number,
  minInputs: number,
  onOutput: (job: ExtractJob, output: ExtractOutput, text: ExtractOutputText | null) => void,
) {
  const waiting: Array<{ job: ExtractJob; resolve: (outcome: Promise<ExtractOutcome>) => void }> =
    [];
  let pool: WorkerPool<ExtractJob, ExtractOutputText> | null = null;
  const extractHere = async (job: ExtractJob): Promise<ExtractOutcome> => {
    try {
      const output = { result: extractArticle(job.name, job.bytes, knowledge), analysis: null };
      onOutput(job, output, null);
      return output;
    } catch (error) {
      return { failure: (error as Error).message };
    }
  };
  // A job that fails is that file's problem; a pool that fails is not, and its jobs run here.
  const extractOnPool = (job: ExtractJob): Promise<ExtractOutcome> =>
    pool!
      .run(job)
      // Handled as each arrives, while this thread would otherwise wait for the workers.
      .then((text) => {
        const output = readOutputText(text);
        onOutput(job, output, text);
        return output;
      })
      .catch((error: Error) =>
        error instanceof WorkerPoolError ? extractHere(job) : { failure: error.message },
      );
  return {
    /** Queues one input; its outcome comes once it is read. */
    add(job: ExtractJob): Promise<ExtractOutcome> {
      if (pool) return extractOnPool(job);
      const outcome = new Promise<ExtractOutcome>((resolve) => waiting.push({ job, resolve }));
      if (threads >= 2 && waiting.length >= minInputs) {
        pool = createWorkerPool<ExtractJob, ExtractOutputText>(
          new URL('./extract-worker.ts', import.meta.url),
          threads,
          knowledge,
        );
        for (const { job, resolve } of waiting.splice(0)) resolve(extractOnPool(job));
      }
      return outcome;
    },
    /** Says no more inputs come: those too few for worker threads are read here now. */
    finish(): void {
      for (const { job, resolve } of waiting.splice(0)) resolve(extractHere(job));
    },
    /** How many worker threads were started. */
    workerThreads(): number {
      return pool ? threads : 0;
    },
    async close(): Promise<void> {
      await pool?.close();
    },
  };
}

/** What the file system says about one entry. */
type LoadedEntry = { info: Stats; bytes: Buffer | null } | { error: NodeJS.ErrnoException };

/**
 * Reads one entry synchronously. Through the promise API each file took several round trips to
 * the thread pool: 10,000 files cost 1.0-1.4 s of processor time that way, 0.2 s this way, on
 * cores the workers need. The caller yields after each file, so the workers are never kept waiting.
 */
function loadEntry(full: string, extension: string): LoadedEntry {
  try {
    const info = statSync(full);
    const wanted =
      info.isFile() && INPUT_EXTENSIONS.includes(extension) && info.size <= MAX_INPUT_BYTES;
    return { info, bytes: wanted ? readFileSync(full) : null };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

/** Lets queued messages, the workers' answers among them, be handled before the next file. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lists the seeds folder and reads each input it can, accounting for every entry. */
async function readInputs(
  options: IngestOptions,
  knowledge: Knowledge,
  reports: InputReport[],
  cache: { store: ArticleCache; version: string; keys: Map<string, string> } | null,
): Promise<{ drafts: ArticleDraft[]; early: Map<string, EarlyAnalysis>; workerThreads: number }> {
  const names = (await readdir(options.seedsDir)).sort(compareStrings);
  const threads = options.threads ?? Math.min(availableParallelism(), 4);
  const extraction = startExtraction(
    knowledge,
    threads,
    options.parallelMinInputs ?? PARALLEL_MIN_INPUTS,
    (job, output, text) => {
      if (!cache) return;
      const key = cache.keys.get(job.name)!;
      // A worker's output comes as the JSON the cache keeps; one read here is serialized now.
      const { result, analysis } = text ?? writeOutputText(output);
      cache.store.writeJson(key, result);
      if (analysis)
        cache.store.writeJson(
          analysisCacheKey(key, analysis.published, cache.version),
          analysis.json,
        );
    },
  );
  const slots: Array<{ entry: InputReport; result: ExtractResult | Promise<ExtractOutcome> }> = [];
  try {
    let done = 0;
    for (const name of names) {
      options.onProgress?.(++done, names.length);
      const entry = emptyInput(name);
      reports.push(entry);
      if (name.startsWith('.')) {
        entry.status = 'skipped';
        entry.problems.push('hidden file');
        continue;
      }
      await yieldToEvents();
      const loaded = loadEntry(path.join(options.seedsDir, name), path.extname(name).toLowerCase());
      const bytes = checkLoadedEntry(entry, loaded);
      if (!bytes) continue;
      const key = cache ? computeCacheKey(name, bytes, cache.version) : '';
      cache?.keys.set(name, key);
      const cached = unpackExtractResult(cache?.store.read<CachedExtractResult>(key));
      slots.push({ entry, result: cached ?? extraction.add({ name, bytes }) });
    }
    extraction.finish();

    const drafts: ArticleDraft[] = [];
    const early = new Map<string, EarlyAnalysis>();
    for (const { entry, result: pending } of slots) {
      let result: ExtractResult;
      if (pending instanceof Promise) {
        const outcome = await pending;
        if ('failure' in outcome) {
          entry.problems.push(`the ingest failed on this file: ${outcome.failure}`);
          continue;
        }
        result = outcome.result;
        if (outcome.analysis) early.set(entry.file, outcome.analysis);
      } else result = pending;
      if (!result.ok) {
        entry.problems.push(result.problem);
        continue;
      }
      drafts.push(result.draft);
      entry.encoding = result.draft.encoding;
      entry.removed = result.draft.removed;
      entry.warnings.push(...result.draft.warnings);
    }
    return { drafts, early, workerThreads: extraction.workerThreads() };
  } finally {
    await extraction.close();
  }
}

/**
 * Says what is wrong with one directory entry for it to be read as an article, in its report, or
 * gives its bytes.
 */
function checkLoadedEntry(entry: InputReport, loaded: LoadedEntry): Buffer | null {
  const extension = path.extname(entry.file).toLowerCase();
  if ('error' in loaded) {
    const code = loaded.error.code;
    entry.problems.push(
      code === 'ELOOP'
        ? 'symbolic link loop: the link points back to itself'
        : code === 'ENOENT'
          ? 'broken symbolic link: its target does not exist'
          : `cannot be read (${code ?? String(loaded.error)})`,
    );
    return null;
  }
  const { info, bytes } = loaded;
  if (info.isDirectory()) {
    entry.status = INPUT_EXTENSIONS.includes(extension) ? 'error' : 'skipped';
    entry.problems.push(
      `is a folder${INPUT_EXTENSIONS.includes(extension) ? ' named like an article file' : ''}, not a file`,
    );
    return null;
  }
  if (!INPUT_EXTENSIONS.includes(extension)) {
    entry.status = 'skipped';
    entry.problems.push(`not an article file (reads ${INPUT_EXTENSIONS.join(', ')})`);
    return null;
  }
  if (info.size > MAX_INPUT_BYTES) {
    entry.problems.push(
      `too large to be an article (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`,
    );
    return null;
  }
  if (!bytes) entry.problems.push('the ingest failed on this file: the file could not be read');
  return bytes;
}

/** The cache key of an article's analysis: its input's key and the date it was analysed at. */
function analysisCacheKey(inputKey: string, published: string | null, version: string): string {
  return computeCacheKey(
    `analysis:${published ?? 'undated'}`,
    new TextEncoder().encode(inputKey),
    version,
  );
}

/**
 * The per-article analysis: the workers' when they analysed the article at the date the corpus
 * settled on, else the cache's, else made here. Its result depends on the article (its draft's
 * key) and on that date, which may be an inferred year.
 */
function chooseAnalysis(
  knowledge: Knowledge,
  early: Map<string, EarlyAnalysis>,
  cache: { store: ArticleCache; version: string; keys: Map<string, string> } | null,
): AnalyzeFn {
  return (draft, published) => {
    // A worker's analysis at this date is already in the cache: it was written when it arrived.
    const made = early.get(draft.seedFile);
    if (made && made.published === published) return made.value;
    const key = cache
      ? analysisCacheKey(cache.keys.get(draft.seedFile) ?? draft.seedFile, published, cache.version)
      : '';
    const cached = cache?.store.read<ArticleAnalysis>(key);
    if (cached) return cached;
    const analysis = analyzeArticle(draft, knowledge, published);
    cache?.store.write(key, analysis);
    return analysis;
  };
}

/** Completes each input's report from the checked corpus and its problems, and sums them up. */
function reportRun(
  version: string,
  corpus: Corpus,
  reports: InputReport[],
  problems: ValidationProblem[],
): IngestReport {
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
    if (
      article.data.date &&
      article.data.date.slice(0, 10) > today.slice(0, article.data.date.length)
    ) {
      byFile
        .get(article.data.seedFile)
        ?.warnings.push(`publication date ${article.data.date} is in the future`);
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
  return summarize(version, reports);
}

/** Runs the ingest: read every input, compare across articles, validate, write content/. */
export async function runIngest(options: IngestOptions): Promise<IngestOutcome> {
  const knowledge = loadKnowledge(options.knowledgeDir);
  const reports: InputReport[] = [];
  const version = currentPipelineVersion(options.knowledgeDir);
  const cache = options.cacheDir
    ? { store: openArticleCache(options.cacheDir), version, keys: new Map<string, string>() }
    : null;
  let stepStart = performance.now();
  const endStep = (step: IngestStep) => {
    const now = performance.now();
    options.onStep?.(step, now - stepStart);
    stepStart = now;
  };
  let corpus: Corpus;
  let workerThreads: number;
  try {
    const read = await readInputs(options, knowledge, reports, cache);
    workerThreads = read.workerThreads;
    endStep('read');
    const { drafts, early } = read;
    corpus = buildCorpus(drafts, knowledge, chooseAnalysis(knowledge, early, cache));
  } finally {
    // What was read is kept for the next run even when this one fails.
    cache?.store.close();
  }
  endStep('compare');
  const { report, validateWaitMs } = await writeContent(options.outDir, corpus, {
    memory: options.cacheDir
      ? { manifestFile: path.join(options.cacheDir, 'written-content.json'), version }
      : undefined,
    validation: options.threads === undefined ? {} : { threads: options.threads - 1 },
    finish: (problems) => {
      const report = reportRun(version, corpus, reports, problems);
      return { report, write: report.totals.articles > 0 };
    },
  });
  // The checks run beside the writing: what is left of them is the time the run waited for them.
  const writeMs = performance.now() - stepStart;
  options.onStep?.('validate', validateWaitMs);
  options.onStep?.('write', writeMs - validateWaitMs);
  const failed =
    report.totals.articles === 0 || (options.strict === true && report.totals.error > 0);
  return { report, exitCode: failed ? 1 : 0, workerThreads };
}
