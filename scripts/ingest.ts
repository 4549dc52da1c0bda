/**
 * The ingest command: turns the raw articles in seeds/ into typed entries in content/.
 * Usage: tsx scripts/ingest.ts [--seeds DIR] [--out DIR] [--knowledge DIR] [--cache DIR | --no-cache] [--threads N] [--strict] [--verbose]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runIngest } from './ingest/pipeline.ts';
import { formatReportTable } from './ingest/report.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: path.join(root, 'seeds') },
    out: { type: 'string', default: path.join(root, 'content') },
    knowledge: { type: 'string', default: path.join(root, 'content', 'knowledge') },
    strict: { type: 'boolean', default: false },
    cache: { type: 'string', default: path.join(root, '.cache', 'ingest') },
    'no-cache': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    threads: { type: 'string' },
  },
});

const showProgress = process.stderr.isTTY;
const outcome = await runIngest({
  seedsDir: path.resolve(values.seeds),
  outDir: path.resolve(values.out),
  knowledgeDir: path.resolve(values.knowledge),
  strict: values.strict,
  threads: values.threads === undefined ? undefined : Math.max(1, Number(values.threads) || 1),
  cacheDir: values['no-cache'] ? undefined : path.resolve(values.cache),
  onProgress: (done, total) => {
    if (showProgress && total >= 50 && (done % 50 === 0 || done === total))
      process.stderr.write(`\ringest: ${done}/${total} files read`);
  },
});
if (showProgress && outcome.report.totals.inputs >= 50) process.stderr.write('\n');
console.log(formatReportTable(outcome.report, values.verbose));
if (outcome.report.totals.articles === 0)
  console.error('ingest: no article could be ingested; content/ was left as it was');
else if (outcome.exitCode !== 0)
  console.error('ingest: --strict: failing because some inputs had errors');
process.exitCode = outcome.exitCode;
