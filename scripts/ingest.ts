/**
 * The ingest command: turns the raw articles in seeds/ into typed entries in content/.
 * Usage: tsx scripts/ingest.ts --help
 */
import path from 'node:path';
import { checkFolder, failCommand, parseCommandLine, readWholeNumber } from './cli.ts';
import { runIngest } from './ingest/pipeline.ts';
import { formatReportTable } from './ingest/report.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const USAGE =
  'tsx scripts/ingest.ts [--seeds DIR] [--out DIR] [--knowledge DIR] [--cache DIR | --no-cache] [--threads N] [--strict] [--verbose] [--timings]';
const values = parseCommandLine('ingest', USAGE, {
  seeds: { type: 'string', default: path.join(root, 'seeds') },
  out: { type: 'string', default: path.join(root, 'content') },
  knowledge: { type: 'string' },
  strict: { type: 'boolean', default: false },
  cache: { type: 'string', default: path.join(root, '.cache', 'ingest') },
  'no-cache': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  // One line giving how long each step took, for the benchmark and for finding slow steps.
  timings: { type: 'boolean', default: false },
  threads: { type: 'string' },
});
const seedsProblem = checkFolder(path.resolve(values.seeds));
if (seedsProblem) failCommand('ingest', `--seeds: ${seedsProblem}`);
// The curated knowledge is optional, but a folder named on the command line that is not there is
// a typo, which would otherwise only show as every article missing its topics.
const knowledgeDir = path.resolve(values.knowledge ?? path.join(root, 'content', 'knowledge'));
const knowledgeProblem = values.knowledge === undefined ? null : checkFolder(knowledgeDir);
if (knowledgeProblem) failCommand('ingest', `--knowledge: ${knowledgeProblem}`);
const threads = values.threads === undefined ? undefined : readWholeNumber(values.threads, 1);
if (threads === null)
  failCommand('ingest', `--threads: not a whole number of at least 1: ${values.threads}`);

const showProgress = process.stderr.isTTY;
const stepTimes: string[] = [];
const outcome = await runIngest({
  seedsDir: path.resolve(values.seeds),
  outDir: path.resolve(values.out),
  knowledgeDir,
  strict: values.strict,
  threads,
  cacheDir: values['no-cache'] ? undefined : path.resolve(values.cache),
  onProgress: (done, total) => {
    if (showProgress && total >= 50 && (done % 50 === 0 || done === total))
      process.stderr.write(`\ringest: ${done}/${total} files read`);
  },
  onStep: (step, ms) => stepTimes.push(`${step} ${Math.round(ms)} ms`),
});
if (showProgress && outcome.report.totals.inputs >= 50) process.stderr.write('\n');
console.log(formatReportTable(outcome.report, values.verbose));
if (values.timings) console.log(`ingest steps: ${stepTimes.join(', ')}`);
if (outcome.report.totals.articles === 0)
  console.error('ingest: no article could be ingested; content/ was left as it was');
else if (outcome.exitCode !== 0)
  console.error('ingest: --strict: failing because some inputs had errors');
process.exitCode = outcome.exitCode;
