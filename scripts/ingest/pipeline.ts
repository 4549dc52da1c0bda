import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { knownOutletSchema } from '../../src/schema.ts';
import { buildCorpus } from './corpus.ts';
import { extractArticle, type ArticleDraft, type Knowledge } from './extract.ts';
import { summarize, type IngestReport, type InputReport } from './report.ts';
import { compareStrings } from './text.ts';
import { validateCorpus, writeContent } from './write.ts';

/** Input types the ingest reads. */
export const INPUT_EXTENSIONS = ['.txt'];
/** Files larger than this are reported and skipped rather than read into memory. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Where the ingest reads and writes, and how strict it is. */
export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  knowledgeDir: string;
  /** Fail (exit code 1) on any error, not only when nothing could be ingested. */
  strict?: boolean;
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
  return { outlets: read('outlets.json', knownOutletSchema) };
}

/** A stamp of the pipeline's code and knowledge: output made under another stamp is stale. */
export function computePipelineVersion(knowledgeDir: string): string {
  const hash = createHash('sha256');
  const codeDir = path.dirname(new URL(import.meta.url).pathname);
  for (const dir of [codeDir, knowledgeDir]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSorted(dir)) hash.update(file).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

function readdirSorted(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.(ts|json)$/.test(f)).sort(compareStrings);
}

function emptyInput(file: string): InputReport {
  return { file, status: 'error', article: null, title: null, encoding: null, problems: [], warnings: [], evidence: {}, removed: [] };
}

/** Lists the seeds folder and reads each input it can, accounting for every entry. */
async function readInputs(options: IngestOptions, knowledge: Knowledge, reports: InputReport[]): Promise<ArticleDraft[]> {
  const names = (await readdir(options.seedsDir)).sort(compareStrings);
  const drafts: ArticleDraft[] = [];
  let done = 0;
  for (const name of names) {
    options.onProgress?.(++done, names.length);
    const full = path.join(options.seedsDir, name);
    const entry = emptyInput(name);
    reports.push(entry);
    if (name.startsWith('.')) {
      entry.status = 'skipped';
      entry.problems.push('hidden file');
      continue;
    }
    const extension = path.extname(name).toLowerCase();
    let info;
    try {
      info = await stat(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      entry.problems.push(code === 'ELOOP' ? 'symbolic link loop: the link points back to itself' : code === 'ENOENT' ? 'broken symbolic link: its target does not exist' : `cannot be read (${code ?? String(error)})`);
      continue;
    }
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
      const result = extractArticle(name, await readFile(full), knowledge);
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

/** Runs the ingest: read every input, compare across articles, validate, write content/. */
export async function runIngest(options: IngestOptions): Promise<IngestOutcome> {
  const knowledge = loadKnowledge(options.knowledgeDir);
  const reports: InputReport[] = [];
  const drafts = await readInputs(options, knowledge, reports);
  const corpus = buildCorpus(drafts, knowledge);
  const problems = validateCorpus(corpus);

  const byFile = new Map(reports.map((r) => [r.file, r]));
  for (const article of corpus.articles) {
    const entry = byFile.get(article.data.seedFile)!;
    entry.article = article.id;
    entry.title = article.data.title;
    entry.evidence = article.data.evidence;
  }
  for (const [file, notes] of corpus.notes) byFile.get(file)?.warnings.push(...notes);
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

  const report = summarize(computePipelineVersion(options.knowledgeDir), reports);
  const failed = report.totals.articles === 0 || (options.strict === true && report.totals.error > 0);
  if (report.totals.articles > 0) await writeContent(options.outDir, corpus, report);
  return { report, exitCode: failed ? 1 : 0 };
}
