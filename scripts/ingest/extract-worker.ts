/**
 * A worker thread of the ingest: reads one input and analyses it at the date it states, so that
 * the per-article work of a large corpus runs on every core. The main thread keeps everything
 * that compares articles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle } from './analysis/analyze.ts';
import { statedDate } from './corpus.ts';
import { extractArticle, type Knowledge } from './extract.ts';
import { writeOutputText, type ExtractOutput, type ExtractOutputText } from './extract-output.ts';
import type { ExtractJob } from './pipeline.ts';

const knowledge = (workerData as { data: Knowledge }).data;

parentPort!.on('message', ({ name, bytes }: ExtractJob) => {
  let value: ExtractOutputText;
  try {
    const result = extractArticle(name, bytes, knowledge);
    const output: ExtractOutput = { result, analysis: null };
    if (result.ok) {
      const published = statedDate(result.draft);
      try {
        output.analysis = { published, value: analyzeArticle(result.draft, knowledge, published) };
      } catch {
        // Left to the main thread, which analyses it again and reports the failure where it always has.
      }
    }
    value = writeOutputText(output);
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: (error as Error).message });
    return;
  }
  parentPort!.postMessage({ ok: true, value });
});
