/**
 * A worker thread of the ingest's write step: checks batches of entries against their schemas
 * while the main thread formats and writes them.
 */
import { parentPort } from 'node:worker_threads';
import { checkEntry, type EntryCheck } from './validate.ts';

parentPort!.on('message', (checks: EntryCheck[]) => {
  try {
    parentPort!.postMessage({ ok: true, value: checks.map(checkEntry) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: (error as Error).message });
  }
});
